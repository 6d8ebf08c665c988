from django.contrib import admin

from ospo_nl.core.edit_conflicts import EditConflictAdmin

from .models import Answer, Casus, Comment


@admin.register(Casus)
class CasusAdmin(EditConflictAdmin, admin.ModelAdmin):
    conflict_fields = Casus.revision_fields
    list_display = ["title", "status", "visibility", "answer_count", "score", "last_activity_at", "deleted_at"]
    list_filter = ["status", "visibility", "phase"]
    search_fields = ["title", "body"]
    raw_id_fields = ["author", "claimed_by", "organisation"]
    readonly_fields = ["answer_count", "score", "last_activity_at"]


@admin.register(Answer)
class AnswerAdmin(EditConflictAdmin, admin.ModelAdmin):
    list_display = ["__str__", "author", "score", "is_accepted", "created_at", "deleted_at"]
    raw_id_fields = ["author", "casus"]
    readonly_fields = ["score", "is_accepted"]


@admin.register(Comment)
class CommentAdmin(EditConflictAdmin, admin.ModelAdmin):
    list_display = ["__str__", "author", "created_at", "deleted_at"]
    raw_id_fields = ["author", "casus", "answer"]
