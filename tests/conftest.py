"""Personas and shared fixtures for all tests; the factories behind them are in tests/factories.py.

Personas: visitor (anonymous), member, expert, curator, admin. Each has a `*_client` fixture
that is logged in. Shared content: `casus` (public, by `member`), its `answer` (by `expert`) and a
forum `category`. Data is deterministic: no random values.
"""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished
from django.db import connection
from django.test import Client
from django.utils import translation

from tests.factories import make_answer, make_casus, make_category, make_user


def _back_to_dutch(**kwargs):
    translation.deactivate()


# LocaleMiddleware activates the URL's language in this thread and nothing undoes it after a test client's
# request: without this, a test's `reverse()` after a visit to /en/… would answer /en/ paths (docs/i18n.md).
request_finished.connect(_back_to_dutch, dispatch_uid="tests-back-to-dutch")


@pytest.fixture(autouse=True)
def _dutch_to_start():
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached fragments must not leak from one test into the next.
    # The content-type cache is cleared too, so query-count pins do not depend on test order.
    from django.contrib.contenttypes.models import ContentType

    cache.clear()
    ContentType.objects.clear_cache()
    yield
    cache.clear()


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (full-text search, trigram, concurrency)")


@pytest.fixture
def member(db):
    return make_user("member@example.org", name="Mila Member")


@pytest.fixture
def other_member(db):
    return make_user("other@example.org", name="Olaf Other")


@pytest.fixture
def expert(db):
    return make_user("expert@example.org", name="Eva Expert", is_expert=True, expertise=["licenties"])


@pytest.fixture
def curator(db):
    from django.contrib.auth.models import Group

    user = make_user("curator@example.org", name="Carla Curator", is_staff=True)
    group = Group.objects.filter(name="curator").first()
    if group:
        user.groups.add(group)
    return user


@pytest.fixture
def admin_user(db):
    return make_user("admin@example.org", name="Ada Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def casus(member):
    """A public casus by `member`: "Welke licentie kiezen we?", tagged licenties (Eva Expert's expertise)."""
    return make_casus(member)


@pytest.fixture
def answer(casus, expert):
    """Eva Expert's answer on `casus` ("Kies de EUPL-1.2; die is gemaakt voor overheden.")."""
    return make_answer(casus, expert)


@pytest.fixture
def category(db):
    """The forum category "Licenties", with a Markdown description."""
    return make_category("Licenties", description="Over *EUPL* en meer.", order=1)


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member_client(member):
    return _client_for(member)


@pytest.fixture
def other_member_client(other_member):
    return _client_for(other_member)


@pytest.fixture
def expert_client(expert):
    return _client_for(expert)


@pytest.fixture
def curator_client(curator):
    return _client_for(curator)


@pytest.fixture
def admin_client_(admin_user):
    return _client_for(admin_user)
