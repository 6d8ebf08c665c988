from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .home import home_sections


@require_GET
def home(request):
    return render(request, "home.html", {"sections": home_sections(request.user)})


@require_GET
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_GET
def privacy(request):
    return render(request, "pages/privacy.html")


@require_GET
def robots_txt(request):
    from django.conf import settings

    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /zoeken/",
        "Disallow: /i18n/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"home_url": reverse("home")}, status=404)
