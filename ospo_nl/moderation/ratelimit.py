"""Rate limits on writing: posting, commenting, voting and reporting.

A signed-in member is counted per account, a visitor per address. Not per address for members: behind one
office NAT or our own load balancer many members share an address, and one busy colleague must not use up
everybody's posts. Counts live in Django's cache (the shared Redis in production, so every web node counts
together) in fixed windows. A member whose account is younger than `NEW_MEMBER_DAYS` gets the stricter
"new" limit: spam accounts are young. Over the limit a POST gets 429 with a page that says when to try
again (and a Retry-After header); GET requests (the forms) are never limited. Every POST counts, also one
whose form turns out invalid. Tune with `settings.RATELIMITS` ({scope: {"member": (n, seconds), "new": ...,
"ip": ...}}, from the RATELIMITS environment variable); the address comes from
`ospo_nl.core.client_address` (TRUSTED_PROXIES, RATELIMIT_IP_HEADER).
"""

import functools
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django.utils import timezone

from ospo_nl.core.client_address import client_address, rate_limit_key

NEW_MEMBER_DAYS = 7
HOUR = 3600

DEFAULT_LIMITS = {
    "post": {"member": (20, HOUR), "new": (5, HOUR), "ip": (40, HOUR)},  # casussen, answers, topics, replies
    "comment": {"member": (40, HOUR), "new": (10, HOUR), "ip": (80, HOUR)},
    "vote": {"member": (120, HOUR), "new": (30, HOUR), "ip": (240, HOUR)},
    "report": {"member": (20, HOUR), "new": (5, HOUR), "ip": (40, HOUR)},
}


_unknown = set(getattr(settings, "RATELIMITS", {})) - set(DEFAULT_LIMITS)
if _unknown:  # a typo in RATELIMITS would otherwise leave the real scope at its default, unnoticed
    raise ImproperlyConfigured(f"RATELIMITS names unknown scopes {sorted(_unknown)}: use {sorted(DEFAULT_LIMITS)}.")


def limits_for(scope):
    return {**DEFAULT_LIMITS[scope], **getattr(settings, "RATELIMITS", {}).get(scope, {})}


def is_new_member(user):
    return user.date_joined > timezone.now() - timedelta(days=NEW_MEMBER_DAYS)


def client_ip(request):
    return client_address(request)


def _hit(key, limit, period, now):
    """Count one hit in the current window of `key`; the seconds to wait when over `limit`, else 0."""
    window = int(now // period)
    cache_key = f"rl:{key}:{period}:{window}"
    cache.add(cache_key, 0, timeout=period + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period + 1)
        count = 1
    if count > limit:
        return max(1, int((window + 1) * period - now))
    return 0


def check(request, scope, *, now=None):
    """Count this request against `scope`; the seconds to wait when a limit is exceeded, else 0."""
    now = time.time() if now is None else now
    limits = limits_for(scope)
    user = request.user
    if user.is_staff:
        return 0
    if user.is_authenticated:
        limit, period = limits["new"] if is_new_member(user) else limits["member"]
        return _hit(f"{scope}:u:{user.pk}", limit, period, now)
    limit, period = limits["ip"]
    return _hit(f"{scope}:ip:{rate_limit_key(client_ip(request))}", limit, period, now)


def too_many(request, retry_after):
    response = render(request, "429.html", {"retry_after": retry_after, "minutes": (retry_after + 59) // 60},
                      status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(scope):
    """Limit the POSTs to a view (staff are never limited). Put it outside @login_required/@require_POST."""
    DEFAULT_LIMITS[scope]  # fail at import time on a typo

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                wait = check(request, scope)
                if wait:
                    return too_many(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
