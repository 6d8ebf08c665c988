"""The site search page and the "search before you ask" suggestions (JSON for the as-you-type script)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ospo_nl.core import languages
from ospo_nl.core.url_slugs import redirect_moved_params
from ospo_nl.search.index import MAX_QUERY_LENGTH, search, similar
from ospo_nl.search.models import SearchEntry

SUGGESTION_MIN_CHARS = 3


def _page_number(value):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@require_safe
def search_page(request):
    if moved := redirect_moved_params(request, soort=SearchEntry.KIND_SLUGS):  # ?soort=article before Dutch slugs
        return moved
    kind = SearchEntry.KIND_SLUGS.value(request.GET.get("soort")) or ""  # an unknown kind: every kind
    tag = request.GET.get("tag", "")[:100]
    results = search(
        request.GET.get("q", ""), user=request.user, kind=kind, tag=tag,
        page=_page_number(request.GET.get("pagina")),
    )
    return render(request, "search/results.html", {
        "results": results, "kind": SearchEntry.KIND_SLUGS.slug(kind) if kind else "", "tag": tag,
        "kind_counts": [(SearchEntry.KIND_SLUGS.slug(k), label, n) for k, label, n in results.kind_counts],
        "searched": bool(results.query or kind or tag),
        "max_length": MAX_QUERY_LENGTH,
    })


@require_safe
@never_cache
def suggestions(request):
    q = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    entries = similar(q, user=request.user) if len(q.strip()) >= SUGGESTION_MIN_CHARS else []
    return JsonResponse({"results": [
        {"title": e.title, "url": languages.localized(e.url), "kind": e.kind, "kind_label": str(e.get_kind_display()),
         "date": e.date.date().isoformat()}
        for e in entries
    ]})
