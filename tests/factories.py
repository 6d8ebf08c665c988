"""The test data factories of the whole suite: plain functions, keyword arguments, deterministic defaults.

Content is made through the apps' own verbs (`casussen.verbs.post_casus`, `post_answer`,
`forum.verbs.start_topic`, `post_reply`, `kennisbank.verbs.store_article`), so test data takes the real
code path: slugs, first revisions, mentions, follows, notifications and the search index.

A test that depends on a value states it; the defaults are only there to keep the other tests short.
The shared fixtures built on these (personas, `casus`, `answer`, `category`) are in tests/conftest.py.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Profile
from forum import verbs as forum_verbs
from forum.models import Category
from kennisbank.models import Article, Section
from kennisbank.verbs import store_article

PASSWORD = "correct-horse-battery"

CASUS_TITLE = "Welke licentie kiezen we?"
CASUS_BODY = "Wij willen onze app publiceren. Welke licentie?"
ANSWER_BODY = "Kies de EUPL-1.2; die is gemaakt voor overheden."
TOPIC_TITLE = "Welke licentie kiezen jullie?"
TOPIC_BODY = "Wij twijfelen tussen EUPL en MIT."
REPLY_BODY = "Wij kozen de EUPL."
ARTICLE_BODY = "Tekst."


def make_user(email, *, name="", is_staff=False, is_superuser=False, is_expert=False, expertise=(),
              organisation=None, is_public=None, password=PASSWORD):
    """A user with a verified primary e-mail address and a profile (public when an expert, unless told)."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, is_staff=is_staff, is_superuser=is_superuser
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    profile = Profile.objects.create(
        user=user, display_name=name or email.split("@")[0].title(), is_expert=is_expert,
        organisation=organisation, is_public=is_expert if is_public is None else is_public,
    )
    if expertise:
        profile.expertise.set(list(expertise))
    return user


def make_casus(author, title=CASUS_TITLE, *, body=CASUS_BODY, visibility=Casus.Visibility.PUBLIC, tags=("licenties",),
               **fields):
    """A casus posted by `author` through `post_casus`; `fields` are its other arguments (organisation, tried...)."""
    return casus_verbs.post_casus(by=author, title=title, body=body, visibility=visibility, tags=tags, **fields)


def make_answer(casus, author, body=ANSWER_BODY):
    """An answer by `author` (an expert or curator who may see the casus) through `post_answer`."""
    return casus_verbs.post_answer(casus=casus, by=author, body=body)


def make_category(name="Licenties", *, slug=None, description="", order=0):
    """A forum category; its slug is made from the name unless given."""
    return Category.objects.create(name=name, slug=slug or slugify(name), description=description, order=order)


def make_topic(author, category, title=TOPIC_TITLE, *, body=TOPIC_BODY, tags=(), **fields):
    """A forum topic started by `author` in `category` through `start_topic` (`fields`: language)."""
    return forum_verbs.start_topic(category=category, by=author, title=title, body=body, tags=tags, **fields)


def make_reply(author, topic, body=REPLY_BODY):
    """A reply by `author` on `topic` through `post_reply`."""
    return forum_verbs.post_reply(topic=topic, by=author, body=body)


def make_section(slug="licenties", title="Licenties", *, parent=None):
    """A kennisbank section (top level unless `parent` is given)."""
    section = Section(slug=slug, title=title, parent=parent)
    section.save()
    return section


def make_article(section=None, *, slug="", title=None, body=ARTICLE_BODY, status=Article.Status.PUBLISHED,
                 kind=Article.Kind.BACKGROUND, tags=(), authors=(), by=None, **fields):
    """A kennisbank article saved through `store_article` (as the importer does), published unless told otherwise.

    Without a section it goes into the top-level section "licenties" (made when missing). Without a title the
    title is the slug in words ("eupl-kiezen" -> "Eupl kiezen"); without a slug `store_article` chooses one from
    the title. `fields` are other Article fields (summary, author_names, image_caption...).
    """
    if section is None:
        section, _created = Section.objects.get_or_create(parent=None, slug="licenties",
                                                          defaults={"title": "Licenties"})
    if title is None:
        title = slug.replace("-", " ").capitalize() if slug else "Een artikel"
    article = Article(section=section, slug=slug, title=title, body=body, status=status, kind=kind, **fields)
    store_article(article, by=by)
    if tags:
        article.tags.set(list(tags))
    if authors:
        article.authors.set(list(authors))
    return article
