from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from ospo_nl.core.markdown_pipeline import render_fields
from ospo_nl.core.roles import is_curator
from ospo_nl.core.slugs import free_slug
from ospo_nl.core.url_slugs import ChoiceSlugs


class DirectoryQuerySet(models.QuerySet):
    """Shared verbs of the curated directory models: unpublished rows exist for staff only."""

    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        return self if is_curator(user) else self.published()

    def search(self, q):
        q = (q or "").strip()
        if not q:
            return self
        return self.filter(models.Q(name__icontains=q) | models.Q(description__icontains=q))


class OrganisationQuerySet(DirectoryQuerySet):
    def for_list(self):
        return self.prefetch_related("tags")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministerie")
        AGENCY = "agency", _("uitvoeringsorganisatie / agentschap")
        PROVINCE = "province", _("provincie")
        MUNICIPALITY = "municipality", _("gemeente")
        WATER_BOARD = "water_board", _("waterschap")
        ZBO = "zbo", _("zelfstandig bestuursorgaan")
        COMPANY = "company", _("bedrijf")
        FOUNDATION = "foundation", _("stichting")
        COMMUNITY = "community", _("community")
        EDUCATION = "education", _("onderwijs / onderzoek")
        OTHER = "other", _("anders")

    # The list's filter in URLs (/organisaties/?soort=gemeente), never stored: ospo_nl.core.url_slugs.
    KIND_SLUGS = ChoiceSlugs(Kind, {
        Kind.MINISTRY: "ministerie", Kind.AGENCY: "uitvoeringsorganisatie", Kind.PROVINCE: "provincie",
        Kind.MUNICIPALITY: "gemeente", Kind.WATER_BOARD: "waterschap", Kind.ZBO: "zbo", Kind.COMPANY: "bedrijf",
        Kind.FOUNDATION: "stichting", Kind.COMMUNITY: "community", Kind.EDUCATION: "onderwijs",
        Kind.OTHER: "anders",
    })

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    git_url = models.URLField(_("git-organisatie"), blank=True)
    has_ospo = models.BooleanField(_("heeft een OSPO"), default=False)
    policy_url = models.URLField(_("open source-beleid"), blank=True)
    contact = models.CharField(_("contact (e-mail of URL)"), max_length=300, blank=True)
    tooi = models.CharField(
        _("TOOI-identificatie"), max_length=200, blank=True, null=True, unique=True,
        help_text=_("Identificatie uit het TOOI-register van de overheid, bijvoorbeeld gm0363."),
    )
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Markdown."))
    description_html = models.TextField(editable=False, blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.tooi == "":
            self.tooi = None  # unique only when given
        render_fields(self, "description")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:organisation_detail", args=[self.slug])

    @property
    def anonymous_label(self):
        """The organisation without its name, e.g. "een gemeente" (for casussen that hide it)."""
        return ANONYMOUS_LABELS.get(self.kind, ANONYMOUS_LABELS[self.Kind.OTHER])

    def is_visible_to(self, user):
        return self.is_published or is_curator(user)


class InitiativeQuerySet(DirectoryQuerySet):
    def for_list(self):
        return self.prefetch_related("tags")


class Initiative(models.Model):
    class Kind(models.TextChoices):
        COMMUNITY = "community", _("community")
        PLATFORM = "platform", _("platform")
        PROGRAMME = "programme", _("programma")
        STANDARD = "standard", _("standaard")
        FOUNDATION = "foundation", _("stichting")
        EVENT_SERIES = "event_series", _("evenementenreeks")
        OTHER = "other", _("anders")

    class Status(models.TextChoices):
        ACTIVE = "active", _("actief")
        ARCHIVED = "archived", _("gearchiveerd")

    # The list's filters in URLs (/initiatieven/?soort=programma&status=actief): ospo_nl.core.url_slugs.
    KIND_SLUGS = ChoiceSlugs(Kind, {
        Kind.COMMUNITY: "community", Kind.PLATFORM: "platform", Kind.PROGRAMME: "programma",
        Kind.STANDARD: "standaard", Kind.FOUNDATION: "stichting", Kind.EVENT_SERIES: "evenementenreeks",
        Kind.OTHER: "anders",
    })
    STATUS_SLUGS = ChoiceSlugs(Status, {Status.ACTIVE: "actief", Status.ARCHIVED: "gearchiveerd"})

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    source_url = models.URLField(
        _("broncode"), max_length=300, blank=True, null=True, unique=True,
        help_text=_("Repository-URL; de sleutel waarop een publiccode.yml-import bijwerkt."),
    )
    description = models.TextField(_("beschrijving"), blank=True, help_text=_("Markdown."))
    description_html = models.TextField(editable=False, blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    start_year = models.PositiveSmallIntegerField(_("startjaar"), null=True, blank=True)
    organisations = models.ManyToManyField(
        Organisation, through="InitiativeOrganisation", related_name="initiatives", blank=True,
        verbose_name=_("organisaties"),
    )
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_year__isnull=True) | models.Q(start_year__gte=1950, start_year__lte=2100),
                name="initiative_start_year_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.source_url == "":
            self.source_url = None  # unique only when given
        render_fields(self, "description")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:initiative_detail", args=[self.slug])

    def is_visible_to(self, user):
        return self.is_published or is_curator(user)


class InitiativeOrganisation(models.Model):
    """An organisation's part in an initiative."""

    class Role(models.TextChoices):
        FOUNDER = "founder", _("oprichter")
        HOST = "host", _("gastheer")
        MEMBER = "member", _("deelnemer")
        FUNDER = "funder", _("financier")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiatief"), on_delete=models.CASCADE, related_name="roles"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="initiative_roles"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("rol van een organisatie")
        verbose_name_plural = _("rollen van organisaties")
        ordering = ["initiative__name", "organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation", "role"], name="initiative_organisation_role_once"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.get_role_display()} – {self.initiative}"


ANONYMOUS_LABELS = {
    Organisation.Kind.MINISTRY: _("een ministerie"),
    Organisation.Kind.AGENCY: _("een uitvoeringsorganisatie"),
    Organisation.Kind.PROVINCE: _("een provincie"),
    Organisation.Kind.MUNICIPALITY: _("een gemeente"),
    Organisation.Kind.WATER_BOARD: _("een waterschap"),
    Organisation.Kind.ZBO: _("een zelfstandig bestuursorgaan"),
    Organisation.Kind.COMPANY: _("een bedrijf"),
    Organisation.Kind.FOUNDATION: _("een stichting"),
    Organisation.Kind.COMMUNITY: _("een community"),
    Organisation.Kind.EDUCATION: _("een onderwijs- of onderzoeksinstelling"),
    Organisation.Kind.OTHER: _("een organisatie"),
}


class ProfileQuerySet(models.QuerySet):
    def public_experts(self):
        return self.filter(is_public=True, is_expert=True, user__is_active=True)

    def for_expert_list(self):
        # The organisation is shown only when published; the template checks is_published.
        return self.select_related("organisation", "user").prefetch_related("expertise")


def profile_slug(model, name):
    """A free slug for a profile called `name` ("jan-jansen", "jan-jansen-2"; "expert" without a name). Never
    digits only: /experts/<number>/ is the old address by id. Also used by the migration that filled them in."""
    text = slugify(name)
    if text.isdigit():
        text = f"expert-{text}"
    return free_slug(model, text, fallback="expert", max_length=110)


class Profile(models.Model):
    """A user's profile: the people directory. The expert flag is set by staff only."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(_("naam"), max_length=100, blank=True)
    # The expert page's address (/experts/jan-jansen/), from the name when the profile is first saved with one and
    # kept when the name changes: a shared link keeps working. /experts/<id>/ redirects here (docs/i18n.md).
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, blank=True,
        help_text=_("Het adres van de expertpagina. Blijft gelijk als de naam verandert; een oud adres met het "
                    "nummer van het profiel blijft werken."),
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="profiles",
    )
    bio = models.TextField(_("over mij"), max_length=4000, blank=True, help_text=_("Markdown."))
    bio_html = models.TextField(editable=False, blank=True)
    expertise = TaggableManager(_("expertise"), blank=True, help_text=_("Onderwerpen, gescheiden door komma's."))
    is_expert = models.BooleanField(_("expert"), default=False)
    # Off until the member turns it on: being asked to spar is something one offers, not something assumed.
    is_available = models.BooleanField(
        _("beschikbaar als sparringpartner"), default=False,
        help_text=_("Alleen voor experts: andere leden zien in de expertsgids dat je open staat voor een "
                    "sparringgesprek over je expertise."),
    )
    is_public = models.BooleanField(
        _("openbaar profiel"), default=False, help_text=_("Toon mijn profiel in de expertsgids.")
    )
    # Denormalised for the bell in the header: the profile is loaded on every page anyway, so the
    # count costs no query. Kept right by ospo_nl.notifications.verbs; `recount_notifications` rebuilds it.
    unread_notifications = models.PositiveIntegerField(default=0, editable=False)
    show_email = models.BooleanField(_("toon mijn e-mailadres op mijn profiel"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return self.name

    @property
    def name(self):
        # Never derived from the e-mail address: that is shown only when its owner chose to.
        return self.display_name or _("Lid %(number)s") % {"number": self.user_id}

    def save(self, *args, **kwargs):
        render_fields(self, "bio")
        if not self.slug:
            self.slug = profile_slug(Profile, self.display_name)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:expert_detail", args=[self.slug])

    def public_url(self):
        """The profile page when anyone may see it, "" otherwise (the rule of `public_experts`): structured data
        links an author to it (ospo_nl.seo.structured_data.author)."""
        return self.get_absolute_url() if self.is_public and self.is_expert and self.user.is_active else ""

    def unlisted_reason(self):
        """Why this profile is not in the experts directory ("" when it is): the rule of `public_experts`."""
        if not self.is_expert:
            return _("geen expert")
        if not self.user.is_active:
            return _("het account is niet actief")
        if not self.is_public:
            return _("het profiel is niet openbaar: het lid heeft ‘Toon mijn profiel in de expertsgids’ uit staan; "
                     "alleen het lid zelf kan dat aanzetten")
        return ""


class ExpertApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ExpertApplication.Status.PENDING)


class ExpertApplication(models.Model):
    """A member asks to become an expert: with their expertise and why; a curator approves or declines with a note.

    Approving sets `Profile.is_expert` and the expertise (directory.verbs.decide_application); the member is told.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("in behandeling")
        APPROVED = "approved", _("goedgekeurd")
        DECLINED = "declined", _("afgewezen")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("lid"), on_delete=models.CASCADE,
                             related_name="expert_applications")
    expertise = TaggableManager(_("expertise"), help_text=_("Onderwerpen, gescheiden door komma's."))
    motivation = models.TextField(_("motivatie"), max_length=3000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    note = models.TextField(_("toelichting van de curator"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)

    objects = ExpertApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanvraag als expert")
        verbose_name_plural = _("aanvragen als expert")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=models.Q(status="pending"),
                                    name="one_pending_expert_application"),
            models.CheckConstraint(condition=models.Q(status__in=["pending", "approved", "declined"]),
                                   name="expert_application_status_valid"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.status}"

    def is_visible_to(self, user):
        """The applicant and curators (a notification about it reaches only them)."""
        return is_curator(user) or bool(user and user.is_authenticated and user.pk == self.user_id)


class OrganisationProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OrganisationProposal.Status.PENDING)


class OrganisationProposal(models.Model):
    """A member proposes an organisation missing from the directory; a curator accepts it (it is published) or
    declines it with a note, and the member is told (directory.verbs.decide_proposal)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("in behandeling")
        ACCEPTED = "accepted", _("opgenomen")
        DECLINED = "declined", _("afgewezen")

    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("voorgesteld door"), null=True,
                                    on_delete=models.SET_NULL, related_name="organisation_proposals")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Organisation.Kind.choices)
    website = models.URLField(_("website"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    note = models.TextField(_("toelichting van de curator"), max_length=2000, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", editable=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)

    objects = OrganisationProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("voorgestelde organisatie")
        verbose_name_plural = _("voorgestelde organisaties")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=["pending", "accepted", "declined"]),
                                   name="organisation_proposal_status_valid"),
        ]

    def __str__(self):
        return self.name

    def is_visible_to(self, user):
        return is_curator(user) or bool(user and user.is_authenticated and user.pk == self.proposed_by_id)
