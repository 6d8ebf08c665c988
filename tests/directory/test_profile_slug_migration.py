"""directory 0005/0006: profiles that existed before expert pages had slugs get one from their name."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from directory.models import Profile


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    executor = MigrationExecutor(connection)
    return executor.loader.project_state(list(executor.loader.applied_migrations), at_end=True).apps


@pytest.mark.django_db(transaction=True)
def test_existing_profiles_get_unique_slugs_from_their_names_oldest_first(postgres_only):
    old = _migrate([("directory", "0004_expert_applications_proposals_sparring_off")])
    User, OldProfile = old.get_model("auth", "User"), old.get_model("directory", "Profile")
    ids = []
    for n, name in enumerate(["Eva Licentie", "Eva Licentie", "", "123"]):
        user = User.objects.create(username=f"lid{n}@example.org", email=f"lid{n}@example.org")
        ids.append(OldProfile.objects.create(user=user, display_name=name).pk)

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    slugs = dict(Profile.objects.values_list("pk", "slug"))
    assert [slugs[pk] for pk in ids] == ["eva-licentie", "eva-licentie-2", "expert", "expert-123"]
