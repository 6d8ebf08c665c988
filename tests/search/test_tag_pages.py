"""A tag page or tag feed with nothing the viewer may see answers 404, like a made-up tag."""

import pytest

from kennisbank.models import Article
from tests.factories import make_article, make_casus

pytestmark = pytest.mark.django_db

TAG_URLS = ["/casussen/tag/ledengeheim/", "/feeds/tag/ledengeheim/", "/kennisbank/tag/ledengeheim/"]


@pytest.fixture
def members_only_tag(member):
    make_casus(member, "Alleen voor leden", visibility="members", tags=["ledengeheim"])
    make_article(title="Concept", status=Article.Status.DRAFT, tags=["ledengeheim"])


@pytest.mark.parametrize("url", TAG_URLS)
def test_a_tag_only_private_content_uses_is_404_for_a_visitor(client, members_only_tag, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", TAG_URLS)
def test_a_made_up_tag_is_404_too(client, members_only_tag, url):
    assert client.get(url.replace("ledengeheim", "bestaat-niet")).status_code == 404


def test_a_member_sees_the_casus_tag_page_of_a_members_only_casus(member_client, members_only_tag):
    response = member_client.get("/casussen/tag/ledengeheim/")
    assert response.status_code == 200
    assert "Alleen voor leden" in response.text


@pytest.mark.parametrize("url", ["/feeds/tag/ledengeheim/", "/kennisbank/tag/ledengeheim/"])
def test_a_member_gets_404_where_nothing_public_or_published_has_the_tag(member_client, members_only_tag, url):
    # The feed holds public content only; the kennisbank tag has only a draft.
    assert member_client.get(url).status_code == 404


def test_an_experts_only_tag_is_404_for_another_member_and_200_for_an_expert(member, other_member_client,
                                                                            expert_client):
    make_casus(member, "Alleen voor experts", visibility="experts", tags=["expertgeheim"])
    assert other_member_client.get("/casussen/tag/expertgeheim/").status_code == 404
    assert expert_client.get("/casussen/tag/expertgeheim/").status_code == 200


@pytest.mark.parametrize("url", TAG_URLS)
def test_once_something_public_has_the_tag_it_is_200(client, member, members_only_tag, url):
    make_casus(member, "Openbaar", tags=["ledengeheim"])
    make_article(title="Gepubliceerd", tags=["ledengeheim"])
    assert client.get(url).status_code == 200
