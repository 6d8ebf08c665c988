"""The network's rhythm (seed 003): its meetings and partners' events, with registration, and its signals.

Events are shown in Europe/Amsterdam (settings.TIME_ZONE) and stored in UTC like every datetime. The one rule
of who sees an event is `EventQuerySet.visible_to` / `Event.is_visible_to`: published events for everyone,
drafts for curators. Signals are public once shared, until deleted.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from ospo_nl.core.markdown_pipeline import render_fields
from ospo_nl.core.roles import is_curator

# Links members follow from our pages: web pages only, never javascript:, data: or ftp: URLs. Its own code, so
# a form field does not swap its message for the generic "enter a valid URL".
web_url = URLValidator(schemes=["http", "https"], code="not_a_web_link",
                       message=_("Geef een webadres dat begint met http:// of https://."))


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Published events for everyone, drafts for curators too. Keep in step with `Event.is_visible_to`."""
        return self if is_curator(user) else self.published()

    def upcoming(self, now=None):
        """Not yet over (a meeting under way still counts), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_counts(self):
        """Each event with its number of confirmed places and of members waiting, in the same query."""
        return self.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waiting_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )


class Event(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("netwerkbijeenkomst")
        PARTNER = "partner", _("evenement van een partner")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.MEETING)
    subject = models.CharField(
        _("onderwerp"), max_length=200, help_text=_("Het onderwerp dat centraal staat, bijvoorbeeld ‘het manifest’.")
    )
    starts_at = models.DateTimeField(_("begint"), db_index=True)
    ends_at = models.DateTimeField(_("eindigt"))
    location = models.CharField(
        _("plaats"), max_length=300, blank=True,
        help_text=_("Gebouw, adres en plaats; leeg bij een online bijeenkomst."),
    )
    online_url = models.URLField(
        _("online link"), max_length=500, blank=True, validators=[web_url],
        help_text=_("De link om online mee te doen. Bij aanmelding via OSPO-NL zien alleen aangemelde deelnemers hem."),
    )
    agenda = models.TextField(_("agenda"), blank=True, max_length=20_000, help_text=_("Markdown."))
    agenda_html = models.TextField(editable=False, blank=True)
    organiser = models.CharField(_("organisator"), max_length=200, default="OSPO NL kennisnetwerk")
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Leeg: geen maximum. Is het vol, dan komen nieuwe aanmeldingen op de wachtlijst."),
    )
    registration_open = models.BooleanField(
        _("aanmelden via OSPO-NL"), default=True,
        help_text=_("Uit voor een evenement waarvoor je je bij de partner aanmeldt."),
    )
    registration_url = models.URLField(
        _("aanmelden bij de partner"), max_length=500, blank=True, validators=[web_url],
        help_text=_("De aanmeldpagina van de partner, als aanmelden niet via OSPO-NL gaat."),
    )
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    report = models.TextField(
        _("verslag"), blank=True, max_length=50_000, help_text=_("Markdown. Wat er besproken en afgesproken is."),
    )
    report_html = models.TextField(editable=False, blank=True)
    # iCalendar SEQUENCE: calendars that imported the event replace it when this goes up (time or place changed).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    markdown_fields = ("agenda", "report")
    # A change to one of these makes calendars replace their copy (SEQUENCE goes up).
    calendar_fields = ("title", "starts_at", "ends_at", "location", "online_url")

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(kind__in=["meeting", "partner"]), name="event_kind_valid"),
            models.CheckConstraint(condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                                   name="event_capacity_positive"),
        ]
        indexes = [models.Index(fields=["is_published", "ends_at"], name="event_published_ends_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        render_fields(self, *self.markdown_fields)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:event_detail", args=[self.slug])

    def is_visible_to(self, user):
        return self.is_published or is_curator(user)

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def is_over(self, now=None):
        return self.ends_at < (now or timezone.now())

    @property
    def is_online(self):
        return bool(self.online_url)


class Registration(models.Model):
    """A member's place at an event, or their place on its waiting list (first come, first served)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("aangemeld")
        WAITING = "waiting", _("op de wachtlijst")

    event = models.ForeignKey(Event, verbose_name=_("bijeenkomst"), on_delete=models.CASCADE,
                              related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("lid"), on_delete=models.CASCADE,
                             related_name="event_registrations")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("van de wachtlijst op"), null=True, blank=True, editable=False)
    # Set when the reminder the day before went out (or was skipped: e-mail off): it goes once.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_once_per_member"),
            models.CheckConstraint(condition=Q(status__in=["confirmed", "waiting"]), name="registration_status_valid"),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="registration_queue_idx")]

    def __str__(self):
        return f"{self.user_id} @ {self.event_id}: {self.status}"


class EventLink(models.Model):
    """What a meeting discussed: a kennisbank article or casus, linked from its report.

    A generic relation, so that the network app imports neither app (docs/architecture.md); each page shows a
    link only to whoever may see its target (`target.is_visible_to(user)`), so a members-only or experts-only
    casus never shows up outside its audience, and one that turns private later disappears from the report.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("besproken casus of artikel")
        verbose_name_plural = _("besproken casussen en artikelen")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "content_type", "object_id"], name="event_link_once"),
        ]

    def __str__(self):
        return f"{self.event_id} -> {self.content_type_id}#{self.object_id}"


class SignalQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def for_list(self):
        """What a list row shows: who shared it and its tags, in a fixed number of queries."""
        return self.select_related("shared_by__profile").prefetch_related("tags").order_by("-created_at", "-pk")


class Signal(models.Model):
    """A report, news item, trend or development that a curator or expert noticed and shares with the network."""

    class Kind(models.TextChoices):
        REPORT = "report", _("rapport")
        NEWS = "news", _("nieuws")
        TREND = "trend", _("trend")
        DEVELOPMENT = "development", _("ontwikkeling")

    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    url = models.URLField(_("link"), max_length=500, validators=[web_url])
    source = models.CharField(_("bron"), max_length=200, help_text=_("Wie het publiceerde, bijvoorbeeld ‘OSOR’."))
    commentary = models.TextField(
        _("toelichting"), max_length=2000,
        help_text=_("Kort: waarom is dit van belang voor het netwerk? Markdown."),
    )
    commentary_html = models.TextField(editable=False, blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gedeeld door"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("gedeeld op"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["report", "news", "trend", "development"]),
                                   name="signal_kind_valid"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        render_fields(self, "commentary")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:signal_detail", args=[self.slug])

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    def is_visible_to(self, user):
        return not self.is_deleted
