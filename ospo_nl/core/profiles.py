"""Each account's profile, as the layers below the directory reach it.

The profile belongs to the people directory (`directory.Profile`: display name, expert flag, expertise,
the unread-notification counter). Like Django's AUTH_USER_MODEL it is named by a setting,
`PROFILE_MODEL`, so that services and other feature apps can query it without importing the directory;
on a user object it is simply `user.profile`.
"""

from django.apps import apps
from django.conf import settings


def profile_model():
    return apps.get_model(settings.PROFILE_MODEL)
