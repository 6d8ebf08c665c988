"""Expert routing: the best matching, available experts first; never one who is away."""

import pytest

from casussen.models import Answer, Casus
from casussen.routing import notify_experts_of_new_casus, rank_experts
from ospo_nl.notifications.models import Notification, NotificationSettings
from tests.factories import make_user

# 50 experts, deterministic: every 5th knows licences and procurement, every 5th+1 only licences,
# every 5th+2 only procurement, the rest something else. Some are away or full.
EXPERTISE = {0: ["licenties", "inkoop"], 1: ["licenties"], 2: ["Inkoop"], 3: ["toegankelijkheid"], 4: ["security"]}


@pytest.fixture
def fifty_experts(db):
    experts = []
    for i in range(50):
        user = make_user(f"expert{i:02d}@example.org", name=f"Expert {i:02d}", is_expert=True,
                         expertise=EXPERTISE[i % 5], is_public=i % 2 == 0)
        experts.append(user)
    # Away: the very first full match; full: the second full match (at its maximum of 1 open claim).
    NotificationSettings.objects.create(user=experts[0], is_away=True)
    NotificationSettings.objects.create(user=experts[5], max_open_claims=1)
    return experts


def claim_casussen(author, expert, count, *, status=Casus.Status.CLAIMED):
    return [
        Casus.objects.create(author=author, title=f"Casus {expert.pk}-{n}", slug=f"casus-{expert.pk}-{n}",
                             body="Vraag", status=status, claimed_by=expert)
        for n in range(count)
    ]


def accept_answers(author, expert, count):
    for casus in claim_casussen(author, expert, count, status=Casus.Status.RESOLVED):
        Answer.objects.create(casus=casus, author=expert, body="Antwoord", is_accepted=True)


def test_a_casus_tagged_licenties_inkoop_reaches_the_matching_available_experts_first(fifty_experts, member):
    e = fifty_experts
    claim_casussen(member, e[5], 1)
    claim_casussen(member, e[10], 2)
    accept_answers(member, e[20], 7)
    accept_answers(member, e[15], 3)
    # Deleted casussen and hidden answers count for nothing.
    Casus.objects.filter(claimed_by=e[25]).delete()
    for casus in claim_casussen(member, e[25], 4):
        casus.deleted_at = casus.created_at
        casus.save()

    ranked = rank_experts(tags=["licenties", "inkoop"], limit=12)

    users = [p.user for p in ranked]
    # Full matches first (overlap 2): no open claims before open claims, more accepted answers first.
    assert users[:9] == [e[20], e[15], e[25], e[30], e[35], e[40], e[45], e[10]] + [users[8]]
    assert all(p.overlap == 2 for p in ranked[:8])
    assert ranked[8].overlap == 1
    assert e[0] not in users  # away
    assert e[5] not in users  # at their maximum of open claims
    assert not any(u.email.endswith(("3@example.org", "4@example.org", "8@example.org", "9@example.org"))
                   for u in users)


def test_an_expert_who_is_away_is_never_ranked_whatever_the_limit(fifty_experts):
    ranked = rank_experts(tags=["licenties", "inkoop"], limit=None)

    assert fifty_experts[0] not in [p.user for p in ranked]
    assert len(ranked) == 29  # 30 experts know one of the tags, one is away


def test_inactive_and_excluded_experts_and_non_experts_are_skipped(fifty_experts):
    fifty_experts[10].is_active = False
    fifty_experts[10].save()
    fifty_experts[15].profile.is_expert = False
    fifty_experts[15].profile.save()

    users = [p.user for p in rank_experts(tags=["licenties"], limit=None, exclude=[fifty_experts[20]])]

    assert not {fifty_experts[10], fifty_experts[15], fifty_experts[20]} & set(users)


def test_no_tags_no_experts(fifty_experts):
    assert rank_experts(tags=[]) == []
    assert rank_experts(tags=["onbekend"]) == []


def test_ranking_costs_a_fixed_number_of_queries(fifty_experts, django_assert_num_queries):
    # 1 candidates with overlap, 2 their settings (limits), 3 open claims, 4 accepted answers
    with django_assert_num_queries(4):
        rank_experts(tags=["licenties", "inkoop"], limit=5)


def test_notify_experts_of_new_casus_notifies_only_the_top_few(fifty_experts, django_capture_on_commit_callbacks):
    casus = Casus.objects.create(author=fifty_experts[45], title="Welke licentie?", slug="welke-licentie", body="?")
    casus.tags.set(["licenties", "inkoop"])

    created = notify_experts_of_new_casus(casus, limit=3)

    # No casussen claimed in this test: the first full matches that are not away and not the author.
    assert [n.recipient for n in created] == [fifty_experts[5], fifty_experts[10], fifty_experts[15]]
    assert {n.event for n in created} == {Notification.Event.EXPERTISE}


def test_an_experts_only_casus_reaches_the_ranked_experts_who_may_see_it(fifty_experts, member):
    casus = Casus.objects.create(author=member, title="Intern", slug="intern", body="?",
                                 visibility=Casus.Visibility.EXPERTS)
    casus.tags.set(["licenties"])

    created = notify_experts_of_new_casus(casus, limit=5)

    assert [n.recipient for n in created] == [p.user for p in rank_experts(tags=["licenties"], limit=5)]
    assert created and all(casus.is_visible_to(n.recipient) for n in created)


def test_the_counts_come_from_casussen_claims_and_accepted_answers(db, member):
    casus_model, answer_model = Casus, Answer
    busy = make_user("busy@example.org", name="Bas Bezet", is_expert=True, expertise=["licenties"])
    proven = make_user("proven@example.org", name="Pia Bewezen", is_expert=True, expertise=["licenties"])
    fresh = make_user("fresh@example.org", name="Fem Fris", is_expert=True, expertise=["licenties"])
    NotificationSettings.objects.create(user=busy, max_open_claims=2)
    for i in range(2):
        casus_model.objects.create(author=member, title=f"Open {i}", slug=f"open-{i}", body="Vraag",
                                   status="claimed", claimed_by=busy)
    done = casus_model.objects.create(author=member, title="Klaar", slug="klaar", body="Vraag", status="resolved",
                                      claimed_by=proven)
    answer_model.objects.create(casus=done, author=proven, body="Antwoord", is_accepted=True)

    ranked = rank_experts(tags=["licenties"], limit=None)

    assert [p.user for p in ranked] == [proven, fresh]  # busy is at their maximum of 2 open claims
    assert (ranked[0].open_claims, ranked[0].accepted_answers) == (0, 1)
