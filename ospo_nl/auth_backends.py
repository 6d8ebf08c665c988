"""The login backends, each loading the member's profile with the user: every member page needs it (the
notification bell, the expert role), and it costs no query of its own this way. And allauth's adapters: where a
sign-in comes from, and sign-in with an organisation's account (OpenID Connect)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from ospo_nl.core.client_address import client_address
from ospo_nl.core.profiles import profile_model


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


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in with an organisation's account: providers from OIDC_PROVIDERS only, a verified address or nothing,
    and a new member's display name from the provider's claims."""

    def list_apps(self, request, provider=None, client_id=None):
        # Only the settings' apps (OIDC_PROVIDERS): allauth would also read its SocialApp table, a query on every
        # page with a sign-in button, and a second place to configure providers. (A private helper of allauth's;
        # tests/ospo_nl/test_oidc.py fails if it goes.)
        return [app for apps in _build_apps_from_settings(provider=provider, client_id=client_id).values()
                for app in apps]

    def pre_social_login(self, request, sociallogin):
        # allauth links or signs up by an address only when it is verified, but would otherwise send an unverified
        # one into its own sign-up form. Refuse instead: the organisation vouches for the address, or no sign-in.
        if not any(address.verified for address in sociallogin.email_addresses):
            raise ImmediateHttpResponse(render(request, "socialaccount/unverified_email.html",
                                               {"provider": sociallogin.provider}, status=403))

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        if form is None:  # signed up without a form: the name comes from the provider, never a generated username
            fields = sociallogin.provider.extract_common_fields(sociallogin.account.extra_data)
            name = fields.get("name") or " ".join(filter(None, [fields.get("first_name"), fields.get("last_name")]))
            profile_model().objects.update_or_create(user=user, defaults={"display_name": (name or "").strip()[:100]})
        return user
