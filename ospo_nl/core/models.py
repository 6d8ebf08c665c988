"""The core shared by every part: the abstract post, revisions and following."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.markdown_pipeline import render_fields


class PostQuerySet(models.QuerySet):
    def alive(self):
        """Not deleted and not hidden by a moderator: what every list, page, feed, sitemap and search shows.

        Hidden posts are reviewed (and unhidden) by curators in the moderation queue (ospo_nl.moderation.verbs).
        """
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)

    def hidden(self):
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=False)


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
    # Hidden by a moderator (ospo_nl.moderation.verbs.hide): gone from the site like a deleted post, but reversible.
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_reason = models.CharField(max_length=500, blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )

    objects = PostQuerySet.as_manager()

    # Markdown fields rendered to `<name>_html` on save; subclasses add theirs.
    markdown_fields = ("body",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        render_fields(self, *self.markdown_fields)
        super().save(*args, **kwargs)

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    def settle_parent_counters(self):
        """Recount the denormalised counters of the thread this post belongs to, after it left (deleted,
        hidden) or returned (unhidden). Call inside the transaction of that change; subclasses override."""


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
        db_table = "ospo_nl_revision"
        verbose_name = _("revisie")
        verbose_name_plural = _("revisies")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"], name="revision_target_idx")]

    def __str__(self):
        return f"{self.content_type} #{self.object_id} @ {self.created_at:%Y-%m-%d %H:%M}"

    def cache_scopes(self):
        """What a save or delete of this row changes (ospo_nl.core.content_cache)."""
        return ("revisions",)  # shown on history pages only, which name no scopes


class FollowQuerySet(models.QuerySet):
    def for_following_page(self, user):
        """The user's follows with their targets: one query for the follows, one per content type."""
        return (
            self.filter(user=user)
            .select_related("content_type")
            .prefetch_related("target")
            .order_by("content_type__app_label", "content_type__model", "-created_at", "-id")
        )


class Follow(models.Model):
    """A user follows an object (casus, topic, tag, organisation...)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        db_table = "ospo_nl_follow"
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target_idx")]

    def __str__(self):
        return f"{self.user_id} -> {self.content_type_id}#{self.object_id}"

    def cache_scopes(self):
        """What a save or delete of this row changes (ospo_nl.core.content_cache)."""
        return ("follows",)  # a viewer's follows are part of their shared-page key
