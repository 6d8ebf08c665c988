from django.contrib import admin

from . import verbs
from .models import Event, EventLink, Registration, Signal


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = readonly_fields = ["user", "status", "created_at", "promoted_at", "reminded_at"]
    can_delete = False

    # Registering goes through the site (network.verbs), which keeps the waiting list right; admin only shows it.
    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "capacity", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["title", "subject", "location"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RegistrationInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:  # as on the site (network.verbs.edit_event): calendars hear of it, the waiting list moves up
            verbs.event_changed(event=obj, changed=form.changed_data)


@admin.register(EventLink)
class EventLinkAdmin(admin.ModelAdmin):
    list_display = ["event", "content_type", "object_id"]
    raw_id_fields = ["event"]


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "source", "shared_by", "created_at", "deleted_at"]
    list_filter = ["kind"]
    search_fields = ["title", "source", "commentary"]
    raw_id_fields = ["shared_by"]
