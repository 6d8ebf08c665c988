"""notify(): who gets a notification, and the unread count on the profile."""

from io import StringIO

from django.template.loader import render_to_string

from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import mark_all_read, mark_read, notify, unread_count
from tests.factories import make_user


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


def test_notify_and_mark_read_keep_the_unread_count_right(target, member):
    assert unread_count(member) == 0
    _notify([member], target)
    second = _notify([member], target)[0]
    member.profile.refresh_from_db()
    assert unread_count(member) == 2

    mark_read(user=member, notification=second)
    mark_read(user=member, notification=second)  # twice: counted once
    member.profile.refresh_from_db()
    assert unread_count(member) == 1

    assert mark_all_read(user=member) == 1
    member.profile.refresh_from_db()
    assert unread_count(member) == 0


def test_the_bell_shows_the_unread_count_without_a_query(target, member, django_assert_num_queries):
    _notify([member], target)
    member.profile.refresh_from_db()
    with django_assert_num_queries(0):
        html = render_to_string("includes/notification_bell.html", {"user": member})
    assert "1 ongelezen" in html


def test_recount_notifications_rebuilds_the_counter(target, member):
    from django.core.management import call_command

    _notify([member], target)
    type(member.profile).objects.filter(pk=member.profile.pk).update(unread_notifications=7)
    out = StringIO()
    call_command("recount_notifications", "--dry-run", stdout=out)
    member.profile.refresh_from_db()
    assert member.profile.unread_notifications == 7 and "1 profile" in out.getvalue()
    call_command("recount_notifications", stdout=StringIO())
    member.profile.refresh_from_db()
    assert member.profile.unread_notifications == 1


def test_the_bell_shows_nothing_to_visitors():
    from django.contrib.auth.models import AnonymousUser

    assert render_to_string("includes/notification_bell.html", {"user": AnonymousUser()}).strip() == ""


def test_make_user_personas_get_default_settings(db):
    from ospo_nl.notifications.models import NotificationSettings

    user = make_user("nieuw@example.org")
    prefs = NotificationSettings.for_user(user)
    assert prefs.email_mode == "daily"
    assert prefs.mode_for(Notification.Event.EXPERTISE) == "immediate"
    assert prefs.mode_for(Notification.Event.ANSWER) == "daily"



def test_notifying_tag_followers_costs_no_query_per_follower(member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from casussen.models import Casus
    from ospo_nl.core.following import follow
    from tests.factories import make_casus

    def queries_for_a_casus_with_followers(tag_name, followers):
        from taggit.models import Tag

        tag = Tag.objects.create(name=tag_name, slug=tag_name)
        for i in range(followers):
            follow(make_user(f"{tag_name}{i}@example.org", is_expert=True), tag)
        with CaptureQueriesContext(connection) as queries:
            # Experts only: notify() checks each follower's role (their profile) before telling them.
            make_casus(member, f"Over {tag_name}", tags=(tag_name,), visibility=Casus.Visibility.EXPERTS)
        assert Notification.objects.filter(event=Notification.Event.TAG, title=f"Over {tag_name}").count() == followers
        return len(queries)

    make_casus(member, "Opwarmen", tags=("warm",))  # content types cached
    assert queries_for_a_casus_with_followers("sbom", 2) == queries_for_a_casus_with_followers("woo", 8)
