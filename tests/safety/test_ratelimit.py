"""Rate limits: per member (visitors per address), stricter for new members; 429 with a clear page and Retry-After."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casussen.models import Comment, Vote
from forum.models import Category
from ospo_nl.moderation import ratelimit
from ospo_nl.moderation.models import Report

TIGHT = {
    "comment": {"member": (3, 3600), "new": (2, 3600), "ip": (5, 3600)},
    "vote": {"member": (2, 3600), "new": (2, 3600), "ip": (100, 3600)},
    "report": {"member": (2, 3600), "new": (2, 3600), "ip": (100, 3600)},
    "post": {"member": (2, 3600), "new": (1, 3600), "ip": (100, 3600)},
}


@pytest.fixture(autouse=True)
def _tight_limits(settings):
    settings.RATELIMITS = TIGHT


def age(user, days):
    user.date_joined = timezone.now() - timedelta(days=days)
    user.save(update_fields=["date_joined"])


def comment(client, casus, n, **extra):
    url = reverse("casussen:comment", args=[casus.slug])
    return [client.post(url, {"body": f"Reactie {i}"}, **extra) for i in range(n)]


def test_an_established_member_is_limited_per_hour_with_a_clear_429(member, member_client, casus):
    age(member, 30)
    responses = comment(member_client, casus, 4)
    assert [r.status_code for r in responses] == [302, 302, 302, 429]
    last = responses[-1]
    assert 0 < int(last["Retry-After"]) <= 3600
    body = last.content.decode()
    assert "Even wachten" in body and "Too many requests" in body
    assert Comment.objects.count() == 3


def test_a_new_member_gets_the_stricter_limit(member_client, casus):
    assert [r.status_code for r in comment(member_client, casus, 3)] == [302, 302, 429]


def test_the_limit_is_per_member(member, member_client, other_member_client, casus):
    age(member, 30)
    comment(member_client, casus, 4)
    assert comment(other_member_client, casus, 1, REMOTE_ADDR="10.0.0.2")[0].status_code == 302


def test_members_sharing_an_address_do_not_share_a_limit(member, other_member, member_client, other_member_client,
                                                       casus):
    """Per account, not per address: behind one office NAT each member has their own allowance."""
    age(member, 30)
    age(other_member, 30)
    statuses = [r.status_code for r in comment(member_client, casus, 3, REMOTE_ADDR="10.0.0.9")]
    statuses += [r.status_code for r in comment(other_member_client, casus, 3, REMOTE_ADDR="10.0.0.9")]
    assert statuses == [302] * 6


def test_counts_reset_in_the_next_window(rf, member):
    age(member, 30)
    request = rf.post("/")
    request.user = member
    now = 7200.0 * 1000
    waits = [ratelimit.check(request, "comment", now=now) for _ in range(4)]
    assert waits[:3] == [0, 0, 0] and waits[3] == 3600
    assert ratelimit.check(request, "comment", now=now + 3600) == 0


def test_votes_are_limited(member_client, member, casus, answer):
    url = reverse("casussen:vote", args=[casus.slug, answer.pk])
    statuses = [member_client.post(url, {"value": v}).status_code for v in (1, 0, 1)]
    assert statuses == [302, 302, 429]
    assert Vote.objects.filter(user=member, value=1).count() == 0


def test_reports_are_limited(other_member_client, casus, answer):
    url = reverse("moderation:report", args=["casussen.answer", answer.pk])
    statuses = [other_member_client.post(url, {"reason": "spam"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Report.objects.count() == 1


def test_forum_posting_is_limited(member_client):
    category = Category.objects.create(name="Alg", slug="alg")
    url = reverse("forum:topic_create", args=[category.slug])
    statuses = [member_client.post(url, {"title": f"Onderwerp {i}", "body": "Tekst"}).status_code for i in range(2)]
    assert statuses == [302, 429]


def test_forms_themselves_are_never_limited(member_client):
    for _ in range(5):
        assert member_client.get(reverse("casussen:ask")).status_code == 200


def test_staff_are_not_limited(curator_client, casus):
    assert {r.status_code for r in comment(curator_client, casus, 8)} == {302}


def test_behind_a_trusted_proxy_the_configured_header_gives_the_address(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.RATELIMIT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = rf.post("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7")
    assert ratelimit.client_ip(request) == "192.0.2.7"
