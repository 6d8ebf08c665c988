"""Behind the load balancer: the client address from our trusted proxies only, members limited per account,
visitors per address, failed sign-ins locked per account and address (issue 18)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum.models import Category, Topic
from ospo_nl.core.client_address import client_address, rate_limit_key
from ospo_nl.moderation import ratelimit
from tests.conftest import make_user

PROXY = "172.18.0.5"  # the compose load balancer, as every web node sees it
PASSWORD = "correct-horse-battery"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["172.16.0.0/12"]
    settings.RATELIMIT_IP_HEADER = "HTTP_X_FORWARDED_FOR"


@pytest.fixture
def category(db):
    return Category.objects.create(name="Beheer", slug="beheer")


def via_proxy(client_ip):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_ip}


def established(user):
    user.date_joined = timezone.now() - timedelta(days=30)
    user.save(update_fields=["date_joined"])
    return user


def start_topic(client, category, title, **extra):
    return client.post(reverse("forum:topic_create", args=[category.slug]), {"title": title, "body": "Tekst"},
                       **extra)


# The address ---------------------------------------------------------------------------------------------

def test_without_trusted_proxies_the_forwarding_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = []
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(request) == "203.0.113.9"


def test_from_our_proxy_the_nearest_untrusted_hop_is_the_client(rf, behind_proxy):
    # The client wrote 6.6.6.6 itself; our outer proxy (172.18.0.9) saw 198.51.100.7; the balancer saw 172.18.0.9.
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 172.18.0.9")
    assert client_address(request) == "198.51.100.7"


def test_a_client_that_is_not_our_proxy_cannot_choose_its_address(rf, behind_proxy):
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_address(request) == "203.0.113.9"


def test_garbage_in_the_header_stops_the_walk_at_the_last_trusted_hop(rf, behind_proxy):
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1, not-an-address")
    assert client_address(request) == PROXY


def test_ipv6_clients_count_per_64_network():
    assert rate_limit_key("2001:db8:1:2:aaaa::1") == rate_limit_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::"
    assert rate_limit_key("192.0.2.1") == "192.0.2.1"


# Posting limits --------------------------------------------------------------------------------------------

def test_twenty_members_behind_one_proxy_address_can_each_post(category):
    """No TRUSTED_PROXIES: all 60 posts come from the balancer's address (the per-address limit is 40/h)."""
    members = [make_user(f"lid{i}@example.org") for i in range(20)]
    statuses = []
    for i, member in enumerate(members):
        client = Client()
        client.force_login(member)
        statuses += [start_topic(client, category, f"Onderwerp {i}-{n}", REMOTE_ADDR=PROXY).status_code
                     for n in range(3)]
    assert statuses == [302] * 60
    assert Topic.objects.count() == 60


def test_a_signed_in_member_behind_the_proxy_is_limited_per_account(settings, behind_proxy, category):
    settings.RATELIMITS = {"post": {"member": (3, 3600), "new": (3, 3600), "ip": (100, 3600)}}
    member = established(make_user("druk@example.org"))
    colleague = established(make_user("collega@example.org"))
    client, other = Client(), Client()
    client.force_login(member)
    other.force_login(colleague)
    # A new address for every request does not help: the account is what counts.
    statuses = [start_topic(client, category, f"Onderwerp {n}", **via_proxy(f"198.51.100.{n}")).status_code
                for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert int(start_topic(client, category, "Nog een", **via_proxy("198.51.100.1"))["Retry-After"]) > 0
    # A colleague on the very same address posts as usual.
    assert start_topic(other, category, "Van de collega", **via_proxy("198.51.100.1")).status_code == 302


def test_visitors_are_counted_per_address_from_the_trusted_header(rf, settings, behind_proxy):
    from django.contrib.auth.models import AnonymousUser

    settings.RATELIMITS = {"comment": {"ip": (2, 3600)}}

    def hit(address):
        request = rf.post("/", **via_proxy(address))
        request.user = AnonymousUser()
        return ratelimit.check(request, "comment", now=3600.0 * 1000)

    assert [hit("198.51.100.1") for _ in range(3)][2] > 0
    assert hit("198.51.100.2") == 0  # another client behind the same balancer


# Failed sign-ins -------------------------------------------------------------------------------------------

def login(email, password, address):
    return Client().post(reverse("account_login"), {"login": email, "password": password}, **via_proxy(address))


def test_a_locked_out_account_leaves_another_account_on_the_same_address_able_to_sign_in(behind_proxy, db):
    target = make_user("doelwit@example.org")
    colleague = make_user("buurman@example.org")
    office = "198.51.100.20"
    # Twelve wrong passwords: more than allauth's default of ten failures a minute per address.
    attempts = [login(target.email, "fout-wachtwoord", office) for _ in range(12)]
    assert all(r.status_code == 200 for r in attempts)  # the form again, with an error
    # The account is locked for this address: even the right password is refused now ...
    refused = login(target.email, PASSWORD, office)
    assert refused.status_code == 200 and "_auth_user_id" not in refused.client.session
    assert "te veel" in refused.content.decode().lower() or "too many" in refused.content.decode().lower()
    # ... but a colleague behind the same address signs in,
    ok = login(colleague.email, PASSWORD, office)
    assert ok.status_code == 302 and ok.client.session["_auth_user_id"] == str(colleague.pk)
    # and the owner, from home, is not locked out by the guesser at the office.
    home = login(target.email, PASSWORD, "203.0.113.50")
    assert home.status_code == 302 and home.client.session["_auth_user_id"] == str(target.pk)
