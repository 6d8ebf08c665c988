"""Registering and the waiting list: at capacity the next member waits, and moves up when a place frees,
also when two members register for the last place at the same moment."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404

from network import verbs
from network.models import Event, Registration
from ospo_nl.core.account_data import delete_account
from ospo_nl.notifications.models import Notification
from tests.conftest import make_user

from .conftest import make_event


def statuses(event):
    return list(event.registrations.order_by("created_at", "pk").values_list("user__email", "status"))


@pytest.mark.django_db
def test_a_member_gets_a_place_and_registering_twice_changes_nothing(member, event):
    first = verbs.register_for_event(event=event, by=member)
    again = verbs.register_for_event(event=event, by=member)
    assert first.pk == again.pk and first.status == Registration.Status.CONFIRMED
    assert event.registrations.count() == 1


@pytest.mark.django_db
def test_at_capacity_the_next_member_waits_and_moves_up_when_a_place_frees(member, other_member, expert, full_event):
    verbs.register_for_event(event=full_event, by=member)
    waiting = verbs.register_for_event(event=full_event, by=other_member)
    verbs.register_for_event(event=full_event, by=expert)
    assert statuses(full_event) == [("member@example.org", "confirmed"), ("other@example.org", "waiting"),
                                    ("expert@example.org", "waiting")]

    removed, promoted = verbs.unregister_from_event(event=full_event, by=member)

    assert removed.status == Registration.Status.CONFIRMED
    assert [r.pk for r in promoted] == [waiting.pk]
    assert statuses(full_event) == [("other@example.org", "confirmed"), ("expert@example.org", "waiting")]
    told = Notification.objects.get(event=Notification.Event.WAITLIST)
    assert told.recipient == other_member and told.url == full_event.get_absolute_url()


@pytest.mark.django_db
def test_leaving_the_waiting_list_moves_nobody_up(member, other_member, expert, full_event):
    verbs.register_for_event(event=full_event, by=member)
    verbs.register_for_event(event=full_event, by=other_member)
    verbs.register_for_event(event=full_event, by=expert)
    _removed, promoted = verbs.unregister_from_event(event=full_event, by=other_member)
    assert promoted == []
    assert statuses(full_event) == [("member@example.org", "confirmed"), ("expert@example.org", "waiting")]
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_unregistering_without_a_registration_changes_nothing(member, event):
    assert verbs.unregister_from_event(event=event, by=member) == (None, [])


@pytest.mark.django_db
def test_a_bigger_capacity_moves_the_waiting_list_up(member, other_member, expert, curator, full_event):
    for user in (member, other_member, expert):
        verbs.register_for_event(event=full_event, by=user)
    verbs.edit_event(event=full_event, by=curator, changes={"capacity": 2})
    assert statuses(full_event)[1] == ("other@example.org", "confirmed")
    verbs.edit_event(event=full_event, by=curator, changes={"capacity": None})
    assert {s for _e, s in statuses(full_event)} == {"confirmed"}


@pytest.mark.django_db
def test_a_smaller_capacity_takes_no_place_away(member, other_member, curator):
    event = make_event(capacity=5)
    verbs.register_for_event(event=event, by=member)
    verbs.register_for_event(event=event, by=other_member)
    verbs.edit_event(event=event, by=curator, changes={"capacity": 1})
    assert {s for _e, s in statuses(event)} == {"confirmed"}
    assert verbs.register_for_event(event=event, by=curator).status == Registration.Status.WAITING


@pytest.mark.django_db
def test_a_deleted_account_gives_its_place_to_the_member_waiting(member, other_member, full_event):
    verbs.register_for_event(event=full_event, by=member)
    verbs.register_for_event(event=full_event, by=other_member)
    delete_account(user=member)
    assert statuses(full_event) == [("other@example.org", "confirmed")]


@pytest.mark.django_db
def test_a_refused_registration_stores_nothing(member):
    draft = make_event("Concept", published=False)
    closed = make_event("Bij de partner", registration_open=False)
    for event in (draft, closed):
        with pytest.raises((Http404, PermissionDenied)):
            verbs.register_for_event(event=event, by=member)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_the_verbs_check_their_own_permission(member, event):
    with pytest.raises(PermissionDenied):
        verbs.edit_event(event=event, by=member, changes={"title": "Overgenomen"})
    event.refresh_from_db()
    assert event.title == "Netwerkbijeenkomst: het manifest"


def run_at_once(*calls):
    """Each call in its own thread and database connection, all released at the same moment."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def worker(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # re-raised by the test's assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_members_registering_for_the_last_place_at_once_get_one_place_and_one_wait(postgres_only):
    event = make_event("Laatste plek", capacity=1)
    people = [make_user(f"tegelijk{n}@example.org") for n in range(2)]
    errors = run_at_once(*[lambda u=u: verbs.register_for_event(event=event, by=u) for u in people])
    assert errors == []
    assert sorted(event.registrations.values_list("status", flat=True)) == ["confirmed", "waiting"]


@pytest.mark.django_db(transaction=True)
def test_many_registering_and_leaving_at_once_never_overfill_nor_leave_a_place_empty(postgres_only):
    event = make_event("Drukte", capacity=3)
    early = [make_user(f"vroeg{n}@example.org") for n in range(3)]
    for user in early:
        verbs.register_for_event(event=event, by=user)
    late = [make_user(f"laat{n}@example.org") for n in range(5)]
    calls = [lambda u=u: verbs.register_for_event(event=event, by=u) for u in late]
    calls += [lambda u=u: verbs.unregister_from_event(event=event, by=u) for u in early[:2]]
    # The same member double-clicking: one registration.
    calls += [lambda: verbs.register_for_event(event=event, by=late[0])] * 2
    errors = run_at_once(*calls)
    assert errors == []
    confirmed = event.registrations.filter(status="confirmed").count()
    waiting = event.registrations.filter(status="waiting").count()
    assert (confirmed, waiting) == (3, 3)


@pytest.mark.django_db
def test_a_bigger_capacity_saved_in_admin_moves_the_waiting_list_up_and_a_new_time_updates_calendars(
        member, other_member, expert, curator, full_event, rf):
    from types import SimpleNamespace

    from django.contrib import admin

    from network.admin import EventAdmin

    for user in (member, other_member, expert):
        verbs.register_for_event(event=full_event, by=user)
    request = rf.post("/admin/")
    request.user = curator
    full_event.capacity = 2
    EventAdmin(Event, admin.site).save_model(request, full_event, SimpleNamespace(changed_data=["capacity"]), True)
    assert statuses(full_event)[1] == ("other@example.org", "confirmed")
    assert Notification.objects.get(event=Notification.Event.WAITLIST).recipient == other_member
    sequence = Event.objects.get(pk=full_event.pk).sequence
    full_event.location = "Utrecht, zaal 2"
    EventAdmin(Event, admin.site).save_model(request, full_event, SimpleNamespace(changed_data=["location"]), True)
    assert Event.objects.get(pk=full_event.pk).sequence == sequence + 1
