"""The directory's part of a member's data download (ospo_nl.core.account_data): their profile.

Deleting needs nothing here: the profile goes with the user row (CASCADE).
"""

from directory.models import Profile


def export(user):
    profile = Profile.objects.filter(user=user).select_related("organisation").prefetch_related("expertise").first()
    return {
        "profile": profile and {
            "display_name": profile.display_name, "bio": profile.bio,
            "organisation": profile.organisation.name if profile.organisation else None,
            "expertise": sorted(t.name for t in profile.expertise.all()), "is_expert": profile.is_expert,
            "is_available": profile.is_available, "is_public": profile.is_public, "show_email": profile.show_email,
            "created_at": profile.created_at, "updated_at": profile.updated_at,
        },
    }
