"""Tiny factories for directory tests; deterministic data."""

import pytest
from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem

from directory.models import Initiative, InitiativeOrganisation, Organisation


def make_organisation(name, *, slug=None, kind=Organisation.Kind.MUNICIPALITY, published=True, has_ospo=False,
                      tags=(), **fields):
    organisation = Organisation.objects.create(
        name=name, slug=slug or name.lower().replace(" ", "-"), kind=kind, is_published=published,
        has_ospo=has_ospo, **fields,
    )
    if tags:
        organisation.tags.set(list(tags))
    return organisation


def make_initiative(name, *, slug=None, kind=Initiative.Kind.COMMUNITY, published=True, tags=(),
                    organisations=(), **fields):
    initiative = Initiative.objects.create(
        name=name, slug=slug or name.lower().replace(" ", "-"), kind=kind, is_published=published, **fields
    )
    if tags:
        initiative.tags.set(list(tags))
    for organisation, role in organisations:
        InitiativeOrganisation.objects.create(initiative=initiative, organisation=organisation, role=role)
    return initiative


def bulk_organisations(count, *, prefix="Gemeente", tag="gemeenten", published=True):
    """`count` organisations with one tag each, in three queries whatever the count."""
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"{prefix} {n:03d}", slug=f"{prefix.lower()}-{n:03d}", is_published=published,
                     kind=Organisation.Kind.MUNICIPALITY, has_ospo=n % 2 == 0)
        for n in range(count)
    ])
    tag_obj, _ = Tag.objects.get_or_create(name=tag, slug=tag)
    content_type = ContentType.objects.get_for_model(Organisation)
    TaggedItem.objects.bulk_create([
        TaggedItem(tag=tag_obj, content_type=content_type, object_id=o.pk) for o in organisations
    ])
    return organisations


@pytest.fixture
def amsterdam(db):
    return make_organisation("Gemeente Amsterdam", slug="gemeente-amsterdam", has_ospo=True, tooi="gm0363",
                             tags=["gemeenten", "publiceren"], description="Werkt *open*.")


@pytest.fixture
def hidden_org(db):
    return make_organisation("Geheime Dienst Voorbeeld", slug="geheime-dienst", kind=Organisation.Kind.AGENCY,
                             published=False, tags=["verborgen-tag"])
