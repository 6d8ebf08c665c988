"""What a thing is called in front of people: in notifications, the moderation queue and its log.

Never internal numbers ("Reactie 22 op 3"): the kind of thing, its title, and for a reply, answer or comment
the casus or topic it belongs to (their `__str__` says so), plus who wrote it where that matters.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ospo_nl.core.templatetags.ospo import member_name

MAX_LENGTH = 300


def label(obj):
    """`casus “Welke licentie?”`, `profiel “Mila Member”`, `reactie op “Welke licentie?”`."""
    title = getattr(obj, "title", None)
    if title:
        return _("%(kind)s “%(title)s”") % {"kind": obj._meta.verbose_name, "title": title}
    text = str(obj)
    if not hasattr(obj, "body"):  # not a post: a profile, an organisation; its str is its name
        return _("%(kind)s “%(title)s”") % {"kind": obj._meta.verbose_name, "title": text}
    return text  # a reply, answer or comment names its casus or topic itself


def label_with_author(obj):
    """`reactie op “Welke licentie?”, door Mila Member` (no e-mail addresses: member_name)."""
    text = label(obj)
    if hasattr(obj, "author_id"):
        text = _("%(what)s, door %(author)s") % {"what": text, "author": member_name(obj.author)}
    return Truncator(text).chars(MAX_LENGTH)
