"""A Docusaurus config read as data (kennisbank/importer/jsconfig.py, tree-sitter, no regexes) and what it means
for an import: which docs version comes in, under which route, and which translations and versions stay out,
reported (fixture tests/kennisbank/fixtures/docusaurus-versioned, laid out as Docusaurus's own documentation of
versioning and i18n describes it)."""

import shutil

import pytest

from kennisbank.importer import import_markdown
from kennisbank.importer.jsconfig import UNKNOWN, read_config
from kennisbank.models import Article

from .importing import FIXTURES, assert_every_internal_link_works, assert_no_raw_syntax

SITE = FIXTURES / "docusaurus-versioned"


@pytest.mark.django_db
def test_the_version_the_site_shows_comes_in_and_the_rest_is_reported(client, settings):
    report = import_markdown(SITE)
    assert not report.refused and not report.broken_links
    # versions.json lists 1.1.0 first: Docusaurus serves it at /guide/, the unreleased docs/ at /guide/next.
    assert sorted(Article.objects.values_list("source_path", flat=True)) == [
        "versioned_docs/version-1.1.0/foo/bar.md", "versioned_docs/version-1.1.0/hello.md"]
    hello = Article.objects.select_related("section").get(source_path="versioned_docs/version-1.1.0/hello.md")
    assert "version 1.1.0 of the guide" in hello.body_html
    assert hello.language == "en"
    assert hello.source_url == "https://guide.example.org/guide/hello"
    # Both the relative link and the route (/guide/foo/bar, routeBasePath "guide") reach the imported page.
    bar = Article.objects.get(source_path="versioned_docs/version-1.1.0/foo/bar.md")
    assert hello.body_html.count(bar.get_absolute_url()) == 2
    assert_every_internal_link_works(client, settings)
    assert_no_raw_syntax()
    notes = {path: what for path, _line, what in report.notes}
    assert notes["docs"] == ("3 pages: unreleased docs (served under /guide/next) not imported: the site shows "
                             "version 1.1.0")
    assert notes["versioned_docs/version-1.0.0"] == (
        "2 pages: docs version 1.0.0 not imported (the site shows version 1.1.0 at /guide)")
    assert notes["i18n/fr"] == "2 pages: translation (fr) not imported"
    assert "note: i18n/fr: 2 pages: translation (fr) not imported" in report.lines()
    # A second import changes nothing.
    again = import_markdown(SITE)
    assert len(again.unchanged) == 2 and not again.created and not again.updated


@pytest.mark.django_db
def test_last_version_current_imports_the_docs_folder(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    config = site / "docusaurus.config.ts"
    config.write_text(config.read_text().replace("routeBasePath: 'guide',", "routeBasePath: 'guide', "
                                                                             "lastVersion: 'current',"))
    report = import_markdown(site)
    assert not report.refused and not report.broken_links
    assert sorted(Article.objects.values_list("source_path", flat=True)) == [
        "docs/foo/bar.md", "docs/hello.md", "docs/new-in-next.md"]
    notes = {path for path, _line, _what in report.notes}
    assert {"versioned_docs/version-1.0.0", "versioned_docs/version-1.1.0", "i18n/fr"} <= notes
    assert "docs" not in notes


@pytest.mark.django_db
def test_a_site_without_versions_imports_docs_and_an_unparsable_config_falls_back_to_the_defaults(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE, site, ignore=shutil.ignore_patterns("versions.json", "versioned_*"))
    (site / "docusaurus.config.ts").write_text("export default {{{ not javascript")
    report = import_markdown(site)
    assert not report.refused
    # Docusaurus's defaults: docs/ served under /docs; the links written for /guide/ are reported, not guessed.
    assert Article.objects.filter(source_path__startswith="docs/").count() == 3
    assert [target for _path, _line, target in report.broken_links] == ["/guide/foo/bar"]


def test_the_shapes_docusaurus_configs_come_in():
    assert read_config("module.exports = {title: 'A', url: process.env.URL, baseUrl: '/x/'};") == {
        "title": "A", "url": UNKNOWN, "baseUrl": "/x/"}
    assert read_config("export default async function createConfig() { return {title: \"F\"}; }") == {"title": "F"}
    assert read_config("const c = defineConfig({title: `T`}); export default c;") == {"title": "T"}
    assert read_config("""
        // @ts-check
        const shared = {i18n: {defaultLocale: 'nl', locales: ['nl', 'en']}};
        /** @type {import('@docusaurus/types').Config} */
        const config = {...shared, title: 'It\\'s', 'on-broken': "throw", tagline: `${x} y`, n: 0x10, ok: true,
                        presets: [['classic', /** @type {any} */ ({docs: {path: 'documentation'}})]]};
        module.exports = config;
    """) == {"i18n": {"defaultLocale": "nl", "locales": ["nl", "en"]}, "title": "It's", "on-broken": "throw",
             "tagline": UNKNOWN, "n": 16, "ok": True, "presets": [["classic", {"docs": {"path": "documentation"}}]]}
    assert read_config("") == {} and read_config("export default 42;") == {}
    assert read_config(open(SITE / "docusaurus.config.ts").read())["presets"][0][1]["docs"]["routeBasePath"] == "guide"
