import pytest
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Organisation
from ospo_nl.core.following import follow
from tests.factories import make_casus, make_user


@pytest.fixture
def mixed(member, expert):
    org = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", kind="municipality",
                                      is_published=True)
    public = make_casus(member, "Openbare vraag over licenties", organisation=org)
    members = make_casus(member, "Ledenvraag over licenties", visibility=Casus.Visibility.MEMBERS, organisation=org)
    experts = make_casus(member, "Expertvraag over licenties", visibility=Casus.Visibility.EXPERTS, organisation=org)
    return public, members, experts


LIST_URLS = [
    reverse("casussen:list"),
    reverse("casussen:list") + "?status=alle",
    reverse("casussen:unanswered"),
    reverse("casussen:by_tag", args=["licenties"]),
    reverse("casussen:by_organisation", args=["gemeente-utrecht"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_URLS)
def test_a_visitor_sees_only_public_casussen_in_every_list_and_count(mixed, client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Openbare vraag" in response.text
    assert "Ledenvraag" not in response.text and "Expertvraag" not in response.text
    assert "1 casus" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_URLS)
def test_a_member_does_not_see_experts_only_casussen(mixed, other_member_client, url):
    response = other_member_client.get(url)
    assert "Ledenvraag" in response.text
    assert "Expertvraag" not in response.text
    assert "2 casussen" in response.text


@pytest.mark.django_db
def test_an_expert_sees_all_three(mixed, expert_client):
    response = expert_client.get(reverse("casussen:list"))
    assert "3 casussen" in response.text


@pytest.mark.django_db
def test_a_hidden_organisation_is_left_out_of_its_organisation_page(member, client):
    org = Organisation.objects.create(name="Gemeente Zeist", slug="gemeente-zeist", kind="municipality",
                                      is_published=True)
    make_casus(member, "Anoniem gesteld", organisation=org, hide_organisation=True)
    response = client.get(reverse("casussen:by_organisation", args=["gemeente-zeist"]))
    assert "Anoniem gesteld" not in response.text
    detail = client.get(reverse("casussen:list"))
    assert "een gemeente" in detail.text and "Gemeente Zeist" not in detail.text


@pytest.mark.django_db
def test_the_unanswered_queue_leaves_out_answered_casussen(member, expert, client):
    answered = make_casus(member, "Al beantwoord")
    casus_verbs.post_answer(casus=answered, by=expert, body="Zo.")
    make_casus(member, "Nog open")
    text = client.get(reverse("casussen:unanswered")).text
    assert "Nog open" in text and "Al beantwoord" not in text


@pytest.mark.django_db
def test_the_default_list_shows_every_status_and_can_show_open_or_resolved_ones(member, client):
    done = make_casus(member, "Opgeloste vraag")
    casus_verbs.resolve_casus(casus=done, by=member, lessons_learned="Zo.")
    make_casus(member, "Open vraag")
    everything = client.get(reverse("casussen:list")).text
    assert "Opgeloste vraag" in everything and "Open vraag" in everything
    open_only = client.get(reverse("casussen:list") + "?status=open").text
    assert "Opgeloste vraag" not in open_only and "Open vraag" in open_only
    resolved = client.get(reverse("casussen:list") + "?status=opgelost").text
    assert "Opgeloste vraag" in resolved and "Open vraag" not in resolved


@pytest.mark.django_db
def test_sorting_by_newest_and_by_votes(member, expert, other_member, client):
    first = make_casus(member, "Eerste casus")
    make_casus(member, "Tweede casus")
    answer = casus_verbs.post_answer(casus=first, by=expert, body="Zo.")
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    newest = client.get(reverse("casussen:list") + "?sorteer=nieuwste").text
    assert newest.index("Tweede casus") < newest.index("Eerste casus")
    votes = client.get(reverse("casussen:list") + "?sorteer=stemmen").text
    assert votes.index("Eerste casus") < votes.index("Tweede casus")


@pytest.mark.django_db
def test_the_list_is_paginated_and_keeps_the_sort(member, client):
    for n in range(21):
        make_casus(member, f"Casus nummer {n:02d}", tags=())
    response = client.get(reverse("casussen:list") + "?sorteer=nieuwste")
    assert "Pagina 1 van 2" in response.text
    assert "?sorteer=nieuwste&amp;pagina=2" in response.text
    second = client.get(reverse("casussen:list") + "?sorteer=nieuwste&pagina=2")
    assert "Casus nummer 00" in second.text


@pytest.mark.django_db
def test_mine_and_followed_list_my_own_and_followed_casussen(member, other_member, other_member_client):
    from taggit.models import Tag

    make_casus(other_member, "Mijn eigen casus", tags=())
    followed_casus = make_casus(member, "Gevolgde casus", tags=())
    make_casus(member, "Casus met gevolgde tag", tags=("eupl",))
    make_casus(member, "Niet gevolgd", tags=())
    follow(other_member, followed_casus)
    follow(other_member, Tag.objects.get(name="eupl"))
    mine = other_member_client.get(reverse("casussen:mine")).text
    assert "Mijn eigen casus" in mine and "Gevolgde casus" not in mine
    followed = other_member_client.get(reverse("casussen:followed")).text
    assert "Gevolgde casus" in followed and "Casus met gevolgde tag" in followed and "Mijn eigen casus" in followed
    assert "Niet gevolgd" not in followed


@pytest.mark.django_db
def test_mine_needs_a_login(client):
    assert client.get(reverse("casussen:mine")).status_code == 302


@pytest.mark.django_db
def test_an_unknown_tag_or_organisation_is_404(client):
    assert client.get(reverse("casussen:by_tag", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("casussen:by_organisation", args=["bestaat-niet"])).status_code == 404


@pytest.mark.django_db
def test_following_a_tag_from_its_page(member_client, member):
    from ospo_nl.core.following import is_following

    casus = make_casus(member, tags=("eupl",))
    tag = casus.tags.get()
    response = member_client.post(reverse("casussen:follow_tag", args=[tag.slug]))
    assert response.status_code == 302
    assert is_following(member, tag)
    member_client.post(reverse("casussen:unfollow_tag", args=[tag.slug]))
    assert not is_following(member, tag)


@pytest.mark.django_db
def test_post_to_a_list_is_405(client):
    assert client.post(reverse("casussen:list")).status_code == 405


def _fill(n, author, expert):
    commenter = make_user(f"c{n}@example.org")
    for i in range(n):
        casus = make_casus(author, f"Casus {n}-{i}", tags=("licenties", f"tag{i % 3}"))
        answer = casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
        casus_verbs.comment(casus=casus, answer=answer, by=commenter, body="Dank")


@pytest.mark.django_db
@pytest.mark.parametrize("n", [3, 30])
def test_list_query_count_does_not_grow_with_the_data(member, expert, client, django_assert_num_queries, n):
    _fill(n, member, expert)
    # 1 count for the paginator, 2 the page of casussen with their organisations, 3 their tags, 4 their authors
    # and claimers with profiles (casussen.rows.list_rows), 5-7 the filters' counts: per status and phase (one
    # grouped query), per tag, per organisation.
    with django_assert_num_queries(7):
        response = client.get(reverse("casussen:list"))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("n", [3, 30])
def test_tag_page_query_count_does_not_grow_with_the_data(member, expert, other_member_client,
                                                           django_assert_num_queries, n):
    _fill(n, member, expert)
    # 1 session, 2 user with profile (role), 3 the tag, 4 may the viewer see a casus with it (else 404),
    # 5 is the tag followed, 6 has the member a casus outside their audiences (the key of the shared list),
    # 7 count, 8 page, 9 tags, 10 authors with profiles. (Content types are cached by the setup, which posts
    # casussen.)
    with django_assert_num_queries(10):
        response = other_member_client.get(reverse("casussen:by_tag", args=["licenties"]))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_URLS)
def test_the_author_of_an_experts_only_casus_sees_it_in_every_list_and_count(mixed, member_client, url):
    response = member_client.get(url)
    assert "Ledenvraag" in response.text and "Expertvraag" in response.text
    assert "3 casussen" in response.text
