from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from ospo_nl.core.registries import home_sections


@require_safe
def home(request):
    """What is new in each part (each registers its section from its AppConfig.ready())."""
    return render(request, "home.html", {"sections": [section(request.user) for section in home_sections]})


@require_safe
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_safe
def privacy(request):
    return render(request, "pages/privacy.html", {"operator": settings.OPERATOR})


@require_safe
def colophon(request):
    """Who runs the site, how to reach them, what it is built with ("Over ons")."""
    return render(request, "pages/colophon.html", {"operator": settings.OPERATOR})


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"home_url": reverse("home")}, status=404)
