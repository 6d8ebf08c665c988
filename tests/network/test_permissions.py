"""The check_* functions of network.permissions, per role, called directly."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from network import permissions

from .conftest import make_event, make_signal


def outcome(check, *args, **kwargs):
    try:
        check(*args, **kwargs)
    except Http404:
        return 404
    except PermissionDenied:
        return 403
    return "ok"


@pytest.fixture
def people(member, expert, curator):
    return {"visitor": AnonymousUser(), "member": member, "expert": expert, "curator": curator}


@pytest.mark.django_db
def test_a_draft_event_is_seen_by_curators_only(people):
    draft = make_event("Concept", published=False)
    assert {role: outcome(permissions.check_view_event, u, draft) for role, u in people.items()} == {
        "visitor": 404, "member": 404, "expert": 404, "curator": "ok"}


@pytest.mark.django_db
def test_only_curators_plan_and_edit_events(people, event):
    assert {role: outcome(permissions.check_edit_event, u, event) for role, u in people.items()} == {
        "visitor": 403, "member": 403, "expert": 403, "curator": "ok"}
    assert outcome(permissions.check_manage_events, people["expert"]) == 403


@pytest.mark.django_db
def test_members_register_for_a_published_future_event_with_registration(people, event):
    assert {role: outcome(permissions.check_register_event, u, event) for role, u in people.items()} == {
        "visitor": 403, "member": "ok", "expert": "ok", "curator": "ok"}


@pytest.mark.django_db
def test_nobody_registers_once_it_has_started_or_when_registration_is_elsewhere(member, curator):
    started = make_event("Bezig", starts_at=timezone.now() - timedelta(minutes=5))
    elsewhere = make_event("Bij de partner", registration_open=False)
    draft = make_event("Concept", published=False)
    assert outcome(permissions.check_register_event, member, started) == 403
    assert outcome(permissions.check_unregister_event, member, started) == 403
    assert outcome(permissions.check_register_event, member, elsewhere) == 403
    assert outcome(permissions.check_register_event, member, draft) == 404
    # A curator sees the draft, but nobody registers before it is published.
    assert outcome(permissions.check_register_event, curator, draft) == 403


@pytest.mark.django_db
def test_the_attendee_list_is_for_curators_only(people, event):
    assert {role: outcome(permissions.check_view_attendees, u, event) for role, u in people.items()} == {
        "visitor": 403, "member": 403, "expert": 403, "curator": "ok"}


@pytest.mark.django_db
def test_a_report_is_written_by_a_curator_after_the_start(curator, expert, event):
    past = make_event("Geweest", starts_at=timezone.now() - timedelta(days=3))
    assert outcome(permissions.check_write_report, curator, event) == 403
    assert outcome(permissions.check_write_report, curator, past) == "ok"
    assert outcome(permissions.check_write_report, expert, past) == 403


@pytest.mark.django_db
def test_curators_and_experts_share_signals_members_do_not(people):
    assert {role: outcome(permissions.check_share_signal, u) for role, u in people.items()} == {
        "visitor": 403, "member": 403, "expert": "ok", "curator": "ok"}


@pytest.mark.django_db
def test_a_signal_is_edited_by_whoever_shared_it_or_a_curator(people, other_member):
    signal = make_signal(people["expert"])
    assert {role: outcome(permissions.check_edit_signal, u, signal) for role, u in people.items()} == {
        "visitor": 403, "member": 403, "expert": "ok", "curator": "ok"}
    # An expert who lost the expert flag no longer edits what they shared.
    people["expert"].profile.is_expert = False
    people["expert"].profile.save()
    assert outcome(permissions.check_edit_signal, people["expert"], signal) == 403
    signal.deleted_at = timezone.now()
    assert outcome(permissions.check_view_signal, people["curator"], signal) == 404
