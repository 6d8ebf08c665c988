"""AVG: a member downloads all their data as JSON, and deletes their account: posts stay, personal data goes."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Answer, Casus, Comment, Vote
from directory.models import Profile
from forum import verbs
from forum.models import Category, Reply, Topic
from ospo_nl.core.following import follow
from ospo_nl.core.models import Follow
from ospo_nl.moderation import verbs as moderation
from ospo_nl.moderation.models import ModerationAction, Report
from ospo_nl.notifications.models import NotificationSettings
from ospo_nl.search.models import SearchEntry
from tests.factories import make_user

EXPORT = reverse("directory:account_export")
DELETE = reverse("directory:account_delete")
PASSWORD = "correct-horse-battery"


@pytest.fixture
def writer(db, member):
    """An expert with one of everything: casus, answer, comment, vote, topic, reply, follow, report, settings."""
    user = make_user("schrijver@example.org", name="Sam Schrijver", is_expert=True, expertise=["eupl"],
                     is_public=True)
    EmailAddress.objects.create(user=user, email="sam.prive@example.org", verified=False, primary=False)
    casus = casus_verbs.post_casus(by=user, title="Eigen casus van Sam", body="Mijn vraag **vet**.")
    other = casus_verbs.post_casus(by=member, title="Casus van Mila", body="Vraag van Mila.")
    answer = casus_verbs.post_answer(casus=other, by=user, body="Antwoord van Sam.")
    casus_verbs.comment(casus=other, by=user, body="Reactie van Sam.")
    mila_answer = casus_verbs.post_answer(casus=casus, by=make_user("e2@example.org", is_expert=True), body="Tip.")
    casus_verbs.vote(answer=mila_answer, by=user, value=1)
    category = Category.objects.create(name="Alg", slug="alg")
    topic = verbs.start_topic(category=category, by=user, title="Onderwerp van Sam", body="Forumtekst van Sam.")
    verbs.post_reply(topic=topic, by=user, body="Forumreactie van Sam.")
    follow(user, other)
    moderation.report(target=answer, by=member, reason="spam")
    moderation.report(target=other, by=user, reason="off-topic", note="Melding door Sam")
    NotificationSettings.objects.create(user=user, email_mode="weekly")
    SocialAccount.objects.create(user=user, provider="rijk", uid="sam-42", extra_data={"userinfo": {"name": "Sam"}})
    user.test_objects = {"casus": casus, "answer": answer, "mila_answer": mila_answer, "topic": topic}
    return user


def test_the_export_contains_everything_the_member_wrote_and_their_profile(client, writer):
    client.force_login(writer)
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "schrijver@example.org"
    assert {e["email"] for e in data["email_addresses"]} == {"schrijver@example.org", "sam.prive@example.org"}
    assert [(a["provider"], a["uid"], a["claims"]) for a in data["linked_accounts"]] == [
        ("rijk", "sam-42", {"userinfo": {"name": "Sam"}})]
    assert data["profile"]["display_name"] == "Sam Schrijver" and data["profile"]["expertise"] == ["eupl"]
    assert [c["title"] for c in data["casussen"]] == ["Eigen casus van Sam"]
    assert data["casussen"][0]["body"] == "Mijn vraag **vet**."
    assert [a["body"] for a in data["answers"]] == ["Antwoord van Sam."]
    assert [c["body"] for c in data["comments"]] == ["Reactie van Sam."]
    assert [v["value"] for v in data["votes"]] == [1]
    assert [t["title"] for t in data["topics"]] == ["Onderwerp van Sam"]
    assert [r["body"] for r in data["replies"]] == ["Forumreactie van Sam."]
    assert {f["name"] for f in data["follows"]} >= {"Casus van Mila", "Eigen casus van Sam"}
    assert data["notification_settings"]["email_mode"] == "weekly"
    assert [r["note"] for r in data["reports_made"]] == ["Melding door Sam"]
    # Nothing of anybody else.
    assert "Vraag van Mila" not in response.content.decode()


def test_the_export_costs_a_constant_number_of_queries(client, writer, django_assert_num_queries):
    client.force_login(writer)
    # session, user, profile (+ expertise), e-mail addresses, linked accounts, settings, casussen, answers,
    # comments, votes, topics, replies, articles, event registrations, signals, follows (+ one per followed kind:
    # casussen, topics), notifications, reports
    with django_assert_num_queries(21):
        client.get(EXPORT)


def test_export_and_delete_need_a_login(client):
    for url in (EXPORT, DELETE):
        response = client.get(url)
        assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_export_is_get_only(member_client):
    assert member_client.post(EXPORT).status_code == 405


def test_the_delete_page_asks_for_the_password(member_client):
    response = member_client.get(DELETE)
    assert response.status_code == 200
    assert 'type="password"' in response.content.decode()


def test_a_wrong_password_deletes_nothing(member_client, member):
    response = member_client.post(DELETE, {"password": "wrong"})
    assert response.status_code == 400
    assert "klopt niet" in response.content.decode()
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_a_member_who_signs_in_with_their_organisation_confirms_without_a_password(client, member):
    # Signed up through OIDC_PROVIDERS: no password of their own, so the form asks for a tick instead.
    member.set_unusable_password()
    member.save()
    client.force_login(member)
    page = client.get(DELETE)
    assert 'name="confirm"' in page.text and 'name="password"' not in page.text
    assert client.post(DELETE, {"password": "x"}).status_code == 400
    assert get_user_model().objects.filter(pk=member.pk).exists()
    assert client.post(DELETE, {"confirm": "on"}).status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()


def test_deleting_keeps_the_posts_and_removes_the_personal_data(client, writer, curator):
    objs = writer.test_objects
    moderation.warn(user=writer, by=curator, reason="Let op")
    pk = writer.pk
    profile_type = ContentType.objects.get_for_model(Profile)
    assert SearchEntry.objects.filter(content_type=profile_type, title="Sam Schrijver").exists()
    client.force_login(writer)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302

    assert not get_user_model().objects.filter(pk=pk).exists()
    assert not Profile.objects.filter(user_id=pk).exists()
    assert not EmailAddress.objects.filter(email__in=["schrijver@example.org", "sam.prive@example.org"]).exists()
    assert not Follow.objects.filter(user_id=pk).exists()
    assert not Vote.objects.filter(user_id=pk).exists()
    assert not NotificationSettings.objects.filter(user_id=pk).exists()
    assert not SocialAccount.objects.filter(user_id=pk).exists()  # signing in with it again makes a new account
    # The community's posts stay, without an author.
    for model, pk_ in ((Casus, objs["casus"].pk), (Answer, objs["answer"].pk), (Topic, objs["topic"].pk)):
        post = model.objects.get(pk=pk_)
        assert post.author_id is None and not post.is_deleted
    assert Comment.objects.filter(body="Reactie van Sam.", author=None).exists()
    assert Reply.objects.filter(body="Forumreactie van Sam.", author=None).exists()
    # Scores stay equal to the votes that are left.
    assert Answer.objects.get(pk=objs["mila_answer"].pk).score == 0
    # Reports they made stay, without them; the log no longer names them.
    assert Report.objects.filter(note="Melding door Sam", reporter=None).exists()
    assert ModerationAction.objects.get(action="warn").target_label == "voormalig lid"
    # Their expert profile is out of the search index; the pages say "voormalig lid".
    assert not SearchEntry.objects.filter(content_type=profile_type, title="Sam Schrijver").exists()
    page = client.get(objs["casus"].get_absolute_url()).content.decode()
    assert "Eigen casus van Sam" in page and "voormalig lid" in page and "Sam Schrijver" not in page
    # And the session is gone.
    assert client.get(EXPORT).status_code == 302


def test_delete_wrong_method_is_405(member_client):
    assert member_client.put(DELETE).status_code == 405


def test_the_account_menu_links_to_export_and_delete(member_client):
    body = member_client.get(reverse("directory:profile_edit")).content.decode()
    assert EXPORT in body and DELETE in body


def test_the_privacy_page_describes_export_deletion_retention_and_moderation(client):
    body = client.get(reverse("privacy")).content.decode()
    assert EXPORT in body and DELETE in body
    assert "bewaren" in body and "Moderatie" in body
