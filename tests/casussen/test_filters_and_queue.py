"""The casus list's filters by status, phase, tag and organisation, each with its count; the experts' work queue
narrowed to their expertise, unclaimed first, with waiting time, without others' claims unless asked."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Organisation
from tests.conftest import make_user

from .conftest import make_casus

LIST = reverse("casussen:list")
QUEUE = reverse("casussen:unanswered")


def option(text, name, value):
    """The label of the <option> `value` of <select name=`name`>."""
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', text, re.S).group(0)
    return re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', select).group(1)


@pytest.fixture
def spread(member, expert):
    org = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", kind="municipality",
                                      is_published=True)
    inkoop = make_casus(member, "Inkoop van software", phase="procurement", tags=("inkoop",), organisation=org)
    make_casus(member, "Licentie voor de app", phase="publishing", tags=("licenties",), organisation=org)
    done = make_casus(member, "Opgeloste licentievraag", phase="publishing", tags=("licenties",))
    casus_verbs.resolve_casus(casus=done, by=member, lessons_learned="Zo.")
    make_casus(member, "Anonieme inkoopvraag", phase="procurement", tags=("inkoop",), organisation=org,
               hide_organisation=True)
    make_casus(member, "Geheime inkoopvraag", phase="procurement", tags=("inkoop",), organisation=org,
               visibility=Casus.Visibility.EXPERTS)
    return inkoop


@pytest.mark.django_db
def test_each_filter_value_shows_its_count_for_what_a_visitor_may_see(spread, client):
    text = client.get(LIST).text
    assert option(text, "status", "alle") == "alle statussen (4)"  # the experts-only one is not counted
    assert option(text, "status", "open") == "open (nieuw, opgepakt of beantwoord) (3)"
    assert option(text, "status", "opgelost") == "opgelost (1)"
    assert option(text, "fase", "inkoop") == "inkoop (2)"
    assert option(text, "tag", "inkoop") == "inkoop (2)"
    # The anonymous casus never counts for its organisation, nor shows its name.
    assert option(text, "organisatie", "gemeente-utrecht") == "Gemeente Utrecht (2)"
    assert "Geheime inkoopvraag" not in text


@pytest.mark.django_db
def test_filters_combine_and_each_count_follows_the_others(spread, client):
    text = client.get(LIST, {"fase": "publiceren", "status": "open"}).text
    assert "Licentie voor de app" in text and "Opgeloste licentievraag" not in text and "Inkoop van" not in text
    assert option(text, "status", "alle") == "alle statussen (2)"  # within the phase
    assert option(text, "fase", "inkoop") == "inkoop (2)"  # within the status
    tagged = client.get(LIST, {"tag": "inkoop", "organisatie": "gemeente-utrecht"}).text
    assert "Inkoop van software" in tagged and "Anonieme inkoopvraag" not in tagged


@pytest.mark.django_db
def test_an_expert_counts_the_experts_only_casus(spread, expert_client):
    assert option(expert_client.get(LIST).text, "fase", "inkoop") == "inkoop (3)"


@pytest.mark.django_db
def test_unknown_filter_values_show_everything(spread, client):
    response = client.get(LIST, {"fase": "bestaat-niet", "status": "raar"})
    assert response.status_code == 200 and "4 casussen" in response.text


@pytest.fixture
def queue(member, expert):
    other = make_user("ander@example.org", name="Andere Expert", is_expert=True, expertise=["licenties"])
    old = make_casus(member, "Oude licentievraag", tags=("licenties",))
    Casus.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=9))
    make_casus(member, "Nieuwe licentievraag", tags=("licenties",))
    mine = make_casus(member, "Door mij opgepakt", tags=("licenties",))
    Casus.objects.filter(pk=mine.pk).update(created_at=timezone.now() - timedelta(days=20))
    casus_verbs.claim_casus(casus=mine, by=expert)
    casus_verbs.claim_casus(casus=make_casus(member, "Door een ander opgepakt", tags=("licenties",)), by=other)
    make_casus(member, "Buiten mijn vak", tags=("inkoop",))
    return other


@pytest.mark.django_db
def test_the_queue_shows_an_expert_their_expertise_unclaimed_first_longest_waiting_first(queue, expert_client):
    text = expert_client.get(QUEUE).text
    order = [t for t in ("Oude licentievraag", "Nieuwe licentievraag", "Door mij opgepakt") if t in text]
    assert order == ["Oude licentievraag", "Nieuwe licentievraag", "Door mij opgepakt"]
    assert [text.index(t) for t in order] == sorted(text.index(t) for t in order)
    assert "Door een ander opgepakt" not in text and "Buiten mijn vak" not in text
    assert "wacht al 1\xa0week, 2\xa0dagen" in text  # the old one, nine days (timesince uses no-break spaces)


@pytest.mark.django_db
def test_an_expert_may_ask_for_the_whole_queue(queue, expert_client):
    text = expert_client.get(QUEUE, {"alle": "1"}).text
    assert "Door een ander opgepakt" in text and "Buiten mijn vak" in text
    assert "opgepakt door Andere Expert" in text


@pytest.mark.django_db
def test_others_see_the_whole_queue_with_waiting_times(queue, client, curator_client):
    for c in (client, curator_client):
        text = c.get(QUEUE).text
        assert "Buiten mijn vak" in text and "Door een ander opgepakt" in text and "wacht al" in text


@pytest.mark.django_db
def test_two_experts_get_their_own_queue_page(queue, expert_client):
    from django.test import Client

    expert_client.get(QUEUE)
    other = Client()
    other.force_login(queue)
    text = other.get(QUEUE).text
    assert "Door een ander opgepakt" in text and "Door mij opgepakt" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("n", [2, 12])
def test_the_queue_costs_the_same_queries_whatever_the_data(member, expert, expert_client, django_assert_num_queries,
                                                            n):
    for i in range(n):
        make_casus(member, f"Vraag {i}", tags=("licenties", f"t{i}"))
    # Session, user with profile, the expert's expertise, count, page, the page's tags, their authors.
    with django_assert_num_queries(7):
        assert expert_client.get(QUEUE).status_code == 200


FACET_COUNT_SQL = re.compile(r"(COUNT|SUM)\(.*GROUP BY", re.S)  # counted, or summed from FilterCount rows


def facet_queries(client):
    with CaptureQueriesContext(connection) as queries:
        text = client.get(LIST).text
    return text, sum(1 for query in queries.captured_queries if FACET_COUNT_SQL.search(query["sql"]))


@pytest.mark.django_db
def test_the_counts_are_kept_through_votes_and_comments_and_follow_new_casussen(
        spread, member, expert, client, settings):
    settings.CONTENT_CACHE_SECONDS = 600
    _text, counted = facet_queries(client)
    assert counted == 3  # status with phase, tags, organisations
    answer = casus_verbs.post_answer(casus=spread, by=expert, body="Kijk naar de EUPL.")  # status: answered
    text, counted = facet_queries(client)
    assert counted == 3 and option(text, "status", "beantwoord") == "beantwoord (1)"
    # A vote and a comment change the list (scores, activity), not what the counts read.
    casus_verbs.vote(answer=answer, by=member, value=1)
    casus_verbs.comment(casus=spread, by=member, body="Dank je.")
    text, counted = facet_queries(client)
    assert counted == 0, "the counts come from the cache"
    assert "Dank je" not in text and option(text, "status", "alle") == "alle statussen (4)"
    make_casus(member, "Nog een inkoopvraag", phase="procurement", tags=("inkoop",))
    text, counted = facet_queries(client)
    assert counted == 3 and option(text, "status", "alle") == "alle statussen (5)"
    assert option(text, "tag", "inkoop") == "inkoop (3)"
