"""The one notification mechanism: in-app notifications, each user's mail settings, digest runs."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_inbox(self, user):
        """The notifications page: newest first, actor names in the same query."""
        return self.filter(recipient=user).select_related("actor__profile")

    def unread(self):
        return self.filter(read_at__isnull=True)

    def unmailed(self):
        """Neither mailed nor claimed by a mail that may have gone out (ospo_nl.notifications.mail)."""
        return self.filter(emailed_at__isnull=True, mail_claimed_at__isnull=True)


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
        WAITLIST = "waitlist", _("plek vrijgekomen bij een bijeenkomst")
        APPLICATION = "application", _("besluit over je aanvraag als expert")
        CLAIMED = "claimed", _("een expert heeft je casus opgepakt")
        REPORT_OUTCOME = "report_outcome", _("je melding is behandeld")
        PROPOSAL = "proposal", _("besluit over je voorgestelde organisatie")

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
    # Set, and committed, before the mail is sent: the guard against a second mail after a crash between
    # sending and recording emailed_at. Claimed but not emailed means "may have gone out": never sent again.
    mail_claimed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        db_table = "ospo_nl_notification"
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
        db_table = "ospo_nl_notificationsettings"
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
        db_table = "ospo_nl_digestrun"
        verbose_name = _("verstuurde samenvatting")
        verbose_name_plural = _("verstuurde samenvattingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "period", "period_key"], name="digest_run_once_per_period"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.period} {self.period_key}"
