"""What casussen add to other parts' pages: the casussen of an organisation on its directory page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ospo_nl.core.registries import organisation_sections

from .models import Casus, list_viewer, organisation_activity_scope, organisation_scope


@organisation_sections.register
def casussen_of(organisation, user):
    """The latest casussen of `organisation` that `user` may see; never those that hide the organisation."""
    rows = (
        Casus.objects.visible_to(user).filter(organisation=organisation, hide_organisation=False)
        .order_by("-last_activity_at", "-id").only("title", "slug", "last_activity_at", "language")[:5]
    )
    return {
        "title": _("Casussen"),
        "url": reverse("casussen:by_organisation", args=[organisation.slug]),
        "items": [{"label": c.title, "url": c.get_absolute_url(), "date": c.last_activity_at, "language": c.language}
                  for c in rows],
    }


# What the section shows, named before anything is loaded (directory.views.organisation_detail): this
# organisation's casus rows, and their activity, which orders them and dates them.
casussen_of.scopes = lambda organisation: (organisation_scope(organisation.pk),
                                           organisation_activity_scope(organisation.pk))
# Who sees the same casussen there as `user` (plain values): the page is shared by everyone with the same.
casussen_of.viewer = list_viewer
