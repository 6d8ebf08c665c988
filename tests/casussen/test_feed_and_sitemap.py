import pytest
from django.urls import reverse

from casussen.models import Casus
from casussen.sitemaps import CasusSitemap
from tests.factories import make_casus


@pytest.fixture
def public_and_private(member):
    return (make_casus(member, "Openbare casus"),
            make_casus(member, "Ledencasus", visibility=Casus.Visibility.MEMBERS),
            make_casus(member, "Expertcasus", visibility=Casus.Visibility.EXPERTS))


@pytest.mark.django_db
def test_the_feed_has_only_public_casussen_even_for_an_expert(public_and_private, expert_client):
    response = expert_client.get(reverse("casussen:feed"))
    assert response.status_code == 200
    assert "Openbare casus" in response.text
    assert "Ledencasus" not in response.text and "Expertcasus" not in response.text


@pytest.mark.django_db
def test_the_sitemap_has_only_public_casussen(public_and_private):
    assert [c.title for c in CasusSitemap().items()] == ["Openbare casus"]


@pytest.mark.django_db
def test_a_casus_titled_feed_does_not_hide_the_feed(member, client):
    casus = make_casus(member, "Feed")
    assert casus.slug == "feed-2"
    assert client.get(reverse("casussen:feed")).status_code == 200
