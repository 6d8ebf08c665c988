from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.registries import home_sections

from .models import Organisation


@home_sections.register
def latest_organisations(user):
    # One query; published only, for everyone (the home page is the same for staff and visitors).
    organisations = Organisation.objects.published().only("name", "slug", "created_at").order_by("-created_at")[:5]
    return {
        "title": _("Nieuwe organisaties"),
        "url": reverse("directory:organisation_list"),
        "items": [{"label": o.name, "url": o.get_absolute_url(), "date": o.created_at} for o in organisations],
    }
