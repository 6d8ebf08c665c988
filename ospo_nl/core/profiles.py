"""Each account's profile, as the layers below the directory reach it.

The profile belongs to the people directory (`directory.Profile`: display name, expert flag, expertise,
the unread-notification counter). Like Django's AUTH_USER_MODEL it is named by a setting,
`PROFILE_MODEL`, so that services and other feature apps can query it without importing the directory;
on a user object it is simply `user.profile`.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model


def profile_model():
    return apps.get_model(settings.PROFILE_MODEL)


def attach_people(instances, *fields, only=()):
    """Everyone `fields` (foreign keys to users) of `instances` name, with their profiles, in one query, set where
    the ORM looks for them, so `obj.author.profile` costs nothing. A page names the same people many times, and
    `select_related` of two users with their profiles made a join of seven tables, which PostgreSQL took
    2-4 ms to plan (docs/performance.md). Instances without one of `fields` are left as they are (a casus
    with its answers: only the casus has a claimer). `only`: the user and profile fields to load."""
    instances = list(instances)
    ids = {getattr(obj, f"{field}_id", None) for obj in instances for field in fields} - {None}
    if not ids:
        return instances
    people = get_user_model().objects.select_related("profile")
    people = (people.only(*only) if only else people).in_bulk(ids)
    for obj in instances:
        for field in fields:
            if (pk := getattr(obj, f"{field}_id", None)) is not None:
                obj._meta.get_field(field).set_cached_value(obj, people.get(pk))
    return instances
