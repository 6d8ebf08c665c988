"""Becoming an expert, and proposing a missing organisation: a member asks, a curator decides with a note, the
member is told.

Each verb checks its own permission inside one transaction with the rows it changes locked, so a double click
makes one application and two curators deciding at once make one decision.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ospo_nl.core.slugs import free_slug
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

from . import permissions
from .models import ExpertApplication, Organisation, OrganisationProposal, Profile


def apply_for_expert(*, by, expertise, motivation):
    with transaction.atomic():
        # The profile row is the lock: two submissions at once make one application.
        Profile.objects.select_for_update().get_or_create(user=by)
        permissions.check_apply_expert(by)
        application = ExpertApplication.objects.create(user=by, motivation=motivation)
        application.expertise.set(list(expertise))
    return application


def decide_application(*, application, by, approve, note=""):
    """Approve (the member becomes an expert with the expertise they named) or decline; the member is told."""
    with transaction.atomic():
        application = ExpertApplication.objects.select_for_update().select_related("user").get(pk=application.pk)
        permissions.check_decide_application(by, application)
        application.status = ExpertApplication.Status.APPROVED if approve else ExpertApplication.Status.DECLINED
        application.note, application.decided_by, application.decided_at = note, by, timezone.now()
        application.save(update_fields=["status", "note", "decided_by", "decided_at"])
        if approve:
            profile, _created = Profile.objects.select_for_update().get_or_create(user=application.user)
            profile.is_expert = True
            profile.save(update_fields=["is_expert", "updated_at"])
            profile.expertise.add(*application.expertise.names())
        notify([application.user], event=Notification.Event.APPLICATION, target=application, actor=by,
               title=str(application.get_status_display()), url=reverse("directory:expert_apply"))
    return application


def propose_organisation(*, by, name, kind, website):
    permissions.check_propose_organisation(by)
    with transaction.atomic():
        return OrganisationProposal.objects.create(proposed_by=by, name=name, kind=kind, website=website)


def decide_proposal(*, proposal, by, accept, note=""):
    """Accept (the organisation is published in the directory) or decline; whoever proposed it is told."""
    with transaction.atomic():
        # Lock the proposal row only (proposed_by is nullable: an outer join cannot be locked).
        proposal = OrganisationProposal.objects.select_for_update(of=("self",)).select_related("proposed_by").get(
            pk=proposal.pk)
        permissions.check_decide_proposal(by, proposal)
        if accept:
            proposal.organisation = Organisation.objects.create(
                name=proposal.name, kind=proposal.kind, website=proposal.website, is_published=True,
                slug=free_slug(Organisation, proposal.name, fallback="organisatie", max_length=190,
                               reserved={"voorstellen"}),  # /organisaties/voorstellen/ is the proposal form
            )
        proposal.status = OrganisationProposal.Status.ACCEPTED if accept else OrganisationProposal.Status.DECLINED
        proposal.note, proposal.decided_by, proposal.decided_at = note, by, timezone.now()
        proposal.save(update_fields=["status", "note", "organisation", "decided_by", "decided_at"])
        if proposal.proposed_by is not None:
            url = proposal.organisation.get_absolute_url() if accept else reverse("directory:propose_organisation")
            notify([proposal.proposed_by], event=Notification.Event.PROPOSAL, target=proposal, actor=by,
                   title=proposal.name, url=url)
    return proposal
