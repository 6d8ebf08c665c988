"""The published directory as open data (JSON and CSV). Published rows only, whoever asks: these files
are cached and mirrored by others, so staff get the same answer as everyone."""

import csv

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse

from .models import Initiative, InitiativeOrganisation, Organisation

LICENCE = "https://creativecommons.org/publicdomain/zero/1.0/"


def _absolute(url):
    return f"{settings.SITE_URL}{url}"


def organisation_rows(organisations=None):
    """Rows of `organisations` (default: the published ones). Two queries: organisations, their tags."""
    if organisations is None:
        organisations = Organisation.objects.published()
    for o in organisations.for_list().order_by("name"):
        yield {
            "slug": o.slug,
            "name": o.name,
            "url": _absolute(o.get_absolute_url()),
            "kind": o.kind,
            "website": o.website,
            "git_url": o.git_url,
            "has_ospo": o.has_ospo,
            "policy_url": o.policy_url,
            "contact": o.contact,
            "tooi": o.tooi or "",
            "description": o.description,
            "tags": sorted(tag.name for tag in o.tags.all()),
            "updated_at": o.updated_at.isoformat(),
        }


def initiative_rows(initiatives=None):
    """Rows of `initiatives` (default: the published ones), listing only published organisations.
    Three queries: initiatives, their tags, their roles with organisations."""
    if initiatives is None:
        initiatives = Initiative.objects.published()
    roles = InitiativeOrganisation.objects.filter(organisation__is_published=True).select_related("organisation")
    initiatives = (
        initiatives.for_list()
        .prefetch_related(Prefetch("roles", queryset=roles.order_by("organisation__name", "role")))
        .order_by("name")
    )
    for i in initiatives:
        yield {
            "slug": i.slug,
            "name": i.name,
            "url": _absolute(i.get_absolute_url()),
            "kind": i.kind,
            "status": i.status,
            "start_year": i.start_year,
            "website": i.website,
            "source_url": i.source_url or "",
            "description": i.description,
            "tags": sorted(tag.name for tag in i.tags.all()),
            "organisations": [
                {"slug": r.organisation.slug, "name": r.organisation.name, "role": r.role} for r in i.roles.all()
            ],
            "updated_at": i.updated_at.isoformat(),
        }


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Licence"] = LICENCE
    return response


def json_response(rows):
    return _open(JsonResponse({"licence": LICENCE, "items": list(rows)},
                              json_dumps_params={"ensure_ascii": False, "indent": 1}))


ORGANISATION_COLUMNS = ["slug", "name", "url", "kind", "website", "git_url", "has_ospo", "policy_url", "contact",
                        "tooi", "description", "tags", "updated_at"]
INITIATIVE_COLUMNS = ["slug", "name", "url", "kind", "status", "start_year", "website", "source_url", "description",
                      "tags", "organisations", "updated_at"]


def _cell(value):
    if isinstance(value, list):
        # tags: "a; b"; organisations: "slug:role; slug:role"
        return "; ".join(f"{v['slug']}:{v['role']}" if isinstance(v, dict) else str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # a spreadsheet must not run a cell as a formula
    return value


def write_csv(out, rows, columns):
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])


def csv_response(rows, filename, columns):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    write_csv(response, rows, columns)
    return _open(response)


