"""A member's rights under the AVG (GDPR): download everything about them, and delete their account.

Deleting keeps what the community depends on: casussen, answers, comments, topics and replies stay,
their author becomes NULL (`Post.author` is SET_NULL), shown as "voormalig lid". Everything personal
goes: the user row, profile, e-mail addresses, follows, notifications and their settings, read
markers, two-factor keys (all CASCADE) and votes (withdrawn, so the scores stay equal to the votes).
Reports they made stay without a reporter; moderation log entries about them lose their name.

Each app owns its part and registers it from its AppConfig.ready():

    account_data.register(export=lambda user: {"topics": [...]}, delete=withdraw_votes)

`export` returns the app's sections of the download (a fixed number of queries, whatever the amount);
`delete`, if the app needs more than the database's cascades, runs before the user row goes. One
transaction holds every part's delete and the user's.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.db import transaction
from django.utils import timezone

from ospo_nl.core.following import follows_of


@dataclass(frozen=True)
class Part:
    export: object  # (user) -> {section name: JSON-ready data}
    delete: object = None  # (user) -> None, inside the delete transaction


PARTS = []


def register(*, export, delete=None):
    part = Part(export, delete)
    if part not in PARTS:
        PARTS.append(part)
    return part


def post_fields(post, **fields):
    """What the download says of any post (casus, answer, comment, topic, reply)."""
    return {"id": post.pk, "created_at": post.created_at, "updated_at": post.updated_at,
            "deleted": post.is_deleted, "hidden": post.is_hidden, "body": post.body, **fields}


def export_data(user):
    """Everything the platform holds about `user` and everything they wrote, as JSON-ready data."""
    data = {
        "exported_at": timezone.now(),
        "account": {"id": user.pk, "email": user.email, "date_joined": user.date_joined,
                    "last_login": user.last_login, "is_active": user.is_active},
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        # Organisation accounts linked for sign-in (OIDC_PROVIDERS), with what their provider last told us.
        "linked_accounts": [
            {"provider": a.provider, "uid": a.uid, "linked_at": a.date_joined, "last_login": a.last_login,
             "claims": a.extra_data}
            for a in SocialAccount.objects.filter(user=user).order_by("pk")
        ],
    }
    for part in PARTS:
        data.update(part.export(user))
    data["follows"] = [
        {"type": f.content_type.model, "id": f.object_id, "name": str(f.target) if f.target else None,
         "since": f.created_at}
        for f in follows_of(user)
    ]
    return data


def delete_account(*, user):
    """Remove `user` and their personal data in one transaction; their posts stay as "voormalig lid"."""
    with transaction.atomic():
        for part in PARTS:
            if part.delete is not None:
                part.delete(user)
        # Cascades: profile (its search entry goes with it), e-mail addresses, votes, follows,
        # notifications and settings, read markers, MFA keys. SET_NULL: authorship, reports made.
        user.delete()
