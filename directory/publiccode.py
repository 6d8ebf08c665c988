"""Reading publiccode.yml files (https://yml.publiccode.tools) into initiatives.

`parse_publiccode(path)` validates one file and returns plain data or raises PublicCodeError with the
reason; `import_initiatives(entries)` writes them (the command runs it in one transaction for all files).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from ospo_nl.core.slugs import free_slug

from .models import Initiative, InitiativeOrganisation, Organisation

TOOI_IN_URI = re.compile(r"/tooi/id/[^/]+/([a-z]{2}\d+)/?$", re.IGNORECASE)


class PublicCodeError(Exception):
    pass


@dataclass
class PublicCodeEntry:
    path: str
    name: str
    url: str
    description: str = ""
    website: str = ""
    organisation_name: str = ""
    organisation_uri: str = ""
    categories: list = field(default_factory=list)


def _url(value, what):
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise PublicCodeError(f"{what} is geen geldige http(s)-URL: {value!r}") from None
    return value


def _description(data):
    descriptions = data.get("description") or {}
    if not isinstance(descriptions, dict):
        raise PublicCodeError("'description' moet per taal een blok zijn (bijvoorbeeld description: nl: ...)")
    for language in ("nl", "en"):
        text = descriptions.get(language)
        if text is None:
            continue
        if not isinstance(text, dict):
            raise PublicCodeError(f"'description.{language}' moet een blok zijn met shortDescription/longDescription")
        long, short = text.get("longDescription") or "", text.get("shortDescription") or ""
        if not isinstance(long, str) or not isinstance(short, str):
            raise PublicCodeError(f"'description.{language}' bevat geen tekst")
        return (long or short).strip()
    return ""


def parse_publiccode(path):
    """Read and check one publiccode.yml; raises PublicCodeError(reason) when it cannot be imported."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PublicCodeError(f"kan het bestand niet lezen ({exc.__class__.__name__}: {exc})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PublicCodeError(f"geen geldige YAML: {exc}") from None
    if not isinstance(data, dict):
        raise PublicCodeError("verwacht een YAML-blok met sleutels zoals name, url en description")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PublicCodeError("het verplichte veld 'name' ontbreekt of is leeg")
    if len(name.strip()) > 200:
        raise PublicCodeError("'name' is langer dan 200 tekens")
    url = data.get("url")
    if not isinstance(url, str):
        raise PublicCodeError("het verplichte veld 'url' (de repository) ontbreekt")
    categories = data.get("categories") or []
    if not isinstance(categories, list) or not all(isinstance(c, str) and c.strip() for c in categories):
        raise PublicCodeError("'categories' moet een lijst met woorden zijn")
    organisation = data.get("organisation") or {}
    legal = data.get("legal") or {}
    if not isinstance(organisation, dict) or not isinstance(legal, dict):
        raise PublicCodeError("'organisation' en 'legal' moeten blokken zijn")
    landing = data.get("landingURL") or ""
    return PublicCodeEntry(
        path=str(path),
        name=name.strip(),
        url=_url(url.strip(), "'url'"),
        website=_url(landing.strip(), "'landingURL'") if landing else "",
        description=_description(data),
        organisation_name=str(organisation.get("name") or legal.get("repoOwner") or "").strip(),
        organisation_uri=str(organisation.get("uri") or "").strip(),
        categories=[c.strip() for c in categories],
    )


def _find_or_create_organisation(entry):
    """By TOOI id from organisation.uri, else by name; a new one stays unpublished until a curator looks."""
    match = TOOI_IN_URI.search(entry.organisation_uri)
    if match:
        found = Organisation.objects.filter(tooi=match.group(1).lower()).first()
        if found:
            return found, False
    if not entry.organisation_name:
        return None, False
    found = Organisation.objects.filter(name__iexact=entry.organisation_name).first()
    if found:
        return found, False
    slug = free_slug(Organisation, entry.organisation_name, fallback="zonder-naam")
    organisation = Organisation.objects.create(
        name=entry.organisation_name[:200], slug=slug, tooi=match.group(1).lower() if match else None
    )
    return organisation, True


def import_initiative(entry, *, publish=False):
    """Create or update (keyed by repository URL) one initiative. Returns (initiative, created)."""
    initiative = Initiative.objects.filter(source_url=entry.url).first()
    created = initiative is None
    if created:
        initiative = Initiative(
            source_url=entry.url, slug=free_slug(Initiative, entry.name, fallback="zonder-naam"),
            kind=Initiative.Kind.PLATFORM,
            is_published=publish,
        )
    initiative.name = entry.name
    initiative.description = entry.description
    initiative.website = entry.website or entry.url
    if publish:
        initiative.is_published = True
    initiative.save()
    initiative.tags.set(entry.categories)
    organisation, _new = _find_or_create_organisation(entry)
    if organisation is not None:
        # The repository owner hosts the code.
        InitiativeOrganisation.objects.get_or_create(
            initiative=initiative, organisation=organisation, role=InitiativeOrganisation.Role.HOST
        )
    return initiative, created
