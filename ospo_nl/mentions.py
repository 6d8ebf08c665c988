"""Mentions: `@[Display Name]` in any post notifies that member (if they may see the post).

The brackets make names with spaces unambiguous without giving members a separate handle; the
name is matched case-insensitively against profile display names of active members.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q

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
