"""Every public object is in exactly one sitemap, once: public experts included, a section with an index article
listed once (the article is shown at the section's URL)."""

from collections import Counter

import pytest

from tests.factories import make_article
from tests.network.conftest import make_event, make_signal

from .conftest import SITE_URL
from .test_sitemap import sitemap_locations


@pytest.fixture
def everything(content, expert):
    section = content["section"]
    index = make_article(section, slug="over-licenties", title="Over licenties", tags=("licenties",))
    section.index_article = index
    section.save()
    content["index_article"] = index
    content["event"] = make_event()
    content["signal"] = make_signal(expert)
    return content


@pytest.mark.django_db
def test_every_public_object_is_in_exactly_one_sitemap_once(everything, client):
    sections = sitemap_locations(client)
    counts = Counter(loc for entries in sections.values() for loc, _lastmod in entries)
    assert [loc for loc, count in counts.items() if count > 1] == []
    for key in ("casus", "open_casus", "article", "section", "subsection", "category", "topic", "organisation",
                "initiative", "event", "signal", "index_article"):
        url = f"{SITE_URL}{everything[key].get_absolute_url()}"
        assert counts[url] == 1, key
        assert sum(url in {loc for loc, _ in entries} for entries in sections.values()) == 1, key


@pytest.mark.django_db
def test_public_expert_profiles_are_listed_and_others_are_not(everything, client, member):
    urls = {loc for entries in sitemap_locations(client).values() for loc, _ in entries}
    assert f"{SITE_URL}{everything['expert'].profile.get_absolute_url()}" in urls
    assert f"{SITE_URL}{member.profile.get_absolute_url()}" not in urls  # a member, not an expert
    profile = everything["expert"].profile
    profile.is_public = False
    profile.save()
    urls = {loc for entries in sitemap_locations(client).values() for loc, _ in entries}
    assert f"{SITE_URL}{profile.get_absolute_url()}" not in urls
