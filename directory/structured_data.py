"""schema.org JSON-LD for directory pages (search engines read it; it is data, so CSP does not block it)."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

# The same escapes as django.utils.html.json_script: the JSON cannot close the <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))


def organisation_json_ld(organisation):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if organisation.kind in GOVERNMENT_KINDS else "Organization",
        "name": organisation.name,
        "url": f"{settings.SITE_URL}{organisation.get_absolute_url()}",
    }
    same_as = [url for url in (organisation.website, organisation.git_url) if url]
    if same_as:
        data["sameAs"] = same_as
    return json_ld(data)


GOVERNMENT_KINDS = {"ministry", "agency", "province", "municipality", "water_board", "zbo"}
