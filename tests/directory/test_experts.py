"""The experts directory: public expert profiles only, filters, and e-mail only when chosen."""

import pytest
from django.urls import reverse

from tests.factories import make_user

from .conftest import make_organisation

URL = reverse("directory:expert_list")


@pytest.fixture
def people(amsterdam, hidden_org):
    return {
        "eva": make_user("eva@example.org", name="Eva Licentie", is_expert=True, expertise=["licenties"],
                         organisation=amsterdam),
        "erik": make_user("erik@example.org", name="Erik Inkoop", is_expert=True, expertise=["inkoop"],
                          organisation=hidden_org),
        "private": make_user("priv@example.org", name="Pim Privé", is_expert=True, is_public=False),
        "member": make_user("lid@example.org", name="Lotte Lid", is_public=True),
    }


@pytest.mark.django_db
def test_list_shows_public_experts_only(client, people):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Eva Licentie" in response.text and "Erik Inkoop" in response.text
    assert "Pim Privé" not in response.text
    assert "Lotte Lid" not in response.text
    assert "@example.org" not in response.text


@pytest.mark.django_db
def test_unpublished_organisation_of_an_expert_is_not_shown_or_counted(client, people):
    response = client.get(URL)
    assert "Geheime Dienst" not in response.text
    facets = {name: {i["value"]: i["count"] for i in items} for name, _l, items in response.context["facets"]}
    assert facets["organisatie"] == {"gemeente-amsterdam": 1}
    assert facets["expertise"] == {"licenties": 1, "inkoop": 1}


@pytest.mark.django_db
def test_filter_by_expertise_and_organisation(client, people):
    def names(**params):
        return [p.name for p in client.get(URL, params).context["page"].object_list]

    assert names(expertise="inkoop") == ["Erik Inkoop"]
    assert names(organisatie="gemeente-amsterdam") == ["Eva Licentie"]
    assert names(organisatie="geheime-dienst") == []
    assert names(q="eva") == ["Eva Licentie"]


@pytest.mark.django_db
def test_detail_hides_email_unless_the_owner_chose_to_show_it(client, people):
    profile = people["eva"].profile
    response = client.get(profile.get_absolute_url())
    assert response.status_code == 200
    assert "eva@example.org" not in response.text
    profile.show_email = True
    profile.save()
    assert "eva@example.org" in client.get(profile.get_absolute_url()).text


@pytest.mark.django_db
def test_detail_of_a_private_profile_or_non_expert_is_404_even_for_staff(client, curator_client, people):
    for key in ("private", "member"):
        url = people[key].profile.get_absolute_url()
        assert client.get(url).status_code == 404
        assert curator_client.get(url).status_code == 404
    assert client.get("/experts/999999/").status_code == 404


@pytest.mark.django_db
def test_detail_of_a_deactivated_expert_is_404(client, people):
    people["eva"].is_active = False
    people["eva"].save()
    assert client.get(people["eva"].profile.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    organisation = make_organisation("Gemeente Expert")
    for n in range(count):
        make_user(f"x{n}@example.org", is_expert=True, expertise=["licenties", f"onderwerp-{n}"],
                  organisation=organisation)
    # expertise facet, organisation facet, page count, page rows with user + organisation, the page's expertise
    with django_assert_num_queries(5):
        assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_detail_query_count(client, django_assert_num_queries, people):
    # profile with user and organisation, its expertise
    with django_assert_num_queries(2):
        assert client.get(people["eva"].profile.get_absolute_url()).status_code == 200
