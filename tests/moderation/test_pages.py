"""The moderation queue, the hidden posts and the log: curators only, constant query counts."""

import pytest
from django.urls import reverse

from casussen import verbs as casus_verbs
from forum import verbs
from forum.models import Category
from ospo_nl.moderation import verbs as moderation
from tests.factories import make_user

PAGES = ["moderation:queue", "moderation:hidden", "moderation:log"]


@pytest.mark.parametrize("name", PAGES)
def test_a_member_or_expert_gets_403(member_client, expert_client, name):
    assert member_client.get(reverse(name)).status_code == 403
    assert expert_client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_a_visitor_is_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_wrong_method_is_405(curator_client, name):
    assert curator_client.post(reverse(name)).status_code == 405


def test_the_queue_groups_reports_by_target_and_shows_the_item_in_context(curator_client, member, other_member,
                                                                          spam_answer, reply):
    moderation.report(target=spam_answer, by=member, reason="spam", note="Reclame")
    moderation.report(target=spam_answer, by=other_member, reason="abusive")
    moderation.report(target=reply, by=member, reason="spam")
    body = curator_client.get(reverse("moderation:queue")).content.decode()
    assert body.count('class="card"') == 2
    assert "horloges" in body and "Reclame" in body and spam_answer.casus.get_absolute_url() in body
    assert reply.topic.get_absolute_url() in body
    assert reverse("moderation:act", args=["casussen.answer", spam_answer.pk]) in body


def test_handled_reports_leave_the_queue(curator_client, curator, reported, spam_answer):
    moderation.dismiss(target=spam_answer, by=curator)
    assert "horloges" not in curator_client.get(reverse("moderation:queue")).content.decode()


def test_the_log_lists_who_did_what_and_why(curator_client, curator, spam_answer):
    moderation.hide(target=spam_answer, by=curator, reason="Reclame voor horloges")
    body = curator_client.get(reverse("moderation:log")).content.decode()
    assert "Carla Curator" in body and "Reclame voor horloges" in body and "verborgen" in body


def _reports_on_everything(n, reporters):
    """n casussen, answers, comments, topics and replies, each reported by every reporter."""
    author = make_user("spammer@example.org", name="Sam Spammer", is_expert=True, is_public=True)
    category = Category.objects.create(name="Alg", slug="alg")
    for i in range(n):
        casus = casus_verbs.post_casus(by=author, title=f"Casus {i}", body="Spam")
        targets = [
            casus, casus_verbs.post_answer(casus=casus, by=author, body="Spam"),
            casus_verbs.comment(casus=casus, by=author, body="Spam"),
        ]
        topic = verbs.start_topic(category=category, by=author, title=f"Onderwerp {i}", body="Spam")
        targets += [topic, verbs.post_reply(topic=topic, by=author, body="Spam")]
        for target in targets:
            for reporter in reporters:
                moderation.report(target=target, by=reporter, reason="spam")
    for reporter in reporters:
        moderation.report(target=author.profile, by=reporter, reason="spam")


@pytest.mark.parametrize("n", [1, 6])
def test_the_queue_costs_a_constant_number_of_queries(curator_client, member, other_member, n,
                                                      django_assert_num_queries):
    _reports_on_everything(n, [member, other_member])
    # session, user with profile (header), the open reports (with content types and reporters' profiles),
    # one query per kind of target: casussen, answers, comments, topics, replies, profiles
    with django_assert_num_queries(9):
        response = curator_client.get(reverse("moderation:queue"))
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 6])
def test_the_hidden_page_costs_a_constant_number_of_queries(curator_client, curator, member, n,
                                                            django_assert_num_queries):
    for i in range(n):
        casus = casus_verbs.post_casus(by=member, title=f"Casus {i}", body="Spam")
        moderation.hide(target=casus, by=curator, reason="Spam")
    # session, user with profile (header), one query per kind of post (casussen, answers, comments, topics,
    # replies)
    with django_assert_num_queries(7):
        curator_client.get(reverse("moderation:hidden"))


@pytest.mark.parametrize("n", [1, 12])
def test_the_log_costs_a_constant_number_of_queries(curator_client, curator, spam_answer, n, django_assert_num_queries):
    for _ in range(n):
        moderation.hide(target=spam_answer, by=curator, reason="Spam")
        moderation.unhide(target=spam_answer, by=curator)
    # session, user with profile (header), count for the paginator, the page of actions with moderators and
    # content types
    with django_assert_num_queries(4):
        curator_client.get(reverse("moderation:log"))
