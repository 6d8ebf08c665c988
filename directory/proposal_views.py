"""Members propose an organisation missing from the directory; curators accept or decline it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import permissions, verbs
from .forms import OrganisationProposalForm, ProposalDecisionForm
from .models import OrganisationProposal


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose_organisation(request):
    permissions.check_propose_organisation(request.user)
    form = OrganisationProposalForm(request.POST or None)
    mine = list(request.user.organisation_proposals.select_related("organisation").order_by("-created_at", "-pk")[:20])
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "directory/propose_organisation.html", {"form": form, "mine": mine}, status=400)
        data = form.cleaned_data
        verbs.propose_organisation(by=request.user, name=data["name"], kind=data["kind"], website=data["website"])
        messages.success(request, _("Dank je. Een curator bekijkt je voorstel; je hoort wat ermee gebeurt."))
        return redirect("directory:propose_organisation")
    return render(request, "directory/propose_organisation.html", {"form": form, "mine": mine})


def _queue(request, *, status=200, failed=None, failed_form=None):
    proposals = list(OrganisationProposal.objects.pending().select_related("proposed_by__profile")
                     .order_by("created_at", "pk")[:100])
    return render(request, "directory/proposal_queue.html", {
        "proposals": proposals, "failed": failed, "failed_form": failed_form,
    }, status=status)


@login_required
@require_safe
def proposal_queue(request):
    permissions.check_curate_proposals(request.user)
    return _queue(request)


@login_required
@require_POST
def decide_proposal(request, pk):
    proposal = get_object_or_404(OrganisationProposal, pk=pk)
    permissions.check_decide_proposal(request.user, proposal)
    form = ProposalDecisionForm(request.POST)
    if not form.is_valid():
        return _queue(request, status=400, failed=proposal, failed_form=form)
    verbs.decide_proposal(proposal=proposal, by=request.user, accept=form.cleaned_data["decision"] == "accept",
                          note=form.cleaned_data["note"])
    messages.success(request, _("Het besluit is opgeslagen en het lid is op de hoogte gebracht."))
    return redirect("directory:proposal_queue")
