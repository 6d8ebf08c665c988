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
    # the organisation (its visibility), then for the page: the organisation again (once the versions are read),
    # its tags, its initiatives with roles, its experts; the casussen section (casussen.related)
    assert len(registries.organisation_sections) == 1
    with django_assert_num_queries(6):
        assert client.get(organisation.get_absolute_url()).status_code == 200


# Members with the same view of an organisation share one rendering of its page (content_cache.shared_page):
# curators apart (unpublished initiatives), and per what each section says of the viewer (casussen.related).

@pytest.fixture
def shared_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600


@pytest.mark.django_db
def test_members_share_an_organisation_page_and_keep_their_own_menu(shared_cache_on, amsterdam, member_client,
                                                                    other_member_client, django_assert_num_queries):
    from tests.factories import make_casus

    casus = make_casus(make_user("auteur@example.org"), "Een casus van Amsterdam", organisation=amsterdam)
    first = member_client.get(amsterdam.get_absolute_url())
    assert first["X-Shared-Page"] == "miss" and casus.title in first.text
    # 1 session, 2 user with profile, 3 the organisation (its visibility), 4 own casus outside the audiences;
    # the page from the cache.
    with django_assert_num_queries(4):
        second = other_member_client.get(amsterdam.get_absolute_url())
    assert second["X-Shared-Page"] == "hit" and casus.title in second.text
    assert "Olaf Other" in second.text and "Olaf Other" not in first.text


@pytest.mark.django_db
def test_a_curator_sees_unpublished_initiatives_a_member_with_the_cached_page_does_not(
        shared_cache_on, amsterdam, member_client, curator_client):
    make_initiative("Geheim Plan", published=False, organisations=[(amsterdam, InitiativeOrganisation.Role.FUNDER)])
    assert "Geheim Plan" in curator_client.get(amsterdam.get_absolute_url()).text
    assert "Geheim Plan" not in member_client.get(amsterdam.get_absolute_url()).text


@pytest.mark.django_db
def test_a_members_own_experts_only_casus_shows_on_the_organisation_page_to_them_alone(
        shared_cache_on, amsterdam, member, member_client, other_member_client):
    from casussen.models import Casus
    from tests.factories import make_casus

    other_member_client.get(amsterdam.get_absolute_url())
    own = make_casus(member, "Alleen voor experts en mij", organisation=amsterdam,
                     visibility=Casus.Visibility.EXPERTS)
    assert own.title in member_client.get(amsterdam.get_absolute_url()).text
    assert own.title not in other_member_client.get(amsterdam.get_absolute_url()).text


@pytest.mark.django_db
def test_a_change_to_the_organisation_shows_on_the_shared_page_at_once(shared_cache_on, amsterdam, member_client,
                                                                       other_member_client):
    member_client.get(amsterdam.get_absolute_url())
    amsterdam.description = "Een nieuwe beschrijving van de hoofdstad."
    amsterdam.save()
    assert "Een nieuwe beschrijving van de hoofdstad." in other_member_client.get(amsterdam.get_absolute_url()).text
