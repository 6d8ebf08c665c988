"""Slugs for new objects: one helper for every part."""

import re

from django.utils.text import slugify


def free_slug(model, text, *, fallback, reserved=(), max_length=190):
    """A slug from `text` that no `model` row has yet (and not in `reserved`): "eupl", "eupl-2", ...

    The slugs of that form already taken are read in one query: a title that many have used before cost a
    query per number tried (a casus titled like ten others: ten round trips)."""
    base = slugify(text)[:max_length].strip("-") or fallback
    taken = {*reserved, *model.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$")
             .values_list("slug", flat=True)}
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
