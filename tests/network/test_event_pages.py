"""The event pages through the views: lists, detail, registering, the attendee list and CSV, planning, the report.

Per role: allowed, refused (403), outsider (404), visitor (login), GET on a POST-only action (405); bad input
gives 400 with the message and stores nothing; every page pins its query count.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casussen import verbs as casus_verbs
from casussen.models import Casus
from network import verbs
from network.models import Event, Registration
from tests.conftest import make_user

from .conftest import make_event


def url(name, event):
    return reverse(f"network:{name}", args=[event.slug])


# Lists ---------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_upcoming_and_past_lists_split_by_end_and_leave_drafts_to_curators(client, curator_client):
    make_event("Komt nog", days=5)
    make_event("Was al", days=-30)
    make_event("Nog concept", days=8, published=False)
    upcoming = client.get(reverse("network:event_list")).text
    past = client.get(reverse("network:event_archive")).text
    assert "Komt nog" in upcoming and "Was al" not in upcoming and "Nog concept" not in upcoming
    assert "Was al" in past and "Komt nog" not in past
    assert "Nog concept" in curator_client.get(reverse("network:event_list")).text


@pytest.mark.django_db
def test_a_meeting_under_way_is_still_upcoming(client):
    make_event("Nu bezig", starts_at=timezone.now() - timedelta(minutes=30), hours=2)
    assert "Nu bezig" in client.get(reverse("network:event_list")).text


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 12])
def test_the_list_costs_the_same_queries_whatever_the_number_of_events(client, member_client, member,
                                                                       django_assert_num_queries, n):
    for i in range(n):
        event = make_event(f"Bijeenkomst {i}", days=i + 1, capacity=10)
        verbs.register_for_event(event=event, by=member)
    # Visitor: the count for the pagination, the page of events with their counts.
    with django_assert_num_queries(2):
        assert client.get(reverse("network:event_list")).status_code == 200
    # Member: session, user with profile (account menu), count, page, the member's own registrations.
    with django_assert_num_queries(5):
        response = member_client.get(reverse("network:event_list"))
    assert response.text.count("aangemeld") >= n


# Detail --------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_detail_shows_time_in_dutch_time_places_and_the_agenda(client):
    event = make_event(capacity=20)
    text = client.get(event.get_absolute_url()).text
    assert "19:00" in text and "21:00" in text
    assert "nog 20 vrij" in text
    assert "<strong>Het manifest</strong>" in text
    assert url("event_ical", event) in text


@pytest.mark.django_db
def test_a_draft_is_404_for_everyone_but_curators(client, member_client, expert_client, curator_client):
    draft = make_event("Concept", published=False)
    assert [c.get(draft.get_absolute_url()).status_code for c in (client, member_client, expert_client)] == [404] * 3
    assert curator_client.get(draft.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_the_online_link_is_for_attendees_when_registering_goes_through_the_site(client, member, member_client,
                                                                                 other_member_client):
    event = make_event("Online", location="", online_url="https://meet.example.org/geheim")
    verbs.register_for_event(event=event, by=member)
    assert "meet.example.org/geheim" in member_client.get(event.get_absolute_url()).text
    assert "meet.example.org/geheim" not in other_member_client.get(event.get_absolute_url()).text
    assert "meet.example.org/geheim" not in client.get(event.get_absolute_url()).text
    partner = make_event("Partner", location="", online_url="https://partner.example.org/live",
                         registration_open=False)
    assert "partner.example.org/live" in client.get(partner.get_absolute_url()).text


@pytest.mark.django_db
def test_a_member_on_the_waiting_list_sees_their_position(member, other_member, expert, full_event):
    for user in (member, other_member, expert):
        verbs.register_for_event(event=full_event, by=user)
    c = Client()
    c.force_login(expert)
    assert "als nummer 2" in c.get(full_event.get_absolute_url()).text


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 10])
def test_the_detail_costs_the_same_queries_whatever_the_registrations(client, member_client, member, curator,
                                                                      django_assert_num_queries, n):
    event = make_event(capacity=3, starts_at=timezone.now() - timedelta(days=1))
    for i in range(n):
        Registration.objects.create(event=event, user=make_user(f"lid{i}@example.org"),
                                    status="confirmed" if i < 3 else "waiting")
    Registration.objects.create(event=event, user=member, status="waiting")
    casus = casus_verbs.post_casus(by=member, title="Besproken casus", body="Tekst")
    verbs.write_report(event=event, by=curator, report="Verslag", targets=[casus])
    # Visitor: the event with its counts, the report's links, their casussen (one per kind of target).
    with django_assert_num_queries(3):
        assert client.get(event.get_absolute_url()).status_code == 200
    # Member: session, user with profile, the event, their registration, their place on the waiting list, links,
    # casussen.
    with django_assert_num_queries(7):
        assert member_client.get(event.get_absolute_url()).status_code == 200


# Registering through the views ---------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_client", "expert_client", "curator_client"])
def test_each_member_role_registers_and_unregisters(event, persona, request):
    c = request.getfixturevalue(persona)
    response = c.post(url("register", event))
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.registrations.count() == 1
    assert c.post(url("unregister", event)).status_code == 302
    assert event.registrations.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["register", "unregister"])
def test_a_visitor_is_sent_to_log_in_and_get_is_405(event, client, member_client, name):
    response = client.post(url(name, event))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert member_client.get(url(name, event)).status_code == 405


@pytest.mark.django_db
def test_registering_for_a_draft_is_404_and_after_the_start_403(member_client):
    draft = make_event("Concept", published=False)
    started = make_event("Bezig", starts_at=timezone.now() - timedelta(minutes=1))
    assert member_client.post(url("register", draft)).status_code == 404
    assert member_client.post(url("register", started)).status_code == 403
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registering_when_full_says_so(member, other_member_client, full_event):
    verbs.register_for_event(event=full_event, by=member)
    response = other_member_client.post(url("register", full_event), follow=True)
    assert "wachtlijst" in response.text
    assert full_event.registrations.get(user__email="other@example.org").status == "waiting"


# Attendees and CSV ---------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("name", ["attendees", "attendees_csv"])
def test_attendees_are_for_curators(event, name, client, member_client, expert_client, curator_client):
    assert client.get(url(name, event))["Location"].startswith(reverse("account_login"))
    assert member_client.get(url(name, event)).status_code == 403
    assert expert_client.get(url(name, event)).status_code == 403
    assert curator_client.get(url(name, event)).status_code == 200
    assert curator_client.post(url(name, event)).status_code == 405


@pytest.mark.django_db
def test_the_csv_lists_places_then_the_waiting_list_and_defuses_formulas(curator_client, full_event):
    first = make_user("eerste@example.org", name="=HYPERLINK(\"http://kwaad\")")
    second = make_user("tweede@example.org", name="Tweede Lid")
    verbs.register_for_event(event=full_event, by=first)
    verbs.register_for_event(event=full_event, by=second)
    response = curator_client.get(url("attendees_csv", full_event))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["naam", "e-mail", "organisatie", "status"]
    assert [r[1] for r in rows[1:]] == ["eerste@example.org", "tweede@example.org"]
    assert rows[1][0].startswith("'=") and rows[2][3] == "op de wachtlijst"


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 10])
def test_attendee_pages_cost_the_same_queries_whatever_the_number(curator_client, django_assert_num_queries, n):
    event = make_event(capacity=5)
    for i in range(n):
        verbs.register_for_event(event=event, by=make_user(f"deelnemer{i}@example.org"))
    # Session, user with profile; the event with counts; the registrations with users, profiles, organisations.
    with django_assert_num_queries(4):
        assert curator_client.get(url("attendees", event)).status_code == 200
    # Session, user with profile; the event; the registrations.
    with django_assert_num_queries(4):
        assert curator_client.get(url("attendees_csv", event)).status_code == 200


# Planning ------------------------------------------------------------------------------------------

EVENT_POST = {"title": "Netwerkbijeenkomst voorjaar", "kind": "meeting", "subject": "het manifest",
              "starts_at": "2030-03-28T19:00", "ends_at": "2030-03-28T21:00", "location": "Utrecht",
              "online_url": "", "agenda": "1. Welkom", "organiser": "OSPO NL kennisnetwerk", "capacity": "25",
              "registration_open": "on", "registration_url": "", "is_published": "on"}


@pytest.mark.django_db
def test_a_curator_plans_an_event_read_in_dutch_time(curator_client):
    response = curator_client.post(reverse("network:event_create"), EVENT_POST)
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert timezone.localtime(event.starts_at).hour == 19 and event.starts_at.utcoffset() is not None
    assert event.starts_at.astimezone(timezone.UTC).hour == 18  # CET (+01:00) on 28 March 2030
    assert event.slug == "netwerkbijeenkomst-voorjaar-2030-03-28" and event.created_by.email == "curator@example.org"


@pytest.mark.django_db
@pytest.mark.parametrize("persona,status", [("member_client", 403), ("expert_client", 403)])
def test_others_may_not_plan_or_edit(event, persona, status, request):
    c = request.getfixturevalue(persona)
    assert c.get(reverse("network:event_create")).status_code == status
    assert c.post(reverse("network:event_create"), EVENT_POST).status_code == status
    assert c.post(url("event_edit", event), EVENT_POST).status_code == status
    assert Event.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("changes,message", [
    ({"ends_at": "2030-03-28T18:00"}, "Het einde moet na het begin liggen."),
    ({"location": "", "online_url": ""}, "Geef een plaats of een online link"),
    ({"online_url": "javascript:alert(1)"}, "begint met http:// of https://"),
    ({"online_url": "ftp://files.example.org/agenda"}, "begint met http:// of https://"),
    ({"starts_at": "morgen"}, "Voer een geldige datum/tijd in."),
    ({"capacity": "0"}, "minstens 1"),
])
def test_bad_event_input_is_refused_with_a_clear_message_and_nothing_stored(curator_client, changes, message):
    response = curator_client.post(reverse("network:event_create"), {**EVENT_POST, **changes})
    assert response.status_code == 400
    assert message in response.text
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_editing_the_time_raises_the_calendar_sequence_and_bad_input_keeps_the_stored_row(curator_client, event):
    data = {**EVENT_POST, "title": event.title}
    assert curator_client.post(url("event_edit", event), data).status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1 and timezone.localtime(event.starts_at).year == 2030
    assert curator_client.post(url("event_edit", event), {**data, "title": ""}).status_code == 400
    event.refresh_from_db()
    assert event.title == "Netwerkbijeenkomst: het manifest" and event.sequence == 1


@pytest.mark.django_db
def test_the_form_pages_cost_a_fixed_number_of_queries(curator_client, event, django_assert_num_queries):
    # Session, user with profile.
    with django_assert_num_queries(2):
        assert curator_client.get(reverse("network:event_create")).status_code == 200
    # Session, user with profile, the event.
    with django_assert_num_queries(3):
        assert curator_client.get(url("event_edit", event)).status_code == 200


# The report ----------------------------------------------------------------------------------------

@pytest.fixture
def past_event(db):
    return make_event("Geweest", starts_at=timezone.now() - timedelta(days=7))


@pytest.mark.django_db
def test_a_curator_writes_the_report_with_the_casussen_it_discussed(curator_client, client, member, past_event):
    casus = casus_verbs.post_casus(by=member, title="Welke licentie?", body="Tekst")
    links = f"{casus.get_absolute_url()}\n\n{settings.SITE_URL}{casus.get_absolute_url()}"
    response = curator_client.post(url("report_edit", past_event),
                                   {"report": "We spraken over **licenties**.", "links": links})
    assert response.status_code == 302
    text = client.get(past_event.get_absolute_url()).text
    assert "<strong>licenties</strong>" in text and f'href="{casus.get_absolute_url()}"' in text
    assert past_event.links.count() == 1  # the same casus twice is linked once
    form = curator_client.get(url("report_edit", past_event)).text
    assert casus.get_absolute_url() in form


@pytest.mark.django_db
@pytest.mark.parametrize("links,message", [
    ("/casussen/bestaat-niet/", "Geen casus of kennisbankartikel gevonden op: /casussen/bestaat-niet/"),
    ("https://elders.example.org/casussen/x/", "is geen pagina van OSPO-NL"),
])
def test_a_bad_report_link_is_refused_and_nothing_is_lost(curator_client, curator, past_event, links, message):
    verbs.write_report(event=past_event, by=curator, report="Eerste versie")
    response = curator_client.post(url("report_edit", past_event), {"report": "Tweede versie", "links": links})
    assert response.status_code == 400 and message in response.text
    assert "Tweede versie" in response.text  # what was typed is shown again
    past_event.refresh_from_db()
    assert past_event.report == "Eerste versie"


@pytest.mark.django_db
def test_a_report_waits_for_the_meeting_and_is_for_curators(curator_client, expert_client, event, past_event):
    assert curator_client.get(url("report_edit", event)).status_code == 403
    assert expert_client.post(url("report_edit", past_event), {"report": "x"}).status_code == 403
    assert curator_client.get(url("report_edit", past_event)).status_code == 200


@pytest.mark.django_db
def test_the_report_never_shows_a_confidential_casus_outside_its_audience(member, curator, past_event, client,
                                                                           other_member_client, expert_client):
    secret = casus_verbs.post_casus(by=member, title="Geheime casus over een datalek", body="Tekst",
                                    visibility=Casus.Visibility.EXPERTS)
    members_only = casus_verbs.post_casus(by=member, title="Ledencasus over inkoop", body="Tekst",
                                          visibility=Casus.Visibility.MEMBERS)
    verbs.write_report(event=past_event, by=curator, report="Besproken.", targets=[secret, members_only])
    visitor = client.get(past_event.get_absolute_url()).text
    assert "Geheime casus" not in visitor and "Ledencasus" not in visitor and secret.slug not in visitor
    other = other_member_client.get(past_event.get_absolute_url()).text
    assert "Geheime casus" not in other and "Ledencasus" in other
    assert "Geheime casus" in expert_client.get(past_event.get_absolute_url()).text
