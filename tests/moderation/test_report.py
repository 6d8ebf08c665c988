"""Members report casussen, answers, comments, topics, replies and profiles; visitors must sign in first."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from ospo_nl.moderation import permissions
from ospo_nl.moderation.models import Report
from tests.factories import make_user
from tests.helpers import allowed


def url(label, pk):
    return reverse("moderation:report", args=[label, pk])


@pytest.mark.parametrize("fixture,label", [
    ("casus", "casussen.casus"), ("spam_answer", "casussen.answer"), ("comment", "casussen.comment"),
    ("topic", "forum.topic"), ("reply", "forum.reply"), ("expert_profile", "directory.profile"),
])
def test_a_member_reports_each_kind_of_thing(request, client, fixture, label):
    target = request.getfixturevalue(fixture)
    reporter = make_user("reporter@example.org")
    client.force_login(reporter)
    assert client.get(url(label, target.pk)).status_code == 200
    response = client.post(url(label, target.pk), {"reason": "abusive", "note": "Kwetsend."})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.target, report.reporter, report.reason, report.status) == (target, reporter, "abusive", "open")


def test_the_report_page_shows_the_reported_text(member_client, spam_answer):
    response = member_client.get(url("casussen.answer", spam_answer.pk))
    assert "horloges" in response.content.decode()


def test_the_report_link_is_on_the_casus_page_for_members_only(member_client, client, spam_answer):
    link = url("casussen.answer", spam_answer.pk)
    assert link in member_client.get(spam_answer.casus.get_absolute_url()).content.decode()
    assert link not in client.get(spam_answer.casus.get_absolute_url()).content.decode()


def test_reporting_twice_while_open_keeps_one_report(member_client, spam_answer):
    for _ in range(2):
        member_client.post(url("casussen.answer", spam_answer.pk), {"reason": "spam"})
    assert Report.objects.count() == 1


def test_a_report_without_a_reason_rerenders_the_form_with_400(member_client, spam_answer):
    response = member_client.post(url("casussen.answer", spam_answer.pk), {"reason": "", "note": "Mijn toelichting"})
    assert response.status_code == 400
    assert "Mijn toelichting" in response.content.decode()
    assert not Report.objects.exists()


def test_an_unknown_reason_is_refused_with_400(member_client, spam_answer):
    assert member_client.post(url("casussen.answer", spam_answer.pk), {"reason": "boring"}).status_code == 400


def test_a_visitor_is_sent_to_log_in(client, spam_answer):
    response = client.post(url("casussen.answer", spam_answer.pk), {"reason": "spam"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not Report.objects.exists()


def test_wrong_method_is_405(member_client, spam_answer):
    assert member_client.put(url("casussen.answer", spam_answer.pk)).status_code == 405


def test_a_member_cannot_report_their_own_post(member_client, casus):
    assert member_client.post(url("casussen.casus", casus.pk), {"reason": "spam"}).status_code == 403


def test_what_a_member_cannot_see_is_404(member, other_member_client):
    secret = casus_verbs.post_casus(by=member, title="Alleen experts", body="Geheim.",
                                  visibility=Casus.Visibility.EXPERTS)
    assert other_member_client.post(url("casussen.casus", secret.pk), {"reason": "spam"}).status_code == 404


def test_unknown_kinds_and_objects_are_404(member_client, spam_answer):
    assert member_client.post(url("auth.user", 1), {"reason": "spam"}).status_code == 404
    assert member_client.post(url("kennisbank.article", 1), {"reason": "spam"}).status_code == 404
    assert member_client.post(url("casussen.answer", spam_answer.pk + 999), {"reason": "spam"}).status_code == 404


def test_check_report_rules_directly(member, other_member, spam_answer, casus):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        permissions.check_report(AnonymousUser(), spam_answer)
    with pytest.raises(PermissionDenied):
        permissions.check_report(member, casus)
    assert allowed(permissions.check_report, other_member, casus) is True
    casus_verbs.delete_casus(casus=casus, by=member)
    casus.refresh_from_db()
    with pytest.raises(Http404):
        permissions.check_report(other_member, casus)


# The pages show the "Melden" link where moderation.permissions.check_report allows it, and nowhere else:
# not to visitors, not on one's own post or profile.
@pytest.mark.parametrize("fixture,label,page_of,author_of_target", [
    ("casus", "casussen.casus", lambda t: t.get_absolute_url(), lambda t: t.author),
    ("spam_answer", "casussen.answer", lambda t: t.casus.get_absolute_url(), lambda t: t.author),
    ("comment", "casussen.comment", lambda t: t.casus.get_absolute_url(), lambda t: t.author),
    ("expert_profile", "directory.profile", lambda t: t.get_absolute_url(), lambda t: t.user),
])
def test_report_links_follow_the_rule(request, client, fixture, label, page_of, author_of_target):
    target = request.getfixturevalue(fixture)
    link = url(label, target.pk)
    assert link not in client.get(page_of(target)).content.decode()
    client.force_login(make_user("lezer@example.org"))
    assert link in client.get(page_of(target)).content.decode()
    client.force_login(author_of_target(target))
    assert link not in client.get(page_of(target)).content.decode()
