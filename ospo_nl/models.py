"""Mechanisms shared by all parts: revisions, following and notifications (one of each)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PostQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)


class Post(models.Model):
    """Abstract base of everything members write (casussen, answers, comments, topics, replies).

    The author is kept as NULL once an account is deleted: the text stays, shown as "former member".
    `body_html` is the sanitized rendering of `body`, stored on save.
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = models.TextField(_("tekst"), help_text=_("Markdown: **vet**, *cursief*, [link](https://...), lijsten."))
    body_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )

    objects = PostQuerySet.as_manager()

    # Markdown fields rendered to `<name>_html` on save; subclasses add theirs.
    markdown_fields = ("body",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from .markdown_pipeline import render_fields

        render_fields(self, *self.markdown_fields)
        super().save(*args, **kwargs)

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class Revision(models.Model):
    """A snapshot of an object's editable fields, kept on every edit."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("gegevens"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("revisie")
        verbose_name_plural = _("revisies")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"], name="revision_target_idx")]

    def __str__(self):
        return f"{self.content_type} #{self.object_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class Follow(models.Model):
    """A user follows an object (casus, topic, tag, organisation...)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target_idx")]

    def __str__(self):
        return f"{self.user_id} -> {self.content_type_id}#{self.object_id}"


class Notification(models.Model):
    class Event(models.TextChoices):
        ANSWER = "answer", _("nieuw antwoord")
        COMMENT = "comment", _("nieuwe reactie")
        ACCEPTED = "accepted", _("antwoord geaccepteerd")
        EXPERTISE = "expertise", _("casus in je expertise")
        ASSIGNED = "assigned", _("casus aan jou toegewezen")
        MENTION = "mention", _("vermelding")
        REPLY = "reply", _("antwoord in gevolgd onderwerp")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.CharField(max_length=20, choices=Event.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox_idx")]

    def __str__(self):
        return f"{self.get_event_display()}: {self.title}"
