from django.contrib import admin

from ospo_nl.search.models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """Curators keep the search's synonyms and abbreviations (OSPO, OSS, Woo, EUPL, SBOM...)."""

    list_display = ["term", "synonyms", "updated_at"]
    search_fields = ["term", "synonyms"]
