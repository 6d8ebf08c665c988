"""The address a request comes from, with our own proxies taken into account and nobody else's.

Behind the load balancer REMOTE_ADDR is the balancer. Only when REMOTE_ADDR is one of
`settings.TRUSTED_PROXIES` is the forwarding header (`settings.RATELIMIT_IP_HEADER`, X-Forwarded-For by
default) read, and then from the right: each proxy appends the address it saw, so the rightmost entries
are our own proxies' and the first one that is not a trusted proxy is the client. Whatever a client wrote
into the header itself stands to the left of that and is never used. Without TRUSTED_PROXIES the header
is ignored entirely: a client cannot choose its own address.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(n, strict=False) for n in trusted)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """The client's IP address as a string ("" when the request has none)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _is_trusted(_address(remote), networks):
        return remote
    header = request.META.get(getattr(settings, "RATELIMIT_IP_HEADER", "HTTP_X_FORWARDED_FOR"), "")
    nearest = remote
    for hop in reversed([h for h in header.split(",") if h.strip()]):
        address = _address(hop)
        if address is None:
            # Garbage next to an address our proxy vouches for: trust nothing further left.
            return nearest
        if not _is_trusted(address, networks):
            return str(address)
        nearest = str(address)
    return nearest


def rate_limit_key(address):
    """IPv6 clients usually hold a whole /64: count them per /64, or one client could rotate through it."""
    parsed = _address(address)
    if isinstance(parsed, ipaddress.IPv6Address) and not parsed.ipv4_mapped:
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address)
    return address
