"""The `curator` group: staff in it curate the content of every part in Django admin without superuser.

Why post_migrate and not a data migration: Django creates model permissions in its own post_migrate
handler, per app, after all migrations ran. A data migration in `directory` would run before the
permissions of casussen, forum, kennisbank and network exist on a fresh database, so the group would miss them.
`sync_curator_group()` runs after every `migrate` (and `flush`), once the last app's permissions exist;
`manage.py sync_curator_group` runs it by hand. It is idempotent and only adds/removes the group's
permissions, never users.
"""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

GROUP_NAME = "curator"

# Apps whose models are content curators look after; every model permission of these apps is granted,
# except the ones in EXCLUDED (a curator sets the expert flag on a profile but does not delete people).
CONTENT_APPS = ("directory", "casussen", "forum", "kennisbank", "network", "taggit")
EXCLUDED = {("directory", "delete_profile")}
# Platform models curators also look after: the search synonyms.
PLATFORM_MODELS = ("synonym",)


def curator_permissions(using=DEFAULT_DB_ALIAS):
    return [
        permission
        for permission in Permission.objects.using(using)
        .filter(Q(content_type__app_label__in=CONTENT_APPS)
                | Q(content_type__app_label="search", content_type__model__in=PLATFORM_MODELS))
        .select_related("content_type")
        if (permission.content_type.app_label, permission.codename) not in EXCLUDED
    ]


def sync_curator_group(*, using=DEFAULT_DB_ALIAS, dry_run=False):
    """Create the group if missing and give it exactly the curator permissions. Returns (group, count)."""
    permissions = curator_permissions(using)
    if dry_run:
        return Group.objects.using(using).filter(name=GROUP_NAME).first(), len(permissions)
    group, _created = Group.objects.using(using).get_or_create(name=GROUP_NAME)
    group.permissions.set(permissions)
    return group, len(permissions)


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    # post_migrate is sent once per app, in INSTALLED_APPS order; permissions of an app are created in
    # its own round. Sync in the last round, when every content app's permissions exist.
    # Django skips apps without a models module, so "last" means the last one that has models.
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if sender.label == with_models[-1].label:
        sync_curator_group(using=using)
