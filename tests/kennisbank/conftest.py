from pathlib import Path

import pytest
from django.conf import settings

from kennisbank.models import Article, Section
from kennisbank.verbs import save_article

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpora" / "ospo-nl-kennisbank"
SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    # Imported images go to default storage: keep them out of the project's media folder.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"the kennisbank corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def seeds():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed files are not at {SEEDS}")
    return SEEDS


def make_section(slug="licenties", title="Licenties", parent=None):
    section = Section(slug=slug, title=title, parent=parent)
    section.save()
    return section


def make_article(section, slug, *, title=None, status=Article.Status.PUBLISHED, tags=(), body="Tekst.", by=None,
                 kind=Article.Kind.BACKGROUND, **fields):
    article = Article(section=section, slug=slug, title=title or slug.replace("-", " ").capitalize(), status=status,
                      body=body, kind=kind, **fields)
    save_article(article, by=by)
    if tags:
        article.tags.set(list(tags))
    return article


@pytest.fixture
def section(db):
    return make_section()
