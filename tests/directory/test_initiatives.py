"""Initiative list and detail: filters with counts, roles of organisations, visibility."""

import pytest
from django.urls import reverse

from directory.models import Initiative, InitiativeOrganisation

from .conftest import bulk_organisations, make_initiative, make_organisation

URL = reverse("directory:initiative_list")
Role = InitiativeOrganisation.Role


@pytest.fixture
def initiatives(amsterdam, hidden_org):
    make_initiative("Open Stad", kind=Initiative.Kind.PLATFORM, start_year=2016, tags=["participatie"],
                    organisations=[(amsterdam, Role.HOST), (hidden_org, Role.FUNDER)])
    make_initiative("Oude Community", status=Initiative.Status.ARCHIVED, start_year=2010)
    make_initiative("Verborgen Programma", kind=Initiative.Kind.PROGRAMME, published=False, tags=["geheim"])


@pytest.mark.django_db
def test_visitor_sees_published_initiatives_with_counts(client, initiatives):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Open Stad" in response.text and "Oude Community" in response.text
    assert "Verborgen Programma" not in response.text
    facets = {name: {i["value"]: i["count"] for i in items} for name, _l, items in response.context["facets"]}
    assert facets["soort"] == {"platform": 1, "community": 1}
    assert facets["status"] == {"actief": 1, "gearchiveerd": 1}
    assert facets["tag"] == {"participatie": 1}


@pytest.mark.django_db
def test_staff_sees_unpublished_initiatives(curator_client, initiatives):
    assert "Verborgen Programma" in curator_client.get(URL).text


@pytest.mark.django_db
def test_filter_by_status_and_sort_by_start_year(client, initiatives):
    def names(**params):
        return [i.name for i in client.get(URL, params).context["page"].object_list]

    assert names(status="gearchiveerd") == ["Oude Community"]
    assert names(sorteer="startjaar") == ["Open Stad", "Oude Community"]
    assert names(tag="participatie", soort="platform") == ["Open Stad"]


@pytest.mark.django_db
def test_detail_lists_published_organisations_with_their_role(client, initiatives):
    initiative = Initiative.objects.get(slug="open-stad")
    response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    assert "Gemeente Amsterdam" in response.text and "gastheer" in response.text
    assert "Geheime Dienst" not in response.text


@pytest.mark.django_db
def test_unpublished_initiative_is_404_except_for_staff(client, member_client, curator_client, initiatives):
    url = Initiative.objects.get(slug="verborgen-programma").get_absolute_url()
    assert client.get(url).status_code == 404
    assert member_client.get(url).status_code == 404
    assert curator_client.get(url).status_code == 200


@pytest.mark.django_db
def test_an_organisation_has_a_role_in_an_initiative_only_once():
    from django.db import IntegrityError, transaction

    organisation = make_organisation("Dubbel")
    initiative = make_initiative("Eens", organisations=[(organisation, Role.HOST)])
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeOrganisation.objects.create(initiative=initiative, organisation=organisation, role=Role.HOST)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 500])
def test_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    Initiative.objects.bulk_create([
        Initiative(name=f"Initiatief {n:03d}", slug=f"initiatief-{n:03d}", is_published=True) for n in range(count)
    ])
    # kind facet, status facet, tag facet, page count, page rows, the page's tags
    with django_assert_num_queries(6):
        assert client.get(URL, {"sorteer": "startjaar"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 500])
def test_detail_query_count_does_not_grow(client, django_assert_num_queries, count):
    organisations = bulk_organisations(count)
    initiative = make_initiative("Groot Netwerk", tags=["netwerk"])
    InitiativeOrganisation.objects.bulk_create([
        InitiativeOrganisation(initiative=initiative, organisation=o, role=Role.MEMBER) for o in organisations
    ])
    # initiative, its tags, its roles with organisations
    with django_assert_num_queries(3):
        assert client.get(initiative.get_absolute_url()).status_code == 200
