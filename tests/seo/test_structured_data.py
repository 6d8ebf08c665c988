"""schema.org JSON-LD: parses, has what search engines require, is escaped, CSP-compliant, and public only."""

import json

import pytest

from casussen import verbs as casus_verbs
from casussen.models import Casus
from kennisbank.models import Article
from tests.factories import make_article, make_casus

from .conftest import SITE_URL, head_of


def json_ld(response, type_):
    assert response.status_code == 200
    found = [json.loads(text) for text in head_of(response).json_ld]
    return next((data for data in found if data["@type"] == type_), None)


def assert_answer(answer):
    assert answer["@type"] == "Answer"
    assert answer["text"] and answer["author"]["name"] and answer["dateCreated"]
    assert answer["url"].startswith(f"{SITE_URL}/casussen/")
    assert isinstance(answer["upvoteCount"], int)


@pytest.mark.django_db
def test_a_public_casus_with_answers_is_a_qapage_with_the_accepted_one_marked(content, client):
    data = json_ld(client.get(content["casus"].get_absolute_url()), "QAPage")
    assert data["@context"] == "https://schema.org"
    question = data["mainEntity"]
    assert question["@type"] == "Question"
    assert question["name"] == content["casus"].title
    assert question["text"].startswith(content["casus"].title)
    assert question["answerCount"] == 2
    assert question["author"] == {"@type": "Person", "name": "Mila Member"}
    assert question["dateCreated"]
    assert question["acceptedAnswer"]["text"] == "Kies de EUPL-1.2: gemaakt voor overheden."  # plain text
    assert_answer(question["acceptedAnswer"])
    assert [a["text"] for a in question["suggestedAnswer"]] == ["MIT kan ook, maar heeft geen copyleft."]
    assert_answer(question["suggestedAnswer"][0])


@pytest.mark.django_db
def test_a_casus_with_answers_but_none_accepted_has_only_suggested_answers(content, client, expert):
    casus_verbs.post_answer(casus=content["open_casus"], by=expert, body="Zet hem in een publieke organisatie.")
    question = json_ld(client.get(content["open_casus"].get_absolute_url()), "QAPage")["mainEntity"]
    assert "acceptedAnswer" not in question
    assert question["answerCount"] == 1 and len(question["suggestedAnswer"]) == 1


@pytest.mark.django_db
def test_a_casus_without_answers_has_no_qapage(content, client):
    assert json_ld(client.get(content["open_casus"].get_absolute_url()), "QAPage") is None


@pytest.mark.django_db
@pytest.mark.parametrize("visibility", [Casus.Visibility.MEMBERS, Casus.Visibility.EXPERTS])
@pytest.mark.parametrize("persona", ["member_client", "expert_client", "curator_client"])
def test_a_members_or_experts_casus_has_no_qapage_whoever_sees_it(member, expert, visibility, persona, request):
    casus = make_casus(member, "Geheime vraag", visibility=visibility)
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Geheim advies.")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    response = request.getfixturevalue(persona).get(casus.get_absolute_url())
    if response.status_code == 200:
        assert head_of(response).json_ld == []
        assert 'application/ld+json' not in response.text


@pytest.mark.django_db
def test_a_published_article_has_article_json_ld(content, client):
    article = content["article"]
    data = json_ld(client.get(article.get_absolute_url()), "Article")
    assert data["headline"] == "De EUPL kiezen"
    assert data["author"] == [{"@type": "Person", "name": "Mila Member"}, {"@type": "Person", "name": "Jan Jansen"}]
    assert data["datePublished"] and data["dateModified"] >= data["datePublished"]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["publisher"] == {"@type": "Organization", "name": "OSPO-NL", "url": f"{SITE_URL}/"}
    assert data["url"] == f"{SITE_URL}{article.get_absolute_url()}"
    assert data["description"].startswith("Waarom de EUPL")


@pytest.mark.django_db
def test_an_article_without_authors_is_by_ospo_nl_and_an_image_is_absolute(content, client):
    article = make_article(content["section"], slug="met-plaatje", title="Met plaatje", tags=("licenties",),
                           image_source="https://example.org/plaatje.png")
    data = json_ld(client.get(article.get_absolute_url()), "Article")
    assert data["author"] == [{"@type": "Organization", "name": "OSPO-NL", "url": f"{SITE_URL}/"}]
    assert data["image"] == ["https://example.org/plaatje.png"]


@pytest.mark.django_db
def test_a_draft_shown_to_a_curator_has_no_article_json_ld(content, curator_client):
    draft = Article.objects.get(slug="geheim-concept")
    assert json_ld(curator_client.get(draft.get_absolute_url()), "Article") is None


@pytest.mark.django_db
def test_an_organisation_is_an_organization(content, client):
    data = json_ld(client.get(content["organisation"].get_absolute_url()), "GovernmentOrganization")
    assert data["name"] == "Gemeente Utrecht"
    assert data["url"] == f"{SITE_URL}/organisaties/gemeente-utrecht/"
    assert data["sameAs"] == ["https://www.utrecht.nl"]


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "names"), [
    ("article", ["Kennisbank", "Licenties", "De EUPL", "De EUPL kiezen"]),
    ("subsection", ["Kennisbank", "Licenties", "De EUPL"]),
    ("category", ["Forum", "Licenties"]),
    ("topic", ["Forum", "Licenties", "Ervaringen met de EUPL"]),
])
def test_pages_with_breadcrumbs_have_a_breadcrumb_list(content, client, page, names):
    data = json_ld(client.get(content[page].get_absolute_url()), "BreadcrumbList")
    items = data["itemListElement"]
    assert [item["name"] for item in items] == names
    assert [item["position"] for item in items] == list(range(1, len(names) + 1))
    assert all(item["item"].startswith(f"{SITE_URL}/") for item in items[:-1])
    assert "item" not in items[-1]  # the page itself


@pytest.mark.django_db
def test_markup_in_titles_cannot_break_out_of_the_json_ld(content, client):
    article = make_article(content["section"], slug="inbraak", title="</script><script>alert(1)</script> & meer",
                           tags=("licenties",))
    response = client.get(article.get_absolute_url())
    assert "<script>alert(1)" not in response.text
    assert "\\u003C/script\\u003E" in response.text
    assert json_ld(response, "Article")["headline"] == "</script><script>alert(1)</script> & meer"


@pytest.mark.django_db
def test_json_ld_needs_no_unsafe_inline_in_the_csp(content, client):
    response = client.get(content["casus"].get_absolute_url())
    assert head_of(response).json_ld  # the page has JSON-LD...
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    # ...and a CSP whose scripts come from our own origin only: no inline script, no nonce, no hash.
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "nonce-" not in csp and "sha256-" not in csp
    # Every inline <script> on the page is JSON-LD data; executable script is only loaded from files.
    scripts = response.text.split("<script")[1:]
    assert all(s.startswith(' type="application/ld+json">') or s.startswith(" src=") for s in scripts)
