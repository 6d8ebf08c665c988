"""Site search (ospo_nl.search.index): one denormalised index over every part."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.roles import Audience, audiences_for
from ospo_nl.core.url_slugs import ChoiceSlugs


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only entries whose audience includes `user` (the one rule: `ospo_nl.core.roles.audiences_for`)."""
        return self.filter(audience__in=audiences_for(user))

    def for_results(self):
        """What a result row shows: its tags, in one extra query for the whole page."""
        return self.prefetch_related("tag_rows")


class SearchEntry(models.Model):
    """One searchable thing (casus, answer, topic, reply, article, organisation, initiative, expert).

    Written only by `ospo_nl.search.index` from each app's `search_index` adapter, never by hand. On
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
        EVENT = "event", _("bijeenkomst")
        SIGNAL = "signal", _("signaal")

    # The search page's `soort` filter in URLs (/zoeken/?soort=artikel), never stored: ospo_nl.core.url_slugs.
    KIND_SLUGS = ChoiceSlugs(Kind, {
        Kind.CASUS: "casus", Kind.ANSWER: "antwoord", Kind.TOPIC: "forumonderwerp", Kind.REPLY: "forumreactie",
        Kind.ARTICLE: "artikel", Kind.ORGANISATION: "organisatie", Kind.INITIATIVE: "initiatief",
        Kind.EXPERT: "expert", Kind.EVENT: "bijeenkomst", Kind.SIGNAL: "signaal",
    })

    Audience = Audience  # the one audience vocabulary (ospo_nl.core.roles)

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True, help_text="Plain text, no markup.")
    tags = models.TextField(blank=True, help_text="Tag names, comma separated (weighted in the search vector).")
    url = models.CharField(max_length=500)
    date = models.DateTimeField()
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    # The text's language: its stemming and stop words (PostgreSQL configuration `dutch` or `english`).
    language = models.CharField(max_length=10, default="nl", db_default="nl")
    # How much a hit here counts, from its kind and standing (ospo_nl.search.ranking, docs/search.md).
    weight = models.FloatField(default=1.0, db_default=1.0)
    # The object this one's visibility follows (an answer's casus, a reply's topic).
    parent_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    parent_id = models.PositiveBigIntegerField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        db_table = "ospo_nl_searchentry"
        verbose_name = _("zoekindex-item")
        verbose_name_plural = _("zoekindex")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_once_per_object"),
            models.CheckConstraint(
                condition=models.Q(audience__in=Audience.values), name="search_entry_audience_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["casus", "answer", "topic", "reply", "article", "organisation", "initiative", "expert",
                              "event", "signal"]
                ),
                name="search_entry_kind_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["audience", "kind", "-date"], name="search_entry_filter_idx"),
            models.Index(fields=["parent_content_type", "parent_id"], name="search_entry_parent_idx"),
            # The newest matches of a very common word (ospo_nl.search.index.MATCH_CAP), without sorting them all.
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
        db_table = "ospo_nl_searchentrytag"
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
        db_table = "ospo_nl_synonym"
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
    """Every word of the public entries once: the lexicon for typos, "Bedoelde je" and compound splitting.

    Only public text feeds it, so a suggestion shown to a visitor never names a word of private content.
    """

    word = models.CharField(max_length=40, primary_key=True)

    class Meta:
        db_table = "ospo_nl_searchword"
        verbose_name = _("woord in de zoekindex")
        verbose_name_plural = _("woorden in de zoekindex")

    def __str__(self):
        return self.word
