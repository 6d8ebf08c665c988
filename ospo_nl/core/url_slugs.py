"""Dutch words in URLs for choice values: `/kennisbank/soort/stappenplan/`, `/organisaties/?soort=gemeente`.

The database keeps the English choice values (`step_by_step`, `municipality`); only URLs carry the Dutch slug,
in both languages (docs/i18n.md, "Choice values in URLs"). Each app names the slugs of its own choices next to
them (`Article.KIND_SLUGS = ChoiceSlugs(Article.Kind, {...})`); this module translates both ways and sends the
addresses we used before, which carried the choice value itself, to the Dutch one with a 301.
"""

import re

from django.http import HttpResponsePermanentRedirect

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ChoiceSlugs:
    """The Dutch URL slug of every value of one `TextChoices` class, and back."""

    def __init__(self, choices, slugs):
        self.choices_class = choices
        self._slug = {str(value): slug for value, slug in slugs.items()}
        self._value = {slug: value for value, slug in self._slug.items()}
        missing = set(choices.values) - set(self._slug)
        if missing or len(self._value) != len(self._slug) or not all(map(_SLUG.match, self._value)):
            raise ValueError(f"{choices.__name__}: one lower-case, hyphenated, distinct slug per value "
                             f"(missing: {sorted(missing)})")

    def slug(self, value):
        """The slug of a choice value (what links, canonicals and sitemaps carry)."""
        return self._slug[value]

    def value(self, slug):
        """The choice value a slug stands for, or None when it stands for none."""
        return self._value.get(slug)

    def moved(self, text):
        """The slug an old URL meant by `text` (the choice value itself), or None: `text` is a slug already
        (some are the same in both, like `community`) or means nothing."""
        return None if text in self._value else self._slug.get(text)

    def choices(self):
        """[(slug, label)], for a form's ChoiceField or a list of links."""
        return [(self._slug[value], label) for value, label in self.choices_class.choices]


def redirect_moved_params(request, **params):
    """A 301 to the same URL when a query parameter named in `params` (name=ChoiceSlugs) holds an old value,
    with the Dutch slug instead and every other parameter kept; None when there is nothing to move."""
    query = request.GET.copy()
    moved = False
    for name, slugs in params.items():
        values = query.getlist(name)
        new = [slugs.moved(value) or value for value in values]
        if new != values:
            query.setlist(name, new)
            moved = True
    if not moved:
        return None
    return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")
