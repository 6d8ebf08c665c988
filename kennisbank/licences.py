"""Licences as sources name them (SPDX ids, LICENSE texts, front matter) and how an article shows them."""

import re

# SPDX id -> (the name shown, the licence's page). The name is what Article.licence stores.
KNOWN = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.nl"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
    "EUPL-1.2": ("EUPL-1.2", "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"),
    "MIT": ("MIT", "https://opensource.org/license/mit"),
    "Apache-2.0": ("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0"),
}
_BY_KEY = {}
for _spdx, (_name, _url) in KNOWN.items():
    for _alias in (_spdx, _name):
        _BY_KEY[re.sub(r"[^a-z0-9]", "", _alias.lower())] = _spdx

# The first words of a LICENSE file, for folders that carry the text but no SPDX id.
LICENCE_TEXTS = (
    ("CC0 1.0 Universal", "CC0-1.0"),
    ("Attribution-ShareAlike 4.0 International", "CC-BY-SA-4.0"),
    ("Attribution 4.0 International", "CC-BY-4.0"),
    ("EUROPEAN UNION PUBLIC LICENCE v. 1.2", "EUPL-1.2"),
    ("EUPL v1.2", "EUPL-1.2"),
    ("MIT License", "MIT"),
    ("Apache License", "Apache-2.0"),
)


def spdx_of(value):
    """The SPDX id of a licence named in any of the usual ways ("CC-BY-4.0", "CC BY 4.0", "cc0-1.0"), or None."""
    return _BY_KEY.get(re.sub(r"[^a-z0-9]", "", str(value or "").lower()))


def licence_name(value):
    """What Article.licence stores: the known short name, else the value as the source wrote it."""
    spdx = spdx_of(value)
    return KNOWN[spdx][0] if spdx else str(value or "").strip()[:100]


def licence_from_text(text):
    head = " ".join(text[:3000].split())
    for words, spdx in LICENCE_TEXTS:
        if words.lower() in head.lower():
            return spdx
    return None


def licence_info(value):
    """{"name", "url"} for the page: the url only for licences we know."""
    spdx = spdx_of(value)
    if spdx:
        return {"name": KNOWN[spdx][0], "url": KNOWN[spdx][1], "spdx": spdx}
    return {"name": str(value or ""), "url": "", "spdx": ""}
