from django.contrib import admin

from .models import Organisation, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "organisation", "is_expert", "is_public", "is_available"]
    list_filter = ["is_expert", "is_public", "is_available"]
    search_fields = ["display_name", "user__email"]
    autocomplete_fields = ["organisation", "user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "has_ospo", "is_published"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
