import html
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from ospo_nl.core.markdown_pipeline import render_markdown_with_toc
from ospo_nl.core.roles import is_curator
from ospo_nl.core.url_slugs import ChoiceSlugs

from .licences import licence_info

# Slugs the kennisbank's own URLs use; a top-level section may not take them.
RESERVED_SLUGS = {"soort", "tag", "recent", "artikel", "feed"}
REVIEW_INTERVAL = timedelta(days=365)
MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"]  # no SVG: it can carry script


def plain_toc(tokens):
    """Keep only id, text and children of the pipeline's TOC tokens (their "html" is unsanitized)."""
    return [
        {"id": t["id"], "name": html.unescape(t["name"]), "children": plain_toc(t.get("children", []))}
        for t in tokens
    ]


# The first bytes of each allowed image type: a file's name proves nothing about what is in it.
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def _looks_like_an_image(head):
    return head.startswith(IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def validate_image_size(file):
    """Size (at most 5 MB) and content: the bytes must start like a PNG, JPEG, GIF or WebP.

    (The name stays for the migrations that refer to it.)
    """
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("De afbeelding is te groot (maximaal 5 MB)."))
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(12)
    file.seek(position)
    if not _looks_like_an_image(head):
        raise ValidationError(_("Dit bestand is geen PNG-, JPEG-, GIF- of WebP-afbeelding."))


# Links kept from a source (a cover's origin, the original page) are for people to follow: web addresses
# only, never javascript:, data: or file: (validated in admin and forms as well as on import).
validate_web_url = URLValidator(schemes=["http", "https"], message=_("Alleen een http- of https-adres."))


class ImportSource(models.Model):
    """A folder the kennisbank imports from: articles are matched by source and path, never by path alone."""

    class Kind(models.TextChoices):
        DOCUSAURUS = "docusaurus", "Docusaurus"
        MKDOCS = "mkdocs", "MkDocs"
        JEKYLL = "jekyll", "Jekyll"
        MARKDOWN = "markdown", _("Markdown-map")

    name = models.SlugField(_("naam"), max_length=100, unique=True)
    root = models.CharField(_("map"), max_length=1000, help_text=_("De map van de laatste import."))
    kind = models.CharField(_("soort site"), max_length=20, choices=Kind.choices, default=Kind.MARKDOWN)
    licence = models.CharField(_("licentie"), max_length=100, blank=True)
    attribution = models.CharField(
        _("naamsvermelding"), max_length=300, blank=True,
        help_text=_("Wie naast de auteurs genoemd wordt, zoals de bron het vraagt."),
    )
    url = models.URLField(_("adres van de bron"), max_length=500, blank=True, validators=[validate_web_url])
    site_url = models.URLField(
        _("adres van de gepubliceerde site"), max_length=500, blank=True, validators=[validate_web_url],
    )
    last_imported_at = models.DateTimeField(_("laatst geïmporteerd"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("importbron")
        verbose_name_plural = _("importbronnen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SectionQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def ancestors_of(self, section):
        """The section and its parents, root first, in one query (paths are materialised)."""
        parts = section.path.split("/")
        paths = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return self.filter(path__in=paths).order_by("path")


class Section(models.Model):
    """A folder of the kennisbank; sections nest like the folders of the Markdown source."""

    parent = models.ForeignKey(
        "self", verbose_name=_("bovenliggende sectie"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    path = models.CharField(_("pad"), max_length=500, unique=True, editable=False)
    order = models.IntegerField(_("volgorde"), default=0)
    index_article = models.OneToOneField(
        "Article", verbose_name=_("inleidend artikel"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="index_of",
    )
    source = models.ForeignKey(
        ImportSource, verbose_name=_("importbron"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="sections",
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sectie")
        verbose_name_plural = _("secties")
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="section_slug_unique_in_parent"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(parent__isnull=True), name="section_top_level_slug_unique"
            ),
        ]

    def __str__(self):
        return self.path or self.title

    def clean(self):
        if self.parent_id is None and self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Deze slug is gereserveerd.")})
        # An article and a child section share the URL space /kennisbank/<section path>/<slug>/.
        if self.parent_id and Article.objects.filter(section_id=self.parent_id, slug=self.slug).exists():
            raise ValidationError({"slug": _("Er staat al een artikel met deze slug in de bovenliggende sectie.")})

    def save(self, *args, **kwargs):
        self.path = f"{self.parent.path}/{self.slug}" if self.parent_id else self.slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kennisbank:page", args=[self.path])


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def listed(self):
        return self.filter(listed=True)

    def visible_to(self, user):
        """Drafts are for curators only; everyone else sees published articles."""
        return self if is_curator(user) else self.published()

    def for_list(self):
        return self.filter(listed=True).select_related("section__index_article").order_by("-content_updated_at", "-id")


class Article(models.Model):
    class Kind(models.TextChoices):
        STEP_BY_STEP = "step_by_step", _("stappenplan")
        BEST_PRACTICE = "best_practice", _("best practice")
        BACKGROUND = "background", _("achtergrond")
        NEWS = "news", _("nieuws / signaal")
        LESSONS_LEARNED = "lessons_learned", _("lessons learned")

    # In URLs (/kennisbank/soort/stappenplan/), never stored: ospo_nl.core.url_slugs.
    KIND_SLUGS = ChoiceSlugs(Kind, {
        Kind.STEP_BY_STEP: "stappenplan", Kind.BEST_PRACTICE: "best-practice", Kind.BACKGROUND: "achtergrond",
        Kind.NEWS: "nieuws", Kind.LESSONS_LEARNED: "lessons-learned",
    })

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        PUBLISHED = "published", _("gepubliceerd")

    title = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.BACKGROUND)
    section = models.ForeignKey(Section, verbose_name=_("sectie"), on_delete=models.PROTECT, related_name="articles")
    order = models.IntegerField(_("volgorde"), default=0)
    summary = models.TextField(_("samenvatting"), max_length=1000, blank=True)
    body = models.TextField(_("tekst"), blank=True, help_text=_("Markdown: koppen, tabellen, voetnoten, code."))
    body_html = models.TextField(editable=False, blank=True)
    toc = models.JSONField(_("inhoudsopgave"), default=list, editable=False, blank=True)
    tags = TaggableManager(_("tags"), blank=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("auteurs (leden)"), blank=True, related_name="kennisbank_articles"
    )
    author_names = models.CharField(
        _("auteurs (namen)"), max_length=500, blank=True,
        help_text=_("Voor geïmporteerd werk: namen gescheiden door komma's."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Docusaurus' `unlisted`: published and reachable by its address, but left out of lists, feeds and sitemaps.
    listed = models.BooleanField(_("in lijsten"), default=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    content_updated_at = models.DateTimeField(_("inhoudelijk bijgewerkt"), default=timezone.now)
    last_reviewed_at = models.DateField(_("laatst beoordeeld"), null=True, blank=True)
    # Derived on save: a year after the last review (or after publication).
    review_due = models.DateField(_("beoordelen voor"), null=True, blank=True, editable=False)
    image = models.FileField(
        _("afbeelding"), upload_to="kennisbank/", blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_size],
    )
    image_caption = models.CharField(_("bijschrift"), max_length=500, blank=True)
    image_source = models.CharField(
        _("bron van de afbeelding"), max_length=500, blank=True, validators=[validate_web_url],
        help_text=_("Adres van een externe afbeelding, zoals in de bron vermeld."),
    )
    language = models.CharField(_("taal"), max_length=10, choices=settings.LANGUAGES, default="nl")
    source = models.ForeignKey(
        ImportSource, verbose_name=_("importbron"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="articles",
    )
    source_path = models.CharField(_("bronbestand"), max_length=500, blank=True)
    source_commit = models.CharField(_("broncommit"), max_length=64, blank=True)
    source_url = models.CharField(
        _("oorspronkelijke pagina"), max_length=1000, blank=True, validators=[validate_web_url],
    )
    # What the import last wrote: `source_hash` of the source's values, `import_hash` of the article's own
    # content as saved then, so a re-import can tell a site edit from a source change.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    import_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The source file's bytes as last imported: a renamed file with the same content is the same article.
    source_file_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The front matter as it came in, as [key, value] pairs in the source's order (a JSON object in PostgreSQL
    # loses its key order), so an export writes back what the source had and nothing invented.
    source_meta = models.JSONField(default=list, blank=True, editable=False)
    licence = models.CharField(_("licentie"), max_length=100, default="CC BY 4.0")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_path"], condition=~Q(source_path=""), name="article_source_path_unique"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="article_published_has_date"
            ),
        ]
        indexes = [models.Index(fields=["status", "-content_updated_at"], name="article_recent_idx")]

    def __str__(self):
        return self.title

    def clean(self):
        # An article and a child section share the URL space /kennisbank/<section path>/<slug>/.
        if self.section_id and Section.objects.filter(parent_id=self.section_id, slug=self.slug).exists():
            raise ValidationError({"slug": _("Er is al een subsectie met deze slug in deze sectie.")})

    def save(self, *args, **kwargs):
        self.body_html, tokens = render_markdown_with_toc(self.body)
        self.toc = plain_toc(tokens)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        base = self.last_reviewed_at or (timezone.localdate(self.published_at) if self.published_at else None)
        self.review_due = base + REVIEW_INTERVAL if base else None
        super().save(*args, **kwargs)

    def kind_url(self):
        return reverse("kennisbank:kind", args=[self.KIND_SLUGS.slug(self.kind)])

    def get_absolute_url(self):
        # A section's index article is shown on the section page itself.
        if self.section.index_article_id == self.pk:
            return self.section.get_absolute_url()
        return reverse("kennisbank:page", args=[f"{self.section.path}/{self.slug}"])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def author_name_list(self):
        return [name.strip() for name in self.author_names.split(",") if name.strip()]

    def is_visible_to(self, user):
        return self.is_published or is_curator(user)

    @property
    def has_diagrams(self):
        # The page loads the diagram script only when the body has a Mermaid block (the pipeline's class).
        return 'class="mermaid"' in self.body_html

    @property
    def front_matter(self):
        """The source's front matter as a dict, in its order."""
        meta = self.source_meta or []
        return dict(meta) if isinstance(meta, list) else dict(meta)

    @property
    def licence_info(self):
        return licence_info(self.licence)


class ImportConflict(models.Model):
    """A re-import found the source changed while the article had been edited on the site: the article keeps
    the site's version until a curator looks at both and takes one."""

    class Taken(models.TextChoices):
        SITE = "site", _("versie van de site")
        SOURCE = "source", _("versie uit de bron")

    article = models.ForeignKey(Article, verbose_name=_("artikel"), on_delete=models.CASCADE,
                                related_name="import_conflicts")
    source = models.ForeignKey(ImportSource, verbose_name=_("importbron"), on_delete=models.CASCADE,
                               related_name="conflicts")
    incoming = models.JSONField(_("versie uit de bron"))
    incoming_tags = models.JSONField(default=list)
    source_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("gevonden"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("opgelost"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    taken = models.CharField(_("gekozen"), max_length=10, choices=Taken.choices, blank=True)

    class Meta:
        verbose_name = _("importconflict")
        verbose_name_plural = _("importconflicten")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["article"], condition=Q(resolved_at__isnull=True),
                                    name="import_conflict_one_open_per_article"),
        ]

    def __str__(self):
        return f"{self.article} ({self.source})"


class ArticleRedirect(models.Model):
    """An old address of an article (Jekyll's `redirect_from`, a renamed source file) that still leads to it."""

    path = models.CharField(_("oud pad"), max_length=500, unique=True,
                            help_text=_("Het pad onder /kennisbank/, zonder schuine strepen aan het begin en eind."))
    article = models.ForeignKey(Article, verbose_name=_("artikel"), on_delete=models.CASCADE,
                                related_name="redirects")

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")

    def __str__(self):
        return self.path
