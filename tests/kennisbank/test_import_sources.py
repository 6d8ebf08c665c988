"""Import sources: articles belong to the folder they came from, so two folders never overwrite each other."""

import pytest
from django.core.management import CommandError, call_command

from kennisbank.importer import import_markdown
from kennisbank.models import Article, ImportSource, Section

pytestmark = pytest.mark.django_db


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_the_same_path_in_two_folders_gives_two_articles(tmp_path):
    write(tmp_path / "a" / "gids" / "goed.md", "# Goed uit a\n\nA.\n")
    write(tmp_path / "b" / "gids" / "goed.md", "# Goed uit b\n\nB.\n")
    import_markdown(tmp_path / "a")
    import_markdown(tmp_path / "b", section="tweede")
    assert sorted(Article.objects.values_list("source__name", "source_path", "title")) == [
        ("a", "gids/goed.md", "Goed uit a"), ("b", "gids/goed.md", "Goed uit b")]
    again = import_markdown(tmp_path / "a")
    assert again.unchanged == ["gids/goed.md"] and Article.objects.get(source__name="a").title == "Goed uit a"


def test_a_source_records_name_root_kind_licence_and_last_import(tmp_path):
    root = tmp_path / "site"
    write(root / "LICENSE", "SPDX-License-Identifier: EUPL-1.2\n\nEUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    write(root / "gids" / "pagina.md", "# Pagina\n\nTekst.\n")
    report = import_markdown(root, attribution="Gemeente Voorbeeld")
    source = ImportSource.objects.get()
    assert (source.name, source.root, source.kind, source.licence, source.attribution) == (
        "site", str(root.resolve()), "markdown", "EUPL-1.2", "Gemeente Voorbeeld")
    assert source.last_imported_at is not None and report.source == "site"
    assert Article.objects.get().licence == "EUPL-1.2"


def test_a_section_of_another_source_is_a_message_not_a_traceback(tmp_path):
    site = tmp_path / "site"
    write(site / "docs" / "communities" / "index.md", "# Communities\n\nWelkom.\n")
    write(site / "docs" / "communities" / "eerste.md", "# Eerste\n")
    write(site / "communities" / "index.md", "# Andere communities\n")
    import_markdown(site / "docs")
    report = import_markdown(site / "communities", section="communities")
    assert report.refused == [("", None, "section 'communities' belongs to import source 'docs'; import this folder "
                                         "under another section with --section, or as that source with --source docs")]
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_markdown", str(site / "communities"), "--section", "communities")
    assert Article.objects.count() == 2
    assert Section.objects.get(path="communities").index_article.title == "Communities"


def test_an_index_page_under_a_curators_section_does_not_take_its_introduction(tmp_path, section):
    from tests.factories import make_article

    intro = make_article(section, slug="over-licenties", title="Over licenties")
    section.index_article = intro
    section.save()
    write(tmp_path / "index.md", "# Ingevoerde inleiding\n")
    report = import_markdown(tmp_path, section="licenties")
    assert ("index.md", None, "section 'licenties' already has an introduction; imported as an article in it") \
        in report.notes
    section.refresh_from_db()
    assert section.index_article == intro
    imported = Article.objects.get(source_path="index.md")
    assert imported.section == section and imported.get_absolute_url() != section.get_absolute_url()


def test_articles_imported_before_sources_existed_are_adopted_not_duplicated(tmp_path, section):
    from tests.factories import make_article

    old = make_article(section, slug="pagina", title="Oud", source_path="gids/pagina.md")
    write(tmp_path / "gids" / "pagina.md", "# Pagina\n\nNieuw.\n")
    report = import_markdown(tmp_path)
    article = Article.objects.get()
    assert (article.pk, article.title, article.source) == (old.pk, "Pagina", ImportSource.objects.get())
    assert report.updated == ["gids/pagina.md"]
