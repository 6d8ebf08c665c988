import pytest
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from ospo_nl.notifications.models import Notification
from tests.factories import make_casus

ASK = reverse("casussen:ask")


def form_data(**overrides):
    data = {"title": "Hoe publiceren we de code van onze gemeente?", "body": "Wij hebben een app laten bouwen.",
            "tried": "", "desired_outcome": "", "organisation": "", "phase": "publishing", "visibility": "public",
            "tag_string": "publiceren, git"}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_step_one_asks_for_a_title(member_client):
    response = member_client.get(ASK)
    assert response.status_code == 200
    assert 'name="titel"' in response.text
    assert 'name="body"' not in response.text


@pytest.mark.django_db
def test_step_two_lists_similar_visible_casussen_and_the_full_form(member, other_member_client):
    make_casus(member, "Code van een gemeente publiceren op GitHub")
    make_casus(member, "Geheime code publiceren", visibility=Casus.Visibility.EXPERTS)
    response = other_member_client.get(ASK, {"titel": "Mogen we de code publiceren?"})
    assert response.status_code == 200
    assert "Vergelijkbare casussen" in response.text
    assert "Code van een gemeente publiceren op GitHub" in response.text
    assert "Geheime code publiceren" not in response.text  # suggestions never leak
    assert 'value="Mogen we de code publiceren?"' in response.text
    assert 'name="body"' in response.text


@pytest.mark.django_db
def test_an_empty_title_in_step_one_is_a_400_with_a_message(member_client):
    response = member_client.get(ASK, {"titel": "  "})
    assert response.status_code == 400
    assert "Controleer het formulier" in response.text


@pytest.mark.django_db
def test_posting_the_form_creates_the_casus_and_redirects_to_it(member, member_client):
    response = member_client.post(ASK, form_data())
    casus = Casus.objects.get()
    assert response.status_code == 302
    assert response["Location"] == casus.get_absolute_url()
    assert (casus.author, casus.status, casus.phase) == (member, "new", "publishing")
    assert sorted(casus.tags.names()) == ["git", "publiceren"]


@pytest.mark.django_db
def test_a_visitor_is_sent_to_login(client):
    assert client.get(ASK).status_code == 302
    assert client.post(ASK, form_data()).status_code == 302
    assert not Casus.objects.exists()


@pytest.mark.django_db
def test_an_empty_title_is_refused_and_the_rest_is_kept(member_client):
    response = member_client.post(ASK, form_data(title="   "))
    assert response.status_code == 400
    assert "Wij hebben een app laten bouwen." in response.text
    assert not Casus.objects.exists()


@pytest.mark.django_db
def test_a_100_kb_body_gets_a_clear_message(member_client):
    response = member_client.post(ASK, form_data(body="x" * 100_000))
    assert response.status_code == 400
    assert "20000" in response.text
    assert not Casus.objects.exists()


@pytest.mark.django_db
def test_script_in_markdown_is_stored_sanitized(member_client):
    member_client.post(ASK, form_data(body="Hallo <script>alert('x')</script> <img src=x onerror=alert(1)>"))
    casus = Casus.objects.get()
    assert "<script" not in casus.body_html
    assert "onerror" not in casus.body_html
    assert "alert('x')" in casus.body  # the source is kept


@pytest.mark.django_db
@pytest.mark.parametrize("tags", ["<b>vet</b>", "💥", "a" * 60, "'; DROP TABLE", ",".join(f"t{i}" for i in range(9))])
def test_weird_tags_get_a_clear_message(member_client, tags):
    response = member_client.post(ASK, form_data(tag_string=tags))
    assert response.status_code == 400
    assert "Tags:" in response.text
    assert not Casus.objects.exists()


@pytest.mark.django_db
def test_unicode_tags_with_letters_are_fine(member_client):
    member_client.post(ASK, form_data(tag_string="oriëntatie, c++, open-source"))
    assert sorted(Casus.objects.get().tags.names()) == ["c++", "open-source", "oriëntatie"]


@pytest.mark.django_db
def test_a_visibility_that_does_not_exist_is_refused(member_client):
    assert member_client.post(ASK, form_data(visibility="everyone")).status_code == 400


@pytest.mark.django_db
def test_a_members_only_casus_notifies_only_experts_who_may_see_it(member_client, expert):
    member_client.post(ASK, form_data(visibility="experts", tag_string="licenties"))
    assert Notification.objects.filter(recipient=expert, event="expertise").count() == 1


@pytest.mark.django_db
def test_put_is_405(member_client):
    assert member_client.put(ASK).status_code == 405


@pytest.mark.django_db
def test_a_member_lands_on_their_own_experts_only_casus(member_client, other_member_client):
    response = member_client.post(ASK, form_data(visibility="experts"), follow=True)
    assert response.status_code == 200
    assert "alleen experts" in response.text
    assert other_member_client.get(Casus.objects.get().get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_followers_who_lost_sight_of_a_casus_are_not_notified(casus, member, other_member, expert):
    from ospo_nl.core.following import follow

    follow(other_member, casus)
    casus_verbs.edit_casus(casus=casus, by=member, changes={"visibility": "experts"})
    Notification.objects.all().delete()
    casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
    casus_verbs.comment(casus=casus, by=expert, body="En nog iets")
    assert set(Notification.objects.values_list("recipient", flat=True)) == {member.pk}
