"""Hooks through which other parts add what they know about an organisation or initiative to its page.

The directory does not import casussen or kennisbank; they register here instead, from their AppConfig.ready():

    from directory.related import register_organisation_section

    @register_organisation_section
    def casussen_of(organisation, user):
        # exactly ONE query; only what `user` may see
        return {"title": _("Casussen"), "url": "...", "items": [{"label": ..., "url": ..., "date": ...}]}

The detail pages render each section with templates/directory/includes/related_sections.html; the
query-count tests pin one query per registered section.
"""

ORGANISATION_SECTIONS = []
INITIATIVE_SECTIONS = []


def register_organisation_section(fn):
    ORGANISATION_SECTIONS.append(fn)
    return fn


def register_initiative_section(fn):
    INITIATIVE_SECTIONS.append(fn)
    return fn


def organisation_sections(organisation, user):
    return [section(organisation, user) for section in ORGANISATION_SECTIONS]


def initiative_sections(initiative, user):
    return [section(initiative, user) for section in INITIATIVE_SECTIONS]
