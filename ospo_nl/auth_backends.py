"""The login backends, each loading the member's profile with the user: every member page needs it (the
notification bell, the expert role), and it costs no query of its own this way. And allauth's adapter, for
where a sign-in comes from and what its mails say."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.utils import filter_users_by_email
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ospo_nl.core.client_address import client_address
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
