"""The main journeys of each role in a real browser, each done twice: with the mouse and with the keyboard only.

With the keyboard every control is reached with Tab / Shift+Tab, links are followed with Enter, buttons and
checkboxes pressed with Space, and every focused control must show a visible focus indicator (see driving.py).
The `page` fixture fails a journey on any console error, failed request, 4xx/5xx response or CSP violation.
Data is made per test through the apps' own verbs (the live server runs on a transactional database).
"""

import re

import pytest
from django.core import mail

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Organisation
from forum.models import Topic
from ospo_nl.core.following import is_following
from tests.factories import make_answer, make_article, make_casus, make_category, make_section

from .conftest import log_in, visit
from .driving import Driver

pytestmark = pytest.mark.e2e

MODES = [pytest.param(False, id="mouse"), pytest.param(True, id="keyboard")]


@pytest.fixture
def people(member, expert, curator):
    """The personas of tests/conftest.py by role."""
    return {"member": member, "expert": expert, "curator": curator}


def main(page):
    return page.get_by_role("main")


@pytest.mark.parametrize("keyboard", MODES)
def test_a_visitor_searches_and_reads_a_casus_and_an_article(page, people, keyboard):
    make_casus(people["member"], "Welke licentie voor onze parkeerapp?", body="Wij twijfelen over de EUPL.")
    make_article(make_section("licenties", "Licenties"), slug="parkeerapps-publiceren", title="Parkeerapps publiceren",
                 body="Zo publiceer je een parkeerapp als open source.")
    ui = Driver(page, keyboard=keyboard)
    visit(page, "/")
    for query, result in [("parkeerapp licentie", "Welke licentie voor onze parkeerapp?"),
                          ("parkeerapps publiceren", "Parkeerapps publiceren")]:
        ui.fill(page.locator("#site-search-q"), query)
        ui.press(page.locator(".site-search__button"))
        assert "/zoeken/" in page.url
        ui.press(main(page).get_by_role("link", name=result).first)
        assert page.get_by_role("heading", level=1).inner_text() == result
    page.problems.check(page)


def sign_up(page, ui, email, name, password):
    visit(page, "/account/signup/")
    ui.fill(page.get_by_label("E-mailadres"), email)
    ui.fill(page.get_by_label("Naam"), name)
    ui.fill(page.get_by_label("Wachtwoord", exact=True), password)
    ui.fill(page.get_by_label("Wachtwoord (bevestigen)"), password)
    ui.press(main(page).get_by_role("button", name="Account aanmaken"))
    confirm_path = re.search(r"https?://[^/\s]+(/account/confirm-email/[^/\s]+/)", mail.outbox[-1].body).group(1)
    visit(page, confirm_path)
    ui.press(main(page).get_by_role("button", name="Bevestigen"))


@pytest.mark.parametrize("keyboard", MODES)
def test_a_member_signs_up_asks_a_casus_comments_votes_and_follows(page, people, keyboard):
    other = make_casus(people["expert"], "Hoe richten we een OSPO in?", tags=("ospo",))
    answer = make_answer(other, people["curator"], "Begin klein, met één team.")
    ui = Driver(page, keyboard=keyboard)
    sign_up(page, ui, "nina@gemeente.example", "Nina Nieuw", "een-sterk-wachtwoord-42")

    # Ask: the title step, the similar casussen step, then the full form.
    visit(page, "/casussen/vragen/")
    ui.fill(page.get_by_label("Titel van je casus"), "Hoe richten we een OSPO in bij een kleine gemeente?")
    ui.press(main(page).get_by_role("button", name="Verder"))
    similar = page.locator(".similar-casussen")
    assert similar.get_by_role("link", name="Hoe richten we een OSPO in?").is_visible()
    ui.fill(page.get_by_label("Context en vraag"), "Wij zijn een gemeente van 30.000 inwoners. Waar beginnen we?")
    ui.press(main(page).get_by_role("button", name="Casus plaatsen"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hoe richten we een OSPO in bij een kleine gemeente?"
    assert Casus.objects.filter(author__email="nina@gemeente.example").count() == 1

    # On someone else's casus: comment, vote for the answer, follow.
    visit(page, other.get_absolute_url())
    ui.fill(page.locator(f"#reactie-op-{answer.pk}"), "Hoe groot was dat team?")
    ui.press(page.locator(f"form[action$='/antwoord/{answer.pk}/reageren/'] button[type=submit]"))
    assert main(page).get_by_text("Hoe groot was dat team?").is_visible()
    ui.press(page.locator(f"#antwoord-{answer.pk} form[action$='/stemmen/'] button[value='1']"))
    ui.press(main(page).get_by_role("button", name="Volgen", exact=True))
    assert main(page).get_by_role("button", name="Niet meer volgen").is_visible()
    answer.refresh_from_db()
    assert answer.score == 1
    nina = answer.comments.get().author
    assert is_following(nina, other)
    page.problems.check(page)


@pytest.mark.parametrize("keyboard", MODES)
def test_an_expert_claims_and_answers_a_casus(page, people, live_server, keyboard):
    casus = make_casus(people["member"], "Mogen we GPL-code in een EUPL-project opnemen?")
    log_in(page.context, people["expert"], live_server)
    ui = Driver(page, keyboard=keyboard)
    visit(page, casus.get_absolute_url())
    ui.press(main(page).get_by_role("button", name="Oppakken"))
    assert main(page).get_by_text("opgepakt door Eva Expert").is_visible()
    ui.fill(page.get_by_label("Je antwoord"), "Ja: de GPL staat op de lijst van verenigbare licenties van de EUPL.")
    ui.press(main(page).get_by_role("button", name="Antwoord plaatsen"))
    casus.refresh_from_db()
    assert (casus.status, casus.claimed_by, casus.answer_count) == ("answered", people["expert"], 1)
    page.problems.check(page)


@pytest.mark.parametrize("keyboard", MODES)
def test_the_author_accepts_an_answer_and_writes_lessons_learned(page, people, live_server, keyboard):
    casus = make_casus(people["member"], "Welke licentie kiezen we voor onze app?")
    answer = make_answer(casus, people["expert"], "Kies de EUPL-1.2.")
    log_in(page.context, people["member"], live_server)
    ui = Driver(page, keyboard=keyboard)
    visit(page, casus.get_absolute_url())
    ui.press(main(page).get_by_role("button", name="Accepteer dit antwoord"))
    assert main(page).get_by_role("heading", name=re.compile("Geaccepteerd antwoord")).is_visible()
    ui.press(main(page).get_by_role("link", name="Afronden met geleerde lessen"))
    ui.fill(page.get_by_label("Geleerde lessen"), "De EUPL-1.2 past bij overheden; leg de keuze vast in het contract.")
    ui.press(main(page).get_by_role("button", name="Afronden"))
    casus.refresh_from_db()
    answer.refresh_from_db()
    assert casus.status == "resolved" and answer.is_accepted
    assert main(page).get_by_role("heading", name="Geleerde lessen").is_visible()
    page.problems.check(page)


@pytest.mark.parametrize("keyboard", MODES)
def test_a_curator_publishes_an_organisation_in_admin_and_promotes_a_casus(page, people, live_server, keyboard):
    organisation = Organisation.objects.create(name="Gemeente Voorbeeld", slug="gemeente-voorbeeld",
                                               is_published=False)
    casus = make_casus(people["member"], "Hoe publiceren we broncode veilig?")
    answer = make_answer(casus, people["expert"], "Scan eerst op geheimen.")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=people["member"])
    casus_verbs.resolve_casus(casus=casus, by=people["member"], lessons_learned="Scan op geheimen vóór publicatie.")
    make_section("publiceren", "Publiceren")
    log_in(page.context, people["curator"], live_server)
    ui = Driver(page, keyboard=keyboard)

    visit(page, f"/admin/directory/organisation/{organisation.pk}/change/")
    ui.check(page.locator("#id_is_published"))
    ui.press(page.locator("input[name=_save]"))
    organisation.refresh_from_db()
    assert organisation.is_published

    visit(page, casus.get_absolute_url())
    ui.press(main(page).get_by_role("button", name="Maak kennisbankartikel"))
    assert "/kennisbank/artikel/" in page.url and page.url.endswith("/bewerken/")
    ui.fill(page.get_by_label("Titel"), "Broncode veilig publiceren")
    ui.press(main(page).get_by_role("button", name="Opslaan"))
    casus.refresh_from_db()
    assert casus.article is not None and casus.article.title == "Broncode veilig publiceren"
    page.problems.check(page)


@pytest.mark.parametrize("keyboard", MODES)
def test_a_member_starts_a_forum_topic_and_replies(page, people, live_server, keyboard):
    category = make_category("Licenties", order=1)
    log_in(page.context, people["member"], live_server)
    ui = Driver(page, keyboard=keyboard)
    visit(page, "/forum/")
    ui.press(main(page).get_by_role("link", name="Licenties"))
    ui.press(main(page).get_by_role("link", name="Nieuw onderwerp"))
    ui.fill(page.get_by_label("Titel"), "Welke licentie kiezen jullie voor documentatie?")
    ui.fill(main(page).locator("textarea").first, "Wij twijfelen tussen CC BY en CC0.")
    ui.press(main(page).locator("form[method=post] button[type=submit]").last)
    topic = Topic.objects.get(category=category)
    assert page.get_by_role("heading", level=1).inner_text() == "Welke licentie kiezen jullie voor documentatie?"
    ui.fill(main(page).locator("form[action$='/acties/reageren/'] textarea"), "Wij kozen CC BY 4.0.")
    ui.press(main(page).locator("form[action$='/acties/reageren/'] button[type=submit]"))
    topic.refresh_from_db()
    assert topic.reply_count == 1
    assert main(page).get_by_text("Wij kozen CC BY 4.0.").is_visible()
    page.problems.check(page)
