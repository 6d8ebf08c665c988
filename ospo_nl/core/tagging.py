"""The one tag vocabulary's input rule (django-taggit underneath): what a member may type as tags, in any part."""

import re

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

MAX_TAGS = 8
TAG_RE = re.compile(r"^[\w][\w .+#-]{0,49}$")


def clean_tag_string(value):
    """Comma-separated tags -> a list; letters, digits, spaces and - . + # only, so every tag has a slug."""
    tags = parse_tags(value or "")
    if len(tags) > MAX_TAGS:
        raise forms.ValidationError(_("Gebruik hoogstens %(max)s tags."), params={"max": MAX_TAGS})
    for tag in tags:
        if not TAG_RE.match(tag) or not slugify(tag):
            raise forms.ValidationError(
                _("De tag “%(tag)s” bevat tekens die niet zijn toegestaan. Gebruik letters, cijfers, "
                  "spaties en - . + # (hoogstens 50 tekens)."),
                params={"tag": tag[:60]},
            )
    return [tag.lower() for tag in tags]
