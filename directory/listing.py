"""Faceted lists: filter by a few fields, count per value (one query per facet), sort, paginate.

Each facet's counts are taken over the list with every *other* filter applied, so a count says how many
rows you get by picking that value. Callers pass a queryset already scoped with `visible_to(user)`, so
unpublished rows are never counted for visitors.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from taggit.models import Tag

from ospo_nl.core.pagination import page_or_404

PER_PAGE = 20
TAG_FACET_SIZE = 30


def apply_filters(queryset, filters, values, *, skip=None):
    for name, value in values.items():
        if value not in (None, "") and name != skip:
            queryset = filters[name](queryset, value)
    return queryset


def choice_facet(queryset, field, slugs, selected):
    """[{value, label, count, selected}] for a field with choices, `value` being the URL slug of each choice
    (`slugs`, an ospo_nl.core.url_slugs.ChoiceSlugs) and `selected` the chosen slug; one GROUP BY query."""
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    return [
        {"value": slugs.slug(value), "label": label, "count": counts.get(value, 0),
         "selected": slugs.slug(value) == selected}
        for value, label in slugs.choices_class.choices
        if counts.get(value) or slugs.slug(value) == selected
    ]


def boolean_facet(queryset, field, labels, selected):
    """Like choice_facet for a BooleanField, with values "ja" / "nee"."""
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    return [
        {"value": value, "label": labels[value], "count": counts.get(flag, 0), "selected": value == selected}
        for value, flag in (("ja", True), ("nee", False))
        if counts.get(flag) or value == selected
    ]


def tag_facet(queryset, selected):
    """The most used tags among `queryset`'s rows (one query; joins the content type by name)."""
    model = queryset.model
    through = "taggit_taggeditem_items"
    tags = (
        Tag.objects.filter(**{
            f"{through}__content_type__app_label": model._meta.app_label,
            f"{through}__content_type__model": model._meta.model_name,
            f"{through}__object_id__in": queryset.order_by().values("pk"),
        })
        .annotate(count=Count(through))
        .order_by("-count", "name")[:TAG_FACET_SIZE]
    )
    return [
        {"value": tag.slug, "label": tag.name, "count": tag.count, "selected": tag.slug == selected} for tag in tags
    ]


def paginate(request, queryset):
    return page_or_404(Paginator(queryset, PER_PAGE), request.GET.get("pagina"))


def organisation_facet(profiles, selected):
    """Experts per published organisation (one GROUP BY query)."""
    rows = (
        profiles.filter(organisation__is_published=True)
        .order_by()
        .values_list("organisation__slug", "organisation__name")
        .annotate(n=Count("pk"))
        .order_by("organisation__name")
    )
    return [{"value": slug, "label": name, "count": n, "selected": slug == selected} for slug, name, n in rows]


def with_links(request, facets):
    """Give each facet value the URL that picks it (or, when picked, drops it), keeping the other filters."""
    for name, _label, items in facets:
        for item in items:
            params = request.GET.copy()
            params.pop("pagina", None)
            if item["selected"]:
                params.pop(name, None)
            else:
                params[name] = item["value"]
            item["url"] = "?" + params.urlencode() if params else "?"
    return facets
