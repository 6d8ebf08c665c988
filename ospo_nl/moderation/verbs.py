"""Moderation: members report, curators act. Each verb checks its permission, is one transaction and is logged.

What can be reported: casussen, answers, comments, forum topics and replies, and member profiles. A
curator handles the open reports on one target at once: dismiss them, hide the post (reversible: a
hidden post is gone from every list, page, feed, sitemap and the search index, like a deleted one,
until unhidden), delete it (soft, as authors and curators delete), warn its author by e-mail, or
suspend the author's account (inactive: no login, no posting; sessions end on the next request).
Every action lands in `ModerationAction`, the log staff read at /moderatie/logboek/ and in admin.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.labels import label_with_author
from ospo_nl.core.models import Post
from ospo_nl.core.posts import soft_delete_post
from ospo_nl.core.templatetags.ospo import member_name
from ospo_nl.moderation.models import ModerationAction, Report
from ospo_nl.moderation.permissions import check_moderate, check_moderate_user, check_report
from ospo_nl.moderation.reportable import REPORTABLE, author_of
from ospo_nl.notifications.models import Notification, NotificationSettings
from ospo_nl.notifications.verbs import notify

Action = ModerationAction.Action
logger = logging.getLogger(__name__)

# --- Targets -------------------------------------------------------------------------------------


def label_of(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def reportable_target(label, pk):
    """The object behind a report URL, or 404 for anything that cannot be reported."""
    if label not in REPORTABLE:
        raise Http404
    app_label, model = label.split(".")
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    try:
        return content_type.get_object_for_this_type(pk=pk)
    except content_type.model_class().DoesNotExist:
        raise Http404 from None


def describe(target):
    """What the log and the reporter's notification call `target`: the kind, the casus or topic, who wrote it
    (`reactie op “Welke licentie?”, door Mila Member`); a member by name (no e-mail addresses)."""
    if isinstance(target, get_user_model()):
        return (_("lid %(name)s") % {"name": member_name(target)})[:300]
    return label_with_author(target)


def _log(*, by, action, target, reason):
    return ModerationAction.objects.create(
        moderator=by, action=action, content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk, target_label=describe(target), reason=reason,
    )


def _close_reports(target, *, by, status):
    """Close the open reports on `target`; each reporter is told the outcome (handled or dismissed)."""
    reports = list(Report.objects.open().filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).select_related("reporter"))
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(status=status, handled_by=by,
                                                                 handled_at=timezone.now())
    reporters = [r.reporter for r in reports if r.reporter is not None]
    languages = {pk: prefs.language for pk, prefs in NotificationSettings.for_users(reporters).items()}
    for report in reports:
        if report.reporter is None:
            continue
        # The title is stored once: in the reporter's language, naming what they reported and what became of it.
        with translation.override(languages[report.reporter_id]):
            title = f"{Report.Status(status).label}: {describe(target)}"
        notify([report.reporter], event=Notification.Event.REPORT_OUTCOME, target=report, title=title,
               url=reverse("notifications:list"))
    return len(reports)


# --- Verbs ---------------------------------------------------------------------------------------


def report(*, target, by, reason, note=""):
    """File a report; a second one by the same member on the same target while it is open is the same report."""
    check_report(by, target)
    content_type = ContentType.objects.get_for_model(target)
    with transaction.atomic():
        found, created = Report.objects.get_or_create(
            reporter=by, content_type=content_type, object_id=target.pk, status=Report.Status.OPEN,
            defaults={"reason": reason, "note": note},
        )
    return found


def dismiss(*, target, by, reason=""):
    """Close the open reports on `target` without acting on it."""
    check_moderate(by)
    with transaction.atomic():
        _close_reports(target, by=by, status=Report.Status.DISMISSED)
        return _log(by=by, action=Action.DISMISS, target=target, reason=reason)


def hide(*, target, by, reason):
    """Hide a post from everyone (reversible). The search index follows through its post_save receiver."""
    check_moderate(by)
    if not isinstance(target, Post):
        raise PermissionDenied(_("Alleen berichten kunnen worden verborgen."))
    with transaction.atomic():
        target.hidden_at = timezone.now()
        target.hidden_reason = reason[:500]
        target.hidden_by = by
        target.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        target.settle_parent_counters()
        _close_reports(target, by=by, status=Report.Status.ACTIONED)
        return _log(by=by, action=Action.HIDE, target=target, reason=reason)


def unhide(*, target, by, reason=""):
    check_moderate(by)
    if not isinstance(target, Post) or not target.is_hidden:
        raise PermissionDenied(_("Dit bericht is niet verborgen."))
    with transaction.atomic():
        target.hidden_at = None
        target.hidden_reason = ""
        target.hidden_by = None
        target.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        target.settle_parent_counters()
        return _log(by=by, action=Action.UNHIDE, target=target, reason=reason)


def delete(*, target, by, reason):
    """Soft delete a post as its author or a curator would (`ospo_nl.core.posts.soft_delete_post`), counters kept."""
    check_moderate(by)
    if not isinstance(target, Post):
        raise PermissionDenied(_("Alleen berichten kunnen worden verwijderd."))
    with transaction.atomic():
        if not target.is_deleted:
            soft_delete_post(target, by=by)
            if getattr(target, "is_accepted", False):
                type(target).objects.filter(pk=target.pk).update(is_accepted=False)
            target.settle_parent_counters()
        _close_reports(target, by=by, status=Report.Status.ACTIONED)
        return _log(by=by, action=Action.DELETE, target=target, reason=reason)


def _mail(user, subject, template, context):
    """Tell the member by e-mail, in their language, once the action is committed."""
    address = user.email
    if not address:
        return
    language = NotificationSettings.for_user(user).language
    with translation.override(language):
        body = render_to_string(template, {"user": user, "site_url": settings.SITE_URL, **context})
        subject = str(subject)
    def send():
        try:
            send_mail(subject, body, None, [address])
        except Exception:  # the action stands; the log says what happened, the mail is a courtesy
            logger.exception("moderation mail to user %s failed", user.pk)

    transaction.on_commit(send)


def warn(*, user, by, reason, target=None):
    """Warn a member by e-mail; the reports on `target` (their post or profile) count as handled."""
    check_moderate_user(by, user)
    with transaction.atomic():
        if target is not None:
            _close_reports(target, by=by, status=Report.Status.ACTIONED)
        action = _log(by=by, action=Action.WARN, target=user, reason=reason)
        _mail(user, _("[OSPO-NL] Waarschuwing van de moderatoren"), "emails/moderation_warning.txt",
              {"reason": reason})
    return action


def suspend(*, user, by, reason, target=None):
    """Suspend a member: the account becomes inactive (no login, no posts, profile out of the directory)."""
    check_moderate_user(by, user)
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        if target is not None:
            _close_reports(target, by=by, status=Report.Status.ACTIONED)
        action = _log(by=by, action=Action.SUSPEND, target=user, reason=reason)
        _mail(user, _("[OSPO-NL] Je account is geschorst"), "emails/moderation_suspended.txt", {"reason": reason})
    return action


def unsuspend(*, user, by, reason=""):
    check_moderate_user(by, user)
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        return _log(by=by, action=Action.UNSUSPEND, target=user, reason=reason)


def perform(*, action, target, by, reason):
    """Run the verb for `action` (a ModerationAction.Action) on a reported target or a member."""
    user_model = get_user_model()
    if action in (Action.WARN, Action.SUSPEND, Action.UNSUSPEND):
        user = target if isinstance(target, user_model) else author_of(target)
        if user is None:
            raise PermissionDenied(_("De auteur heeft geen account meer."))
        about = None if isinstance(target, user_model) else target
        if action == Action.WARN:
            return warn(user=user, by=by, reason=reason, target=about)
        if action == Action.SUSPEND:
            return suspend(user=user, by=by, reason=reason, target=about)
        return unsuspend(user=user, by=by, reason=reason)
    verb = {Action.DISMISS: dismiss, Action.HIDE: hide, Action.UNHIDE: unhide, Action.DELETE: delete}[action]
    return verb(target=target, by=by, reason=reason)


def moderation_target(label, pk):
    """What a curator may act on: anything reportable (also hidden or deleted) and member accounts."""
    if label == settings.AUTH_USER_MODEL.lower():
        user_model = get_user_model()
        try:
            return user_model.objects.get(pk=pk)
        except user_model.DoesNotExist:
            raise Http404 from None
    return reportable_target(label, pk)



def context_of(target):
    """(title, url) of the page a target lives on, for the queue."""
    for parent in ("casus", "topic"):
        if hasattr(target, f"{parent}_id"):
            owner = getattr(target, parent)
            return str(owner), owner.get_absolute_url()
    return str(target), target.get_absolute_url()


def label_of_object(obj):
    return label_of(ContentType.objects.get_for_model(obj))
