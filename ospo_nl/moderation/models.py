"""Moderation (ospo_nl.moderation.verbs): reports by members, actions by curators."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models
from django.utils.translation import gettext_lazy as _

from ospo_nl.moderation.reportable import target_querysets


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def for_queue(self):
        """Open reports, oldest first, with reporter names; the targets are prefetched per content type."""
        return (
            self.open().select_related("content_type", "reporter__profile")
            .prefetch_related(GenericPrefetch("target", target_querysets())).order_by("created_at", "id")
        )


class Report(models.Model):
    """A member flags a casus, answer, comment, topic, reply or profile for the curators."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("spam of reclame")
        ABUSIVE = "abusive", _("beledigend of intimiderend")
        OFF_TOPIC = "off-topic", _("hoort hier niet")
        PRIVACY = "privacy", _("bevat persoonsgegevens")
        OTHER = "other", _("anders")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DISMISSED = "dismissed", _("afgewezen")
        ACTIONED = "actioned", _("afgehandeld")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports_made"
    )
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("toelichting"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        db_table = "ospo_nl_report"
        verbose_name = _("melding van misbruik")
        verbose_name_plural = _("meldingen van misbruik")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"], condition=models.Q(status="open"),
                name="report_once_while_open",
            ),
            models.CheckConstraint(
                condition=models.Q(reason__in=["spam", "abusive", "off-topic", "privacy", "other"]),
                name="report_reason_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["open", "dismissed", "actioned"]), name="report_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "content_type", "object_id"], name="report_queue_idx")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.content_type_id}#{self.object_id}"


class ModerationAction(models.Model):
    """The moderation log: who did what to which post or member, when and why. Never edited."""

    class Action(models.TextChoices):
        DISMISS = "dismiss", _("melding afgewezen")
        HIDE = "hide", _("verborgen")
        UNHIDE = "unhide", _("weer zichtbaar gemaakt")
        DELETE = "delete", _("verwijderd")
        WARN = "warn", _("gewaarschuwd")
        SUSPEND = "suspend", _("geschorst")
        UNSUSPEND = "unsuspend", _("schorsing opgeheven")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("actie"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # A readable snapshot, so the log still says what it was about once the target is gone.
    target_label = models.CharField(_("onderwerp"), max_length=300)
    reason = models.TextField(_("reden"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "ospo_nl_moderationaction"
        verbose_name = _("moderatieactie")
        verbose_name_plural = _("moderatielogboek")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    action__in=["dismiss", "hide", "unhide", "delete", "warn", "suspend", "unsuspend"]
                ),
                name="moderation_action_valid",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="moderation_action_target_idx")]

    def __str__(self):
        return f"{self.get_action_display()}: {self.target_label}"
