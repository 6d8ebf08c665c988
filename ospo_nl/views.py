from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from directory.models import Profile
from ospo_nl.core.markdown_pipeline import MAX_SOURCE_LENGTH, render_markdown
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


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def markdown_preview(request):
    """The HTML a Markdown text (`tekst`) becomes when saved, through the same pipeline (render_markdown): the
    editor's preview. Sanitized like stored HTML; never cached."""
    text = (request.POST if request.method == "POST" else request.GET).get("tekst", "")
    if len(text) > MAX_SOURCE_LENGTH:
        return HttpResponseBadRequest(_("De tekst is te lang voor een voorbeeld."), content_type="text/plain")
    response = HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


MENTION_SUGGESTIONS = 8


@login_required
@require_safe
def mention_names(request):
    """Display names starting with `q`, for `@[Naam]` completion: only members with a public profile, so the
    list reveals no one the experts directory does not show."""
    q = request.GET.get("q", "").strip()[:100]
    names = []
    if q:
        names = list(Profile.objects.filter(is_public=True, user__is_active=True, display_name__istartswith=q)
                     .order_by("display_name").values_list("display_name", flat=True)[:MENTION_SUGGESTIONS])
    return JsonResponse({"names": names}, headers={"Cache-Control": "private, no-store"})
