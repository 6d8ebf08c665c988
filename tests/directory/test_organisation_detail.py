"""An organisation's page brings together its initiatives, experts and what other parts register."""

import pytest

from directory.models import InitiativeOrganisation
from ospo_nl.core import registries
from tests.factories import make_user

from .conftest import make_initiative, make_organisation


@pytest.mark.django_db
def test_detail_shows_description_tags_initiatives_and_public_experts(client, amsterdam):
    make_initiative("Open Stad", organisations=[(amsterdam, InitiativeOrganisation.Role.HOST)])
    make_initiative("Geheim Plan", published=False, organisations=[(amsterdam, InitiativeOrganisation.Role.FUNDER)])
    make_user("e@example.org", name="Eline Expert", is_expert=True, organisation=amsterdam)
    make_user("p@example.org", name="Piet Privé", is_expert=True, is_public=False, organisation=amsterdam)
    response = client.get(amsterdam.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "<em>open</em>" in text
    assert "Open Stad" in text and "gastheer" in text
    assert "Geheim Plan" not in text
    assert "Eline Expert" in text
    assert "Piet Privé" not in text
    assert "gm0363" in text
    assert '"@type": "GovernmentOrganization"' in text


@pytest.mark.django_db
def test_unpublished_organisation_is_404_for_visitors_and_members(client, member_client, hidden_org):
    assert client.get(hidden_org.get_absolute_url()).status_code == 404
    assert member_client.get(hidden_org.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_unpublished_organisation_is_visible_to_staff(curator_client, hidden_org):
    response = curator_client.get(hidden_org.get_absolute_url())
    assert response.status_code == 200
    assert "niet gepubliceerd" in response.text


@pytest.mark.django_db
def test_unknown_organisation_is_404(client):
    assert client.get("/organisaties/bestaat-niet/").status_code == 404


@pytest.mark.django_db
def test_other_parts_can_add_a_section_through_the_hook(client, amsterdam, monkeypatch):
    def casussen_of(organisation, user):
        return {"title": "Casussen", "url": "/casussen/", "items": [{"label": f"Vraag van {organisation.name}",
                                                                      "url": "/casussen/1/"}]}

    monkeypatch.setattr(registries.organisation_sections, "_entries", [casussen_of])
    assert "Vraag van Gemeente Amsterdam" in client.get(amsterdam.get_absolute_url()).text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 500])
def test_query_count_does_not_grow(client, django_assert_num_queries, count):
    organisation = make_organisation("Gemeente Groot", tags=["a", "b"])
    for n in range(min(count, 30)):
        make_initiative(f"Initiatief {n}", organisations=[(organisation, InitiativeOrganisation.Role.MEMBER)])
    for n in range(count // 100 + 2):
        make_user(f"x{n}@example.org", is_expert=True, organisation=organisation)
    # organisation, its tags, its initiatives with roles, its experts; the casussen section (casussen.related)
    assert len(registries.organisation_sections) == 1
    with django_assert_num_queries(5):
        assert client.get(organisation.get_absolute_url()).status_code == 200
