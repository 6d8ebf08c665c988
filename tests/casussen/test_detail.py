import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Organisation
from tests.factories import make_casus, make_user


@pytest.mark.django_db
def test_the_detail_page_shows_the_casus_answers_comments_and_lessons(casus, answer, member, other_member, client):
    casus_verbs.comment(casus=casus, by=other_member, body="Welke app is het?")
    casus_verbs.comment(casus=casus, answer=answer, by=member, body="Dank, helder!")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned="De EUPL past bij de overheid.")
    response = client.get(casus.get_absolute_url())
    text = response.text
    assert response.status_code == 200
    for snippet in ("<h1 class=\"utrecht-heading-1\">Welke licentie kiezen we?</h1>", "Kies de EUPL-1.2",
                    "Welke app is het?", "Dank, helder!", "Geaccepteerd antwoord", "De EUPL past bij de overheid.",
                    "opgelost", "<title>Welke licentie kiezen we?"):
        assert snippet in text, snippet


@pytest.mark.django_db
def test_the_answer_form_is_shown_only_to_experts_and_curators(casus, other_member_client, expert_client):
    assert "Antwoord plaatsen" not in other_member_client.get(casus.get_absolute_url()).text
    assert "Antwoord plaatsen" in expert_client.get(casus.get_absolute_url()).text


@pytest.mark.django_db
def test_a_deleted_answer_and_its_comments_are_not_shown(casus, answer, member, expert, client):
    casus_verbs.comment(casus=casus, answer=answer, by=member, body="Reactie op weg antwoord")
    casus_verbs.delete_answer(answer=answer, by=expert)
    text = client.get(casus.get_absolute_url()).text
    assert "Kies de EUPL-1.2" not in text and "Reactie op weg antwoord" not in text


@pytest.mark.django_db
def test_a_deleted_casus_is_404(casus, member, client):
    casus_verbs.delete_casus(casus=casus, by=member)
    assert client.get(casus.get_absolute_url()).status_code == 404


def _claimed_casus_of_an_organisation(member, expert):
    organisation = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", kind="municipality",
                                               is_published=True)
    casus = make_casus(member, organisation=organisation)
    casus_verbs.claim_casus(casus=casus, by=expert)
    return casus


def _fill(casus, n, expert):
    commenter = make_user(f"c{n}@example.org")
    voter = make_user(f"v{n}@example.org")
    for i in range(n):
        other_expert = make_user(f"e{n}-{i}@example.org", is_expert=True)
        answer = casus_verbs.post_answer(casus=casus, by=other_expert, body=f"Advies {i}")
        casus_verbs.vote(answer=answer, by=voter, value=1)
        casus_verbs.comment(casus=casus, answer=answer, by=commenter, body="Dank")
        casus_verbs.comment(casus=casus, by=commenter, body="Nog een vraag")


@pytest.mark.django_db
@pytest.mark.parametrize("n", [3, 30])
def test_detail_query_count_for_a_visitor_does_not_grow(member, expert, client, django_assert_num_queries, n):
    casus = _claimed_casus_of_an_organisation(member, expert)
    _fill(casus, n, expert)
    # 1 casus (may they see it?), 2 answers, 3 comments, 4 everyone who wrote or claimed any of them with their
    # profiles, 5 its tags, 6 its organisation. (From the shared cache: only the first.)
    with django_assert_num_queries(6):
        page = client.get(casus.get_absolute_url())
    assert page.status_code == 200
    assert "Gemeente Utrecht" in page.text and expert.profile.name in page.text  # its organisation and claimer


@pytest.mark.django_db
@pytest.mark.parametrize("n", [3, 30])
def test_detail_query_count_for_a_member_does_not_grow(member, expert, member_client, django_assert_num_queries, n):
    casus = _claimed_casus_of_an_organisation(member, expert)
    _fill(casus, n, expert)
    ContentType.objects.clear_cache()  # a cold cache, so the pin does not depend on what ran before
    # 1 session, 2 user with profile (role), 3 casus, 4 the casus content type, 5 the viewer's votes, posts
    # and follow (casussen.views.VIEWER_SQL), 6 answers, 7 comments, 8 their authors and the claimer with
    # profiles, 9 tags, 10 organisation. (From the shared cache: 6 to 10 are not needed.)
    with django_assert_num_queries(10):
        assert member_client.get(casus.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_casus_with_a_reserved_word_title_is_still_reachable(member, client):
    casus = make_casus(member, "Mijn")
    assert casus.slug != "mijn"
    assert client.get(casus.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_the_experts_only_label_is_shown(member, expert_client):
    casus = make_casus(member, "Geheim", visibility=Casus.Visibility.EXPERTS)
    assert "alleen experts" in expert_client.get(casus.get_absolute_url()).text


@pytest.mark.django_db
def test_post_to_the_detail_page_is_405(casus, member_client):
    assert member_client.post(reverse("casussen:detail", args=[casus.slug])).status_code == 405
