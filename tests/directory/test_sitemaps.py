import pytest

from directory.sitemaps import InitiativeSitemap, OrganisationSitemap

from .conftest import make_initiative


@pytest.mark.django_db
def test_sitemaps_list_published_entries_only(amsterdam, hidden_org):
    make_initiative("Open Stad")
    make_initiative("Concept", published=False)
    assert [o.slug for o in OrganisationSitemap().items()] == ["gemeente-amsterdam"]
    assert [i.slug for i in InitiativeSitemap().items()] == ["open-stad"]
