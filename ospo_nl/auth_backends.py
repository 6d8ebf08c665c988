"""The login backends, each loading the member's profile with the user: every member page needs it (the
notification bell, the expert role), and it costs no query of its own this way. And allauth's adapter, for
where a sign-in comes from."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from ospo_nl.core.client_address import client_address


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


class AccountAdapter(DefaultAccountAdapter):
    """allauth with our client address (TRUSTED_PROXIES) and failed sign-ins counted per account and address."""

    def get_client_ip(self, request):
        # One notion of the client address for allauth's limits and ours; allauth's own
        # ALLAUTH_TRUSTED_PROXY_COUNT would be a second, differently configured one.
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth's "login_failed" key is the account alone: five wrong passwords from anywhere would lock its
        # owner out everywhere. With the address in the key a guesser locks only their own attempts on that
        # account, and other members behind the same address sign in as usual. (A private hook of allauth's;
        # tests/ops/test_proxy_limits.py fails if it stops being called.)
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}@{self.get_client_ip(request)}"
