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


# --- addresses by slug (issue 21): /experts/<slug>/, the old /experts/<id>/ answers 301 ------------------------

@pytest.mark.django_db
def test_an_expert_page_lives_at_a_slug_from_the_name(client, people):
    profile = people["eva"].profile
    assert profile.slug == "eva-licentie" and profile.get_absolute_url() == "/experts/eva-licentie/"
    assert client.get("/experts/eva-licentie/").status_code == 200
    assert client.get("/en/experts/eva-licentie/").status_code == 200
    assert 'href="/experts/eva-licentie/"' in client.get(URL).text


@pytest.mark.django_db
def test_slugs_are_unique_never_digits_only_and_have_a_fallback(db):
    assert make_user("a@example.org", name="Eva Licentie").profile.slug == "eva-licentie"
    assert make_user("b@example.org", name="Eva Licentie").profile.slug == "eva-licentie-2"
    assert make_user("c@example.org", name="2026").profile.slug == "expert-2026"  # /experts/2026/ is an id
    assert make_user("d@example.org", name="!!!").profile.slug == "expert"


@pytest.mark.django_db
def test_the_slug_stays_when_the_name_changes(client, people):
    profile = people["eva"].profile
    profile.display_name = "Eva de Vries"
    profile.save()
    profile.refresh_from_db()
    assert profile.slug == "eva-licentie"
    assert "Eva de Vries" in client.get("/experts/eva-licentie/").text


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_old_address_by_id_answers_301_to_the_slug(client, people, prefix):
    profile = people["eva"].profile
    response = client.get(f"{prefix}/experts/{profile.pk}/")
    assert response.status_code == 301 and response["Location"] == f"{prefix}/experts/eva-licentie/"
    profile.slug = "eva"  # a curator changed it in the admin: the old id still finds the page
    profile.save()
    assert client.get(f"{prefix}/experts/{profile.pk}/")["Location"] == f"{prefix}/experts/eva/"


@pytest.mark.django_db
def test_the_old_address_of_a_profile_without_a_page_is_the_same_404(client, curator_client, people):
    people["erik"].is_active = False
    people["erik"].save()
    for key in ("private", "member", "erik"):
        profile = people[key].profile
        for c in (client, curator_client):
            by_id = c.get(f"/experts/{profile.pk}/")
            assert by_id.status_code == 404 and profile.slug not in by_id.text, key  # the slug does not leak
            assert c.get(profile.get_absolute_url()).status_code == 404, key
    assert client.get("/experts/999999/").status_code == 404
    assert client.get("/experts/bestaat-niet/").status_code == 404


@pytest.mark.django_db
def test_the_redirect_costs_one_query(client, people, django_assert_num_queries):
    with django_assert_num_queries(1):  # the profile with its user
        assert client.get(f"/experts/{people['eva'].profile.pk}/").status_code == 301
