from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from ospo_nl.markdown_pipeline import render_fields


class OrganisationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


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


class ProfileQuerySet(models.QuerySet):
    def public_experts(self):
        return self.filter(is_public=True, is_expert=True, user__is_active=True)


class Profile(models.Model):
    """A user's profile: the people directory. The expert flag is set by staff only."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(_("naam"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="profiles",
    )
    bio = models.TextField(_("over mij"), max_length=4000, blank=True, help_text=_("Markdown."))
    bio_html = models.TextField(editable=False, blank=True)
    expertise = TaggableManager(_("expertise"), blank=True, help_text=_("Onderwerpen, gescheiden door komma's."))
    is_expert = models.BooleanField(_("expert"), default=False)
    is_available = models.BooleanField(_("beschikbaar als sparringpartner"), default=True)
    is_public = models.BooleanField(
        _("openbaar profiel"), default=False, help_text=_("Toon mijn profiel in de expertsgids.")
    )
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
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:expert_detail", args=[self.pk])
