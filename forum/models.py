"""The open forum: categories (curated in admin), topics and replies.

Topics and replies are `ospo_nl.core.models.Post`s, so Markdown rendering, revisions and soft delete
are the same implementation casussen uses. `Topic.reply_count`, `last_reply` and
`last_activity_at` are denormalised for the lists; `forum.verbs` keeps them right and
`manage.py recount_forum` rebuilds them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from ospo_nl.core.markdown_pipeline import render_fields
from ospo_nl.core.models import Post, PostQuerySet
from ospo_nl.core.templatetags.ospo import member_name

TOPICS_PER_PAGE = 25
REPLIES_PER_PAGE = 20


class CategoryQuerySet(models.QuerySet):
    def for_forum_home(self, user):
        """Categories with their topic count, latest topic id and (signed in) whether anything is new.

        One query; the latest topics themselves are fetched in one more (`Topic.objects.for_category_cards`).
        """
        topics = Topic.objects.alive().filter(category=OuterRef("pk"))
        qs = self.annotate(
            topic_count=Subquery(
                topics.order_by().values("category").annotate(n=Count("pk")).values("n")[:1],
                output_field=models.IntegerField(),
            ),
            latest_topic_id=Subquery(topics.order_by("-last_activity_at", "-pk").values("pk")[:1]),
        )
        if user.is_authenticated:
            qs = qs.annotate(has_unread=Exists(topics.filter(_unread_condition(user))))
        return qs


class Category(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Markdown."))
    description_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        render_fields(self, "description")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forum:category", args=[self.slug])

    def cache_scopes(self):
        """What a save or delete of this row changes (ospo_nl.core.content_cache)."""
        return ("forum-categories",)


def _unread_condition(user):
    """Q for topics with activity `user` has not seen: newer than their read marker (or, without
    a marker, newer than their sign-up, so a new member does not see the whole forum as new)."""
    seen = TopicRead.objects.filter(user=user, topic=OuterRef("pk"), read_at__gte=OuterRef("last_activity_at"))
    return Q(last_activity_at__gt=user.date_joined) & ~Exists(seen)


class TopicQuerySet(PostQuerySet):
    def visible_to(self, user):
        # The forum is public; deleted topics are gone for everyone (their rows stay).
        return self.alive()

    def with_unread_for(self, user):
        if not user.is_authenticated:
            return self.annotate(is_unread=Value(False))
        return self.annotate(
            is_unread=Case(When(_unread_condition(user), then=Value(True)), default=Value(False))
        )

    def for_category_page(self, category, user):
        return (
            self.visible_to(user).filter(category=category)
            .select_related("author__profile", "last_reply__author__profile")
            .with_unread_for(user)
            .order_by("-is_pinned", "-last_activity_at", "-pk")
        )

    def for_category_cards(self, ids):
        return self.filter(pk__in=[pk for pk in ids if pk]).select_related(
            "author__profile", "last_reply__author__profile"
        )

    def for_detail(self):
        # The tags are read by the template, so only when the page is rendered, not on a shared page's hit.
        return self.alive().select_related("category", "author__profile")

    def latest_for_home(self, user, limit=5):
        return self.visible_to(user).select_related("category").order_by("-last_activity_at", "-pk")[:limit]


class Topic(Post):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=False)
    category = models.ForeignKey(
        Category, verbose_name=_("categorie"), on_delete=models.PROTECT, related_name="topics"
    )
    tags = TaggableManager(_("tags"), blank=True)
    # The language the author wrote in (answers, comments and replies are in their thread's): marked with lang="…"
    # wherever it differs from the interface's (WCAG 3.1.2), docs/i18n.md.
    language = models.CharField(_("taal"), max_length=10, choices=settings.LANGUAGES, default="nl",
                                help_text=_("De taal waarin je schrijft."))
    is_pinned = models.BooleanField(_("vastgezet"), default=False)
    is_locked = models.BooleanField(_("gesloten"), default=False)
    last_activity_at = models.DateTimeField(_("laatste activiteit"), default=timezone.now)
    reply_count = models.PositiveIntegerField(_("aantal reacties"), default=0)
    last_reply = models.ForeignKey(
        "Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["category", "-is_pinned", "-last_activity_at"], name="forum_topic_category_list_idx"
            ),
            models.Index(fields=["-last_activity_at"], name="forum_topic_activity_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:200] or "onderwerp"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forum:topic", args=[self.pk, self.slug])

    def is_visible_to(self, user):
        return not (self.is_deleted or self.is_hidden)

    def cache_scopes(self):
        """What a save or delete of this row changes (ospo_nl.core.content_cache)."""
        return ("forum", f"topic:{self.pk}")


class ReplyQuerySet(PostQuerySet):
    def for_topic_page(self, topic):
        # Deleted replies stay in the list as a placeholder, so page numbers and permalinks hold.
        return self.filter(topic=topic).select_related("author__profile").order_by("created_at", "pk")


class Reply(Post):
    topic = models.ForeignKey(Topic, verbose_name=_("onderwerp"), on_delete=models.CASCADE, related_name="replies")

    objects = ReplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at"], name="forum_reply_topic_idx")]

    def __str__(self):
        # Names the topic, never numbers: this is what notifications and the moderation log show.
        return gettext("reactie op “%(topic)s”") % {"topic": self.topic.title}

    def get_absolute_url(self):
        return reverse("forum:reply", args=[self.pk])

    def settle_parent_counters(self):
        """The topic counts its live replies and points at the newest one."""
        topic = Topic.objects.select_for_update().get(pk=self.topic_id)
        replies = Reply.objects.alive().filter(topic_id=topic.pk)
        last = replies.order_by("-created_at", "-pk").first()
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=replies.count(), last_reply=last,
            last_activity_at=last.created_at if last else topic.created_at,
        )

    def is_visible_to(self, user):
        return not (self.is_deleted or self.is_hidden) and self.topic.is_visible_to(user)

    def as_quote(self):
        """The reply as quoted Markdown with attribution, to pre-fill a new reply."""
        quoted = "\n".join(f"> {line}".rstrip() for line in self.body.strip().splitlines())
        attribution = gettext("%(name)s schreef") % {"name": member_name(self.author)}
        return f"{attribution} ([{gettext('reactie')}]({self.get_absolute_url()})):\n\n{quoted}\n\n"

    def page_number(self):
        """The page of the topic this reply is on (replies in order of posting, deleted ones included)."""
        before = Reply.objects.filter(topic_id=self.topic_id).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        ).count()
        return before // REPLIES_PER_PAGE + 1

    def cache_scopes(self):
        """What a save or delete of this row changes (ospo_nl.core.content_cache)."""
        return ("forum-activity", f"topic:{self.topic_id}")


class TopicRead(models.Model):
    """Up to when a member has read a topic: drives "new since your last visit"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        verbose_name = _("leesmarkering")
        verbose_name_plural = _("leesmarkeringen")
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="forum_topicread_once")]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id} up to {self.read_at:%Y-%m-%d %H:%M}"
