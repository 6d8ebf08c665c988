from django.contrib import admin

from ospo_nl.moderation.models import ModerationAction, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Reports are handled in the moderation queue (/moderatie/); admin is for looking things up."""

    list_display = ("created_at", "reason", "content_type", "object_id", "status", "handled_at")
    list_filter = ("status", "reason", "content_type")
    readonly_fields = [f.name for f in Report._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """The moderation log: read only, for staff."""

    list_display = ("created_at", "moderator", "action", "content_type", "target_label", "reason")
    list_filter = ("action", "content_type")
    search_fields = ("target_label", "reason")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
