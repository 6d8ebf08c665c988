from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import open_data
from .forms import OrganisationAdminForm
from .models import ExpertApplication, Initiative, InitiativeOrganisation, Organisation, OrganisationProposal, Profile


def _set_published(modeladmin, request, queryset, value, message):
    # save() per row, not update(): post_save keeps the site search index (ospo_nl.search.index) in step.
    changed = list(queryset.exclude(is_published=value))
    with transaction.atomic():
        for obj in changed:
            obj.is_published = value
            obj.save(update_fields=["is_published", "updated_at"])
        LogEntry.objects.log_actions(request.user.pk, changed, CHANGE, message)
    count = len(changed)
    modeladmin.message_user(
        request, ngettext("%(count)d item bijgewerkt.", "%(count)d items bijgewerkt.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Geselecteerde publiceren"), permissions=["change"])
def publish(modeladmin, request, queryset):
    _set_published(modeladmin, request, queryset, True, "Gepubliceerd")


@admin.action(description=_("Publicatie van geselecteerde intrekken"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    _set_published(modeladmin, request, queryset, False, "Publicatie ingetrokken")


@admin.action(description=_("Geselecteerde exporteren als CSV"), permissions=["view"])
def export_organisations_csv(modeladmin, request, queryset):
    return open_data.csv_response(open_data.organisation_rows(queryset), "organisaties.csv",
                                  open_data.ORGANISATION_COLUMNS)


@admin.action(description=_("Geselecteerde exporteren als CSV"), permissions=["view"])
def export_initiatives_csv(modeladmin, request, queryset):
    return open_data.csv_response(open_data.initiative_rows(queryset), "initiatieven.csv",
                                  open_data.INITIATIVE_COLUMNS)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "organisation", "is_expert", "is_public", "is_available", "directory_listing"]
    list_filter = ["is_expert", "is_public", "is_available"]
    search_fields = ["display_name", "slug", "user__email"]
    autocomplete_fields = ["organisation", "user"]
    list_select_related = ["user", "organisation"]
    readonly_fields = ["directory_listing"]

    @admin.display(description=_("in de expertsgids"))
    def directory_listing(self, profile):
        reason = profile.unlisted_reason()
        return _("ja") if not reason else _("nee: %(reason)s") % {"reason": reason}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A curator who ticks "expert" must not be left wondering why nothing shows in the directory.
        if obj.is_expert and obj.unlisted_reason():
            messages.warning(request, _("%(name)s is expert, maar staat niet in de expertsgids: %(reason)s.")
                             % {"name": obj.name, "reason": obj.unlisted_reason()})


@admin.register(ExpertApplication)
class ExpertApplicationAdmin(admin.ModelAdmin):
    """Deciding goes through the queue on the site (it tells the member); admin shows the history."""

    list_display = ["user", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["user"]
    readonly_fields = ["user", "status", "motivation", "note", "decided_by", "decided_at", "created_at"]

    def has_add_permission(self, request):
        return False


class InitiativeOrganisationInline(admin.TabularInline):
    model = InitiativeOrganisation
    extra = 1
    autocomplete_fields = ["organisation"]
    verbose_name = _("betrokken organisatie")
    verbose_name_plural = _("betrokken organisaties")


class OrganisationRoleInline(admin.TabularInline):
    """The same roles, seen from the organisation."""

    model = InitiativeOrganisation
    extra = 0
    autocomplete_fields = ["initiative"]
    verbose_name = _("initiatief")
    verbose_name_plural = _("initiatieven")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "kind", "has_ospo", "tooi", "is_published", "updated_at"]
    list_filter = ["is_published", "kind", "has_ospo"]
    search_fields = ["name", "slug", "tooi", "website"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "created_at"
    actions = [publish, unpublish, export_organisations_csv]
    inlines = [OrganisationRoleInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "is_published", "description", "tags"]}),
        (_("Open source"), {"fields": ["has_ospo", "policy_url", "git_url"]}),
        (_("Contact en identificatie"), {"fields": ["website", "contact", "tooi", "created_at", "updated_at"]}),
    ]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "start_year", "is_published", "updated_at"]
    list_filter = ["is_published", "kind", "status"]
    search_fields = ["name", "slug", "website", "source_url"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [publish, unpublish, export_initiatives_csv]
    inlines = [InitiativeOrganisationInline]
    readonly_fields = ["created_at", "updated_at"]
    fields = ["name", "slug", "kind", "status", "start_year", "is_published", "website", "source_url", "description",
              "tags", "created_at", "updated_at"]


@admin.register(OrganisationProposal)
class OrganisationProposalAdmin(admin.ModelAdmin):
    """Deciding goes through the queue on the site (it publishes the organisation and tells the member)."""

    list_display = ["name", "kind", "status", "proposed_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["proposed_by", "name", "kind", "website", "status", "note", "organisation", "decided_by",
                       "decided_at", "created_at"]

    def has_add_permission(self, request):
        return False
