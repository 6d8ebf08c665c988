"""Mentions: `@[Display Name]` in any post notifies that member (if they may see the post).

The brackets make names with spaces unambiguous without giving members a separate handle; the
name is matched case-insensitively against profile display names of active members.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ospo_nl.core.labels import label
from ospo_nl.core.templatetags.ospo import member_name
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify

MENTION = re.compile(r"@\[([^\]\n]{1,100})\]")
MAX_MENTIONS = 10


def mentioned_names(text):
    return sorted({name.strip() for name in MENTION.findall(text or "") if name.strip()})[:MAX_MENTIONS]


def mentioned_users(text):
    """Active members named in `text`; no query when the text mentions nobody."""
    names = mentioned_names(text)
    if not names:
        return []
    query = Q()
    for name in names:
        query |= Q(profile__display_name__iexact=name)
    return list(get_user_model().objects.filter(query, is_active=True).select_related("profile"))


def notify_mentions(post, *, by):
    """`@[Name]` in the text: tell those members (notify() drops those who may not see the post)."""
    users = mentioned_users(post.body)
    if users:
        notify(
            users, event=Notification.Event.MENTION, target=post, actor=by, url=post.get_absolute_url(),
            # "Eva Expert noemde je in een reactie op “Welke licentie?”": who, what, and on which casus or topic.
            title=Truncator(_("%(who)s noemde je in een %(what)s") % {"who": member_name(by), "what": label(post)})
            .chars(200),
        )
