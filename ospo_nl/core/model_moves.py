"""Moving models between apps without touching their tables (the structure change of issue 16).

A model that moves keeps its table (`db_table`), so its app's first migration only adds it to the
migration state (`SeparateDatabaseAndState`), and the content types are relabelled instead of created
anew: notifications, follows, revisions, reports and the curators' permissions that point at them keep
pointing at the same rows.
"""

from django.db import migrations


def relabel_content_types(old_label, new_label, models):
    """A RunPython operation: the content types of `models` move from `old_label` to `new_label` (and back)."""

    def move(from_label, to_label):
        def run(apps, schema_editor):
            content_type = apps.get_model("contenttypes", "ContentType")
            db = schema_editor.connection.alias
            for model in models:
                if not content_type.objects.using(db).filter(app_label=to_label, model=model).exists():
                    content_type.objects.using(db).filter(app_label=from_label, model=model).update(app_label=to_label)

        return run

    return migrations.RunPython(move(old_label, new_label), move(new_label, old_label))


def rename_task_paths(renames):
    """A RunPython operation: queued background tasks (django-tasks-db) name the task's new module path."""

    def move(pairs):
        def run(apps, schema_editor):
            try:
                task_result = apps.get_model("django_tasks_database", "DBTaskResult")
            except LookupError:
                return
            for old, new in pairs:
                task_result.objects.using(schema_editor.connection.alias).filter(task_path=old).update(task_path=new)

        return run

    return migrations.RunPython(move(renames), move([(new, old) for old, new in renames]))
