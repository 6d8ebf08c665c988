"""MkDocs folders ordered and titled by the awesome-pages plugin's `.pages` files (`nav` with `...` rest entries
and their glob/regex filters, `title`, `order`, `hide`), as mkdocs-awesome-pages-plugin documents them
(fixture tests/kennisbank/fixtures/mkdocs-awesome-pages)."""

import shutil

import pytest

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section

from .importing import FIXTURES, assert_every_internal_link_works, assert_no_raw_syntax

pytestmark = pytest.mark.django_db
SITE = FIXTURES / "mkdocs-awesome-pages"


def navigation(section):
    """A section's articles (not its index page) and subsections, in the order the site shows them."""
    items = [(a.order, a.title) for a in Article.objects.filter(section=section, index_of__isnull=True)]
    items += [(s.order, f"[{s.title}]") for s in Section.objects.filter(parent=section)]
    return [title for _order, title in sorted(items)]


@pytest.fixture
def report():
    return import_markdown(SITE)


def test_the_root_pages_nav_orders_pages_and_folders_with_the_rest_in_its_place(report, client, settings):
    assert not report.refused and not report.broken_links
    root = Section.objects.get(path="awesome-guide")
    # introduction.md, getting-started, then `...` (files, then folders), then summary.md; the link is no page.
    assert navigation(root) == ["Introduction", "[Getting started with it]", "Appendix", "[Archive]", "[Internal]",
                                "[Naslag]", "Summary"]
    assert_every_internal_link_works(client, settings)
    assert_no_raw_syntax()


def test_rest_filters_take_their_matches_in_order(report):
    section = Section.objects.get(path="awesome-guide/getting-started")
    # install.md; `... | config-*.md` (glob); `... | regex=^up`; then the rest.
    assert navigation(section) == ["Install", "Advanced configuration", "Basic configuration", "Upgrade", "Notes"]
    assert section.index_article.title == "Getting started"


def test_title_and_order_desc_of_a_folder(report):
    section = Section.objects.get(path="awesome-guide/reference")
    assert section.title == "Naslag"  # `.pages` title wins over the folder name
    assert navigation(section) == ["Reference C", "Reference B", "Reference A"]


def test_hidden_and_unlisted_pages_come_in_unlisted(report):
    # hide: true leaves the folder out of the navigation; a nav without `...` leaves out what it does not name.
    listed = dict(Article.objects.values_list("source_path", "listed"))
    assert listed["docs/internal/notes.md"] is False
    assert listed["docs/archive/old.md"] is False
    assert listed["docs/archive/keep.md"] is True and listed["docs/introduction.md"] is True
    assert navigation(Section.objects.get(path="awesome-guide/archive"))[0] == "Kept"


def test_a_second_import_changes_nothing(report):
    again = import_markdown(SITE)
    assert not again.created and not again.updated and len(again.unchanged) == len(report.created)


def test_without_the_plugin_or_with_a_full_nav_the_pages_files_are_ignored(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - awesome-pages\n", ""))
    import_markdown(site)
    root = Section.objects.get(path="awesome-guide")
    # The importer's order without a navigation: by name; the folder titles are the folders' names.
    order = navigation(root)
    assert order[:2] == ["Appendix", "[Archive]"] and order.index("Introduction") < order.index("Summary")
    assert Section.objects.get(path="awesome-guide/reference").title != "Naslag"
    assert Article.objects.get(source_path="docs/archive/old.md").listed is True


def test_a_regex_filter_that_does_not_compile_matches_nothing(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    (site / "docs/getting-started/.pages").write_text("nav:\n  - '... | regex=(['\n  - install.md\n  - ...\n")
    report = import_markdown(site)
    assert not report.refused
    assert navigation(Section.objects.get(path="awesome-guide/getting-started"))[0] == "Install"
