"""Double clicks and simultaneous votes on PostgreSQL: the counters stay equal to the rows."""

import threading

import pytest
from django.db import connection

from casussen import verbs as casus_verbs
from casussen.models import Answer, Vote
from tests.factories import make_casus, make_user


def run_at_once(*calls):
    """Run each call in its own thread (and database connection), all released at the same moment."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def worker(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # collected and re-raised in the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_double_accept_of_two_answers_leaves_exactly_one_accepted(postgres_only, member, expert, curator):
    casus = make_casus(member)
    first = casus_verbs.post_answer(casus=casus, by=expert, body="Eén")
    second = casus_verbs.post_answer(casus=casus, by=curator, body="Twee")
    errors = run_at_once(
        lambda: casus_verbs.accept_answer(casus=casus, answer=first, by=member),
        lambda: casus_verbs.accept_answer(casus=casus, answer=second, by=curator),
        lambda: casus_verbs.accept_answer(casus=casus, answer=first, by=member),
    )
    assert errors == []
    assert Answer.objects.filter(casus=casus, is_accepted=True).count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_votes_keep_the_scores_equal_to_the_votes(postgres_only, member, expert):
    casus = make_casus(member)
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
    voters = [make_user(f"voter{n}@example.org") for n in range(6)]
    calls = [lambda v=v: casus_verbs.vote(answer=answer, by=v, value=1) for v in voters]
    # The same member double-clicking: two +1 votes at once count once.
    calls += [lambda: casus_verbs.vote(answer=answer, by=member, value=1)] * 2
    errors = run_at_once(*calls)
    assert errors == []
    answer.refresh_from_db()
    casus.refresh_from_db()
    assert Vote.objects.filter(answer=answer).count() == 7
    assert answer.score == casus.score == 7
