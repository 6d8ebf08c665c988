"""Small factories for search tests: real domain objects, indexed by the search receivers."""

import itertools

import pytest
from django.utils import timezone
from django.utils.text import slugify

_numbers = itertools.count(1)


def make_casus(title, body="Geen toelichting.", *, visibility="public", tags=(), author=None):
    from casussen.models import Casus

    casus = Casus.objects.create(
        title=title, slug=f"{slugify(title)[:180]}-{next(_numbers)}", body=body, visibility=visibility, author=author,
    )
    if tags:
        casus.tags.set(list(tags))
    return casus


def make_answer(casus, body, *, author=None):
    from casussen.models import Answer

    return Answer.objects.create(casus=casus, body=body, author=author)


def make_article(title, body="", *, published=True, tags=(), summary=""):
    from kennisbank.models import Article, Section

    section, _ = Section.objects.get_or_create(slug="handreikingen", parent=None, defaults={"title": "Handreikingen"})
    article = Article.objects.create(
        title=title, slug=f"{slugify(title)[:180]}-{next(_numbers)}", section=section, body=body, summary=summary,
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=timezone.now() if published else None,
    )
    if tags:
        article.tags.set(list(tags))
    return article


def make_topic(title, body="Wat vinden jullie?", *, author=None):
    from forum.models import Category, Topic

    category, _ = Category.objects.get_or_create(slug="algemeen", defaults={"name": "Algemeen"})
    return Topic.objects.create(title=title, body=body, category=category, author=author)


@pytest.fixture
def factories():
    class F:
        casus = staticmethod(make_casus)
        answer = staticmethod(make_answer)
        article = staticmethod(make_article)
        topic = staticmethod(make_topic)

    return F
