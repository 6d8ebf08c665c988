"""The operator (settings.OPERATOR, from OPERATOR_* in the environment) is named on the privacy statement and the
colophon ("Over ons"), both linked from every page's footer; a legal basis that is not one of the GDPR's stops
the start; `check --deploy` warns while the example addresses are still in place."""

import pytest
from django.test import override_settings

from tests.ospo_nl.test_settings import _run_check

OPERATOR = {
    "name": "Stichting Open Overheid", "address": "Lange Voorhout 1, 2514 EA Den Haag",
    "website": "https://open-overheid.example.nl", "contact_email": "info@open-overheid.nl",
    "privacy_contact": "Functionaris gegevensbescherming", "privacy_email": "fg@open-overheid.nl",
    "legal_basis": "contract", "backup_retention_days": 14,
}


@pytest.mark.django_db
@override_settings(OPERATOR=OPERATOR)
def test_privacy_statement_names_controller_contact_legal_basis_and_retention(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stichting Open Overheid beheert dit platform en is verwerkingsverantwoordelijke" in html
    assert "Lange Voorhout 1, 2514 EA Den Haag" in html
    assert '<a href="mailto:fg@open-overheid.nl">fg@open-overheid.nl</a>' in html
    assert "Functionaris gegevensbescherming" in html
    assert "AVG artikel 6 lid 1 onder b" in html and "onder e)" not in html
    assert "hooguit 14 dagen" in html
    assert "neem contact op met de beheerders" not in html


@pytest.mark.django_db
@override_settings(OPERATOR={**OPERATOR, "legal_basis": "public_task", "backup_retention_days": 1})
def test_privacy_statement_follows_the_configured_legal_basis(client):
    html = client.get("/privacy/").content.decode()
    assert "taak van algemeen belang" in html and "onder e)" in html
    assert "hooguit 1 dag;" in html


@pytest.mark.django_db
@override_settings(OPERATOR=OPERATOR)
def test_colophon_says_who_runs_the_site_in_dutch_and_english(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/over-ons/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="https://open-overheid.example.nl">Stichting Open Overheid</a>' in html
    assert "mailto:info@open-overheid.nl" in html and "EUPL-1.2" in html
    assert '<a href="/over-ons/">Over ons</a>' in html, "the footer links the colophon"
    english = client.get("/en/over-ons/").content.decode()
    assert "About us" in english and "Who runs this platform" in english


@pytest.mark.django_db
def test_colophon_and_privacy_are_read_only(client):
    assert client.post("/over-ons/").status_code == 405
    assert client.post("/privacy/").status_code == 405


def test_a_legal_basis_that_is_not_one_of_the_gdprs_stops_the_start():
    result = _run_check({"DEBUG": "1", "OPERATOR_LEGAL_BASIS": "because"})
    assert result.returncode != 0
    assert "OPERATOR_LEGAL_BASIS='because' is not one of public_task" in result.stderr


def test_check_deploy_warns_about_the_example_operator_addresses():
    from ospo_nl.apps import check_operator

    with override_settings(OPERATOR={**OPERATOR, "contact_email": "contact@ospo-nl.example"}):
        assert [w.id for w in check_operator()] == ["ospo_nl.W001"]
    with override_settings(OPERATOR=OPERATOR):
        assert check_operator() == []
