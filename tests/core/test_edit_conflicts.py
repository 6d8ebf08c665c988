"""Two saves from the same version of a post: the second is refused with both versions and the difference,
and the second writer's text stays in the form (ospo_nl.core.edit_conflicts). Articles: tests/kennisbank."""

import pytest
from django.urls import reverse

from casussen import verbs
from casussen.models import Casus
from ospo_nl.core.edit_conflicts import check_version, version_of
from ospo_nl.core.revisions import revisions_of
from tests.conftest import _client_for
from tests.factories import make_reply, make_topic
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def _stale_save(first_client, second_client, url, data, *, first, second, field="body"):
    """Both open the form on one version, the first saves; returns the second's (stale) response."""
    version = second_client.get(url).context["form"].initial["version"]
    assert version and version == first_client.get(url).context["form"].initial["version"]
    assert first_client.post(url, {**data, field: first, "version": version}).status_code == 302
    return second_client.post(url, {**data, field: second, "version": version})


def _assert_conflict_shown(response, *, first, second):
    assert response.status_code == 409
    text = response.text
    assert "Iemand anders heeft dit intussen opgeslagen" in text
    assert "comparison__table" in text and "<del>" in text and "<ins>" in text  # side by side
    assert f"{second}</textarea>" in text  # the second writer's text is still in the form


def _save_again(client, url, response):
    """Saving the form as the conflict page shows it takes the second version, knowingly."""
    data = response.context["form"].data
    assert data["version"] != ""
    return client.post(url, data)


def test_a_stale_casus_edit_is_refused_with_both_versions_and_a_second_save_takes_it(casus, member):
    url = reverse("casussen:edit", args=[casus.slug])
    tab1, tab2 = _client_for(member), _client_for(member)  # one author, two browser tabs
    data = {"title": casus.title, "phase": casus.phase, "visibility": casus.visibility, "tag_string": "licenties"}
    stale = _stale_save(tab1, tab2, url, data, first="Eerste versie.", second="Tweede versie.")
    _assert_conflict_shown(stale, first="Eerste versie.", second="Tweede versie.")
    casus.refresh_from_db()
    assert casus.body == "Eerste versie."
    assert _save_again(tab2, url, stale).status_code == 302
    casus.refresh_from_db()
    assert casus.body == "Tweede versie."


def test_a_fresh_casus_edit_saves(casus, member_client):
    url = reverse("casussen:edit", args=[casus.slug])
    version = member_client.get(url).context["form"].initial["version"]
    response = member_client.post(url, {"title": casus.title, "body": "Nieuw.", "phase": casus.phase,
                                        "visibility": casus.visibility, "version": version})
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.body == "Nieuw."


def test_claiming_a_casus_is_no_conflict_for_its_author(casus, member_client, expert):
    url = reverse("casussen:edit", args=[casus.slug])
    version = member_client.get(url).context["form"].initial["version"]
    verbs.claim_casus(casus=casus, by=expert)  # touches the row, not the text
    response = member_client.post(url, {"title": casus.title, "body": "Nieuw.", "phase": casus.phase,
                                        "visibility": casus.visibility, "version": version})
    assert response.status_code == 302


def test_a_stale_answer_edit_is_refused_and_keeps_the_text(casus, answer, expert):
    url = reverse("casussen:answer_edit", args=[casus.slug, answer.pk])
    tab1, tab2 = _client_for(expert), _client_for(expert)
    stale = _stale_save(tab1, tab2, url, {}, first="Kies EUPL.", second="Kies MIT.")
    _assert_conflict_shown(stale, first="Kies EUPL.", second="Kies MIT.")
    answer.refresh_from_db()
    assert answer.body == "Kies EUPL."
    assert _save_again(tab2, url, stale).status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Kies MIT."


def test_a_fresh_answer_edit_saves(casus, answer, expert_client):
    url = reverse("casussen:answer_edit", args=[casus.slug, answer.pk])
    version = expert_client.get(url).context["form"].initial["version"]
    assert expert_client.post(url, {"body": "Kies EUPL-1.2.", "version": version}).status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Kies EUPL-1.2."


@pytest.fixture
def forum_topic(member, category):
    return make_topic(member, category, tags=["eupl"])


def test_a_stale_topic_edit_is_refused_and_keeps_the_text(forum_topic, member_client, curator_client):
    url = reverse("forum:topic_edit", args=[forum_topic.pk])
    data = {"title": forum_topic.title, "tags": "eupl"}
    stale = _stale_save(curator_client, member_client, url, data, first="Door de curator.", second="Door de auteur.")
    _assert_conflict_shown(stale, first="Door de curator.", second="Door de auteur.")
    forum_topic.refresh_from_db()
    assert forum_topic.body == "Door de curator."
    assert _save_again(member_client, url, stale).status_code == 302
    forum_topic.refresh_from_db()
    assert forum_topic.body == "Door de auteur."


def test_a_new_reply_is_no_conflict_for_a_topic_edit(forum_topic, member_client, other_member_client):
    url = reverse("forum:topic_edit", args=[forum_topic.pk])
    version = member_client.get(url).context["form"].initial["version"]
    assert other_member_client.post(reverse("forum:reply_create", args=[forum_topic.pk]),
                                    {"body": "Eens!"}).status_code == 302
    response = member_client.post(url, {"title": forum_topic.title, "body": "Nieuw.", "version": version})
    assert response.status_code == 302
    forum_topic.refresh_from_db()
    assert forum_topic.body == "Nieuw."


def test_a_stale_reply_edit_is_refused_and_keeps_the_text(forum_topic, other_member, other_member_client,
                                                          curator_client):
    reply = make_reply(other_member, forum_topic, body="Eerst.")
    url = reverse("forum:reply_edit", args=[reply.pk])
    stale = _stale_save(curator_client, other_member_client, url, {}, first="Door de curator.",
                        second="Door de auteur.")
    _assert_conflict_shown(stale, first="Door de curator.", second="Door de auteur.")
    reply.refresh_from_db()
    assert reply.body == "Door de curator."
    assert _save_again(other_member_client, url, stale).status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Door de auteur."


def test_a_fresh_reply_edit_saves(forum_topic, other_member, other_member_client):
    reply = make_reply(other_member, forum_topic, body="Eerst.")
    url = reverse("forum:reply_edit", args=[reply.pk])
    version = other_member_client.get(url).context["form"].initial["version"]
    assert other_member_client.post(url, {"body": "Daarna.", "version": version}).status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Daarna."


def test_the_version_is_the_newest_revision_and_an_unchecked_save_passes(casus, member):
    assert version_of(casus) == str(revisions_of(casus).order_by("-pk").first().pk)
    check_version(casus, None)
    check_version(casus, version_of(casus))
    assert version_of(Casus(pk=10**9)) == ""


def test_a_stale_casus_save_in_admin_is_refused_with_both_versions(casus, admin_client_, curator_client):
    url = reverse("admin:casussen_casus_change", args=[casus.pk])
    opened = admin_client_.get(url)
    assert opened.status_code == 200 and 'name="version"' in opened.text
    stale_data = admin_form_data(opened, body="Uit beheer.")
    fresh = admin_form_data(curator_client.get(url), body="Eerst door de curator.")
    assert curator_client.post(url, fresh).status_code == 302
    response = admin_client_.post(url, stale_data)
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen opgeslagen" in response.text
    assert "comparison__table" in response.text and "<del>" in response.text and "<ins>" in response.text
    assert "Uit beheer.</textarea>" in response.text
    casus.refresh_from_db()
    assert casus.body == "Eerst door de curator."
    assert admin_client_.post(url, response.context["adminform"].form.data).status_code == 302
    casus.refresh_from_db()
    assert casus.body == "Uit beheer."


def test_an_admin_edit_is_a_new_version_for_the_authors_open_form(casus, member_client, admin_client_):
    edit_url = reverse("casussen:edit", args=[casus.slug])
    version = member_client.get(edit_url).context["form"].initial["version"]
    admin_url = reverse("admin:casussen_casus_change", args=[casus.pk])
    assert admin_client_.post(admin_url, admin_form_data(admin_client_.get(admin_url),
                                                         body="Door beheer.")).status_code == 302
    assert revisions_of(casus).first().data["body"] == "Door beheer."
    response = member_client.post(edit_url, {"title": casus.title, "body": "Door de auteur.", "phase": casus.phase,
                                             "visibility": casus.visibility, "version": version})
    assert response.status_code == 409
    casus.refresh_from_db()
    assert casus.body == "Door beheer."


@pytest.mark.parametrize("kind", ["answer", "comment"])
def test_answers_and_comments_in_admin_carry_their_version(kind, casus, answer, member, admin_client_):
    obj = answer if kind == "answer" else verbs.comment(casus=casus, answer=None, by=member, body="Goed punt.")
    url = reverse(f"admin:casussen_{kind}_change", args=[obj.pk])
    opened = admin_client_.get(url)
    assert opened.context["adminform"].form.initial["version"] == version_of(obj)
    assert admin_client_.post(url, admin_form_data(opened, body="Eerst.")).status_code == 302
    stale = admin_client_.post(url, admin_form_data(opened, body="Daarna."))
    assert stale.status_code == 409 and "Daarna.</textarea>" in stale.text
    obj.refresh_from_db()
    assert obj.body == "Eerst."
