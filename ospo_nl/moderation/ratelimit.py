"""Rate limits on writing: posting, commenting, voting and reporting, per member and per IP address.

Counts live in Django's cache (the shared Redis in production, so every web node counts together) in
fixed windows. A member whose account is younger than `NEW_MEMBER_DAYS` gets the stricter "new"
limit: spam accounts are young. Over the limit a POST gets 429 with a page that says when to try
again (and a Retry-After header); GET requests (the forms) are never limited. Every POST counts,
also one whose form turns out invalid. Tune with `settings.RATELIMITS` ({scope: {"member": (n, seconds),
"new": ..., "ip": ...}}); behind a proxy that does not set REMOTE_ADDR, name the header that carries
the client address in `settings.RATELIMIT_IP_HEADER` (its last address counts: the one our proxy added).
"""

import functools
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone

NEW_MEMBER_DAYS = 7
HOUR = 3600

DEFAULT_LIMITS = {
    "post": {"member": (20, HOUR), "new": (5, HOUR), "ip": (40, HOUR)},  # casussen, answers, topics, replies
    "comment": {"member": (40, HOUR), "new": (10, HOUR), "ip": (80, HOUR)},
    "vote": {"member": (120, HOUR), "new": (30, HOUR), "ip": (240, HOUR)},
    "report": {"member": (20, HOUR), "new": (5, HOUR), "ip": (40, HOUR)},
}


def limits_for(scope):
    return {**DEFAULT_LIMITS[scope], **getattr(settings, "RATELIMITS", {}).get(scope, {})}


def is_new_member(user):
    return user.date_joined > timezone.now() - timedelta(days=NEW_MEMBER_DAYS)


def client_ip(request):
    header = getattr(settings, "RATELIMIT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


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
    waits = []
    user = request.user
    if user.is_authenticated and not user.is_staff:
        limit, period = limits["new"] if is_new_member(user) else limits["member"]
        waits.append(_hit(f"{scope}:u:{user.pk}", limit, period, now))
    if not user.is_staff:
        limit, period = limits["ip"]
        waits.append(_hit(f"{scope}:ip:{client_ip(request)}", limit, period, now))
    return max(waits, default=0)


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
