"""Visitors' pages from the shared cache (ospo_nl.core.page_cache): served whole, never stale, never private."""

import pytest
from django.test import Client
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Answer, Casus
from ospo_nl.moderation import verbs as moderation
from tests.factories import make_casus

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600  # locmem is shared within this one test process


def visit(url, **extra):
    return Client().get(url, **extra)


def test_a_visitor_page_is_stored_then_served_without_a_query(casus, django_assert_num_queries):
    first = visit(casus.get_absolute_url())
    assert first.status_code == 200 and first[HEADER] == "miss"
    assert "csrfmiddlewaretoken" not in first.text  # nothing of one visitor's in the stored page
    with django_assert_num_queries(0):
        second = visit(casus.get_absolute_url())
    assert second.status_code == 200 and second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_each_language_has_its_own_page(casus):
    assert visit(casus.get_absolute_url())[HEADER] == "miss"
    english = visit("/en" + casus.get_absolute_url())
    assert english[HEADER] == "miss" and english["Content-Language"] == "en"
    assert visit("/en" + casus.get_absolute_url())["Content-Language"] == "en"
    # The URL alone names the language: a browser asking for English gets the one Dutch page from the cache.
    dutch = visit(casus.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert dutch[HEADER] == "hit" and dutch["Content-Language"] == "nl"


def test_english_account_and_admin_pages_are_never_cached(db):
    for url in ("/en/account/login/", "/en/admin/login/"):
        visit(url)
        assert HEADER not in visit(url), url


def test_the_query_string_is_part_of_the_key(casus):
    visit(reverse("casussen:list"))
    assert visit(reverse("casussen:list") + "?sorteer=nieuw")[HEADER] == "miss"


def test_the_old_language_form_needs_no_token_and_answers_with_the_english_page(casus):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "en", "next": casus.get_absolute_url()})
    assert response.status_code == 302 and response.url == "/en" + casus.get_absolute_url()
    page = client.get(response.url)
    assert page["Content-Language"] == "en"


def test_members_never_get_or_fill_a_cached_page(casus, member_client, other_member_client):
    page = member_client.get(casus.get_absolute_url())
    assert HEADER not in page
    assert visit(casus.get_absolute_url())[HEADER] == "miss"  # the member's page was not stored
    assert HEADER not in other_member_client.get(casus.get_absolute_url())  # nor is the visitor's served


def test_a_page_with_a_csrf_token_is_not_stored():
    visit(reverse("account_login"))
    response = visit(reverse("account_login"))
    assert HEADER not in response and "csrfmiddlewaretoken" in response.text


def test_a_visitor_with_a_pending_message_gets_a_fresh_page(casus):
    visit(casus.get_absolute_url())
    client = Client()
    client.cookies["messages"] = "anything"
    assert HEADER not in client.get(casus.get_absolute_url())


def test_errors_are_not_stored(db):
    assert HEADER not in visit("/casussen/bestaat-niet/")
    assert visit("/casussen/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("visibility", [Casus.Visibility.MEMBERS, Casus.Visibility.EXPERTS])
def test_a_private_casus_never_reaches_the_cache(member, member_client, visibility):
    private = make_casus(member, "Alleen voor een kleine kring", visibility=visibility)
    assert member_client.get(private.get_absolute_url()).status_code == 200
    response = visit(private.get_absolute_url())
    assert response.status_code in (302, 403, 404) and HEADER not in response
    assert "Alleen voor een kleine kring" not in visit(reverse("casussen:list")).text


def test_a_new_answer_shows_at_once(casus, expert_client):
    visit(casus.get_absolute_url())
    expert_client.post(reverse("casussen:answer", args=[casus.slug]), {"body": "Neem de EUPL; zo doen wij het."})
    page = visit(casus.get_absolute_url())
    assert page[HEADER] == "miss" and "zo doen wij het" in page.text


def test_a_vote_counted_with_update_shows_at_once(casus, answer, member_client):
    """Votes change the score with update() (no signal); the saved Vote row names its casus."""
    visit(casus.get_absolute_url())
    response = member_client.post(reverse("casussen:vote", args=[casus.slug, answer.pk]), {"value": "1"})
    assert response.status_code == 302 and Answer.objects.get(pk=answer.pk).score == 1
    assert visit(casus.get_absolute_url())[HEADER] == "miss"


def test_a_hidden_answer_disappears_at_once(casus, answer, curator_client):
    visit(casus.get_absolute_url())
    response = curator_client.post(
        reverse("moderation:act", args=[moderation.label_of_object(answer), answer.pk]),
        {"action": "hide", "reason": "Spam"},
    )
    assert response.status_code == 302
    assert "gemaakt voor overheden" not in visit(casus.get_absolute_url()).text


def test_a_change_outside_a_request_shows_at_once(casus, answer, other_member):
    """A vote saved by a command or task (no POST): the saved Vote row bumps the version."""
    visit(casus.get_absolute_url())
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    assert visit(casus.get_absolute_url())[HEADER] == "miss"


def test_a_visitors_failed_post_does_not_empty_the_cache(casus):
    visit(casus.get_absolute_url())
    Client().post(reverse("account_login"), {"login": "niemand@example.org", "password": "fout"})
    assert visit(casus.get_absolute_url())[HEADER] == "hit"


def test_off_without_a_shared_cache(casus, settings):
    settings.CONTENT_CACHE_SECONDS = 0
    visit(casus.get_absolute_url())
    assert HEADER not in visit(casus.get_absolute_url())
