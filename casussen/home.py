from django.urls import reverse
from django.utils.translation import gettext as _

from ospo_nl.core.registries import home_sections

from .models import Casus


@home_sections.register
def latest_casussen(user):
    """The newest casussen `user` may see (visitors: public ones); one query."""
    rows = (Casus.objects.visible_to(user).order_by("-created_at", "-id")
            .only("title", "slug", "created_at", "language")[:5])
    return {
        "title": _("Nieuwe casussen"),
        "url": reverse("casussen:list"),
        "items": [{"label": c.title, "url": c.get_absolute_url(), "date": c.created_at, "language": c.language}
                  for c in rows],
    }
