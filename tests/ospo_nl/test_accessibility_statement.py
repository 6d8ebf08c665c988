"""The accessibility statement follows the Dutch model: status, standard, testing, known issues, contact, escalation."""

from django.urls import reverse


def test_the_statement_names_status_standard_testing_gaps_contact_and_the_ombudsman(client):
    text = client.get(reverse("accessibility")).text
    for part in ["C: eerste maatregelen genomen", "WCAG 2.1 niveau A en AA", "EN 301 549", "axe-core",
                 "320 en op 1280 pixels", "met het toetsenbord", "Bekende knelpunten", "binnen vijf",
                 "mailto:toegankelijkheid@ospo-nl.example", "https://www.nationaleombudsman.nl/",
                 'datetime="2026-11-22"']:
        assert part in text, part


def test_the_statement_is_translated_into_english(client):
    text = client.get("/en" + reverse("accessibility")).text
    for part in ["C: first measures taken", "How we test", "Known issues and what we do about them",
                 "National Ombudsman", "Within five working days"]:
        assert part in text, part
