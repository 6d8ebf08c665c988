"""Slugs for new objects: one helper for every part."""

from django.utils.text import slugify


def free_slug(model, text, *, fallback, reserved=(), max_length=190):
    """A slug from `text` that no `model` row has yet (and not in `reserved`): "eupl", "eupl-2", ..."""
    base = slugify(text)[:max_length].strip("-") or fallback
    slug, number = base, 2
    while slug in reserved or model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
