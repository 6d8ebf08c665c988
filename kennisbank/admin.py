from django.contrib import admin
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.edit_conflicts import EditConflictAdmin

from .models import Article, ArticleRedirect, ImportConflict, ImportSource, Section
from .verbs import REVISION_FIELDS, save_article


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["path", "title", "order", "index_article"]
    search_fields = ["title", "path"]
    autocomplete_fields = ["parent", "index_article"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Article)
class ArticleAdmin(EditConflictAdmin, admin.ModelAdmin):
    conflict_fields = REVISION_FIELDS  # save_model keeps the revision (save_article)
    list_display = ["title", "section", "kind", "status", "content_updated_at", "review_due"]
    list_filter = ["status", "kind", "section"]
    list_select_related = ["section"]
    search_fields = ["title", "summary", "body", "author_names"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "authors"]
    readonly_fields = ["preview", "review_due", "source", "source_path", "source_commit", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "section", "order", "status", "published_at"]}),
        (_("Inhoud"), {"fields": ["summary", "body", "preview", "tags"]}),
        (_("Auteurs en beoordeling"), {"fields": ["authors", "author_names", "last_reviewed_at", "review_due"]}),
        (_("Afbeelding"), {"fields": ["image", "image_caption", "image_source"]}),
        (_("Bron en licentie"), {"fields": ["licence", "language", "listed", "source", "source_path", "source_url",
                                             "source_commit", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("voorbeeld (opgeslagen versie)"))
    def preview(self, obj):
        # body_html is sanitized by the Markdown pipeline when the article is saved.
        return mark_safe(f'<div class="article-body">{obj.body_html}</div>') if obj.pk else "-"

    def save_model(self, request, obj, form, change):
        message = _("Bewerkt in beheer") if change else _("Aangemaakt in beheer")
        save_article(obj, by=request.user, message=str(message))


@admin.register(ImportSource)
class ImportSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "licence", "attribution", "last_imported_at"]
    search_fields = ["name", "root", "url"]
    readonly_fields = ["root", "kind", "last_imported_at", "created_at"]


@admin.register(ImportConflict)
class ImportConflictAdmin(admin.ModelAdmin):
    list_display = ["article", "source", "created_at", "resolved_at", "taken"]
    list_filter = ["resolved_at", "source"]
    list_select_related = ["article", "source"]
    readonly_fields = ["article", "source", "incoming", "incoming_tags", "source_hash", "created_at", "resolved_at",
                       "resolved_by", "taken"]


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["path", "article"]
    search_fields = ["path"]
    autocomplete_fields = ["article"]
