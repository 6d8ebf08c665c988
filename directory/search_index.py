"""What the site search finds of the directory: published organisations and initiatives, public experts."""

from django.conf import settings

from ospo_nl.search.index import Kind, plain_text, register

from .models import Initiative, Organisation, Profile


def organisation_entry(organisation):
    if not organisation.is_published:
        return None
    return dict(
        title=organisation.name,
        body=plain_text(organisation.get_kind_display(), organisation.description_html),
        url=organisation.get_absolute_url(),
        date=organisation.updated_at,
        tags=organisation.tags.all(),
    )


def initiative_entry(initiative):
    if not initiative.is_published:
        return None
    return dict(
        title=initiative.name,
        body=plain_text(initiative.get_kind_display(), initiative.description_html),
        url=initiative.get_absolute_url(),
        date=initiative.updated_at,
        tags=initiative.tags.all(),
    )


def expert_entry(profile):
    """Only experts who chose a public profile, with an active account."""
    if not (profile.is_expert and profile.is_public and profile.user.is_active):
        return None
    organisation = profile.organisation
    return dict(
        title=profile.name,
        body=plain_text(organisation.name if organisation and organisation.is_published else "", profile.bio_html),
        url=profile.get_absolute_url(),
        date=profile.updated_at,
        tags=profile.expertise.all(),
    )


register(Organisation, kind=Kind.ORGANISATION, entry=organisation_entry,
         queryset=lambda: Organisation.objects.prefetch_related("tags"))
register(Initiative, kind=Kind.INITIATIVE, entry=initiative_entry,
         queryset=lambda: Initiative.objects.prefetch_related("tags"))
register(
    Profile, kind=Kind.EXPERT, entry=expert_entry,
    queryset=lambda: Profile.objects.select_related("user", "organisation").prefetch_related("expertise"),
    triggers={
        settings.AUTH_USER_MODEL: (lambda user: Profile.objects.filter(user=user).select_related("user"),
                                   ("is_active",)),
        Organisation: (lambda org: org.profiles.filter(is_expert=True).select_related("user"),
                       ("name", "is_published")),
    },
)
