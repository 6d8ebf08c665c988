"""Reporting (members) and the moderation queue, hidden posts and log (curators). Logic in ospo_nl.moderation.verbs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ospo_nl.moderation import permissions, reportable
from ospo_nl.moderation import verbs as moderation
from ospo_nl.moderation.forms import ModerationForm, ReportForm
from ospo_nl.moderation.models import ModerationAction, Report
from ospo_nl.moderation.ratelimit import ratelimit

LOG_PAGE_SIZE = 50


@ratelimit("report")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_create(request, label, pk):
    target = moderation.reportable_target(label, pk)
    permissions.check_report(request.user, target)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        moderation.report(target=target, by=request.user, **form.cleaned_data)
        messages.success(request, _("Dank je. De curatoren bekijken je melding."))
        return redirect(moderation.context_of(target)[1])
    status = 400 if form.is_bound else 200
    context = {"form": form, "target": target, "label": label, "context": moderation.context_of(target)}
    return render(request, "moderation/report_form.html", context, status=status)


def _groups(reports):
    """Open reports grouped by their target, in order of the oldest report; gone targets left out."""
    groups = {}
    for r in reports:
        if r.target is None:
            continue
        group = groups.setdefault((r.content_type_id, r.object_id), {
            "target": r.target, "label": moderation.label_of(r.content_type), "reports": [],
            "kind": r.content_type.model_class()._meta.verbose_name,
            "author": reportable.author_of(r.target), "context": moderation.context_of(r.target),
            "is_post": hasattr(r.target, "body_html"),
        })
        group["reports"].append(r)
    return list(groups.values())


def _render_queue(request, *, errors=None, status=200):
    groups = _groups(Report.objects.for_queue())
    for group in groups:
        key = (group["label"], group["target"].pk)
        group["form"] = errors[1] if errors and errors[0] == key else ModerationForm()
    return render(request, "moderation/queue.html", {"groups": groups}, status=status)


@login_required
@require_safe
def queue(request):
    permissions.check_moderate(request.user)
    return _render_queue(request)


@login_required
@require_POST
def act(request, label, pk):
    permissions.check_moderate(request.user)
    target = moderation.moderation_target(label, pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        return _render_queue(request, errors=((label, pk), form), status=400)
    action = form.cleaned_data["action"]
    moderation.perform(action=action, target=target, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("Gedaan: %(action)s.") % {"action": ModerationAction.Action(action).label})
    return redirect("moderation:hidden" if request.POST.get("terug") == "verborgen" else "moderation:queue")


@login_required
@require_safe
def hidden(request):
    """Hidden posts of every kind, newest first, to review and unhide (one query per kind)."""
    permissions.check_moderate(request.user)
    posts = []
    for qs in reportable.post_querysets():
        posts.extend(qs.hidden().select_related("hidden_by__profile")[:100])
    posts.sort(key=lambda p: p.hidden_at, reverse=True)
    rows = [
        {"post": p, "label": moderation.label_of(ContentType.objects.get_for_model(p)),
         "kind": p._meta.verbose_name, "context": moderation.context_of(p)}
        for p in posts
    ]
    return render(request, "moderation/hidden.html", {"rows": rows})


@login_required
@require_safe
def log(request):
    permissions.check_moderate(request.user)
    actions = ModerationAction.objects.select_related("moderator__profile", "content_type")
    page = Paginator(actions, LOG_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "moderation/log.html", {"page": page})


