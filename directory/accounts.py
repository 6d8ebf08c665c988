"""A member's rights under the AVG (GDPR): download everything about them, and delete their account.

Deleting keeps what the community depends on: casussen, answers, comments, topics and replies stay,
their author becomes NULL (`Post.author` is SET_NULL), shown as "voormalig lid". Everything personal
goes: the user row, profile, e-mail addresses, follows, notifications and their settings, read
markers, two-factor keys (all CASCADE) and votes (withdrawn, so the scores stay equal to the votes).
Reports they made stay without a reporter; moderation log entries about them lose their name.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ospo_nl.models import Follow, ModerationAction, Notification, NotificationSettings, Report

from .models import Profile


def _post(post, **fields):
    return {"id": post.pk, "created_at": post.created_at, "updated_at": post.updated_at,
            "deleted": post.is_deleted, "hidden": post.is_hidden, "body": post.body, **fields}


def export_data(user):
    """Everything the platform holds about `user` and everything they wrote, as JSON-ready data.

    A fixed number of queries, whatever the amount (one per kind of thing, plus the follows' targets).
    """
    from allauth.account.models import EmailAddress

    from casussen.models import Answer, Casus, Comment, Vote
    from forum.models import Reply, Topic
    from kennisbank.models import Article

    profile = Profile.objects.filter(user=user).select_related("organisation").prefetch_related("expertise").first()
    prefs = NotificationSettings.for_user(user)
    return {
        "exported_at": timezone.now(),
        "account": {"id": user.pk, "email": user.email, "date_joined": user.date_joined,
                    "last_login": user.last_login, "is_active": user.is_active},
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "profile": profile and {
            "display_name": profile.display_name, "bio": profile.bio,
            "organisation": profile.organisation.name if profile.organisation else None,
            "expertise": sorted(t.name for t in profile.expertise.all()), "is_expert": profile.is_expert,
            "is_available": profile.is_available, "is_public": profile.is_public, "show_email": profile.show_email,
            "created_at": profile.created_at, "updated_at": profile.updated_at,
        },
        "casussen": [
            _post(c, title=c.title, url=c.get_absolute_url(), tried=c.tried, desired_outcome=c.desired_outcome,
                  lessons_learned=c.lessons_learned, visibility=c.visibility, status=c.status)
            for c in Casus.objects.filter(author=user).order_by("pk")
        ],
        "answers": [
            _post(a, casus=a.casus.title, url=a.get_absolute_url(), accepted=a.is_accepted)
            for a in Answer.objects.filter(author=user).select_related("casus").order_by("pk")
        ],
        "comments": [
            _post(c, casus=c.casus.title, answer=c.answer_id)
            for c in Comment.objects.filter(author=user).select_related("casus").order_by("pk")
        ],
        "votes": [
            {"answer": v.answer_id, "casus": v.answer.casus.title, "value": v.value, "created_at": v.created_at}
            for v in Vote.objects.filter(user=user).select_related("answer__casus").order_by("pk")
        ],
        "topics": [
            _post(t, title=t.title, url=t.get_absolute_url())
            for t in Topic.objects.filter(author=user).order_by("pk")
        ],
        "replies": [
            _post(r, topic=r.topic.title, url=r.get_absolute_url())
            for r in Reply.objects.filter(author=user).select_related("topic").order_by("pk")
        ],
        "kennisbank_articles": [
            {"title": a.title, "url": a.get_absolute_url(), "status": a.status}
            for a in Article.objects.filter(authors=user).order_by("pk")
        ],
        "follows": [
            {"type": f.content_type.model, "id": f.object_id, "name": str(f.target) if f.target else None,
             "since": f.created_at}
            for f in Follow.objects.filter(user=user).select_related("content_type").prefetch_related("target")
            .order_by("pk")
        ],
        "notification_settings": {
            "email_mode": prefs.email_mode, "urgent_immediately": prefs.urgent_immediately,
            "language": prefs.language, "is_away": prefs.is_away, "max_open_claims": prefs.max_open_claims,
        },
        "notifications": [
            {"event": n.event, "title": n.title, "url": n.url, "created_at": n.created_at, "read_at": n.read_at}
            for n in Notification.objects.filter(recipient=user).order_by("pk")
        ],
        "reports_made": [
            {"type": r.content_type.model, "id": r.object_id, "reason": r.reason, "note": r.note,
             "status": r.status, "created_at": r.created_at}
            for r in Report.objects.filter(reporter=user).select_related("content_type").order_by("pk")
        ],
    }


def delete_account(*, user):
    """Remove `user` and their personal data in one transaction; their posts stay as "voormalig lid"."""
    from casussen.models import Answer, Casus, Vote

    with transaction.atomic():
        for answer_id, casus_id, value in Vote.objects.filter(user=user).values_list(
            "answer_id", "answer__casus_id", "value"
        ):
            Answer.objects.filter(pk=answer_id).update(score=F("score") - value)
            Casus.objects.filter(pk=casus_id).update(score=F("score") - value)
        user_type = ContentType.objects.get_for_model(user)
        ModerationAction.objects.filter(content_type=user_type, object_id=user.pk).update(
            target_label=_("voormalig lid")
        )
        # Cascades: profile (its search entry goes with it), e-mail addresses, votes, follows,
        # notifications and settings, read markers, MFA keys. SET_NULL: authorship, reports made.
        user.delete()
