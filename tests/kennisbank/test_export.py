"""export_markdown writes a self-contained folder that import_markdown reads back the same."""

import hashlib
import json
import re

import pytest
from django.core.management import call_command

from kennisbank.importer import import_markdown
from kennisbank.models import Article, ArticleRedirect, ImportConflict, ImportSource, Section

from .importing import FIXTURES

pytestmark = pytest.mark.django_db


def snapshot():
    """What a reader sees: every article, its section and place, its images; every section and its place."""
    articles = []
    for a in Article.objects.select_related("section").prefetch_related("tags"):
        image = hashlib.sha256(a.image.read()).hexdigest() if a.image else ""
        articles.append((a.section.path, a.title, a.slug, a.body, a.kind, a.status, a.listed, a.language, a.licence,
                         a.author_names, sorted(a.tags.names()), a.summary, a.image_caption, image,
                         a.published_at.isoformat() if a.published_at else None))
    order = {}
    for section in Section.objects.all():
        listed = section.articles.filter(index_of__isnull=True).order_by("order", "title")
        order[section.path] = ([a.slug for a in listed], [s.slug for s in section.children.order_by("order", "title")],
                               section.title, section.index_article.slug if section.index_article else None)
    top = [s.slug for s in Section.objects.top_level().order_by("order", "title")]
    return sorted(articles), order, top


def empty_the_kennisbank():
    ImportConflict.objects.all().delete()
    ArticleRedirect.objects.all().delete()
    Article.objects.all().delete()
    for section in sorted(Section.objects.all(), key=lambda s: -s.path.count("/")):  # children first (PROTECT)
        section.delete()
    ImportSource.objects.all().delete()


def media_files(body):
    return set(re.findall(r"/media/([^)\s\"']+)", body))


def test_a_corpus_round_trip_into_an_empty_database_gives_the_same_kennisbank(corpus, tmp_path, capsys):
    import_markdown(corpus)
    draft = Article.objects.get(source_path="docs/community/SUPPORT.md")
    draft.status = Article.Status.DRAFT
    draft.save()
    draft.tags.set(["community", "ondersteuning"])
    before = snapshot()
    call_command("export_markdown", str(tmp_path / "export"))
    assert "22 articles written" in capsys.readouterr().out
    # The source had no front matter: none is invented, the title is the first heading again.
    dco = (tmp_path / "export" / "best-practices" / "DCO.md").read_text("utf-8")
    assert dco.startswith("# Developer Certificate of Origin (DCO)\n\n")
    support = (tmp_path / "export" / "community" / "SUPPORT.md").read_text("utf-8")
    assert support.startswith("---\ntags:\n- community\n- ondersteuning\ndraft: true\n---\n")
    metadata = json.loads((tmp_path / "export" / "git-metadata.json").read_text("utf-8"))
    assert metadata["licence"] == "CC BY 4.0"
    assert metadata["files"]["bronnen/nederlands-overzicht.md"]["authors"] == [
        "Marc van Andel", "Thieu Caris", "Bram Withaar"]
    # Images beside the Markdown, linked relatively; no site URLs left.
    exported = "".join(p.read_text("utf-8") for p in (tmp_path / "export").rglob("*.md"))
    assert "](/media/" not in exported and "](/kennisbank/" not in exported
    used = {name.rsplit("/", 1)[-1].split("-", 1)[1] for a in Article.objects.all() for name in media_files(a.body)}
    assert used and {p.name for p in (tmp_path / "export").rglob("*.png")} == used

    empty_the_kennisbank()
    report = import_markdown(tmp_path / "export")
    assert len(report.created) == 22 and not report.refused and not report.broken_links
    assert snapshot() == before


def test_a_docusaurus_round_trip_keeps_front_matter_images_attachments_and_order(tmp_path):
    import_markdown(FIXTURES / "docusaurus-site")
    before = snapshot()
    export = tmp_path / "export"
    from kennisbank.importer import export_markdown

    export_markdown(export)
    features = (export / "open-source-gids" / "tutorial-basics" / "02-markdown-features.md").read_text("utf-8")
    assert features.startswith("---\ntitle: Markdown-functies\nsidebar_label: Markdown\nunlisted: true\n---\n")
    intro = (export / "open-source-gids" / "intro.md").read_text("utf-8")
    assert "date:" not in intro and intro.startswith("---\nsidebar_position: 1\ntitle: Welkom bij de gids\n")
    assert "](plan.pdf)" in intro and (export / "open-source-gids" / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert "](begroting.ods)" in intro and "[![Schema](schema.png)](schema.png)" in intro
    assert "](tutorial-basics/01-create-a-page.mdx)" in intro
    assert "](tutorial-basics/02-markdown-features.md#code-blocks)" in intro
    post = (export / "open-source-gids" / "blog" / "tweede.md").read_text("utf-8")
    assert "image: cover.png" in post and (export / "open-source-gids" / "blog" / "cover.png").is_file()

    empty_the_kennisbank()
    report = import_markdown(export)
    assert len(report.created) == 12 and not report.refused and not report.broken_links
    after = snapshot()
    for old, new in zip(before[0], after[0], strict=True):
        assert old == new
    assert after == before


def test_the_export_keeps_an_image_and_its_caption(section, tmp_path):
    from django.core.files.base import ContentFile

    from tests.factories import make_article

    article = make_article(section, slug="met-beeld", image_caption="Foto: OSPO-NL")
    article.image.save("beeld.png", ContentFile(b"\x89PNG\r\n\x1a\nfake"), save=True)
    call_command("export_markdown", str(tmp_path / "out"))
    text = (tmp_path / "out" / "licenties" / "met-beeld.md").read_text("utf-8")
    assert "image: beeld.png" in text and "caption: 'Foto: OSPO-NL'" in text
    assert (tmp_path / "out" / "licenties" / "beeld.png").read_bytes() == b"\x89PNG\r\n\x1a\nfake"
    empty_the_kennisbank()
    import_markdown(tmp_path / "out")
    again = Article.objects.get()
    assert again.image.read() == b"\x89PNG\r\n\x1a\nfake" and again.image_caption == "Foto: OSPO-NL"
