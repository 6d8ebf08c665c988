"""export_markdown writes Markdown with front matter that import_markdown reads back."""

import pytest
from django.core.management import call_command

from kennisbank.importer import import_markdown
from kennisbank.models import Article, Section

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(
        (a.title, a.section.path, a.body, a.kind, a.status, a.author_names, sorted(a.tags.names()))
        for a in Article.objects.select_related("section")
    )


def test_round_trip_into_an_empty_database_gives_the_same_titles_sections_and_bodies(corpus, tmp_path, capsys):
    import_markdown(corpus)
    draft = Article.objects.get(source_path="docs/community/SUPPORT.md")
    draft.status = Article.Status.DRAFT
    draft.save()
    draft.tags.set(["community", "ondersteuning"])
    before = snapshot()
    sections = sorted(Section.objects.values_list("path", "title"))
    call_command("export_markdown", str(tmp_path / "export"))
    assert "22 articles written" in capsys.readouterr().out
    assert (tmp_path / "export" / "best-practices" / "dco.md").read_text("utf-8").startswith(
        "---\ntitle: Developer Certificate of Origin (DCO)\nslug: dco\n")

    Article.objects.all().delete()
    Section.objects.all().delete()
    report = import_markdown(tmp_path / "export")
    assert len(report.created) == 22 and not report.errors and not report.broken_links
    assert snapshot() == before
    assert sorted(Section.objects.values_list("path", "title")) == sections


def test_the_export_keeps_an_image_and_its_caption(section, tmp_path):
    from django.core.files.base import ContentFile

    from tests.factories import make_article

    article = make_article(section, slug="met-beeld", image_caption="Foto: OSPO-NL")
    article.image.save("beeld.png", ContentFile(b"\x89PNG fake"), save=True)
    call_command("export_markdown", str(tmp_path / "out"))
    text = (tmp_path / "out" / "licenties" / "met-beeld.md").read_text("utf-8")
    assert "image: ../assets/" in text and "caption: 'Foto: OSPO-NL'" in text
    Article.objects.all().delete()
    import_markdown(tmp_path / "out")
    again = Article.objects.get()
    assert again.image.read() == b"\x89PNG fake" and again.image_caption == "Foto: OSPO-NL"
