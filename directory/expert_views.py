"""Becoming an expert: the member's application page and the curators' queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ospo_nl.core.roles import is_curator, is_expert

from . import permissions, verbs
from .forms import DecisionForm, ExpertApplicationForm
from .models import ExpertApplication


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expert_apply(request):
    """Apply (GET shows the form, or where the application stands; POST applies)."""
    latest = request.user.expert_applications.prefetch_related("expertise").order_by("-created_at", "-pk").first()
    pending = latest is not None and latest.status == ExpertApplication.Status.PENDING
    form = ExpertApplicationForm(request.POST or None)
    context = {"form": form, "latest": latest, "pending": pending, "is_expert": is_expert(request.user)}
    if request.method == "POST":
        permissions.check_apply_expert(request.user)
        if not form.is_valid():
            return render(request, "directory/expert_apply.html", context, status=400)
        verbs.apply_for_expert(by=request.user, expertise=form.cleaned_data["expertise"],
                               motivation=form.cleaned_data["motivation"])
        messages.success(request, _("Je aanvraag is verstuurd. Een curator bekijkt hem; je hoort het besluit."))
        return redirect("directory:expert_apply")
    return render(request, "directory/expert_apply.html", context)


def _check_queue(user):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren beslissen over aanvragen."))


@login_required
@require_safe
def application_queue(request):
    _check_queue(request.user)
    applications = list(ExpertApplication.objects.pending().select_related("user__profile__organisation")
                        .prefetch_related("expertise").order_by("created_at", "pk")[:100])
    return render(request, "directory/application_queue.html", {
        "applications": applications, "form": DecisionForm(),
    })


@login_required
@require_POST
def decide_application(request, pk):
    _check_queue(request.user)
    application = get_object_or_404(ExpertApplication.objects.select_related("user__profile"), pk=pk)
    permissions.check_decide_application(request.user, application)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        applications = list(ExpertApplication.objects.pending().select_related("user__profile__organisation")
                            .prefetch_related("expertise").order_by("created_at", "pk")[:100])
        return render(request, "directory/application_queue.html", {
            "applications": applications, "form": DecisionForm(), "failed": application, "failed_form": form,
        }, status=400)
    verbs.decide_application(application=application, by=request.user,
                             approve=form.cleaned_data["decision"] == "approve", note=form.cleaned_data["note"])
    messages.success(request, _("Het besluit is opgeslagen en het lid is op de hoogte gebracht."))
    return redirect("directory:application_queue")
