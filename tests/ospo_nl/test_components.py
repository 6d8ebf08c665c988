"""The NL Design System components as the design system means them, checked in the HTML the pages send:
one breadcrumb markup (a reset <ol>), danger buttons on destructive actions, tables with the utrecht classes,
notices with their content wrapper, a status that says "opgepakt" once. The browser test
tests/e2e/test_components.py checks the same components' computed styles."""

import re

import pytest
from django.urls import reverse

from casussen.verbs import claim_casus
from ospo_nl.moderation import verbs as moderation
from tests.factories import make_article, make_reply, make_section, make_topic

pytestmark = pytest.mark.django_db

BREADCRUMB_LIST = 'class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol"'


def breadcrumb(html):
    match = re.search(r'<nav class="utrecht-breadcrumb-nav" aria-label="Kruimelpad">(.*?)</nav>', html, re.S)
    assert match, "the page has the design system's breadcrumb navigation"
    return match.group(1)


def crumb_labels(html):
    return re.findall(r'class="utrecht-link utrecht-breadcrumb-nav__link[^"]*" href="[^"]*">([^<]*)</a>',
                      breadcrumb(html))


def test_forum_topic_breadcrumb_is_the_design_systems_list_with_reset_numbers(client, member, category):
    topic = make_topic(member, category)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert BREADCRUMB_LIST in breadcrumb(html)
    assert crumb_labels(html) == ["Forum", "Licenties"]


def test_kennisbank_article_breadcrumb_lists_kennisbank_and_its_section(client):
    article = make_article(make_section())
    html = client.get(article.get_absolute_url()).content.decode()
    assert BREADCRUMB_LIST in breadcrumb(html)
    assert crumb_labels(html) == ["Kennisbank", "Licenties"]


def test_casus_and_expert_pages_use_the_same_breadcrumb(client, casus, expert):
    assert crumb_labels(client.get(casus.get_absolute_url()).content.decode()) == ["Casussen"]
    html = client.get(expert.profile.get_absolute_url()).content.decode()
    assert BREADCRUMB_LIST in breadcrumb(html)
    assert crumb_labels(html) == ["Voorpagina", "Experts"]


def test_no_template_writes_its_own_breadcrumb_markup():
    from pathlib import Path

    from django.conf import settings

    own = [str(path) for path in Path(settings.BASE_DIR).glob("**/templates/**/*.html")
           if ".venv" not in path.parts and "Kruimelpad" in path.read_text()
           and path.name != "breadcrumbs.html"]
    assert own == []


def test_account_deletion_is_a_danger_button_not_a_primary_one(member_client):
    html = member_client.get("/account/verwijderen/").content.decode()
    button = re.search(r'<button class="([^"]*)" type="submit">Mijn account definitief verwijderen', html)
    assert button, "the delete button is on the page"
    assert "utrecht-button--danger" in button.group(1).split()


def test_destructive_moderation_actions_are_danger_buttons_and_the_reason_is_marked(curator_client, member,
                                                                                     other_member, category):
    topic = make_topic(member, category)
    reply = make_reply(member, topic)
    moderation.report(target=reply, by=other_member, reason="spam", note="")
    html = curator_client.get(reverse("moderation:queue")).content.decode()
    classes = dict((value, cls) for cls, value in
                   re.findall(r'<button class="([^"]*)" type="submit" name="action" value="(\w+)"', html))
    for action in ("hide", "delete", "suspend"):
        assert "utrecht-button--danger" in classes[action].split(), action
    for action in ("dismiss", "warn"):
        assert "utrecht-button--danger" not in classes[action].split(), action
    assert re.search(r'Reden <span class="required-marker">\(verplicht bij verbergen', html)
    assert 'aria-describedby="reden-1-hulp"' in html


def test_delete_buttons_on_posts_are_danger_buttons(member_client, curator_client, member, casus, category):
    topic = make_topic(member, category)
    html = curator_client.get(topic.get_absolute_url()).content.decode()
    assert re.search(r'<button class="utrecht-button utrecht-button--subtle utrecht-button--danger" type="submit">'
                     r'Onderwerp verwijderen', html)
    html = member_client.get(casus.get_absolute_url()).content.decode()
    assert re.search(r'<button class="[^"]*utrecht-button--danger[^"]*" type="submit">Verwijderen', html)


def test_tables_carry_the_utrecht_cell_classes(client, member, category):
    make_topic(member, category)
    html = client.get(reverse("forum:home")).content.decode()
    table = html[html.index('<table class="utrecht-table'):html.index("</table>")]
    assert not re.search(r"<(thead|tbody|tr|td)>", table), "every part of the table has its utrecht class"
    assert 'class="utrecht-table__cell utrecht-table__cell--numeric-data"' in table
    assert 'class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"' in table


def test_notices_have_the_alert_content_and_message_parts(client, curator):
    article = make_article(make_section(), status="draft")
    client.force_login(curator)
    html = client.get(article.get_absolute_url()).content.decode()
    assert re.search(r'<div class="utrecht-alert utrecht-alert--warning"><div class="utrecht-alert__content">'
                     r'<p class="utrecht-alert__message utrecht-paragraph">Concept', html)


def test_claimed_casus_says_opgepakt_once_in_its_status(client, casus, expert):
    claim_casus(casus=casus, by=expert)
    html = client.get(casus.get_absolute_url()).content.decode()
    status = re.search(r"<dt>Status</dt><dd>(.*?)</dd>", html, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", status)
    assert text.count("opgepakt") == 1
    assert "opgepakt door Eva Expert" in text
    listing = client.get(reverse("casussen:unanswered")).content.decode()
    row = listing[listing.index(casus.title):]
    row = re.sub(r"<[^>]+>", "", row[:row.index("</li>")])
    assert row.count("opgepakt") == 1
