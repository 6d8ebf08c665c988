"""Importing front matter (Docusaurus, Jekyll), .mdx, git checkouts, bad files, and re-runs."""

import subprocess
from unittest import mock

import pytest
from django.utils import timezone

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section
from ospo_nl.core.revisions import revisions_of

pytestmark = pytest.mark.django_db


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_a_seed_with_front_matter_imports_title_tags_teaser_and_image_caption(seeds, tmp_path):
    seed = next(seeds.glob("002_*.txt"))
    write(tmp_path / "src" / "blog" / "open-samenwerken.md", seed.read_text("utf-8"))
    report = import_markdown(tmp_path / "src")
    assert report.created == ["blog/open-samenwerken.md"] and not report.errors
    article = Article.objects.get()
    assert article.title == "Open Source voor Open Samenwerken"
    assert set(article.tags.names()) == {"open samenwerking", "code for nl", "open source"}
    assert article.summary.startswith("In de praktijk blijkt de mentaliteit")
    assert article.image_caption.startswith('"Collaborate [11/52]" by Brenderous')
    assert article.image_source == "https://live.staticflickr.com/6226/6278328485_22a07a4803_b.jpg"
    assert article.kind == Article.Kind.NEWS  # from the blog folder
    assert article.section.path == "blog"


def test_docusaurus_front_matter_sets_order_slug_date_and_authors(tmp_path):
    write(tmp_path / "docs" / "inkoop" / "_category_.json", '{"label": "Inkoop en aanbesteden", "position": 3}')
    write(tmp_path / "docs" / "inkoop" / "stappen.md", (
        "---\ntitle: Open source inkopen\nsidebar_position: 2\nslug: /inkoop/open-source-inkopen\n"
        "date: 2025-03-01\nauthors: [Eva Expert, Erik Inkoop]\ntags: inkoop, aanbesteden\n"
        "kind: stappenplan\ndescription: Zo koop je open source in.\n---\n\n# Open source inkopen\n\nEerst dit.\n"
    ))
    import_markdown(tmp_path)
    article = Article.objects.select_related("section").get()
    # sidebar_position 2 is the first (and only) place in its folder: order is the rank in the navigation.
    assert (article.slug, article.order, article.kind) == ("open-source-inkopen", 1, Article.Kind.STEP_BY_STEP)
    assert timezone.localdate(article.published_at).isoformat() == "2025-03-01"
    assert article.author_names == "Eva Expert, Erik Inkoop"
    assert article.body == "Eerst dit.\n"  # the heading repeating the title is not kept twice
    assert (article.section.title, article.section.order) == ("Inkoop en aanbesteden", 1)


def test_jekyll_permalink_gives_the_slug_and_draft_stays_draft(tmp_path):
    write(tmp_path / "_posts" / "2024-01-01-nieuws.md",
          "---\nlayout: post\ntitle: Nieuw beleid\npermalink: /nieuws/nieuw-beleid/\ndraft: true\n---\nTekst.\n")
    import_markdown(tmp_path)
    article = Article.objects.get()
    assert article.slug == "nieuw-beleid" and article.status == Article.Status.DRAFT


def test_mdx_keeps_the_prose_as_a_tab_panel_and_reports_what_was_dropped(tmp_path):
    write(tmp_path / "gids" / "licenties.mdx", (
        "---\ntitle: Licenties\n---\nimport Tabs from '@theme/Tabs';\n\n<Tabs>\n<TabItem value=\"eupl\">\n\n"
        "De EUPL is een **Europese** licentie.\n\n</TabItem>\n</Tabs>\n\n```js\nimport x from 'y';\n```\n"
    ))
    report = import_markdown(tmp_path)
    article = Article.objects.get()
    assert "De EUPL is een **Europese** licentie." in article.body
    assert "<Tab" not in article.body and "import Tabs" not in article.body
    assert '<details class="tab-panel" open><summary>eupl</summary>' in article.body_html
    assert "import x from 'y';" in article.body  # code blocks are left alone
    assert ("gids/licenties.mdx", None, "statement: import Tabs from '@theme/Tabs';") in report.notes


def test_an_unreadable_file_refuses_the_whole_folder_with_path_and_reason(tmp_path):
    write(tmp_path / "a" / "goed.md", "# Goed\n\nTekst.\n")
    (tmp_path / "a" / "kapot.md").write_bytes(b"# Kapot\n\n\xff\xfe niet utf-8")
    write(tmp_path / "a" / "yaml.md", "---\ntitle: [niet afgesloten\n---\nTekst\n")
    report = import_markdown(tmp_path)
    assert dict(report.errors) == {
        "a/kapot.md": "not UTF-8 text (byte 9)", "a/yaml.md": "front matter is not valid YAML (ParserError at line 2)"}
    assert report.lines()[0].startswith("nothing imported: 2 refused")
    assert not Article.objects.exists() and not Section.objects.exists()


def test_skip_errors_imports_the_rest(tmp_path):
    write(tmp_path / "a" / "goed.md", "# Goed\n\nTekst.\n")
    (tmp_path / "a" / "kapot.md").write_bytes(b"# Kapot\n\n\xff\xfe niet utf-8")
    report = import_markdown(tmp_path, skip_errors=True)
    assert report.created == ["a/goed.md"] and len(report.refused) == 1
    assert list(Article.objects.values_list("title", flat=True)) == ["Goed"]


def test_nothing_is_half_imported_when_a_save_fails(tmp_path):
    write(tmp_path / "a" / "een.md", "# Een\n")
    write(tmp_path / "a" / "twee.md", "# Twee\n")
    real = Article.save
    calls = []

    def failing_second_save(self, *args, **kwargs):
        calls.append(self.title)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(self, *args, **kwargs)

    with mock.patch.object(Article, "save", failing_second_save), pytest.raises(RuntimeError):
        import_markdown(tmp_path)
    assert Article.objects.count() == 0 and Section.objects.count() == 0


def test_a_changed_file_is_updated_with_a_new_revision_and_others_are_left_alone(tmp_path):
    write(tmp_path / "a" / "een.md", "# Een\n\nOud.\n")
    write(tmp_path / "a" / "twee.md", "# Twee\n\nBlijft.\n")
    import_markdown(tmp_path)
    write(tmp_path / "a" / "een.md", "# Een\n\nNieuw.\n")
    report = import_markdown(tmp_path)
    assert (report.updated, report.unchanged) == (["a/een.md"], ["a/twee.md"])
    een = Article.objects.get(title="Een")
    assert een.body == "Nieuw.\n"
    assert [r.data["body"] for r in revisions_of(een)] == ["Nieuw.\n", "Oud.\n"]
    assert revisions_of(Article.objects.get(title="Twee")).count() == 1


def test_same_file_names_in_two_folders_get_distinct_slugs(tmp_path):
    write(tmp_path / "community" / "CONTRIBUTING.md", "# Contributing\n")
    write(tmp_path / "nieuw" / "CONTRIBUTING.md", "# Contributing\n")
    import_markdown(tmp_path)
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["contributing", "nieuw-contributing"]


def test_attribute_lists_become_attributes_and_never_show_as_text(tmp_path):
    write(tmp_path / "a" / "knop.md",
          "# Knop\n\n[Aanmelden](https://example.org){ .md-button .md-button--primary }\n\n"
          "## Kop { #eigen-id }\n\n```\n{ .blijft }\n```\n")
    import_markdown(tmp_path)
    html = Article.objects.get().body_html
    assert 'class="md-button md-button--primary"' in html and '<h2 id="eigen-id">Kop</h2>' in html
    assert "{ .md-button" not in html and "{ .blijft }" in html


def test_authors_and_dates_come_from_git_log_in_a_checkout(tmp_path):
    repo = tmp_path / "repo"
    write(repo / "docs" / "gids" / "pagina.md", "# Pagina\n\nEen.\n")

    def git(*args, author):
        env = {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": author,
               "GIT_COMMITTER_EMAIL": "a@example.org", "GIT_AUTHOR_DATE": "2024-02-03T10:00:00+01:00",
               "GIT_COMMITTER_DATE": "2024-02-03T10:00:00+01:00", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)

    git("init", "-q", author="x")
    git("add", ".", author="Anna Eerste")
    git("commit", "-qm", "eerste", author="Anna Eerste")
    write(repo / "docs" / "gids" / "pagina.md", "# Pagina\n\nTwee.\n")
    git("commit", "-qam", "tweede", author="Bert Tweede")
    import_markdown(repo)
    article = Article.objects.get()
    assert article.source_path == "docs/gids/pagina.md"
    assert article.author_name_list == ["Anna Eerste", "Bert Tweede"]
    assert len(article.source_commit) >= 7
    assert article.published_at.date().isoformat() == "2024-02-03"
