import pytest

from directory.sitemaps import ExpertSitemap, InitiativeSitemap, OrganisationSitemap
from tests.factories import make_user

from .conftest import make_initiative


@pytest.mark.django_db
def test_sitemaps_list_published_entries_only(amsterdam, hidden_org):
    make_initiative("Open Stad")
    make_initiative("Concept", published=False)
    assert [o.slug for o in OrganisationSitemap().items()] == ["gemeente-amsterdam"]
    assert [i.slug for i in InitiativeSitemap().items()] == ["open-stad"]


@pytest.mark.django_db
def test_the_experts_sitemap_lists_public_experts_by_slug(client):
    eva = make_user("eva@example.org", name="Eva Licentie", is_expert=True).profile
    make_user("pim@example.org", name="Pim Privé", is_expert=True, is_public=False)
    assert [p.get_absolute_url() for p in ExpertSitemap().items()] == ["/experts/eva-licentie/"]
    xml = client.get("/sitemap-experts.xml").text
    assert "/experts/eva-licentie/</loc>" in xml and f"/experts/{eva.pk}/" not in xml
    assert "pim" not in xml
