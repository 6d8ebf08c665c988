"""What the home page shows: what is new in each part.

Each part registers a function `(user) -> (title, url, items)`; items must already be
filtered to what `user` may see. Parts add themselves here as they are built.
"""

from django.utils.translation import gettext_lazy as _

HOME_SECTIONS = []  # list of callables (user) -> dict(title=..., url=..., items=[(label, url, date)])


def register(fn):
    HOME_SECTIONS.append(fn)
    return fn


def home_sections(user):
    return [section(user) for section in HOME_SECTIONS]


INTRO = _(
    "Het kennisnetwerk voor open source in de publieke sector: stel je casus, "
    "vind experts en organisaties, en lees wat anderen al leerden."
)
