"""The benchmark's ceiling: what one request costs with nothing of ours in it but a small template.

Mounted only when settings.BENCH is on (ospo_nl.urls); it runs through the same middleware stack.
"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

ITEMS = [f"Regel {n}" for n in range(10)]


@require_safe
def ceiling(request):
    return render(request, "bench/ceiling.html", {"title": "Plafond", "items": ITEMS})
