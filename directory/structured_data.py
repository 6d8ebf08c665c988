"""schema.org JSON-LD for directory pages (search engines read it; it is data, so CSP does not block it):
Organization for organisations, Project (an Organization) for initiatives, ProfilePage for public experts.
Callers pass only what a visitor may see: published organisations and initiatives, public profiles."""

from ospo_nl.seo.structured_data import absolute_url, json_ld, plain_text


def _entry_data(schema_type, entry, *links):
    """What an organisation and an initiative say alike: type, name, page, other addresses, description."""
    data = {"@type": schema_type, "name": entry.name, "url": absolute_url(entry.get_absolute_url())}
    if same_as := [url for url in links if url]:
        data["sameAs"] = same_as
    if description := plain_text(entry.description_html):
        data["description"] = description
    return data


def _organisation_data(organisation):
    schema_type = "GovernmentOrganization" if organisation.kind in GOVERNMENT_KINDS else "Organization"
    return _entry_data(schema_type, organisation, organisation.website, organisation.git_url)


def organisation_json_ld(organisation):
    if not organisation.is_published:
        return ""
    return json_ld({"@context": "https://schema.org", **_organisation_data(organisation)})


def initiative_json_ld(initiative, roles):
    """An initiative as a schema.org Project, with the published organisations of `roles` as its members."""
    if not initiative.is_published:
        return ""
    data = {"@context": "https://schema.org",
            **_entry_data("Project", initiative, initiative.website, initiative.source_url)}
    if initiative.start_year:
        data["foundingDate"] = str(initiative.start_year)
    if tags := [tag.name for tag in initiative.tags.all()]:
        data["keywords"] = ", ".join(tags)
    members = [_organisation_data(role.organisation) for role in roles if role.organisation.is_published]
    if members:
        data["member"] = members
    return json_ld(data)


def profile_json_ld(profile):
    """A public expert's page as a ProfilePage about the Person (Google's profile page structured data)."""
    if not profile.public_url():
        return ""
    person = {
        "@type": "Person",
        "name": str(profile.name),
        "url": absolute_url(profile.get_absolute_url()),
        "identifier": str(profile.pk),
    }
    if description := plain_text(profile.bio_html):
        person["description"] = description
    if expertise := [tag.name for tag in profile.expertise.all()]:
        person["knowsAbout"] = expertise
    if profile.organisation and profile.organisation.is_published:
        person["affiliation"] = _organisation_data(profile.organisation)
    return json_ld({
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "dateCreated": profile.created_at.isoformat(),
        "dateModified": profile.updated_at.isoformat(),
        "mainEntity": person,
    })


GOVERNMENT_KINDS = {"ministry", "agency", "province", "municipality", "water_board", "zbo"}
