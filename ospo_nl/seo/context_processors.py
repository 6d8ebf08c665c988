from urllib.parse import urlencode

from django.conf import settings

from ospo_nl.seo.structured_data import default_image


def site(request):
    return {"SITE_URL": settings.SITE_URL, "canonical_url": canonical_url(request), "social_image": default_image()}


def canonical_url(request):
    """The page's absolute URL on SITE_URL. A first page drops every parameter: a sorted or filtered first page
    is a view of the list. A later page is its own page and keeps its filters (page 2 of `?ospo=nee` is not page 2
    of the whole list), in a fixed order, with the page number last; sorting is dropped there too."""
    page = request.GET.get("pagina", "")
    if not (page.isdigit() and int(page) > 1):
        return f"{settings.SITE_URL}{request.path}"
    filters = sorted((name, value) for name, value in request.GET.items() if value and name not in NOT_FILTERS)
    return f"{settings.SITE_URL}{request.path}?{urlencode([*filters, ('pagina', int(page))])}"


NOT_FILTERS = {"pagina", "sorteer"}
