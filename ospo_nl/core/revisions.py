"""Revision history for any model: one implementation for casussen, answers, forum posts and articles."""

from django.contrib.contenttypes.models import ContentType

from ospo_nl.core.models import Revision


def record_revision(obj, *, by, fields, message=""):
    """Keep a snapshot of `fields` of `obj`; call inside the transaction that saves `obj`."""
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        data={name: getattr(obj, name) for name in fields},
        author=by if by is not None and by.is_authenticated else None,
        message=message[:300],
    )


def revisions_of(obj):
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("author")
