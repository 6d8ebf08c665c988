"""The notifications page and the mark-read / open / mark-all-read actions."""

import pytest
from django.utils import timezone

from ospo_nl.notifications.models import Notification

from .conftest import make_notification

LIST = "/meldingen/"


@pytest.mark.parametrize("rows", [3, 30])
def test_the_page_costs_a_fixed_number_of_queries(target, member, other_member, member_client, rows,
                                                   django_assert_num_queries):
    for i in range(rows):
        make_notification(member, target, title=f"Melding {i}", actor=other_member)
    make_notification(other_member, target, title="Niet van jou")

    # 1 session, 2 user with profile (unread count for page and bell, name in the header),
    # 3 paginator count, 4 the page of notifications with actor and profile
    with django_assert_num_queries(4):
        response = member_client.get(LIST)

    assert response.status_code == 200
    assert f"Melding {rows - 1}".encode() in response.content
    assert b"Niet van jou" not in response.content
    assert b"Olaf Other" in response.content


def test_the_page_is_paginated(target, member, member_client):
    for i in range(30):
        make_notification(member, target, title=f"Melding {i:02d}")

    # 25 a page, newest first: page 1 has 29..05, page 2 has 04..00
    assert b"Melding 04" not in member_client.get(LIST).content
    assert b"Melding 04" in member_client.get(LIST + "?pagina=2").content


def test_visitors_are_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_marking_one_read(target, member, member_client):
    notification = make_notification(member, target)

    response = member_client.post(f"/meldingen/{notification.pk}/gelezen/", {"next": "https://evil.example/"})

    assert response.status_code == 302 and response["Location"] == LIST
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_marks_read_and_goes_to_the_target(target, member, member_client):
    notification = make_notification(member, target)

    response = member_client.post(f"/meldingen/{notification.pk}/openen/")

    assert response["Location"] == target.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_marking_read_needs_post(target, member, member_client):
    notification = make_notification(member, target)
    assert member_client.get(f"/meldingen/{notification.pk}/gelezen/").status_code == 405
    assert member_client.get("/meldingen/alles-gelezen/").status_code == 405


def test_marking_read_needs_login(target, member, client):
    notification = make_notification(member, target)
    response = client.post(f"/meldingen/{notification.pk}/gelezen/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    notification.refresh_from_db()
    assert notification.read_at is None


def test_someone_elses_notification_is_not_found(target, member, other_member_client):
    notification = make_notification(member, target)

    assert other_member_client.post(f"/meldingen/{notification.pk}/gelezen/").status_code == 404
    assert other_member_client.post(f"/meldingen/{notification.pk}/openen/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_all_read_touches_only_my_notifications(target, member, other_member, member_client):
    make_notification(member, target)
    make_notification(member, target, read_at=timezone.now())
    theirs = make_notification(other_member, target)

    response = member_client.post("/meldingen/alles-gelezen/")

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
