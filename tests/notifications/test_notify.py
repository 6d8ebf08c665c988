"""notify(): who gets a notification, and the cached unread count."""

from django.core.cache import cache
from django.template.loader import render_to_string

from ospo_nl.models import Notification
from ospo_nl.notifications import mark_all_read, notify, unread_count
from tests.conftest import make_user


def _notify(recipients, target, actor=None):
    return notify(recipients, event=Notification.Event.ANSWER, target=target, title="Nieuw antwoord",
                  url=target.get_absolute_url(), actor=actor)


def test_a_private_target_notifies_only_people_who_may_see_it(private_target, member, expert, curator):
    created = _notify([member, expert, curator], private_target)

    assert [n.recipient for n in created] == [curator]
    assert not Notification.objects.filter(recipient__in=[member, expert]).exists()


def test_a_public_target_notifies_everyone_but_the_actor(target, member, other_member):
    created = _notify([member, other_member, member], target, actor=other_member)

    assert [n.recipient for n in created] == [member]


def test_inactive_users_are_not_notified(target, member):
    member.is_active = False
    member.save()

    assert _notify([member], target) == []


def test_the_unread_count_is_cached_and_refreshed_after_notify_commits(
    target, member, django_assert_num_queries, django_capture_on_commit_callbacks
):
    assert unread_count(member) == 0
    with django_assert_num_queries(0):
        assert unread_count(member) == 0  # warm: no query

    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], target)

    assert unread_count(member) == 1


def test_marking_all_read_resets_the_cached_count(target, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([member], target)
    assert unread_count(member) == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert mark_all_read(user=member) == 1

    assert unread_count(member) == 0


def test_the_bell_shows_the_unread_count_without_a_query_once_warm(target, member, django_assert_num_queries):
    _notify([member], target)
    cache.clear()
    html = render_to_string("includes/notification_bell.html", {"user": member})
    assert "1 ongelezen" in html

    with django_assert_num_queries(0):
        render_to_string("includes/notification_bell.html", {"user": member})


def test_the_bell_shows_nothing_to_visitors():
    from django.contrib.auth.models import AnonymousUser

    assert render_to_string("includes/notification_bell.html", {"user": AnonymousUser()}).strip() == ""


def test_make_user_personas_get_default_settings(db):
    from ospo_nl.models import NotificationSettings

    user = make_user("nieuw@example.org")
    prefs = NotificationSettings.for_user(user)
    assert prefs.email_mode == "daily"
    assert prefs.mode_for(Notification.Event.EXPERTISE) == "immediate"
    assert prefs.mode_for(Notification.Event.ANSWER) == "daily"
