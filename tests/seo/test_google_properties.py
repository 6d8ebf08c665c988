"""Every JSON-LD type has the properties Google's structured-data documentation requires, and the recommended
ones our data has (developers.google.com/search/docs/appearance/structured-data/<feature>); og:image everywhere.

The lists below are Google's, per feature; a property missing from our data is named in a comment."""

import json

import pytest
from django.contrib.staticfiles import finders

from directory.models import InitiativeOrganisation
from ospo_nl.moderation import verbs as moderation_verbs
from tests.factories import make_reply
from tests.network.conftest import make_event

from .conftest import SITE_URL, head_of

DEFAULT_IMAGE = f"{SITE_URL}/static/img/ospo-nl-social.png"

# discussion-forum: DiscussionForumPosting and its Comments. (image/video: our posts have none.)
FORUM_POSTING_REQUIRED = ["author", "author.name", "datePublished", "text"]
FORUM_POSTING_RECOMMENDED = ["author.url", "comment", "creativeWorkStatus?", "dateModified", "headline",
                             "interactionStatistic", "isPartOf", "mainEntityOfPage", "url"]
COMMENT_REQUIRED = ["author", "author.name", "datePublished", "text"]
COMMENT_RECOMMENDED = ["author.url", "dateModified", "url"]
# profile-page: ProfilePage. (image, sameAs, alternateName: a profile has no photo, links or handle.)
PROFILE_PAGE_REQUIRED = ["mainEntity", "mainEntity.name"]
PROFILE_PAGE_RECOMMENDED = ["dateCreated", "dateModified", "mainEntity.description", "mainEntity.identifier"]
# qapage: Question and Answer.
QUESTION_REQUIRED = ["answerCount", "name", "acceptedAnswer|suggestedAnswer"]
QUESTION_RECOMMENDED = ["author", "author.name", "author.url", "datePublished", "dateModified", "text",
                        "upvoteCount"]
ANSWER_REQUIRED = ["text"]
ANSWER_RECOMMENDED = ["author", "author.name", "author.url", "datePublished", "dateModified", "upvoteCount", "url"]
# article: no required properties; all recommended.
ARTICLE_RECOMMENDED = ["author", "author.name", "dateModified", "datePublished", "headline", "image"]
# breadcrumb: BreadcrumbList and ListItem (`item` on all but the last).
BREADCRUMB_REQUIRED = ["itemListElement"]
LIST_ITEM_REQUIRED = ["position", "name"]
# event: (offers, performer: free meetings without performers.)
EVENT_REQUIRED = ["name", "startDate", "location"]
EVENT_RECOMMENDED = ["description", "endDate", "eventAttendanceMode", "eventStatus", "image", "organizer", "url"]
# organization (logo, address: not in our directory).
ORGANIZATION_RECOMMENDED = ["name", "url", "sameAs", "description"]
PROJECT_RECOMMENDED = ["name", "url", "sameAs", "description", "foundingDate", "member"]


def value(data, path):
    for key in path.split("."):
        if isinstance(data, list):
            data = data[0]
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def assert_has(data, paths):
    """Each path has a value; "a|b" needs one of them; "x?" only checks that a present value is not empty."""
    for path in paths:
        if path.endswith("?"):
            assert value(data, path[:-1]) != "", path
            continue
        assert any(value(data, option) not in (None, "", []) for option in path.split("|")), path


def json_ld_of(response, type_):
    assert response.status_code == 200
    found = [json.loads(text) for text in head_of(response).json_ld]
    matches = [data for data in found if data["@type"] == type_]
    assert len(matches) == 1, [data["@type"] for data in found]
    return matches[0]


@pytest.mark.django_db
def test_a_forum_topic_is_a_discussion_forum_posting_with_its_replies_as_comments(content, client, expert):
    topic = content["topic"]
    make_reply(expert, topic, body="Wij ook, met **plezier**.")
    data = json_ld_of(client.get(topic.get_absolute_url()), "DiscussionForumPosting")
    assert_has(data, FORUM_POSTING_REQUIRED)
    assert_has(data, [p for p in FORUM_POSTING_RECOMMENDED if p != "author.url"])  # Mila's profile is not public
    assert data["headline"] == "Ervaringen met de EUPL" and data["text"] == "Wie gebruikt de EUPL al?"
    assert data["url"] == f"{SITE_URL}{topic.get_absolute_url()}"
    assert [c["text"] for c in data["comment"]] == ["Wij, sinds 2020.", "Wij ook, met plezier."]
    for comment in data["comment"]:
        assert_has(comment, COMMENT_REQUIRED)
    assert_has(data["comment"][1], COMMENT_RECOMMENDED)  # Eva Expert has a public profile
    assert data["comment"][1]["author"]["url"] == f"{SITE_URL}{expert.profile.get_absolute_url()}"
    assert "url" not in data["comment"][0]["author"]  # Olaf's profile is not public: no link to it
    assert data["interactionStatistic"]["userInteractionCount"] == 2


@pytest.mark.django_db
def test_hidden_replies_are_not_comments_and_a_hidden_topic_has_no_posting(content, client, curator):
    topic = content["topic"]
    reply = topic.replies.get()
    moderation_verbs.hide(target=reply, by=curator, reason="spam")
    data = json_ld_of(client.get(topic.get_absolute_url()), "DiscussionForumPosting")
    assert data["comment"] == []
    moderation_verbs.hide(target=topic, by=curator, reason="spam")
    response = client.get(topic.get_absolute_url())
    assert all(json.loads(text)["@type"] != "DiscussionForumPosting" for text in head_of(response).json_ld)


@pytest.mark.django_db
def test_a_public_expert_has_a_profile_page(content, client):
    profile = content["expert"].profile
    profile.bio = "Ik adviseer over **licenties**."
    profile.save()
    data = json_ld_of(client.get(profile.get_absolute_url()), "ProfilePage")
    assert_has(data, PROFILE_PAGE_REQUIRED + PROFILE_PAGE_RECOMMENDED)
    assert data["mainEntity"]["@type"] == "Person" and data["mainEntity"]["name"] == "Eva Expert"
    assert data["mainEntity"]["url"] == f"{SITE_URL}/experts/{profile.slug}/" and not profile.slug.isdigit()
    assert data["mainEntity"]["description"] == "Ik adviseer over licenties."
    assert data["mainEntity"]["knowsAbout"] == ["licenties"]


@pytest.mark.django_db
def test_a_question_and_its_answers_have_author_url_and_date_published(content, client, expert):
    question = json_ld_of(client.get(content["casus"].get_absolute_url()), "QAPage")["mainEntity"]
    assert_has(question, QUESTION_REQUIRED)
    assert_has(question, [p for p in QUESTION_RECOMMENDED if p != "author.url"])  # Mila's profile is not public
    for answer in [question["acceptedAnswer"], *question["suggestedAnswer"]]:
        assert_has(answer, ANSWER_REQUIRED + ANSWER_RECOMMENDED)
        assert answer["author"]["url"] == f"{SITE_URL}{expert.profile.get_absolute_url()}"


@pytest.mark.django_db
def test_an_article_has_the_default_image_when_it_has_none_of_its_own(content, client):
    data = json_ld_of(client.get(content["article"].get_absolute_url()), "Article")
    assert_has(data, ARTICLE_RECOMMENDED)
    assert data["image"] == [DEFAULT_IMAGE]


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "names"), [
    ("casus", ["Casussen", "Welke licentie kiezen we voor onze app?"]),
    ("organisation", ["Voorpagina", "Organisaties", "Gemeente Utrecht"]),
    ("initiative", ["Voorpagina", "Initiatieven", "Developer Overheid"]),
    ("expert", ["Voorpagina", "Experts", "Eva Expert"]),
])
def test_pages_with_a_breadcrumb_have_the_same_trail_as_breadcrumb_list(content, client, page, names):
    target = content[page].profile if page == "expert" else content[page]
    response = client.get(target.get_absolute_url())
    data = json_ld_of(response, "BreadcrumbList")
    assert_has(data, BREADCRUMB_REQUIRED)
    for item in data["itemListElement"]:
        assert_has(item, LIST_ITEM_REQUIRED)
    assert [item["name"] for item in data["itemListElement"]] == names
    assert all("item" in item for item in data["itemListElement"][:-1])
    nav = response.text.split('class="utrecht-breadcrumb-nav"')[1].split("</nav>")[0]
    assert all(f">{name}</a>" in nav for name in names[:-1])  # the same crumbs as the navigation


@pytest.mark.django_db
def test_a_members_casus_has_no_breadcrumb_list(content, member_client):
    response = member_client.get(content["members_casus"].get_absolute_url())
    assert response.status_code == 200 and "utrecht-breadcrumb-nav" in response.text
    assert head_of(response).json_ld == []


@pytest.mark.django_db
def test_an_event_has_the_required_and_recommended_properties(client):
    event = make_event()
    data = json_ld_of(client.get(event.get_absolute_url()), "Event")
    assert_has(data, EVENT_REQUIRED + EVENT_RECOMMENDED)
    assert data["image"] == [DEFAULT_IMAGE]


@pytest.mark.django_db
def test_organisations_and_initiatives_are_organization_and_project(content, client):
    organisation, initiative = content["organisation"], content["initiative"]
    organisation.description = "De **gemeente** Utrecht."
    organisation.save()
    initiative.website, initiative.description, initiative.start_year = "https://developer.overheid.nl", "Samen.", 2020
    initiative.save()
    InitiativeOrganisation.objects.create(initiative=initiative, organisation=organisation)
    assert_has(json_ld_of(client.get(organisation.get_absolute_url()), "GovernmentOrganization"),
               ORGANIZATION_RECOMMENDED)
    project = json_ld_of(client.get(initiative.get_absolute_url()), "Project")
    assert_has(project, PROJECT_RECOMMENDED)
    assert project["member"][0]["name"] == "Gemeente Utrecht"


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["casus", "organisation", "initiative", "topic", "category", "section"])
def test_every_page_has_the_default_og_image(content, client, page):
    assert head_of(client.get(content[page].get_absolute_url())).meta["og:image"] == DEFAULT_IMAGE


@pytest.mark.django_db
def test_an_article_with_its_own_image_uses_it_for_og_image_and_the_home_page_the_default(content, client):
    from tests.factories import make_article

    article = make_article(content["section"], slug="met-plaatje", image_source="https://example.org/plaatje.png")
    assert head_of(client.get(article.get_absolute_url())).meta["og:image"] == "https://example.org/plaatje.png"
    assert head_of(client.get("/")).meta["og:image"] == DEFAULT_IMAGE


def test_the_default_social_image_is_1200_by_630():
    Image = pytest.importorskip("PIL.Image")  # Pillow is a dev dependency (scripts/make_social_image.py)

    with Image.open(finders.find("img/ospo-nl-social.png")) as image:
        assert image.size == (1200, 630)


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_structured_data_names_the_language_of_what_was_written_not_of_the_interface(content, client, prefix):
    """inLanguage: a casus's Question, a topic's posting and an article follow their `language`; an event, which
    has none, is Dutch."""
    casus, topic, article = content["casus"], content["topic"], content["article"]

    def languages():
        return (
            json_ld_of(client.get(prefix + casus.get_absolute_url()), "QAPage")["mainEntity"]["inLanguage"],
            json_ld_of(client.get(prefix + topic.get_absolute_url()), "DiscussionForumPosting")["inLanguage"],
            json_ld_of(client.get(prefix + article.get_absolute_url()), "Article")["inLanguage"],
        )

    assert languages() == ("nl", "nl", "nl")
    for obj in (casus, topic, article):
        type(obj).objects.filter(pk=obj.pk).update(language="en")
    assert languages() == ("en", "en", "en")
    assert json_ld_of(client.get(prefix + make_event().get_absolute_url()), "Event")["inLanguage"] == "nl"
