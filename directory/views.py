from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from ospo_nl.core.content_cache import shared_page
from ospo_nl.core.permissions import allowed
from ospo_nl.core.registries import organisation_sections
from ospo_nl.core.roles import is_curator
from ospo_nl.core.url_slugs import redirect_moved_params
from ospo_nl.moderation.permissions import check_report

from . import open_data
from .forms import ExpertFilterForm, InitiativeFilterForm, OrganisationFilterForm, ProfileForm
from .listing import (
    apply_filters,
    boolean_facet,
    choice_facet,
    organisation_facet,
    paginate,
    tag_facet,
    with_links,
)
from .models import Initiative, InitiativeOrganisation, Organisation, Profile
from .permissions import check_view_expert, check_view_initiative, check_view_organisation
from .structured_data import initiative_json_ld, organisation_json_ld, profile_json_ld


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():  # the profile row and its expertise tags together
                form.save()
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("directory:profile_edit")
        return render(request, "directory/profile_form.html", {"form": form}, status=400)
    return render(request, "directory/profile_form.html", {"form": form})


# The form's values are URL slugs (ospo_nl.core.url_slugs); the filters turn them into stored values.
ORGANISATION_FILTERS = {
    "soort": lambda qs, v: qs.filter(kind=Organisation.KIND_SLUGS.value(v)),
    "tag": lambda qs, v: qs.filter(tags__slug=v),
    "ospo": lambda qs, v: qs.filter(has_ospo=(v == "ja")),
}
YES_NO = {"ja": gettext_lazy("ja"), "nee": gettext_lazy("nee")}


@require_safe
def organisation_list(request):
    if moved := redirect_moved_params(request, soort=Organisation.KIND_SLUGS):
        return moved
    form = OrganisationFilterForm(request.GET)
    values = form.values()
    base = Organisation.objects.visible_to(request.user).search(form.query())

    def context():
        def without(name):
            return apply_filters(base, ORGANISATION_FILTERS, values, skip=name)

        facets = [
            ("soort", _("Soort"), choice_facet(without("soort"), "kind", Organisation.KIND_SLUGS, values["soort"])),
            ("ospo", _("Heeft een OSPO"), boolean_facet(without("ospo"), "has_ospo", YES_NO, values["ospo"])),
            ("tag", _("Tag"), tag_facet(without("tag"), values["tag"])),
        ]
        organisations = apply_filters(base, ORGANISATION_FILTERS, values).for_list().order_by(*form.ordering())
        return {"form": form, "facets": with_links(request, facets), "page": paginate(request, organisations)}

    # The same for everyone who sees the same organisations (curators also see unpublished ones).
    shared = None if form.errors else ("organisation-list", is_curator(request.user))
    return shared_page(request, shared, "directory/organisation_list.html", context,
                       status=400 if form.errors else 200, scopes=("directory",))


@require_safe
def organisation_detail(request, slug):
    # Kept until the organisation, its initiatives or experts (directory rows change "all") or what a section
    # shows changes; a section that names no scopes keeps it only until anything changes. Shared by everyone
    # with the same view of it: curators (unpublished initiatives), and what each section says of the viewer.
    sections = list(organisation_sections)
    found = get_object_or_404(Organisation.objects.only("pk", "is_published"), slug=slug)
    check_view_organisation(request.user, found)
    scopes = ()
    if all(hasattr(section, "scopes") for section in sections):
        scopes = ("directory", *(scope for section in sections for scope in section.scopes(found)))
    parts = None
    if all(hasattr(section, "viewer") for section in sections):
        parts = ("organisation", is_curator(request.user), *(section.viewer(request.user) for section in sections))

    def context():
        # Loaded again once the versions are read (shared_page), so a change saved meanwhile renders it again.
        organisation = Organisation.objects.prefetch_related("tags").get(pk=found.pk)
        roles = (
            InitiativeOrganisation.objects.filter(
                organisation=organisation, initiative__in=Initiative.objects.visible_to(request.user)
            )
            .select_related("initiative")
            .order_by("initiative__name", "role")
        )
        return {
            "organisation": organisation,
            "json_ld": organisation_json_ld(organisation),
            "roles": roles,
            "experts": Profile.objects.public_experts().filter(organisation=organisation).order_by("display_name"),
            "related_sections": [section(organisation, request.user) for section in sections],
        }

    return shared_page(request, parts, "directory/organisation_detail.html", context, scopes=scopes)


INITIATIVE_FILTERS = {
    "soort": lambda qs, v: qs.filter(kind=Initiative.KIND_SLUGS.value(v)),
    "status": lambda qs, v: qs.filter(status=Initiative.STATUS_SLUGS.value(v)),
    "tag": lambda qs, v: qs.filter(tags__slug=v),
}


@require_safe
def initiative_list(request):
    if moved := redirect_moved_params(request, soort=Initiative.KIND_SLUGS, status=Initiative.STATUS_SLUGS):
        return moved
    form = InitiativeFilterForm(request.GET)
    values = form.values()
    base = Initiative.objects.visible_to(request.user).search(form.query())

    def without(name):
        return apply_filters(base, INITIATIVE_FILTERS, values, skip=name)

    facets = [
        ("soort", _("Soort"), choice_facet(without("soort"), "kind", Initiative.KIND_SLUGS, values["soort"])),
        ("status", _("Status"), choice_facet(without("status"), "status", Initiative.STATUS_SLUGS,
                                              values["status"])),
        ("tag", _("Tag"), tag_facet(without("tag"), values["tag"])),
    ]
    initiatives = apply_filters(base, INITIATIVE_FILTERS, values).for_list().order_by(*form.ordering())
    context = {"form": form, "facets": with_links(request, facets), "page": paginate(request, initiatives)}
    return render(request, "directory/initiative_list.html", context, status=400 if form.errors else 200)


@require_safe
def initiative_detail(request, slug):
    initiative = get_object_or_404(Initiative.objects.prefetch_related("tags"), slug=slug)
    check_view_initiative(request.user, initiative)
    roles = (
        InitiativeOrganisation.objects.filter(
            initiative=initiative, organisation__in=Organisation.objects.visible_to(request.user)
        )
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )
    context = {
        "initiative": initiative,
        "roles": roles,
        "json_ld": initiative_json_ld(initiative, roles),
    }
    return render(request, "directory/initiative_detail.html", context)


EXPERT_FILTERS = {
    "expertise": lambda qs, v: qs.filter(expertise__slug=v),
    "organisatie": lambda qs, v: qs.filter(organisation__slug=v, organisation__is_published=True),
}


@require_safe
def expert_list(request):
    form = ExpertFilterForm(request.GET)
    values = form.values()
    base = Profile.objects.public_experts()
    if form.query():
        base = base.filter(display_name__icontains=form.query())

    def without(name):
        return apply_filters(base, EXPERT_FILTERS, values, skip=name)

    facets = [
        ("expertise", _("Expertise"), tag_facet(without("expertise"), values["expertise"])),
        ("organisatie", _("Organisatie"), organisation_facet(without("organisatie"), values["organisatie"])),
    ]
    experts = apply_filters(base, EXPERT_FILTERS, values).for_expert_list().order_by("display_name", "pk")
    context = {"form": form, "facets": with_links(request, facets), "page": paginate(request, experts)}
    return render(request, "directory/expert_list.html", context, status=400 if form.errors else 200)


@require_safe
def expert_by_id(request, pk):
    """The address before slugs: a public profile's page moved to its slug; any other answers the same 404."""
    profile = get_object_or_404(Profile.objects.select_related("user").only("slug", "is_expert", "is_public",
                                                                         "user__is_active"), pk=pk)
    check_view_expert(request.user, profile)
    return redirect(profile, permanent=True)


@require_safe
def expert_detail(request, slug):
    profile = get_object_or_404(Profile.objects.for_expert_list(), slug=slug)
    check_view_expert(request.user, profile)
    return render(request, "directory/expert_detail.html", {
        "profile": profile, "can_report": allowed(check_report, request.user, profile),
        "json_ld": profile_json_ld(profile),
    })


@require_safe
def organisations_json(request):
    return open_data.json_response(open_data.organisation_rows())


@require_safe
def organisations_csv(request):
    return open_data.csv_response(
        open_data.organisation_rows(), "organisaties.csv", open_data.ORGANISATION_COLUMNS
    )


@require_safe
def initiatives_json(request):
    return open_data.json_response(open_data.initiative_rows())


@require_safe
def initiatives_csv(request):
    return open_data.csv_response(open_data.initiative_rows(), "initiatieven.csv", open_data.INITIATIVE_COLUMNS)

