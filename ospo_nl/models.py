"""Mechanisms shared by all parts: revisions, following and notifications (one of each)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PostQuerySet(models.QuerySet):
    def alive(self):
        """Not deleted and not hidden by a moderator: what every list, page, feed, sitemap and search shows.

        Hidden posts are reviewed (and unhidden) by curators in the moderation queue (ospo_nl.moderation).
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
    # Hidden by a moderator (ospo_nl.moderation.hide): gone from the site like a deleted post, but reversible.
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
        from .markdown_pipeline import render_fields

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
        verbose_name = _("revisie")
        verbose_name_plural = _("revisies")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"], name="revision_target_idx")]

    def __str__(self):
        return f"{self.content_type} #{self.object_id} @ {self.created_at:%Y-%m-%d %H:%M}"


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
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target_idx")]

    def __str__(self):
        return f"{self.user_id} -> {self.content_type_id}#{self.object_id}"


class NotificationQuerySet(models.QuerySet):
    def for_inbox(self, user):
        """The notifications page: newest first, actor names in the same query."""
        return self.filter(recipient=user).select_related("actor__profile")

    def unread(self):
        return self.filter(read_at__isnull=True)

    def unmailed(self):
        return self.filter(emailed_at__isnull=True)


class Notification(models.Model):
    class Event(models.TextChoices):
        ANSWER = "answer", _("nieuw antwoord")
        COMMENT = "comment", _("nieuwe reactie")
        ACCEPTED = "accepted", _("antwoord geaccepteerd")
        EXPERTISE = "expertise", _("casus in je expertise")
        ASSIGNED = "assigned", _("casus aan jou toegewezen")
        MENTION = "mention", _("vermelding")
        REPLY = "reply", _("antwoord in gevolgd onderwerp")
        REMINDER = "reminder", _("onbeantwoorde casus")
        TAG = "tag", _("nieuwe casus met een tag die je volgt")

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

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox_idx")]

    def __str__(self):
        return f"{self.get_event_display()}: {self.title}"


class NotificationSettings(models.Model):
    """A user's choices for e-mail and, for experts, availability for routing.

    Users without a row get the defaults (see `for_user`): a daily digest in Dutch, and casussen
    in an expert's field mailed at once.
    """

    class EmailMode(models.TextChoices):
        IMMEDIATE = "immediate", _("direct, een e-mail per melding")
        DAILY = "daily", _("dagelijkse samenvatting")
        WEEKLY = "weekly", _("wekelijkse samenvatting")
        OFF = "off", _("geen e-mail")

    # Events an expert usually wants at once, whatever the digest choice.
    URGENT_EVENTS = (Notification.Event.EXPERTISE, Notification.Event.ASSIGNED)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_mode = models.CharField(
        _("e-mail over meldingen"), max_length=10, choices=EmailMode.choices, default=EmailMode.DAILY
    )
    urgent_immediately = models.BooleanField(
        _("casussen in mijn expertise en toewijzingen direct mailen"), default=True,
        help_text=_("Alleen voor experts; geldt niet als je e-mail hebt uitgezet."),
    )
    language = models.CharField(
        _("taal van de e-mails"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_away = models.BooleanField(
        _("afwezig"), default=False, help_text=_("Zolang je afwezig bent, krijg je geen nieuwe casussen voorgelegd.")
    )
    max_open_claims = models.PositiveSmallIntegerField(
        _("maximaal aantal open casussen tegelijk"), default=3,
        help_text=_("Heb je zoveel opgepakte casussen open, dan krijg je even geen nieuwe voorgelegd."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meldingsinstellingen")
        verbose_name_plural = _("meldingsinstellingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email_mode__in=["immediate", "daily", "weekly", "off"]),
                name="notification_settings_email_mode_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(max_open_claims__gte=1, max_open_claims__lte=50),
                name="notification_settings_max_open_claims_range",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.email_mode}"

    @classmethod
    def for_user(cls, user):
        """The stored settings, or unsaved defaults."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    @classmethod
    def for_users(cls, users):
        """{user_id: settings} for many users in one query, defaults for those without a row."""
        users = list(users)
        found = {s.user_id: s for s in cls.objects.filter(user__in=[u.pk for u in users])}
        return {u.pk: found.get(u.pk) or cls(user=u) for u in users}

    def mode_for(self, event):
        """How a notification of `event` is mailed: one of EmailMode."""
        if self.email_mode == self.EmailMode.OFF:
            return self.EmailMode.OFF
        if self.urgent_immediately and event in self.URGENT_EVENTS:
            return self.EmailMode.IMMEDIATE
        return self.email_mode


class DigestRun(models.Model):
    """One digest mail sent to one user for one period: the guard against double mail."""

    class Period(models.TextChoices):
        DAILY = "daily", _("dagelijks")
        WEEKLY = "weekly", _("wekelijks")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=10, choices=Period.choices)
    period_key = models.CharField(max_length=12, help_text="2025-01-31 (daily) or 2025-W05 (weekly)")
    notification_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde samenvatting")
        verbose_name_plural = _("verstuurde samenvattingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "period", "period_key"], name="digest_run_once_per_period"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.period} {self.period_key}"


# --- Site search (ospo_nl.search): one denormalised index over every part -------------------------


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only entries whose audience includes `user` (the one rule: `ospo_nl.roles.audiences_for`)."""
        from .roles import audiences_for

        return self.filter(audience__in=audiences_for(user))

    def for_results(self):
        """What a result row shows: its tags, in one extra query for the whole page."""
        return self.prefetch_related("tag_rows")


class SearchEntry(models.Model):
    """One searchable thing (casus, answer, topic, reply, article, organisation, initiative, expert).

    Written only by `ospo_nl.search` from each app's `search_index` adapter, never by hand. On
    PostgreSQL the table also has a STORED GENERATED column `search_vector` (migration 0003 adds it,
    with its GIN index and trigram indexes); it is not a model field because SQLite cannot have it.
    """

    class Kind(models.TextChoices):
        CASUS = "casus", _("casus")
        ANSWER = "answer", _("antwoord")
        TOPIC = "topic", _("forumonderwerp")
        REPLY = "reply", _("forumreactie")
        ARTICLE = "article", _("kennisbankartikel")
        ORGANISATION = "organisation", _("organisatie")
        INITIATIVE = "initiative", _("initiatief")
        EXPERT = "expert", _("expert")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("iedereen")
        MEMBERS = "members", _("leden")
        EXPERTS = "experts", _("experts")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True, help_text="Plain text, no markup.")
    tags = models.TextField(blank=True, help_text="Tag names, comma separated (weighted in the search vector).")
    url = models.CharField(max_length=500)
    date = models.DateTimeField()
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    # The object this one's visibility follows (an answer's casus, a reply's topic).
    parent_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    parent_id = models.PositiveBigIntegerField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("zoekindex-item")
        verbose_name_plural = _("zoekindex")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_once_per_object"),
            models.CheckConstraint(
                condition=models.Q(audience__in=["public", "members", "experts"]), name="search_entry_audience_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["casus", "answer", "topic", "reply", "article", "organisation", "initiative", "expert"]
                ),
                name="search_entry_kind_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["audience", "kind", "-date"], name="search_entry_filter_idx"),
            models.Index(fields=["parent_content_type", "parent_id"], name="search_entry_parent_idx"),
            # The newest matches of a very common word (ospo_nl.search.MATCH_CAP), without sorting them all.
            models.Index(fields=["-date", "-id"], name="search_entry_date_idx"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"


class SearchEntryTag(models.Model):
    """A tag of a search entry: the tag filter and its counts are one join, on every database."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="tag_rows")
    slug = models.CharField(max_length=100)
    name = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("tag in de zoekindex")
        verbose_name_plural = _("tags in de zoekindex")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["entry", "slug"], name="search_entry_tag_once")]
        indexes = [models.Index(fields=["slug", "entry"], name="search_entry_tag_slug_idx")]

    def __str__(self):
        return self.name


class Synonym(models.Model):
    """Words that mean the same in a search: "OSPO" also finds "open source program office" and back."""

    term = models.CharField(_("term"), max_length=100, unique=True, help_text=_("Bijvoorbeeld: OSPO"))
    synonyms = models.TextField(
        _("synoniemen"), help_text=_("Gescheiden door komma's, bijvoorbeeld: open source program office")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def group(self):
        """The term and its synonyms, lowercased, without empties or repeats."""
        words = [self.term, *self.synonyms.split(",")]
        return list(dict.fromkeys(" ".join(w.lower().split()) for w in words if w.strip()))


class SearchWord(models.Model):
    """Every word in the index once: the lexicon that typo correction looks up with trigrams (PostgreSQL).

    Never shown to anyone; a correction only widens a query, whose results stay filtered by audience.
    """

    word = models.CharField(max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("woord in de zoekindex")
        verbose_name_plural = _("woorden in de zoekindex")

    def __str__(self):
        return self.word


# --- Moderation (ospo_nl.moderation): reports by members, actions by curators --------------------


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def for_queue(self):
        """Open reports, oldest first, with reporter names; the targets are prefetched per content type."""
        from django.contrib.contenttypes.prefetch import GenericPrefetch

        from .moderation import target_querysets

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
