"""Becoming an expert: a member applies with expertise and a motivation, a curator approves or declines with a
note from a queue, the member is told; the profile says what each setting does; admin says why an expert is not
listed; sparring availability is off until the member turns it on."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from directory import verbs
from directory.models import ExpertApplication, Profile
from ospo_nl.notifications.models import Notification
from tests.conftest import make_user

APPLY = reverse("directory:expert_apply")
QUEUE = reverse("directory:application_queue")
POST = {"expertise": "inkoop, aanbesteden", "motivation": "Tien jaar inkoper bij een gemeente."}


def decide(pk):
    return reverse("directory:decide_application", args=[pk])


@pytest.mark.django_db
def test_a_member_applies_and_sees_where_it_stands(member, member_client):
    response = member_client.post(APPLY, POST)
    assert response.status_code == 302
    application = ExpertApplication.objects.get()
    assert (application.user, application.status) == (member, "pending")
    assert sorted(application.expertise.names()) == ["aanbesteden", "inkoop"]
    page = member_client.get(APPLY).text
    assert "in behandeling" in page and "Aanvraag versturen" not in page


@pytest.mark.django_db
def test_applying_twice_or_as_an_expert_is_refused(member, member_client, expert_client):
    member_client.post(APPLY, POST)
    assert member_client.post(APPLY, POST).status_code == 403
    assert ExpertApplication.objects.count() == 1
    assert expert_client.post(APPLY, POST).status_code == 403
    assert "Je bent expert" in expert_client.get(APPLY).text


@pytest.mark.django_db
def test_visitors_log_in_first(client):
    assert client.get(APPLY)["Location"].startswith(reverse("account_login"))
    assert client.post(APPLY, POST)["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("changes,message", [
    ({"expertise": ""}, "Dit veld is verplicht."),
    ({"expertise": ", ,"}, "Noem minstens één onderwerp."),
    ({"expertise": "<script>"}, "bevat tekens die niet zijn toegestaan"),
    ({"motivation": ""}, "Dit veld is verplicht."),
    ({"motivation": "x" * 3001}, "niet meer dan 3000 tekens"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(member_client, changes, message):
    response = member_client.post(APPLY, {**POST, **changes})
    assert response.status_code == 400 and message in response.text
    assert not ExpertApplication.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_double_click_makes_one_application(postgres_only):
    user = make_user("dubbel@example.org")
    barrier = threading.Barrier(2)
    errors = []

    def submit():
        try:
            barrier.wait()
            verbs.apply_for_expert(by=user, expertise=["inkoop"], motivation="x")
        except PermissionDenied as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ExpertApplication.objects.count() == 1 and len(errors) == 1


@pytest.fixture
def application(member):
    return verbs.apply_for_expert(by=member, expertise=["inkoop"], motivation="Ervaren inkoper.")


@pytest.mark.django_db
def test_the_queue_and_deciding_are_for_curators(application, client, member_client, expert_client, curator_client):
    assert client.get(QUEUE)["Location"].startswith(reverse("account_login"))
    assert member_client.get(QUEUE).status_code == 403
    assert expert_client.get(QUEUE).status_code == 403
    assert expert_client.post(decide(application.pk), {"decision": "approve"}).status_code == 403
    assert curator_client.get(decide(application.pk)).status_code == 405
    page = curator_client.get(QUEUE)
    assert page.status_code == 200 and "Ervaren inkoper." in page.text
    application.refresh_from_db()
    assert application.status == "pending"


@pytest.mark.django_db
def test_approving_makes_the_member_an_expert_with_that_expertise_and_tells_them(application, member, curator,
                                                                                  curator_client, member_client):
    response = curator_client.post(decide(application.pk), {"decision": "approve", "note": "Welkom!"})
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.is_expert and list(profile.expertise.names()) == ["inkoop"]
    assert not profile.is_public  # being listed stays the member's own choice
    told = Notification.objects.get(recipient=member)
    assert told.event == Notification.Event.APPLICATION and told.url == APPLY and told.actor == curator
    assert "Welkom!" in member_client.get(APPLY).text
    # Decided once: a second decision is refused.
    assert curator_client.post(decide(application.pk), {"decision": "decline", "note": "x"}).status_code == 403


@pytest.mark.django_db
def test_declining_needs_a_note_which_the_member_reads(application, member, curator_client, member_client):
    response = curator_client.post(decide(application.pk), {"decision": "decline", "note": "  "})
    assert response.status_code == 400 and "Leg uit waarom je de aanvraag afwijst." in response.text
    application.refresh_from_db()
    assert application.status == "pending"
    curator_client.post(decide(application.pk), {"decision": "decline", "note": "Nog te weinig ervaring."})
    application.refresh_from_db()
    assert application.status == "declined" and not Profile.objects.get(user=member).is_expert
    page = member_client.get(APPLY).text
    assert "Nog te weinig ervaring." in page and "Aanvraag versturen" in page  # they may apply again later
    assert Notification.objects.filter(recipient=member, event="application").count() == 1


@pytest.mark.django_db
def test_a_bad_decision_value_is_400(application, curator_client):
    assert curator_client.post(decide(application.pk), {"decision": "misschien"}).status_code == 400
    assert curator_client.post(decide(999999), {"decision": "approve"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 8])
def test_the_pages_cost_a_fixed_number_of_queries(curator_client, member_client, django_assert_num_queries, n):
    for i in range(n):
        verbs.apply_for_expert(by=make_user(f"kandidaat{i}@example.org"), expertise=["inkoop", f"t{i}"],
                               motivation="x")
    # Session, user with profile, the pending applications with member and organisation, their expertise.
    with django_assert_num_queries(4):
        assert curator_client.get(QUEUE).status_code == 200
    # Session, user with profile, their latest application (none), its expertise (skipped when none).
    with django_assert_num_queries(3):
        assert member_client.get(APPLY).status_code == 200


@pytest.mark.django_db
def test_the_profile_page_says_what_each_setting_does_for_a_non_expert(member_client, expert_client):
    page = member_client.get(reverse("directory:profile_edit")).text
    assert "De expertsgids toont alleen experts" in page and "tot dan doet het nog niets" in page
    assert "casussen worden je pas voorgelegd als je expert bent" in page
    assert reverse("directory:expert_apply") in page
    expert_page = expert_client.get(reverse("directory:profile_edit")).text
    assert "Aan: je staat in de expertsgids" in expert_page and "Word expert" not in expert_page


@pytest.mark.django_db
def test_sparring_availability_is_off_until_the_member_turns_it_on(db):
    assert make_user("nieuw@example.org").profile.is_available is False
    assert Profile._meta.get_field("is_available").default is False


@pytest.mark.django_db
def test_admin_says_why_an_expert_is_not_listed(curator_client, member):
    profile = member.profile
    change = f"/admin/directory/profile/{profile.pk}/change/"
    page = curator_client.get(change).text
    assert "geen expert" in page
    form = {"user": member.pk, "display_name": profile.display_name, "organisation": "", "bio": "",
            "expertise": "inkoop", "is_expert": "on", "is_available": "", "is_public": "", "show_email": ""}
    response = curator_client.post(change, form, follow=True)
    assert "staat niet in de expertsgids" in response.text and "niet openbaar" in response.text
    assert "nee: het profiel is niet openbaar" in curator_client.get("/admin/directory/profile/").text
