"""Curators act on reports: dismiss, hide, unhide, delete, warn, suspend, unsuspend; each logged. Per role."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from casussen.models import Answer, Casus
from forum.models import Topic
from ospo_nl.moderation import verbs as moderation
from ospo_nl.moderation.models import ModerationAction, Report


def act_url(target):
    return reverse("moderation:act", args=[moderation.label_of_object(target), target.pk])


def test_a_curator_hides_a_reported_answer_and_the_report_is_handled(curator_client, curator, reported, spam_answer):
    response = curator_client.post(act_url(spam_answer), {"action": "hide", "reason": "Spam"})
    assert response.status_code == 302
    spam_answer.refresh_from_db()
    reported.refresh_from_db()
    assert spam_answer.is_hidden and spam_answer.hidden_by == curator and spam_answer.hidden_reason == "Spam"
    assert (reported.status, reported.handled_by) == ("actioned", curator)
    log = ModerationAction.objects.get()
    assert (log.action, log.moderator, log.target, log.reason) == ("hide", curator, spam_answer, "Spam")


def test_hiding_needs_a_reason(curator_client, reported, spam_answer):
    response = curator_client.post(act_url(spam_answer), {"action": "hide", "reason": ""})
    assert response.status_code == 400
    assert "Geef een reden op" in response.content.decode()
    spam_answer.refresh_from_db()
    assert not spam_answer.is_hidden


def test_a_curator_dismisses_the_reports(curator_client, reported, spam_answer, other_member):
    moderation.report(target=spam_answer, by=other_member, reason="other")
    curator_client.post(act_url(spam_answer), {"action": "dismiss", "reason": ""})
    assert set(Report.objects.values_list("status", flat=True)) == {"dismissed"}
    spam_answer.refresh_from_db()
    assert not spam_answer.is_hidden
    assert ModerationAction.objects.get().action == "dismiss"


def test_unhide_brings_a_post_back(curator_client, curator, spam_answer):
    moderation.hide(target=spam_answer, by=curator, reason="Spam")
    curator_client.post(act_url(spam_answer), {"action": "unhide", "reason": "Toch in orde"})
    spam_answer.refresh_from_db()
    assert not spam_answer.is_hidden
    assert list(ModerationAction.objects.values_list("action", flat=True)) == ["unhide", "hide"]


def test_delete_is_soft_and_keeps_the_casus_counters_right(curator_client, curator, reported, spam_answer):
    curator_client.post(act_url(spam_answer), {"action": "delete", "reason": "Spam"})
    spam_answer = Answer.objects.get(pk=spam_answer.pk)
    assert spam_answer.is_deleted and spam_answer.deleted_by == curator
    assert Casus.objects.get(pk=spam_answer.casus_id).answer_count == 0


def test_hiding_a_reply_updates_the_topic_counters(curator, reply):
    topic = Topic.objects.get(pk=reply.topic_id)
    assert (topic.reply_count, topic.last_reply_id) == (1, reply.pk)
    moderation.hide(target=reply, by=curator, reason="Spam")
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_reply_id) == (0, None)
    moderation.unhide(target=reply, by=curator)
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_reply_id) == (1, reply.pk)


def test_warn_mails_the_author_and_handles_the_report(curator_client, reported, spam_answer, expert,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(act_url(spam_answer), {"action": "warn", "reason": "Geen reclame graag."})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [expert.email] and "Geen reclame graag." in mail.outbox[0].body
    reported.refresh_from_db()
    assert reported.status == "actioned"
    log = ModerationAction.objects.get()
    assert (log.action, log.target, log.target_label) == ("warn", expert, "lid Eva Expert")


def test_a_suspended_member_cannot_log_in_or_post(curator_client, spam_answer, expert, expert_client, casus,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(act_url(spam_answer), {"action": "suspend", "reason": "Herhaald spam."})
    expert.refresh_from_db()
    assert not expert.is_active
    assert len(mail.outbox) == 1
    # The open session ends: posting now asks to log in, and logging in fails.
    response = expert_client.post(reverse("casussen:answer", args=[casus.slug]), {"body": "Nog meer spam"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert Answer.objects.filter(author=expert).count() == 1
    assert not expert_client.login(username=expert.username, password="correct-horse-battery")


def test_unsuspend_restores_the_account(curator, expert):
    moderation.suspend(user=expert, by=curator, reason="Spam")
    moderation.unsuspend(user=expert, by=curator, reason="Beterschap beloofd")
    expert.refresh_from_db()
    assert expert.is_active
    assert list(ModerationAction.objects.values_list("action", flat=True)) == ["unsuspend", "suspend"]


def test_unsuspend_through_the_view_takes_the_user_as_target(curator_client, curator, expert):
    moderation.suspend(user=expert, by=curator, reason="Spam")
    label = get_user_model()._meta.label_lower
    response = curator_client.post(reverse("moderation:act", args=[label, expert.pk]),
                                   {"action": "unsuspend", "reason": ""})
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.is_active


def test_a_curator_cannot_suspend_themselves_or_a_superuser(curator, admin_user):
    with pytest.raises(PermissionDenied):
        moderation.suspend(user=curator, by=curator, reason="x")
    with pytest.raises(PermissionDenied):
        moderation.suspend(user=admin_user, by=curator, reason="x")


@pytest.mark.parametrize("verb", [moderation.hide, moderation.delete, moderation.dismiss])
def test_members_and_experts_cannot_moderate(verb, member, expert, spam_answer):
    for user in (member, expert):
        with pytest.raises(PermissionDenied):
            verb(target=spam_answer, by=user, reason="x")


def test_a_member_gets_403_on_the_action_url(member_client, spam_answer, reported):
    assert member_client.post(act_url(spam_answer), {"action": "hide", "reason": "x"}).status_code == 403
    spam_answer.refresh_from_db()
    assert not spam_answer.is_hidden


def test_a_visitor_is_sent_to_log_in_and_get_is_405(client, curator_client, spam_answer):
    response = client.post(act_url(spam_answer), {"action": "hide", "reason": "x"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert curator_client.get(act_url(spam_answer)).status_code == 405


def test_acting_on_an_unknown_object_is_404(curator_client, spam_answer):
    url = reverse("moderation:act", args=["casussen.answer", spam_answer.pk + 999])
    assert curator_client.post(url, {"action": "hide", "reason": "x"}).status_code == 404


def test_the_author_of_a_deleted_account_cannot_be_warned(curator, spam_answer):
    Answer.objects.filter(pk=spam_answer.pk).update(author=None)
    spam_answer.refresh_from_db()
    with pytest.raises(PermissionDenied):
        moderation.perform(action="warn", target=spam_answer, by=curator, reason="x")
