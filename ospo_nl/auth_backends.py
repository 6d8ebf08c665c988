"""The login backends, each loading the member's profile with the user: every member page needs it (the
notification bell, the expert role), and it costs no query of its own this way. And allauth's adapters: where a
sign-in comes from, what its mails say, and sign-in with an organisation's account (OpenID Connect). And the
password hasher (`OwaspArgon2PasswordHasher`)."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.utils import filter_users_by_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from ospo_nl.core.client_address import client_address
from ospo_nl.core.profiles import profile_model
from ospo_nl.core.templatetags.ospo import member_name


def _user_with_profile(backend, user_id):
    found = list(get_user_model()._default_manager.select_related("profile").filter(pk=user_id)[:1])  # unordered
    return found[0] if found and backend.user_can_authenticate(found[0]) else None


def user_display(user):
    """allauth's name for a member (ACCOUNT_USER_DISPLAY), in its pages and messages: the name the site shows
    everywhere, never the username allauth made from the e-mail address."""
    return member_name(user)


def _on_site(url):
    """The same path on SITE_URL: a mail links to the site, not to whatever host the request came in on."""
    parts = urlsplit(url)
    return f"{settings.SITE_URL}{parts.path}" + (f"?{parts.query}" if parts.query else "")


def _greeting_name(user):
    profile = getattr(user, "profile", None) if user is not None else None
    return profile.display_name if profile is not None else ""


class ProfileModelBackend(ModelBackend):
    def get_user(self, user_id):
        return _user_with_profile(self, user_id)


class ProfileAccountBackend(AuthenticationBackend):
    """allauth's login by e-mail."""

    def get_user(self, user_id):
        return _user_with_profile(self, user_id)


class AccountAdapter(DefaultAccountAdapter):
    """allauth with our client address (TRUSTED_PROXIES), failed sign-ins counted per account and address, and
    mails in our own words (templates/account/email/, templates/mfa/email/)."""

    def send_mail(self, template_prefix, email, context):
        # allauth's context names the site by the request's host (current_site) and builds links on it; ours names
        # it by SITE_NAME, links to SITE_URL and greets the member by display name. The owner of the address is
        # looked up when allauth does not say (its notices and the "you already have an account" mail); an unknown
        # address gets a greeting without a name.
        user = context.get("user") or next(iter(filter_users_by_email(email)), None)
        context = {
            **{name: _on_site(value) if name.endswith("_url") and isinstance(value, str) else value
               for name, value in context.items()},
            "user": user,
            "member_name": _greeting_name(user),
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "current_site": SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc),
            "contact_email": settings.OPERATOR["contact_email"],
            "password_reset_url": _on_site(context.get("password_reset_url") or reverse("account_reset_password")),
        }
        super().send_mail(template_prefix, email, context)

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


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id with the OWASP Password Storage Cheat Sheet's first configuration (19 MiB of memory, 2 passes,
    1 lane) instead of Django's (100 MiB, 2 passes, 8 lanes).

    Both are memory-hard Argon2id; OWASP lists its configurations as equally strong against guessing. Django's
    costs about 250 ms of CPU per sign-in on a 2-core machine, spread over both cores; this one about 30 ms on
    one: at a sign-in per few hundred page views that was a tenth of the workers' time (docs/performance.md,
    "Under mixed load"). The algorithm name stays "argon2", so hashes made with other parameters still verify
    and are rewritten with these at the member's next sign-in (Django's `must_update`).
    """

    memory_cost = 19 * 1024  # KiB
    time_cost = 2
    parallelism = 1
