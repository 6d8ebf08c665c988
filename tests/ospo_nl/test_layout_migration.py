"""A database made by the migrations of the old layout (every model in `ospo_nl`, as on main before the
structure change) migrates to the service apps with nothing lost: same tables, same rows, same content
types, so permissions, follows, notifications and queued tasks keep pointing at the right things."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ospo_nl.core.models import Follow, Revision
from ospo_nl.moderation.models import ModerationAction, Report
from ospo_nl.notifications.models import DigestRun, Notification, NotificationSettings
from ospo_nl.search.models import SearchEntry, SearchEntryTag, SearchWord, Synonym

# The old layout: the project package at its last migration before the move, the service apps not there.
OLD_LAYOUT = [("ospo_nl", "0010_search_entry_date_index"), ("core", None), ("notifications", None),
              ("moderation", None), ("search", None)]
MOVED = {"revision": "core", "follow": "core", "notification": "notifications",
         "notificationsettings": "notifications", "digestrun": "notifications", "report": "moderation",
         "moderationaction": "moderation", "searchentry": "search", "searchentrytag": "search",
         "synonym": "search", "searchword": "search"}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return MigrationExecutor(connection).loader.project_state(
        [key for key in MigrationExecutor(connection).loader.applied_migrations], at_end=True
    ).apps


def _fill_old_database(old):
    user = old.get_model("auth", "User").objects.create(username="lid@example.org", email="lid@example.org")
    content_type = old.get_model("contenttypes", "ContentType")
    user_type = content_type.objects.get(app_label="auth", model="user")
    notification = old.get_model("ospo_nl", "Notification").objects.create(
        recipient=user, event="mention", content_type=user_type, object_id=user.pk, title="Je bent genoemd",
        url="/gids/", read_at=None,
    )
    old.get_model("ospo_nl", "NotificationSettings").objects.create(user=user, email_mode="weekly", is_away=True)
    old.get_model("ospo_nl", "DigestRun").objects.create(user=user, period="daily", period_key="2026-11-30",
                                                         notification_count=2)
    old.get_model("ospo_nl", "Follow").objects.create(user=user, content_type=user_type, object_id=user.pk)
    old.get_model("ospo_nl", "Revision").objects.create(content_type=user_type, object_id=user.pk,
                                                        data={"body": "eerste versie"}, author=user)
    old.get_model("ospo_nl", "Report").objects.create(content_type=user_type, object_id=user.pk, reporter=user,
                                                      reason="spam", note="reclame")
    old.get_model("ospo_nl", "ModerationAction").objects.create(action="warn", content_type=user_type,
                                                                object_id=user.pk, target_label="Lid")
    entry = old.get_model("ospo_nl", "SearchEntry").objects.create(
        content_type=user_type, object_id=user.pk, kind="expert", title="Lid", body="Licenties",
        url="/experts/1/", date=user.date_joined,
    )
    old.get_model("ospo_nl", "SearchEntryTag").objects.create(entry=entry, slug="eupl", name="EUPL")
    old.get_model("ospo_nl", "Synonym").objects.create(term="BIO", synonyms="baseline informatiebeveiliging")
    old.get_model("ospo_nl", "SearchWord").objects.create(word="licenties")
    # What points at the old app label: a content type id in a notification, a curator's permission,
    # a queued mail task by its module path.
    synonym_type = content_type.objects.get(app_label="ospo_nl", model="synonym")
    permission = old.get_model("auth", "Permission").objects.get(content_type=synonym_type, codename="change_synonym")
    group = old.get_model("auth", "Group").objects.create(name="synoniemen")
    group.permissions.add(permission)
    old.get_model("django_tasks_database", "DBTaskResult").objects.create(
        task_path="ospo_nl.tasks.deliver_notifications", args_kwargs={"args": [[notification.pk]], "kwargs": {}},
        queue_name="default", backend_name="default", priority=0, run_after=user.date_joined,
    )
    return {"notification_type": notification.content_type_id, "synonym_type": synonym_type.pk}


@pytest.mark.django_db(transaction=True)
def test_the_old_layout_migrates_to_the_service_apps_with_every_row(postgres_only):
    old = _migrate(OLD_LAYOUT)
    assert not {"core", "notifications", "moderation", "search"} & {m._meta.app_label for m in old.get_models()}
    ids = _fill_old_database(old)
    old_types = dict(ContentType.objects.filter(app_label="ospo_nl").values_list("model", "pk"))
    rows = {name: old.get_model("ospo_nl", name).objects.count() for name in MOVED}
    assert all(rows.values())
    assert set(MOVED) <= set(old_types)

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    for model in (Notification, NotificationSettings, DigestRun, Follow, Revision, Report, ModerationAction,
                  SearchEntry, SearchEntryTag, Synonym, SearchWord):
        assert model.objects.count() == rows[model._meta.model_name], model
    assert Synonym.objects.get(term="BIO").synonyms == "baseline informatiebeveiliging"
    assert NotificationSettings.objects.get().email_mode == "weekly"
    assert Revision.objects.get().data == {"body": "eerste versie"}
    assert SearchEntry.objects.get().tag_rows.get().name == "EUPL"
    assert Notification.objects.get().content_type_id == ids["notification_type"]
    # The content types moved with their ids: nothing that points at them changed.
    for model, app_label in MOVED.items():
        assert ContentType.objects.get(app_label=app_label, model=model).pk == old_types[model]
    assert not ContentType.objects.filter(app_label="ospo_nl").exists()
    permission = Group.objects.get(name="synoniemen").permissions.get()
    assert (permission.content_type.app_label, permission.codename) == ("search", "change_synonym")
    assert permission.content_type_id == ids["synonym_type"]
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get().task_path == "ospo_nl.notifications.tasks.deliver_notifications"
