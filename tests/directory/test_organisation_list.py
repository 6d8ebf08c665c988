"""The public organisation list: filters with counts, text filter, sorting, pagination, visibility."""

import pytest
from django.urls import reverse

from directory.models import Organisation

from .conftest import bulk_organisations, make_organisation

URL = reverse("directory:organisation_list")


@pytest.mark.django_db
def test_visitor_sees_published_organisations_only(client, amsterdam, hidden_org):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Gemeente Amsterdam" in response.text
    assert "Geheime Dienst" not in response.text
    assert "verborgen-tag" not in response.text  # tag facet counts only published rows
    assert "1 organisatie" in response.text


@pytest.mark.django_db
def test_member_does_not_see_unpublished_organisations(member_client, hidden_org):
    assert "Geheime Dienst" not in member_client.get(URL).text


@pytest.mark.django_db
def test_staff_sees_unpublished_organisations_marked_as_such(curator_client, amsterdam, hidden_org):
    text = curator_client.get(URL).text
    assert "Geheime Dienst" in text
    assert "niet gepubliceerd" in text
    assert "2 organisaties" in text


@pytest.mark.django_db
def test_kind_facet_counts_only_published_rows(client, amsterdam, hidden_org):
    make_organisation("Dienst Open", kind=Organisation.Kind.AGENCY)
    facets = dict((name, items) for name, _label, items in client.get(URL).context["facets"])
    kinds = {item["value"]: item["count"] for item in facets["soort"]}
    assert kinds == {"gemeente": 1, "uitvoeringsorganisatie": 1}
    assert {item["value"]: item["count"] for item in facets["ospo"]} == {"ja": 1, "nee": 1}


@pytest.mark.django_db
def test_filter_by_kind_tag_and_ospo(client, amsterdam):
    make_organisation("Gemeente Zonder", tags=["gemeenten"])
    make_organisation("Dienst Open", kind=Organisation.Kind.AGENCY, has_ospo=True)

    def names(**params):
        return [o.name for o in client.get(URL, params).context["page"].object_list]

    assert names(soort="uitvoeringsorganisatie") == ["Dienst Open"]
    assert names(tag="gemeenten") == ["Gemeente Amsterdam", "Gemeente Zonder"]
    assert names(tag="gemeenten", ospo="ja") == ["Gemeente Amsterdam"]
    assert names(q="zonder") == ["Gemeente Zonder"]


@pytest.mark.django_db
def test_facet_counts_apply_the_other_filters(client, amsterdam):
    make_organisation("Dienst Open", kind=Organisation.Kind.AGENCY, has_ospo=True)
    response = client.get(URL, {"ospo": "ja", "soort": "uitvoeringsorganisatie"})
    facets = {name: items for name, _l, items in response.context["facets"]}
    # Kind counts ignore the kind filter but apply the OSPO filter: both have an OSPO.
    assert {i["value"]: i["count"] for i in facets["soort"]} == {"gemeente": 1, "uitvoeringsorganisatie": 1}
    # OSPO counts apply the kind filter.
    assert {i["value"]: i["count"] for i in facets["ospo"]} == {"ja": 1}


@pytest.mark.django_db
def test_sorting_by_newest(client):
    make_organisation("Aaa Oud")
    make_organisation("Zzz Nieuw")
    page = client.get(URL, {"sorteer": "nieuw"}).context["page"]
    assert [o.name for o in page.object_list] == ["Zzz Nieuw", "Aaa Oud"]


@pytest.mark.django_db
def test_invalid_filter_gives_400_with_a_message_and_still_lists(client, amsterdam):
    response = client.get(URL, {"soort": "planeet", "sorteer": "willekeurig"})
    assert response.status_code == 400
    assert "ongeldig" in response.text
    assert "Gemeente Amsterdam" in response.text


@pytest.mark.django_db
def test_pagination_keeps_filters(client):
    bulk_organisations(45)
    response = client.get(URL, {"tag": "gemeenten", "pagina": 2})
    page = response.context["page"]
    assert page.number == 2 and len(page.object_list) == 20
    assert "tag=gemeenten&amp;pagina=3" in response.text
    assert client.get(URL, {"pagina": "999"}).status_code == 404  # out of range: not a copy of the last page


def test_post_is_405(client):
    assert client.post(URL).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 500])
def test_query_count_does_not_grow_with_organisations(client, django_assert_num_queries, count):
    bulk_organisations(count)
    # kind facet, OSPO facet, tag facet, page count, page rows, the page's tags
    with django_assert_num_queries(6):
        assert client.get(URL, {"q": "gemeente"}).status_code == 200


@pytest.mark.django_db
def test_the_list_is_rendered_once_for_everyone_and_unpublished_ones_stay_with_curators(
        amsterdam, hidden_org, curator_client, member_client, settings, django_assert_max_num_queries):
    settings.CONTENT_CACHE_SECONDS = 600  # the shared cache on (locmem: one process)
    url = reverse("directory:organisation_list") + "?soort=uitvoeringsorganisatie"
    assert hidden_org.name in curator_client.get(url).text
    assert hidden_org.name not in member_client.get(url).text
    with django_assert_max_num_queries(3):  # session, user, profile: the list comes from the cache
        response = member_client.get(url)
    assert response.status_code == 200 and "Geen organisaties gevonden" in response.text
    assert hidden_org.name in curator_client.get(url).text
    hidden_org.is_published = True
    hidden_org.save()
    assert hidden_org.name in member_client.get(url).text  # a change shows at once
