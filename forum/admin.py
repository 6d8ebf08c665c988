from django.contrib import admin

from .models import Category, Reply, Topic


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    # Text edits go through the site (revisions); admin is for looking things up.
    list_display = ["title", "category", "author", "reply_count", "is_pinned", "is_locked", "last_activity_at"]
    list_filter = ["category", "is_pinned", "is_locked"]
    search_fields = ["title"]
    list_select_related = ["category", "author"]
    readonly_fields = ["author", "title", "body", "category", "reply_count", "last_activity_at", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False  # topics are started on the site, through forum.verbs


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "topic", "author", "created_at", "deleted_at"]
    list_select_related = ["topic", "author"]
    search_fields = ["body"]
    readonly_fields = ["topic", "author", "body", "created_at", "deleted_at"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False
