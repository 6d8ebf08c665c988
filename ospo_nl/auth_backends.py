"""The login backends, each loading the member's profile with the user: every member page needs it (the
notification bell, the expert role), and it costs no query of its own this way."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def _user_with_profile(backend, user_id):
    found = list(get_user_model()._default_manager.select_related("profile").filter(pk=user_id)[:1])  # unordered
    return found[0] if found and backend.user_can_authenticate(found[0]) else None


class ProfileModelBackend(ModelBackend):
    def get_user(self, user_id):
        return _user_with_profile(self, user_id)


class ProfileAccountBackend(AuthenticationBackend):
    """allauth's login by e-mail."""

    def get_user(self, user_id):
        return _user_with_profile(self, user_id)
