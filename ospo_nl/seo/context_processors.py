from django.conf import settings


def site(request):
    return {"SITE_URL": settings.SITE_URL, "canonical_url": canonical_url(request)}


def canonical_url(request):
    """The page's absolute URL on SITE_URL: sorting and filter parameters dropped, the page number kept."""
    page = request.GET.get("pagina", "")
    query = f"?pagina={int(page)}" if page.isdigit() and int(page) > 1 else ""
    return f"{settings.SITE_URL}{request.path}{query}"
