"""Becoming an expert: a member applies, a curator decides with a note, the member is told.

Each verb checks its own permission inside one transaction with the rows it changes locked, so a double click
makes one application and two curators deciding at once make one decision.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

from . import permissions
from .models import ExpertApplication, Profile


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
