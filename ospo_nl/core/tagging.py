"""The one tag vocabulary (django-taggit underneath): what a member may type as tags, in any part, and the tags
of a page of rows in one query."""

import re

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItem
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


def attach_tags(instances, field="tags"):
    """Every instance's tags in one query, kept where taggit's manager looks first (the prefetch cache), so
    `obj.tags.all()` in a template costs nothing. taggit's own `prefetch_related("tags")` builds a queryset
    per row (41 for a page of 20 casussen, about a third of the page's rendering time) and joins the content
    type table; this reads the rows' tagged items by their content type's id, in the order they were added
    (taggit's own order)."""
    instances = [obj for obj in instances if getattr(obj, "pk", None) is not None]
    if not instances:
        return instances
    content_type = ContentType.objects.get_for_model(type(instances[0]))
    by_object = {}
    for item in (TaggedItem.objects.filter(content_type=content_type, object_id__in=[obj.pk for obj in instances])
                 .select_related("tag").order_by("pk")):
        by_object.setdefault(item.object_id, []).append(item.tag)
    empty = Tag.objects.none()
    for obj in instances:
        tags = empty._chain()
        tags._result_cache, tags._prefetch_done = by_object.get(obj.pk, []), True
        obj.__dict__.setdefault("_prefetched_objects_cache", {})[field] = tags
    return instances


def tag_counts_of(rows):
    """{tag id: how many of `rows` have it} for a small queryset: its ids first, then their tagged items by the
    content type's index (a join on `object_id::bigint` makes PostgreSQL read every tagged item)."""
    pks = list(rows.values_list("pk", flat=True))
    if not pks:
        return {}
    return dict(TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(rows.model), object_id__in=pks)
                .values_list("tag_id").annotate(n=Count("*")).order_by())


def tag_ids(model, pk):
    """The ids of the tags of one `model` row, by its content type's id (no join): what its cache scopes name."""
    if pk is None:
        return ()
    return TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk).values_list(
        "tag_id", flat=True)


class TaggedQuerySet:
    """A QuerySet mixin: `.with_tags()` attaches the tags of the rows it loads in one query (`attach_tags`)."""

    _with_tags = False

    def with_tags(self):
        clone = self._chain()
        clone._with_tags = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._with_tags = self._with_tags
        return clone

    def _fetch_all(self):
        loading = self._result_cache is None
        super()._fetch_all()
        if loading and self._with_tags and self._result_cache and hasattr(self._result_cache[0], "_meta"):
            attach_tags(self._result_cache)
