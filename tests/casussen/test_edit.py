import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from casussen import verbs as casus_verbs
from ospo_nl.core.revisions import revisions_of


@pytest.mark.django_db
def test_the_author_sees_the_edit_form_with_current_values(casus, member_client):
    response = member_client.get(reverse("casussen:edit", args=[casus.slug]))
    assert response.status_code == 200
    assert 'value="Welke licentie kiezen we?"' in response.text
    assert 'value="licenties"' in response.text


@pytest.mark.django_db
def test_editing_saves_and_keeps_a_revision(casus, member, member_client):
    response = member_client.post(reverse("casussen:edit", args=[casus.slug]), {
        "title": "Welke open source-licentie?", "body": "Nieuwe **tekst**", "phase": "procurement",
        "visibility": "members", "tag_string": "eupl, licenties",
    })
    assert response.status_code == 302
    casus.refresh_from_db()
    assert (casus.title, casus.phase, casus.visibility) == ("Welke open source-licentie?", "procurement", "members")
    assert "<strong>tekst</strong>" in casus.body_html
    assert revisions_of(casus).count() == 2
    assert revisions_of(casus).first().author == member


@pytest.mark.django_db
def test_bad_edit_input_is_400_and_nothing_changes(casus, member_client):
    response = member_client.post(reverse("casussen:edit", args=[casus.slug]), {
        "title": "", "body": "Nieuw", "phase": "orientation", "visibility": "public"})
    assert response.status_code == 400
    casus.refresh_from_db()
    assert casus.title == "Welke licentie kiezen we?"


@pytest.mark.django_db
def test_another_member_may_not_open_the_edit_form(casus, other_member_client, curator_client):
    assert other_member_client.get(reverse("casussen:edit", args=[casus.slug])).status_code == 403
    assert curator_client.get(reverse("casussen:edit", args=[casus.slug])).status_code == 403


@pytest.mark.django_db
def test_editing_an_answer_keeps_a_revision(casus, answer, expert_client):
    url = reverse("casussen:answer_edit", args=[casus.slug, answer.pk])
    assert expert_client.get(url).status_code == 200
    assert expert_client.post(url, {"body": "Beter: EUPL-1.2"}).status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Beter: EUPL-1.2"
    assert revisions_of(answer).count() == 2


@pytest.mark.django_db
def test_an_empty_answer_is_400_with_the_page_kept(casus, expert_client):
    response = expert_client.post(reverse("casussen:answer", args=[casus.slug]), {"body": ""})
    assert response.status_code == 400
    assert "Controleer het formulier" in response.text


@pytest.mark.django_db
def test_an_empty_comment_on_an_answer_is_400(casus, answer, other_member_client):
    response = other_member_client.post(reverse("casussen:answer_comment", args=[casus.slug, answer.pk]),
                                        {"body": ""})
    assert response.status_code == 400


@pytest.mark.django_db
def test_resolving_without_lessons_is_400(casus, member_client):
    url = reverse("casussen:resolve", args=[casus.slug])
    assert member_client.get(url).status_code == 200
    assert member_client.post(url, {"lessons_learned": ""}).status_code == 400
    casus.refresh_from_db()
    assert casus.status == "new"


@pytest.mark.django_db
def test_a_vote_on_a_deleted_answer_is_404(casus, answer, expert, other_member_client):
    casus_verbs.delete_answer(answer=answer, by=expert)
    response = other_member_client.post(reverse("casussen:vote", args=[casus.slug, answer.pk]), {"value": "1"})
    assert response.status_code == 404
    assert not answer.votes.exists()


@pytest.mark.django_db
def test_a_vote_with_a_bad_value_is_400(casus, answer, other_member_client):
    response = other_member_client.post(reverse("casussen:vote", args=[casus.slug, answer.pk]), {"value": "5"})
    assert response.status_code == 400
    assert not answer.votes.exists()


@pytest.mark.django_db
def test_an_unknown_answer_is_404(casus, other_member_client):
    response = other_member_client.post(reverse("casussen:vote", args=[casus.slug, 999999]), {"value": "1"})
    assert response.status_code == 404


@pytest.mark.django_db
def test_assign_offers_the_experts(casus, expert, curator_client):
    response = curator_client.get(reverse("casussen:assign", args=[casus.slug]))
    assert response.status_code == 200
    assert "Eva Expert" in response.text
    assert curator_client.post(reverse("casussen:assign", args=[casus.slug]), {"expert": ""}).status_code == 400


@pytest.mark.django_db
def test_the_history_lists_every_version_with_its_author(casus, member, client, django_assert_num_queries):
    casus_verbs.edit_casus(casus=casus, by=member, changes={"title": "Tweede titel", "body": "<b>Tweede</b> tekst"})
    url = reverse("casussen:history", args=[casus.slug])
    ContentType.objects.clear_cache()  # a cold cache, so the pin does not depend on what ran before
    # 1 the casus, 2 the revisions' content type, 3 the revisions with their authors and profiles.
    with django_assert_num_queries(3):
        response = client.get(url)
    assert response.status_code == 200
    assert "Tweede titel" in response.text and "Welke licentie kiezen we?" in response.text
    assert "&lt;b&gt;Tweede&lt;/b&gt;" in response.text  # the source is shown as text, never as HTML
    assert "Mila Member" in response.text
    assert "bewerkingsgeschiedenis" in client.get(casus.get_absolute_url()).text


@pytest.mark.django_db
def test_the_history_of_a_private_casus_is_404_for_outsiders(experts_casus, other_member_client):
    assert other_member_client.get(reverse("casussen:history", args=[experts_casus.slug])).status_code == 404


@pytest.mark.django_db
def test_an_edited_answer_shows_its_history_with_every_version(casus, answer, expert, client,
                                                               django_assert_num_queries):
    casus_verbs.edit_answer(answer=answer, by=expert, body="Kies de **EUPL-1.2**, en leg uit waarom.")
    url = reverse("casussen:answer_history", args=[casus.slug, answer.pk])
    assert url in client.get(casus.get_absolute_url()).text
    ContentType.objects.clear_cache()
    # 1 the casus, 2 the answer with its author and profile, 3 the revisions' content type,
    # 4 the revisions with their authors and profiles.
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    assert "leg uit waarom" in response.text and "gemaakt voor overheden" in response.text
    assert "Eva Expert" in response.text


@pytest.mark.django_db
def test_the_history_of_an_answer_in_a_private_casus_is_404_for_outsiders(experts_casus, expert, other_member_client):
    answer = casus_verbs.post_answer(casus=experts_casus, by=expert, body="Geheim advies")
    url = reverse("casussen:answer_history", args=[experts_casus.slug, answer.pk])
    assert other_member_client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_history_of_a_deleted_answer_is_404(casus, answer, expert, client):
    casus_verbs.delete_answer(answer=answer, by=expert)
    assert client.get(reverse("casussen:answer_history", args=[casus.slug, answer.pk])).status_code == 404


def test_post_to_an_answer_history_is_405(client):
    assert client.post(reverse("casussen:answer_history", args=["x", 1])).status_code == 405
