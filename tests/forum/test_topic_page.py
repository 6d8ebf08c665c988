import pytest
from django.urls import reverse

from forum import verbs
from forum.models import REPLIES_PER_PAGE
from tests.factories import make_reply, make_topic

pytestmark = pytest.mark.django_db


def test_a_visitor_reads_a_topic_with_its_replies_and_tags(client, topic, reply):
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert f"<h1 class=\"utrecht-heading-1\">{topic.title}</h1>" in text
    assert "<strong>EUPL</strong>" in text  # stored HTML
    assert "Olaf Other" in text and "eupl" in text
    assert f'id="reactie-{reply.pk}"' in text
    assert "Log in om te reageren" in text


def test_a_wrong_or_missing_slug_redirects_to_the_canonical_url(client, topic):
    response = client.get(f"/forum/onderwerp/{topic.pk}/oude-titel/?pagina=2")
    assert response.status_code == 301
    assert response.url == f"{topic.get_absolute_url()}?pagina=2"
    assert client.get(f"/forum/onderwerp/{topic.pk}/").url == topic.get_absolute_url()


def test_a_deleted_or_unknown_topic_is_404(client, curator, topic):
    verbs.delete_topic(topic=topic, by=curator)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert client.get("/forum/onderwerp/999999/iets/").status_code == 404


def test_a_deleted_reply_stays_as_a_placeholder(client, curator, topic, reply):
    verbs.delete_reply(reply=reply, by=curator)
    text = client.get(topic.get_absolute_url()).text
    assert "Deze reactie is verwijderd." in text and "Bij ons werkt" not in text


def test_replies_are_paginated_and_a_permalink_leads_to_the_right_page_and_anchor(client, member, topic):
    replies = [make_reply(member, topic, body=f"Reactie nummer {i}") for i in range(REPLIES_PER_PAGE + 3)]
    last = replies[-1]
    response = client.get(reverse("forum:reply", args=[last.pk]))
    assert response.status_code == 302
    assert response.url == f"{topic.get_absolute_url()}?pagina=2#reactie-{last.pk}"
    assert client.get(reverse("forum:reply", args=[replies[0].pk])).url.endswith(f"/#reactie-{replies[0].pk}")
    second = client.get(f"{topic.get_absolute_url()}?pagina=2").text
    assert f"Reactie nummer {REPLIES_PER_PAGE + 2}" in second and "Reactie nummer 1<" not in second
    assert 'id="onderwerp"' not in second  # the opening post is on page 1 only


def test_a_permalink_of_a_reply_in_a_deleted_topic_is_404(client, curator, topic, reply):
    verbs.delete_topic(topic=topic, by=curator)
    assert client.get(reverse("forum:reply", args=[reply.pk])).status_code == 404


def test_a_locked_topic_says_so_instead_of_showing_the_reply_form(member_client, curator, topic):
    verbs.set_locked(topic=topic, by=curator, locked=True)
    text = member_client.get(topic.get_absolute_url()).text
    assert "Dit onderwerp is gesloten" in text
    assert 'name="body"' not in text


def test_a_member_sees_the_reply_form_quote_links_and_a_curator_sees_the_tools(member_client, curator_client,
                                                                                  topic, reply):
    text = member_client.get(topic.get_absolute_url()).text
    assert 'name="body"' in text and f"?citeer={reply.pk}" in text
    assert "Vastzetten" not in text
    text = curator_client.get(topic.get_absolute_url()).text
    for label in ("Vastzetten", "Sluiten", "Verplaatsen", "Onderwerp verwijderen"):
        assert label in text


def test_replies_since_the_last_visit_are_marked_new(member, member_client, other_member, topic):
    member_client.get(topic.get_absolute_url())
    reply = make_reply(other_member, topic)
    text = member_client.get(topic.get_absolute_url()).text
    assert f'class="forum-post forum-post--new" id="reactie-{reply.pk}"' in text
    # Read now: no longer new on the next visit.
    assert "forum-post--new" not in member_client.get(topic.get_absolute_url()).text


@pytest.mark.parametrize("n", [3, 30])
def test_topic_page_query_count_does_not_grow_for_a_visitor(client, member, topic, n, django_assert_num_queries):
    for i in range(n):
        make_reply(member, topic, body=f"Reactie {i}")
    # 1 topic with category and author, 2 its tags, 3 count for the paginator, 4 when and by whom each
    # reply on the page was written, 5 the replies with authors (not when shared from the cache)
    with django_assert_num_queries(5):
        assert client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_topic_page_query_count_does_not_grow_for_a_member(member_client, other_member, topic, n,
                                                           django_assert_num_queries):
    for i in range(n):
        make_reply(other_member, topic, body=f"Reactie {i}")
    # 1 session, 2 user with profile (for the header), 3 topic, 4 tags, 5 paginator count, 6 when and by
    # whom each reply was written, 7 read marker, 8 move the marker, 9 is following (content type cached),
    # 10 the replies (not when shared from the cache)
    with django_assert_num_queries(10):
        assert member_client.get(topic.get_absolute_url()).status_code == 200


def test_post_to_a_topic_page_is_405(client, topic):
    assert client.post(topic.get_absolute_url()).status_code == 405


def test_first_unread_needs_a_login_and_an_existing_topic(client, member_client, topic):
    url = reverse("forum:topic_first_unread", args=[topic.pk])
    assert client.get(url).url.startswith(reverse("account_login"))
    assert member_client.get(reverse("forum:topic_first_unread", args=[999999])).status_code == 404
    assert member_client.get(url).url == topic.get_absolute_url()  # nothing new: the topic itself


def test_a_page_number_out_of_range_is_404_and_one_that_is_no_number_the_first_page(client, member, category):
    topic = make_topic(member, category)
    assert client.get(f"{topic.get_absolute_url()}?pagina=99").status_code == 404
    assert client.get(f"{topic.get_absolute_url()}?pagina=abc").status_code == 200


def test_replies_are_rendered_once_for_members_with_the_same_view(topic, member, other_member, other_member_client,
                                                                  curator_client, settings,
                                                                  django_assert_max_num_queries):
    from django.test import Client

    from tests.factories import make_user

    settings.CONTENT_CACHE_SECONDS = 600  # the shared cache on (locmem: one process)
    third = Client()
    third.force_login(make_user("derde@example.org", name="Dirk Derde"))
    fourth = Client()
    fourth.force_login(make_user("vierde@example.org", name="Vera Vierde"))
    own = make_reply(other_member, topic, body="Mijn eigen reactie")
    theirs = make_reply(member, topic, body="Een reactie van een ander")
    edit_own = reverse("forum:reply_edit", args=[own.pk])
    edit_theirs = reverse("forum:reply_edit", args=[theirs.pk])

    first = third.get(topic.get_absolute_url()).text
    assert "forum-post--new" in first and edit_own not in first  # new since they joined; nothing to edit
    page = other_member_client.get(topic.get_absolute_url()).text
    assert edit_own in page and edit_theirs not in page  # their own reply only
    assert f'action="{reverse("forum:reply_delete", args=[own.pk])}"' in curator_client.get(
        topic.get_absolute_url()).text
    with django_assert_max_num_queries(9) as queries:  # the newcomer's twin: the replies from the cache
        assert fourth.get(topic.get_absolute_url()).text.count("forum-post--new") == first.count("forum-post--new")
    assert not any("body_html" in q["sql"] and "forum_reply" in q["sql"] for q in queries.captured_queries)
    assert "forum-post--new" not in third.get(topic.get_absolute_url()).text  # read now


def test_the_shared_topic_page_keeps_follow_and_the_openers_edit_link_to_their_owner(
        topic, member_client, settings):
    from django.test import Client

    from ospo_nl.core.following import follow
    from tests.factories import make_user

    settings.CONTENT_CACHE_SECONDS = 600  # the shared cache on (locmem: one process)
    third, fourth = Client(), Client()
    third.force_login(make_user("derde@example.org", name="Dirk Derde"))
    vera = make_user("vierde@example.org", name="Vera Vierde")
    fourth.force_login(vera)
    edit_topic = reverse("forum:topic_edit", args=[topic.pk])
    third.get(topic.get_absolute_url())
    follow(vera, topic)
    page = fourth.get(topic.get_absolute_url()).text
    assert "Niet meer volgen" in page and "Vera Vierde" in page and "Dirk Derde" not in page
    assert "Niet meer volgen" not in third.get(topic.get_absolute_url()).text
    assert edit_topic in member_client.get(topic.get_absolute_url()).text  # `member` opened the topic
    assert edit_topic not in third.get(topic.get_absolute_url()).text


def test_a_members_topic_page_from_the_shared_cache_leaves_out_the_replies_and_tags(
        other_member_client, member, topic, settings, django_assert_num_queries):
    settings.CONTENT_CACHE_SECONDS = 600  # the shared cache on (locmem: one process)
    for i in range(3):
        make_reply(member, topic, body=f"Reactie {i}")
    assert other_member_client.get(topic.get_absolute_url())["X-Shared-Page"] == "miss"  # three new replies
    assert other_member_client.get(topic.get_absolute_url())["X-Shared-Page"] == "miss"  # read now: none new
    # 1 session, 2 user with profile, 3 topic, 4 paginator count, 5 when and by whom each reply was written,
    # 6 read marker, 7 is following: the replies and the tags come with the shared page
    with django_assert_num_queries(7):
        response = other_member_client.get(topic.get_absolute_url())
    assert response["X-Shared-Page"] == "hit"
