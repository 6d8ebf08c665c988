"""Moderation's part of a member's data download and account deletion (ospo_nl.core.account_data)."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from ospo_nl.moderation.models import ModerationAction, Report


def export(user):
    return {
        "reports_made": [
            {"type": r.content_type.model, "id": r.object_id, "reason": r.reason, "note": r.note,
             "status": r.status, "created_at": r.created_at}
            for r in Report.objects.filter(reporter=user).select_related("content_type").order_by("pk")
        ],
    }


def delete(user):
    """The moderation log keeps what happened, but no longer names the member (reports stay, reporter NULL)."""
    user_type = ContentType.objects.get_for_model(user)
    ModerationAction.objects.filter(content_type=user_type, object_id=user.pk).update(target_label=_("voormalig lid"))
