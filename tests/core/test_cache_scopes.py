"""What each verb invalidates (ospo_nl.core.content_cache): the scopes of what it changed, nothing else.

Each test reads the versions of a set of scopes, runs one verb, and asserts which moved and which did not.
"""

import pytest
from django.contrib.auth import login
from django.test import Client, RequestFactory
from django.urls import reverse
from taggit.models import Tag

from casussen import verbs as casus_verbs
from casussen.models import Casus, tag_activity_scope
from forum import verbs as forum_verbs
from kennisbank.models import Article
from kennisbank.verbs import save_article
from ospo_nl.core import content_cache
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import mark_all_read, notify
from tests.factories import make_answer, make_article, make_casus, make_reply, make_topic, make_user

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def shared_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 600


@pytest.fixture
def two_casussen(member, expert):
    first, second = make_casus(member, "Welke licentie kiezen we?"), make_casus(member, "Mag de Woo-code open?")
    return first, make_answer(first, expert), second


@pytest.fixture
def two_topics(member, category):
    return make_topic(member, category, "EUPL of MIT?"), make_topic(member, category, "Publiceren op GitLab")


def moved(run, *scopes):
    """The scopes (of `scopes` plus "all" and "any") whose version `run()` changed."""
    watched = [*scopes, content_cache.ALL, content_cache.ANY]
    before = content_cache.versions(watched)
    run()
    after = content_cache.versions(watched)
    return {scope for scope in watched if before[scope] != after[scope]}


@pytest.mark.django_db
def test_a_scoped_value_survives_other_changes_and_goes_with_its_own():
    calls = []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert content_cache.cached(("x",), compute, scopes=("casus:1",)) == 1
    content_cache.changed("casus:2", "forum")
    assert content_cache.cached(("x",), compute, scopes=("casus:1",)) == 1
    content_cache.changed("casus:1")
    assert content_cache.cached(("x",), compute, scopes=("casus:1",)) == 2
    content_cache.changed()  # a change nobody described: everything goes
    assert content_cache.cached(("x",), compute, scopes=("casus:1",)) == 3


@pytest.mark.django_db
def test_a_value_that_names_no_scopes_goes_with_any_change():
    calls = []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert content_cache.cached(("y",), compute) == 1
    content_cache.changed("casus:2")
    assert content_cache.cached(("y",), compute) == 2


def test_a_vote_moves_its_casus_and_the_lists_only(two_casussen, other_member):
    first, answer, second = two_casussen
    got = moved(lambda: casus_verbs.vote(answer=answer, by=other_member, value=1),
                f"casus:{first.pk}", f"casus:{second.pk}", "casussen", "casussen-activity", "forum", "kennisbank")
    assert got == {f"casus:{first.pk}", "casussen-activity", "any"}


def test_an_answer_moves_its_casus_and_the_lists_only(two_casussen):
    first, _answer, second = two_casussen  # `first` is answered already: its status stays
    another_expert = make_user("tweede.expert@example.org", is_expert=True)
    got = moved(lambda: casus_verbs.post_answer(casus=first, by=another_expert, body="Ja, onder de EUPL."),
                f"casus:{first.pk}", f"casus:{second.pk}", "casussen", "casussen-activity", "forum")
    assert got == {f"casus:{first.pk}", "casussen-activity", "any"}


def test_a_first_answer_changes_the_casus_status_too(two_casussen, expert):
    first, _answer, second = two_casussen
    got = moved(lambda: casus_verbs.post_answer(casus=second, by=expert, body="Ja, onder de EUPL."),
                f"casus:{first.pk}", f"casus:{second.pk}", "casussen", "casussen-activity")
    assert got == {f"casus:{second.pk}", "casussen", "casussen-activity", "any"}


def test_editing_a_casus_with_its_tags_moves_that_casus_and_the_casus_rows(two_casussen, member):
    first, _answer, second = two_casussen
    got = moved(lambda: casus_verbs.edit_casus(casus=first, by=member, changes={"title": "Welke licentie?"},
                                               tags=["eupl", "licenties"]),
                f"casus:{first.pk}", f"casus:{second.pk}", "casussen", "forum", "kennisbank")
    assert {f"casus:{first.pk}", "casussen"} <= got
    assert not got & {f"casus:{second.pk}", "forum", "kennisbank", "all"}


def test_a_reply_moves_its_topic_only(two_topics, other_member):
    first, second = two_topics
    got = moved(lambda: forum_verbs.post_reply(topic=first, by=other_member, body="MIT is korter."),
                f"topic:{first.pk}", f"topic:{second.pk}", "forum", "forum-activity", "casussen")
    assert got == {f"topic:{first.pk}", "forum-activity", "any"}


@pytest.mark.parametrize("verb", ["pin", "lock"])
def test_pinning_and_locking_written_with_update_move_the_topic(two_topics, curator, verb):
    first, second = two_topics
    run = {"pin": lambda: forum_verbs.set_pinned(topic=first, by=curator, pinned=True),
           "lock": lambda: forum_verbs.set_locked(topic=first, by=curator, locked=True)}[verb]
    got = moved(run, f"topic:{first.pk}", f"topic:{second.pk}", "forum", "casussen")
    assert got == {f"topic:{first.pk}", "forum", "any"}


def test_an_article_moves_the_kennisbank_only(curator, two_casussen):
    article = make_article(slug="eupl-kiezen")
    article.body = "Nieuwe tekst."
    got = moved(lambda: save_article(article, by=curator), "kennisbank", "casussen", "forum")
    assert got == {"kennisbank", "any"}
    assert Article.objects.get(pk=article.pk).body == "Nieuwe tekst."


def test_a_login_moves_nothing(member):
    request = RequestFactory().post("/")
    from django.contrib.sessions.backends.db import SessionStore  # noqa: PLC0415

    request.session = SessionStore()
    got = moved(lambda: login(request, member, backend="django.contrib.auth.backends.ModelBackend"), "casussen")
    assert got == set()


def test_notifications_move_nothing(member, other_member, two_casussen):
    first, _answer, _second = two_casussen

    def run():
        notify([member], event=Notification.Event.REPLY, target=first, actor=other_member, title="x", url="/")
        mark_all_read(user=member)

    assert moved(run, "casussen") == set()


def test_a_visitors_casus_page_stays_cached_through_unrelated_writes(two_casussen, other_member, expert, category):
    first, answer, second = two_casussen
    url = first.get_absolute_url()
    assert Client().get(url)[HEADER] == "miss"
    casus_verbs.vote(answer=make_answer(second, expert), by=other_member, value=1)  # another casus
    forum_verbs.post_reply(topic=make_topic(other_member, category), by=expert, body="Eens.")
    Client().force_login(other_member)  # a login
    assert Client().get(url)[HEADER] == "hit"
    casus_verbs.vote(answer=answer, by=other_member, value=1)  # this casus
    assert Client().get(url)[HEADER] == "miss"


def test_activity_moves_the_tag_pages_of_its_casus_and_no_others(member, expert, other_member):
    licence = make_casus(member, "Welke licentie kiezen we?", tags=("licenties",))
    procurement = make_casus(member, "Inkoop van een zaaksysteem", tags=("inkoop", "aanbesteding"))
    answer = make_answer(procurement, expert)
    tag_ids = dict(Tag.objects.values_list("slug", "pk"))
    scopes = {slug: tag_activity_scope(pk) for slug, pk in tag_ids.items()}
    got = moved(lambda: casus_verbs.vote(answer=answer, by=other_member, value=1), *scopes.values())
    assert got == {scopes["inkoop"], scopes["aanbesteding"], "any"}
    got = moved(lambda: casus_verbs.comment(casus=licence, by=other_member, body="Dank."), *scopes.values())
    assert got == {scopes["licenties"], "any"}


def test_a_visitors_tag_page_stays_cached_through_activity_on_casussen_without_the_tag(member, expert,
                                                                                         other_member):
    make_casus(member, "Welke licentie kiezen we?", tags=("licenties",))
    procurement = make_casus(member, "Inkoop van een zaaksysteem", tags=("inkoop",))
    answer = make_answer(procurement, expert)
    licences, purchases = (reverse("casussen:by_tag", args=[slug]) for slug in ("licenties", "inkoop"))
    assert Client().get(licences)[HEADER] == "miss" and Client().get(purchases)[HEADER] == "miss"
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    assert Client().get(licences)[HEADER] == "hit"
    assert Client().get(purchases)[HEADER] == "miss"  # its casus's score changed


def test_a_kennisbank_page_stays_cached_through_casus_activity(two_casussen, other_member):
    article = make_article(slug="eupl-kiezen")
    first, answer, _second = two_casussen
    url = reverse("kennisbank:home")
    assert Client().get(url)[HEADER] == "miss"
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    make_reply(other_member, make_topic(other_member, make_casus_category()))
    assert Client().get(url)[HEADER] == "hit"
    article.title = "EUPL kiezen, bijgewerkt"
    save_article(article, by=make_user("curator2@example.org", is_staff=True))
    assert Client().get(url)[HEADER] == "miss"


def test_a_new_casus_leaves_the_kennisbank_cached_and_one_that_became_an_article_moves_it(member):
    article = make_article(slug="eupl-kiezen")
    url = article.get_absolute_url()
    assert Client().get(url)[HEADER] == "miss"
    got = moved(lambda: make_casus(member, "Een nieuwe vraag over inkoop"), "casussen", "kennisbank")
    assert got == {"casussen", "any"}
    assert Client().get(url)[HEADER] == "hit"
    promoted = make_casus(member, "Welke licentie kiezen we?")
    Casus.objects.filter(pk=promoted.pk).update(article=article)
    promoted.refresh_from_db()
    got = moved(lambda: casus_verbs.edit_casus(casus=promoted, by=member, changes={"title": "Welke licentie?"}),
                "casussen", "kennisbank")
    assert got == {"casussen", "kennisbank", "any"}  # the article lists the casus by its title
    assert Client().get(url)[HEADER] == "miss"


def test_a_new_casus_moves_the_pages_of_its_own_tags_and_no_other_tag_page(member):
    make_casus(member, "Welke licentie kiezen we?", tags=("licenties",))
    make_casus(member, "Inkoop van een zaaksysteem", tags=("inkoop",))
    tag_ids = dict(Tag.objects.values_list("slug", "pk"))
    licences, purchases = (content_cache.tag_scope(tag_ids[slug]) for slug in ("licenties", "inkoop"))
    got = moved(lambda: make_casus(member, "Nog een inkoopvraag", tags=("inkoop",)), licences, purchases)
    assert got == {purchases, "any"}
    url = reverse("casussen:by_tag", args=["licenties"])
    assert Client().get(url)[HEADER] == "miss"
    make_casus(member, "Een derde inkoopvraag", tags=("inkoop",))
    assert Client().get(url)[HEADER] == "hit"


def test_taking_a_tag_off_a_casus_moves_that_tags_page_too(member):
    casus = make_casus(member, "Welke licentie kiezen we?", tags=("licenties", "inkoop"))
    tag_ids = dict(Tag.objects.values_list("slug", "pk"))
    licences, purchases = (content_cache.tag_scope(tag_ids[slug]) for slug in ("licenties", "inkoop"))
    url = reverse("casussen:by_tag", args=["inkoop"])
    assert Client().get(url)[HEADER] == "miss"
    got = moved(lambda: casus_verbs.edit_casus(casus=casus, by=member, changes={}, tags=["licenties"]),
                licences, purchases)
    assert purchases in got and licences in got  # the casus left one page and changed on the other
    assert Client().get(url).status_code == 404  # nothing tagged "inkoop" any more: no stale page either


def test_a_visitors_organisation_page_goes_only_with_its_own_casussen(member, expert, other_member):
    from directory.models import Organisation  # noqa: PLC0415

    names = (("Gemeente Utrecht", "gemeente-utrecht"), ("Gemeente Zeist", "gemeente-zeist"))
    utrecht, zeist = (Organisation.objects.create(name=name, slug=slug, kind="municipality", is_published=True)
                      for name, slug in names)
    own = make_casus(member, "Welke licentie kiezen we?", organisation=utrecht)
    other = make_answer(make_casus(member, "Inkoop van een zaaksysteem", organisation=zeist), expert)
    url = utrecht.get_absolute_url()
    assert Client().get(url)[HEADER] == "miss"
    casus_verbs.vote(answer=other, by=other_member, value=1)  # a casus of another organisation
    make_reply(other_member, make_topic(other_member, make_casus_category()))
    assert Client().get(url)[HEADER] == "hit"
    casus_verbs.comment(casus=own, by=other_member, body="Dank.")  # its own casus: newer activity to show
    assert Client().get(url)[HEADER] == "miss"


def make_casus_category():
    from tests.factories import make_category  # noqa: PLC0415

    return make_category("Inkoop", slug="inkoop")


def test_a_new_casus_moves_the_page_of_its_own_organisation_only_and_a_move_both(member):
    from directory.models import Organisation  # noqa: PLC0415

    names = (("Gemeente Utrecht", "gemeente-utrecht"), ("Gemeente Zeist", "gemeente-zeist"))
    utrecht, zeist = (Organisation.objects.create(name=name, slug=slug, kind="municipality", is_published=True)
                      for name, slug in names)
    own = make_casus(member, "Welke licentie kiezen we?", organisation=utrecht)
    url = utrecht.get_absolute_url()
    assert Client().get(url)[HEADER] == "miss"
    make_casus(member, "Inkoop van een zaaksysteem", organisation=zeist)  # another organisation's casus
    make_casus(member, "Een casus zonder organisatie")
    assert Client().get(url)[HEADER] == "hit"
    make_casus(member, "Hergebruik van een portaal", organisation=utrecht)
    assert "Hergebruik van een portaal" in Client().get(url).text
    # A casus moved to another organisation leaves the page it was on, at once.
    Client().get(zeist.get_absolute_url())
    loaded = Casus.objects.get(pk=own.pk)
    loaded.organisation = zeist
    loaded.save()
    assert own.title not in Client().get(url).text
    assert own.title in Client().get(zeist.get_absolute_url()).text


@pytest.mark.django_db
def test_a_casus_moves_what_its_own_author_sees_in_lists_and_no_one_elses(member, other_member):
    from casussen.models import author_scope, list_viewer  # noqa: PLC0415

    scopes = (author_scope(member.pk), author_scope(other_member.pk))
    assert moved(lambda: make_casus(member, "Welke licentie kiezen we?"), *scopes) == {
        author_scope(member.pk), content_cache.ANY}
    # An experts-only casus of their own: from then on only they see their lists.
    assert list_viewer(member) == list_viewer(other_member)
    make_casus(member, "Een beveiligingslek", visibility=Casus.Visibility.EXPERTS)
    assert list_viewer(member)[-1] == member.pk and member.pk not in list_viewer(other_member)
