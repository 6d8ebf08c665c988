"""The notification settings page: defaults, members, experts, bad input."""

from ospo_nl.notifications.models import NotificationSettings

URL = "/meldingen/instellingen/"


def test_a_member_sees_the_defaults_without_expert_options(member_client):
    response = member_client.get(URL)

    assert response.status_code == 200
    assert response.context["form"].initial["email_mode"] == "daily"
    assert "is_away" not in response.context["form"].fields


def test_a_member_chooses_a_weekly_digest_in_english(member, member_client):
    response = member_client.post(URL, {"email_mode": "weekly", "language": "en", "is_away": "on"})

    assert response.status_code == 302
    prefs = NotificationSettings.objects.get(user=member)
    assert (prefs.email_mode, prefs.language) == ("weekly", "en")
    assert prefs.is_away is False  # not a member's setting: never taken from POST


def test_an_expert_marks_themselves_away(expert, expert_client):
    response = expert_client.post(URL, {"email_mode": "daily", "language": "nl", "urgent_immediately": "on",
                                        "is_away": "on", "max_open_claims": "5"})

    assert response.status_code == 302
    prefs = NotificationSettings.objects.get(user=expert)
    assert prefs.is_away and prefs.max_open_claims == 5 and prefs.urgent_immediately


def test_bad_input_rerenders_with_400_and_keeps_the_input(expert, expert_client):
    response = expert_client.post(URL, {"email_mode": "hourly", "language": "nl", "max_open_claims": "99"})

    assert response.status_code == 400
    assert "email_mode" in response.context["form"].errors
    assert "max_open_claims" in response.context["form"].errors
    assert b'value="99"' in response.content
    assert not NotificationSettings.objects.filter(user=expert).exists()


def test_visitors_are_sent_to_log_in(client, db):
    assert client.get(URL).status_code == 302
    assert client.post(URL, {"email_mode": "off"}).status_code == 302
    assert not NotificationSettings.objects.exists()


def test_other_methods_are_not_allowed(member_client):
    assert member_client.put(URL).status_code == 405
