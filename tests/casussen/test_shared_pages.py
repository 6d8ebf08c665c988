"""A casus page (its thread: comments, answers, their buttons) and the casus lists are rendered once for
everyone with the same view of them (ospo_nl.core.content_cache.shared_page; casussen.views._render_detail,
_render_list) and never show one member's name, buttons, follows, messages, token or private casus to another."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from casussen import verbs as casus_verbs
from casussen.models import Casus
from ospo_nl.core.following import follow
from tests.factories import make_casus, make_user


@pytest.fixture(autouse=True)
def shared_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600


# `casus` (by `member`) and `answer` (by `expert`) come from this folder's conftest.


@pytest.fixture
def third_client(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("derde@example.org", name="Dirk Derde"))
    return client


def answer_edit_url(casus, answer):
    return reverse("casussen:answer_edit", args=[casus.slug, answer.pk])


def test_members_with_the_same_view_share_one_page(casus, answer, other_member_client, third_client,
                                                   django_assert_num_queries):
    first = other_member_client.get(casus.get_absolute_url())
    assert "gemaakt voor overheden" in first.text
    # 1 session, 2 user with profile, 3 casus, 4 the viewer's votes, posts and follow; the page from the cache.
    with django_assert_num_queries(4):
        second = third_client.get(casus.get_absolute_url())
    assert "gemaakt voor overheden" in second.text


def test_each_member_gets_their_own_account_menu(casus, answer, other_member, other_member_client, third_client):
    other_member.profile.unread_notifications = 7
    other_member.profile.save()
    first = other_member_client.get(casus.get_absolute_url()).text
    second = third_client.get(casus.get_absolute_url()).text
    assert "Olaf Other" in first and "notification-bell__count" in first
    assert "Dirk Derde" in second and "Olaf Other" not in second and "notification-bell__count" not in second
    assert "account-menu-of-this-request" not in second


def test_a_post_quoting_the_placeholder_keeps_its_text(member, other_member_client, third_client):
    casus = make_casus(member, "Over sjablonen", body="Wat betekent account-menu-of-this-request in een sjabloon?")
    other_member_client.get(casus.get_absolute_url())
    page = third_client.get(casus.get_absolute_url()).text
    assert page.count("Dirk Derde") == 1
    assert "Wat betekent account-menu-of-this-request in een sjabloon?" in page


def test_following_shows_only_to_the_follower(casus, other_member, other_member_client, third_client):
    third_client.get(casus.get_absolute_url())
    follow(other_member, casus)
    assert "Niet meer volgen" in other_member_client.get(casus.get_absolute_url()).text
    assert "Niet meer volgen" not in third_client.get(casus.get_absolute_url()).text


def test_a_message_is_shown_to_its_member_only_and_once(casus, expert_client, third_client):
    third_client.get(casus.get_absolute_url())
    response = expert_client.post(reverse("casussen:answer", args=[casus.slug]),
                                  {"body": "Publiceer de broncode onder de EUPL."}, follow=True)
    assert "Je antwoord is geplaatst." in response.text
    assert "Je antwoord is geplaatst." not in expert_client.get(casus.get_absolute_url()).text
    assert "Je antwoord is geplaatst." not in third_client.get(casus.get_absolute_url()).text


def test_each_member_gets_their_own_csrf_token_in_the_shared_page(casus, answer, other_member_client,
                                                                    third_client):
    other_member_client.get(casus.get_absolute_url())
    page = third_client.get(casus.get_absolute_url()).text
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    assert "csrf-token-of-this-request" not in page
    response = third_client.post(reverse("casussen:vote", args=[casus.slug, answer.pk]),
                                 {"value": "1", "csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302  # the token in the shared thread is valid for this member


def test_the_author_of_an_answer_sees_its_edit_link_and_nobody_else(casus, answer, expert_client,
                                                                    other_member_client):
    assert answer_edit_url(casus, answer) in expert_client.get(casus.get_absolute_url()).text
    assert answer_edit_url(casus, answer) not in other_member_client.get(casus.get_absolute_url()).text
    assert answer_edit_url(casus, answer) in expert_client.get(casus.get_absolute_url()).text


def test_a_members_own_vote_shows_only_to_them(casus, answer, other_member, other_member_client, third_client):
    third_client.get(casus.get_absolute_url())
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    assert "Stem intrekken" in other_member_client.get(casus.get_absolute_url()).text
    assert "Stem intrekken" not in third_client.get(casus.get_absolute_url()).text


def test_only_the_casus_author_may_accept(casus, answer, member_client, other_member_client):
    accept = reverse("casussen:accept", args=[casus.slug, answer.pk])
    assert accept not in other_member_client.get(casus.get_absolute_url()).text
    assert accept in member_client.get(casus.get_absolute_url()).text
    assert accept not in other_member_client.get(casus.get_absolute_url()).text


def test_a_curator_sees_delete_buttons_a_member_does_not(casus, answer, curator_client, other_member_client):
    delete = reverse("casussen:answer_delete", args=[casus.slug, answer.pk])
    assert delete in curator_client.get(casus.get_absolute_url()).text
    assert delete not in other_member_client.get(casus.get_absolute_url()).text


def test_a_visitor_gets_no_buttons_and_no_token(casus, answer, other_member_client):
    other_member_client.get(casus.get_absolute_url())
    page = Client().get(casus.get_absolute_url()).text
    assert "gemaakt voor overheden" in page
    assert "csrfmiddlewaretoken" not in page and "Nuttig" not in page


def test_a_comment_with_errors_keeps_its_text_for_that_member_only(casus, answer, other_member_client,
                                                                  third_client):
    third_client.get(casus.get_absolute_url())
    response = other_member_client.post(reverse("casussen:answer_comment", args=[casus.slug, answer.pk]),
                                        {"body": "x" * 20000})
    assert response.status_code == 400 and "x" * 200 in response.text
    assert "x" * 200 not in third_client.get(casus.get_absolute_url()).text


def test_a_members_own_experts_only_casus_is_in_their_list_only(member, member_client, other_member_client,
                                                                expert_client, casus):
    own = make_casus(member, "Mijn eigen vraag voor experts", visibility=Casus.Visibility.EXPERTS)
    assert own.title not in other_member_client.get(reverse("casussen:list")).text
    assert own.title in member_client.get(reverse("casussen:list")).text
    assert own.title in expert_client.get(reverse("casussen:list")).text
    assert own.title not in other_member_client.get(reverse("casussen:list")).text


def test_members_share_one_list_and_its_page_links(casus, other_member_client, third_client,
                                                  django_assert_num_queries):
    other_member_client.get(reverse("casussen:list") + "?sorteer=nieuwste")
    # 1 session, 2 user with profile (role), 3 own casus outside the audiences; the list from the cache.
    with django_assert_num_queries(3):
        response = third_client.get(reverse("casussen:list") + "?sorteer=nieuwste")
    assert casus.title in response.text


def test_a_followed_tag_shows_only_to_its_follower(casus, other_member, other_member_client, third_client):
    casus.tags.add("aanbesteden")
    tag = Tag.objects.get(name="aanbesteden")
    url = reverse("casussen:by_tag", args=[tag.slug])
    third_client.get(url)
    follow(other_member, tag)
    assert "Tag niet meer volgen" in other_member_client.get(url).text
    assert "Tag niet meer volgen" not in third_client.get(url).text


def test_a_new_casus_is_in_the_shared_list_at_once(member, casus, other_member_client):
    other_member_client.get(reverse("casussen:list"))
    make_casus(member, "Een gloednieuwe vraag over aanbesteden")
    assert "Een gloednieuwe vraag over aanbesteden" in other_member_client.get(reverse("casussen:list")).text


# After activity, a list page is looked up by what it shows (its count and rows): only the pages whose rows
# moved are rendered again (casussen.views._render_list, content_cache.shared_page's `content`).

@pytest.fixture
def two_pages(member):
    """25 casussen: the list's first page holds the 20 most recently active, the second page the 5 oldest."""
    made = [make_casus(member, f"Casus nummer {n} over licenties") for n in range(25)]
    for n, casus in enumerate(made):  # casus 0 least recently active
        Casus.objects.filter(pk=casus.pk).update(last_activity_at=timezone.now() - timedelta(hours=100 - n))
    return made


@pytest.fixture
def renders(monkeypatch):
    """How many list pages were rendered since the start of the test (`rows`: how many rows among them)."""
    from casussen import rows, views

    class Pages(list):
        rows = None

    pages, rendered = Pages(), []
    monkeypatch.setattr(views, "rendered_rows", lambda ids, **kwargs: pages.append(1) or render(ids, **kwargs))
    render, render_rows = rows.rendered_rows, rows.render_rows
    monkeypatch.setattr(rows, "render_rows", lambda each: rendered.extend(each) or render_rows(each))
    pages.rows = rendered
    return pages


def row_of(page, title):
    return re.search(rf"<li class=\"casus-row\">(?:(?!</li>).)*{title}.*?</li>", page, re.S).group(0)


def test_activity_on_the_first_page_leaves_the_second_rendered_as_it_was(two_pages, expert, renders,
                                                                        django_assert_num_queries):
    newest = two_pages[-1]
    casus_verbs.post_answer(casus=newest, by=expert, body="Een eerste antwoord: de casus is nu beantwoord.")
    client, url = Client(), reverse("casussen:list")
    first, second = client.get(url).text, client.get(url + "?pagina=2").text
    assert len(renders) == 2 and "Casus nummer 0 " in second
    casus_verbs.post_answer(casus=newest, by=expert, body="Een tweede antwoord op de nieuwste.")

    # 1 the count, 2 each row's id, activity, answers and score: the same as before, so not rendered again.
    with django_assert_num_queries(2):
        again = client.get(url + "?pagina=2")
    assert again.text == second and len(renders) == 2
    # The first page shows the new answer: rendered again.
    page = client.get(url).text
    assert page != first and len(renders) == 3
    assert "2 antwoorden" in row_of(page, "Casus nummer 24 ")
    assert len(renders.rows) == 25 + 1  # each row once, then the one that changed


def test_a_new_casus_renders_only_its_own_row_on_the_pages_it_shifts(two_pages, member, renders):
    client, url = Client(), reverse("casussen:list")
    client.get(url), client.get(url + "?pagina=2")
    make_casus(member, "Een nieuwe casus bovenaan")
    first, second = client.get(url).text, client.get(url + "?pagina=2").text
    assert "Een nieuwe casus bovenaan" in first and "Casus nummer 5 " in second  # shifted from the first page
    assert len(renders) == 4 and len(renders.rows) == 25 + 1


@pytest.mark.parametrize("verb", ["answer", "vote", "comment"])
def test_activity_on_a_row_of_the_second_page_shows_there(two_pages, expert, member, other_member, renders, verb):
    client, url = Client(), reverse("casussen:list") + "?sorteer=nieuwste&pagina=2"
    oldest = two_pages[0]
    answer = casus_verbs.post_answer(casus=oldest, by=expert, body="Een antwoord op de oudste.")
    assert "1 antwoord" in row_of(client.get(url).text, "Casus nummer 0 ")
    if verb == "answer":
        casus_verbs.post_answer(casus=oldest, by=expert, body="Nog een antwoord.")
        assert "2 antwoorden" in row_of(client.get(url).text, "Casus nummer 0 ")
    elif verb == "vote":
        casus_verbs.vote(answer=answer, by=other_member, value=1)
        assert re.search(r"score 1\s", row_of(client.get(url).text, "Casus nummer 0 "))
    else:
        casus_verbs.comment(casus=oldest, by=member, body="Een reactie.")
        client.get(url)
    assert len(renders) == 2  # the page was rendered again for the change on it


def test_a_page_past_the_last_is_404_with_the_cache_on_too(two_pages, expert):
    client, url = Client(), reverse("casussen:list")
    assert client.get(url + "?pagina=3").status_code == 404
    casus_verbs.post_answer(casus=two_pages[-1], by=expert, body="Activiteit: de lijst wordt opnieuw opgezocht.")
    assert client.get(url + "?pagina=3").status_code == 404
    assert client.get(url + "?pagina=twee").status_code == 200  # not a number: the first page


# The answers of a casus page are kept one by one (casussen.thread): a change renders only what it changed.

@pytest.fixture
def answer_renders():
    """The answers rendered since the start of the test (their ids)."""
    from django.test.signals import template_rendered

    rendered = []

    def seen(sender, template, context, **kwargs):
        if template.name == "casussen/includes/answer.html":
            rendered.append(context["answer"].pk)

    template_rendered.connect(seen)
    yield rendered
    template_rendered.disconnect(seen)


@pytest.fixture
def three_answers(casus, expert):
    return [casus_verbs.post_answer(casus=casus, by=expert, body=f"Antwoord {n}: kies een open standaard.")
            for n in range(3)]


def test_a_vote_renders_only_the_answer_it_changed(casus, three_answers, other_member, answer_renders):
    client = Client()
    assert client.get(casus.get_absolute_url()).status_code == 200
    assert sorted(answer_renders) == sorted(answer.pk for answer in three_answers)
    answer_renders.clear()
    casus_verbs.vote(answer=three_answers[1], by=other_member, value=1)
    page = client.get(casus.get_absolute_url()).text
    assert answer_renders == [three_answers[1].pk]
    assert page.index("Antwoord 1:") < page.index("Antwoord 0:")  # the new score moved it up


def test_a_comment_on_an_answer_renders_that_answer_only(casus, three_answers, member, answer_renders):
    client = Client()
    client.get(casus.get_absolute_url())
    answer_renders.clear()
    casus_verbs.comment(casus=casus, by=member, body="Welke standaard bedoel je?", answer=three_answers[2])
    page = client.get(casus.get_absolute_url()).text
    assert answer_renders == [three_answers[2].pk] and "Welke standaard bedoel je?" in page


def test_a_kept_answer_carries_the_token_of_whoever_reads_it(casus, answer, member, other_member_client,
                                                             third_client, answer_renders):
    other_member_client.get(casus.get_absolute_url())  # the answer rendered with its own marker, and kept
    casus_verbs.comment(casus=casus, by=member, body="Een reactie op de casus zelf.")  # the page moves, the answer not
    answer_renders.clear()
    page = third_client.get(casus.get_absolute_url()).text
    assert answer_renders == [] and "Een reactie op de casus zelf." in page
    assert not re.search(r"csrf-[\w-]{32}", page)  # no marker left, the page's or the answer's
    vote_form = re.search(r'action="{}".*?value="([^"]+)"'.format(
        reverse("casussen:vote", args=[casus.slug, answer.pk])), page, re.S)
    response = third_client.post(reverse("casussen:vote", args=[casus.slug, answer.pk]),
                                 {"value": "1", "csrfmiddlewaretoken": vote_form.group(1)})
    assert response.status_code == 302  # the token in the kept answer is this member's own


def test_an_answer_quoting_a_marker_keeps_its_text(casus, expert, other_member_client, third_client):
    casus_verbs.post_answer(casus=casus, by=expert, body="Zie csrf-token-of-this-request en csrf-abc in de log.")
    other_member_client.get(casus.get_absolute_url())
    page = third_client.get(casus.get_absolute_url()).text
    assert "Zie csrf-token-of-this-request en csrf-abc in de log." in page
