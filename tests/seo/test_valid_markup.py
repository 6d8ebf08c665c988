"""Markup the Nu HTML Checker and axe reject: <time datetime> values with microseconds, a heading used as a live
region, scrolling code blocks nobody can focus, a second h1 from an article body."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse

from ospo_nl.core.markdown_pipeline import is_page_id, render_markdown, render_markdown_with_toc
from tests.factories import make_article, make_casus

# A valid global date and time string (HTML): seconds at most, and an offset; or a plain date.
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$|^\d{4}-\d\d-\d\d$")


def render(value):
    return Template("{% load ospo %}{{ value|iso_datetime }}").render(Context({"value": value}))


def test_iso_datetime_drops_the_microseconds_and_keeps_the_offset_in_dutch_time():
    moment = datetime.datetime(2026, 11, 22, 18, 32, 14, 923182, tzinfo=datetime.UTC)
    assert render(moment) == "2026-11-22T19:32:14+01:00"


def test_iso_datetime_of_a_date_is_the_date_and_of_nothing_is_empty():
    assert render(datetime.date(2026, 11, 22)) == "2026-11-22"
    assert render(None) == ""


def test_no_template_writes_a_datetime_attribute_without_iso_datetime():
    # `|date:'c'` keeps microseconds: every <time> goes through the filter (or is a fixed date).
    roots = [Path(settings.BASE_DIR) / "templates", Path(settings.BASE_DIR) / "ospo_nl"]
    offenders = [
        f"{path}: {match}"
        for root in roots for path in root.rglob("*.html")
        for match in re.findall(r'datetime="([^"]*)"', path.read_text())
        if "|iso_datetime" not in match and not DATETIME.match(match)
    ]
    assert offenders == []


@pytest.mark.django_db
def test_every_datetime_on_a_casus_page_is_valid(client, member, expert):
    from tests.factories import make_answer

    casus = make_casus(member)
    make_answer(casus, expert)
    values = re.findall(r'<time datetime="([^"]*)"', client.get(casus.get_absolute_url()).text)
    assert len(values) >= 2
    assert all(DATETIME.match(value) for value in values), values
    assert datetime.datetime.fromisoformat(values[0]).tzinfo.utcoffset(None) == (
        datetime.datetime.now(ZoneInfo(settings.TIME_ZONE)).utcoffset())


@pytest.mark.django_db
def test_search_results_have_a_real_heading_and_a_separate_live_region(client, member):
    make_casus(member, "Licentie voor een portaal", body="Welke licentie?")
    text = client.get(reverse("search"), {"q": "licentie"}).text
    assert re.search(r'<h2 class="utrecht-heading-2" id="results-heading">Zoekresultaten</h2>', text)
    assert re.search(r'<p [^>]*role="status">1 resultaat</p>', text)
    assert not re.search(r"<h\d[^>]*role=", text)


def test_an_imported_body_h1_in_html_is_demoted_so_the_page_keeps_one_h1():
    html = render_markdown("<h1>Over DCO</h1>\n\nTekst.\n\n## Aanpak\n\n###### Detail")
    assert "<h1" not in html
    assert "<h2>Over DCO</h2>" in html and '<h3 id="aanpak">Aanpak</h3>' in html
    assert '<h6 id="detail">' in html  # there is no h7


def test_a_markdown_h1_is_demoted_and_a_body_without_one_is_left_alone():
    assert render_markdown("# Titel\n\n## Sub").startswith('<h2 id="titel">Titel</h2>')
    assert render_markdown("## Sub").startswith('<h2 id="sub">Sub</h2>')


@pytest.mark.django_db
def test_an_article_with_an_h1_in_its_body_has_one_h1(client):
    article = make_article(slug="dco", title="DCO", body="<h1>DCO</h1>\n\nOndertekenen.\n\n# Nog een")
    assert client.get(article.get_absolute_url()).text.count("<h1") == 1


def test_code_blocks_wrap_instead_of_scrolling_unfocusably():
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    rule = re.search(r"^pre \{([^}]*)\}", css, re.MULTILINE).group(1)
    assert "white-space: pre-wrap" in rule and "overflow-wrap: anywhere" in rule
    assert "overflow-x: auto" not in rule


def test_a_body_heading_named_like_an_element_of_the_page_gets_an_id_of_its_own():
    html, toc = render_markdown_with_toc("## Main\n\n## Main\n\n## Reacties\n\n## Antwoord 12\n\n## Aanpak")
    ids = re.findall(r'id="([^"]*)"', html)
    assert ids == ["main_1", "main_2", "reacties_1", "antwoord-12_1", "aanpak"]
    assert [entry["id"] for entry in toc] == ids  # the table of contents links to the ids the headings have


def test_raw_html_in_a_body_loses_only_the_ids_the_page_uses_itself():
    html = render_markdown('<h2 id="main">Kop</h2><p><a id="error-summary">x</a> <a id="id_title">y</a> '
                           '<a id="eigen-anker">z</a></p>')
    assert re.findall(r'id="([^"]*)"', html) == ["eigen-anker"]


def test_every_id_a_template_gives_an_element_is_one_a_body_keeps_off():
    # A new id in a template that a body heading could also get ("## Reacties") must join PAGE_IDS (or a family).
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("ospo_nl/*/templates")]
    found = set()
    for root in roots:
        for path in root.rglob("*.html"):
            for value in re.findall(r'\bid="([^"]*)"', path.read_text()):
                if value.startswith("{{"):
                    continue  # a form field's id (id_…) or one a view passes in
                found.add(re.sub(r"\{\{[^}]*\}\}", "7", value))
    assert len(found) > 40
    assert sorted(value for value in found if not is_page_id(value)) == []


def test_tables_of_a_body_become_numbered_focusable_scroll_regions_when_shown():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n`<table>` <table><tr><td>ruw</td></tr></table>")
    shown = Template("{% load ospo %}{{ html|body }}").render(Context({"html": html}))
    regions = re.findall(r'<div class="table-scroll" tabindex="0" role="region" aria-label="([^"]*)"><table>', shown)
    assert regions == ["Tabel 1", "Tabel 2"]
    assert shown.count("</table></div>") == 2 and "<code>&lt;table&gt;</code>" in shown
    assert "tabindex" not in html  # stored as the sanitizer made it: the regions are added when a page is shown


def test_a_body_without_tables_is_shown_as_stored():
    html = render_markdown("Tekst met **nadruk** & meer.")
    assert Template("{% load ospo %}{{ html|body }}").render(Context({"html": html})) == html


@pytest.mark.django_db
def test_an_article_table_is_a_scroll_region_labelled_in_the_page_language(client):
    article = make_article(slug="brede-tabel", body="| a | b |\n|---|---|\n| 1 | 2 |")
    assert 'role="region" aria-label="Tabel 1"><table>' in client.get(article.get_absolute_url()).text
    assert 'role="region" aria-label="Table 1"><table>' in client.get(f"/en{article.get_absolute_url()}").text


def test_a_scoped_body_prefixes_its_ids_and_its_links_to_them_only():
    html = render_markdown("## Aanpak\n\nZie[^1] en [de kop](#aanpak) of [elders](#main).\n\n[^1]: Noot.\n\n"
                           'Tekst met id="x" erin.')
    shown = Template("{% load ospo %}{{ html|body:'answer-7' }}").render(Context({"html": html}))
    assert 'Tekst met id="x" erin.' in shown  # text is not touched (bleach leaves quotes in text as they are)
    ids = re.findall(r'\bid="([^"]*)"', shown.replace('id="x"', ""))
    assert ids == ["answer-7-aanpak", "answer-7-fnref:1", "answer-7-fn:1"]
    assert 'href="#answer-7-fn:1"' in shown and 'href="#answer-7-fnref:1"' in shown
    assert 'href="#answer-7-aanpak"' in shown and 'href="#main"' in shown  # not an id of this body: left alone


@pytest.mark.django_db
def test_two_answers_with_the_same_heading_and_footnote_have_ids_of_their_own(client, member, expert, curator):
    from tests.factories import make_answer

    casus = make_casus(member)
    answers = [make_answer(casus, author, "## Aanpak\n\nZie[^1].\n\n[^1]: Noot.") for author in (expert, curator)]
    ids = re.findall(r'\bid="([^"]*)"', client.get(casus.get_absolute_url()).text)
    assert len(ids) == len(set(ids))
    assert [f"answer-{answer.pk}-aanpak" in ids for answer in answers] == [True, True]
