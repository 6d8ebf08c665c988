"""Personas and tiny factories shared by all tests.

Personas: visitor (anonymous), member, expert, curator, admin. Each has a `*_client` fixture
that is logged in. Data is deterministic: no random values.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection

from directory.models import Profile


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


def make_user(email, *, name="", is_staff=False, is_superuser=False, is_expert=False, expertise=(),
              organisation=None, is_public=None, password="correct-horse-battery"):
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


def _client_for(client_class, user):
    c = client_class()
    c.force_login(user)
    return c


@pytest.fixture
def member_client(member):
    from django.test import Client

    return _client_for(Client, member)


@pytest.fixture
def other_member_client(other_member):
    from django.test import Client

    return _client_for(Client, other_member)


@pytest.fixture
def expert_client(expert):
    from django.test import Client

    return _client_for(Client, expert)


@pytest.fixture
def curator_client(curator):
    from django.test import Client

    return _client_for(Client, curator)


@pytest.fixture
def admin_client_(admin_user):
    from django.test import Client

    return _client_for(Client, admin_user)
