"""schema.org JSON-LD for directory pages (search engines read it; it is data, so CSP does not block it)."""

from ospo_nl.seo.structured_data import absolute_url, json_ld


def organisation_json_ld(organisation):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if organisation.kind in GOVERNMENT_KINDS else "Organization",
        "name": organisation.name,
        "url": absolute_url(organisation.get_absolute_url()),
    }
    same_as = [url for url in (organisation.website, organisation.git_url) if url]
    if same_as:
        data["sameAs"] = same_as
    return json_ld(data)


GOVERNMENT_KINDS = {"ministry", "agency", "province", "municipality", "water_board", "zbo"}
