"""Lessons from a confidential casus: with the author's recorded consent, a curator turns them into an anonymised
kennisbank draft: no casus text, title, tags, organisation or names copied, and no link back."""

import pytest
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Organisation
from kennisbank.models import Article
from kennisbank.verbs import save_article
from ospo_nl import handoffs
from ospo_nl.search.index import search

from .conftest import make_casus

LESSONS = ("Met @[Eva Expert] leerden we bij Waterschap Zeeland: leg de exitstrategie vast. "
           "Mila Member zegt: begin klein. Evaluatie na drie maanden.")


@pytest.fixture
def confidential(member, expert):
    org = Organisation.objects.create(name="Waterschap Zeeland", slug="waterschap-zeeland", kind="water_board",
                                      is_published=True)
    casus = make_casus(member, "Datalek bij ons waterschap", body="Geheime details over het lek.",
                       visibility=Casus.Visibility.MEMBERS, organisation=org, tags=("beveiliging",))
    casus_verbs.post_answer(casus=casus, by=expert, body="Meld het bij de AP.")
    casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned=LESSONS)
    return casus


def consent_url(casus):
    return reverse("casussen:lessons_consent", args=[casus.slug])


def anonymise_url(casus):
    return reverse("casus_lessons_to_article", args=[casus.slug])


@pytest.mark.django_db
def test_only_the_author_records_consent(confidential, member_client, other_member_client, curator_client, client):
    assert other_member_client.post(consent_url(confidential), {"consent": "1"}).status_code == 403
    assert curator_client.post(consent_url(confidential), {"consent": "1"}).status_code == 403
    assert client.post(consent_url(confidential), {"consent": "1"})["Location"].startswith(reverse("account_login"))
    assert member_client.post(consent_url(confidential), {"consent": "ja"}).status_code == 400
    confidential.refresh_from_db()
    assert not confidential.lessons_consent
    assert member_client.get(consent_url(confidential)).status_code == 405
    assert member_client.post(consent_url(confidential), {"consent": "1"}).status_code == 302
    confidential.refresh_from_db()
    assert confidential.lessons_consent and confidential.lessons_consent_at is not None
    member_client.post(consent_url(confidential), {"consent": "0"})
    confidential.refresh_from_db()
    assert not confidential.lessons_consent


@pytest.mark.django_db
def test_consent_is_only_for_a_resolved_confidential_casus(member, member_client):
    public = make_casus(member, "Openbare vraag")
    casus_verbs.resolve_casus(casus=public, by=member, lessons_learned="Zo.")
    still_open = make_casus(member, "Nog open", visibility=Casus.Visibility.EXPERTS)
    assert member_client.post(consent_url(public), {"consent": "1"}).status_code == 403
    assert member_client.post(consent_url(still_open), {"consent": "1"}).status_code == 403


@pytest.mark.django_db
def test_without_consent_nobody_anonymises(confidential, curator_client):
    assert curator_client.get(anonymise_url(confidential)).status_code == 403
    assert curator_client.post(anonymise_url(confidential), {"title": "Exitstrategie"}).status_code == 403
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_curator_makes_an_anonymised_draft_that_copies_no_casus_text_names_or_organisation(
        confidential, member, curator, member_client, curator_client):
    member_client.post(consent_url(confidential), {"consent": "1"})
    assert "Lessen geanonimiseerd naar de kennisbank" in curator_client.get(confidential.get_absolute_url()).text
    assert curator_client.get(anonymise_url(confidential)).status_code == 200
    same_title = curator_client.post(anonymise_url(confidential), {"title": "datalek bij ons waterschap"})
    assert same_title.status_code == 400 and "Kies een andere titel" in same_title.text
    assert not Article.objects.exists()

    response = curator_client.post(anonymise_url(confidential), {"title": "Een exitstrategie na een datalek"})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("kennisbank:article_edit",
                                                                           args=[article.slug])
    assert article.status == "draft" and article.kind == "lessons_learned"
    for leaked in ("Eva Expert", "Mila Member", "Waterschap Zeeland", "Datalek bij ons", "Geheime details",
                   "Meld het bij de AP", confidential.slug, "beveiliging"):
        assert leaked.lower() not in (article.title + article.summary + article.body).lower(), leaked
    assert "[naam] leerden we bij een waterschap" in article.body and "Evaluatie" in article.body
    assert list(article.tags.all()) == []
    confidential.refresh_from_db()
    assert confidential.lessons_article == article and confidential.article is None  # no way back from the article
    # Once made, not twice.
    assert curator_client.post(anonymise_url(confidential), {"title": "Nog een"}).status_code == 403


@pytest.mark.django_db
def test_members_and_experts_may_not_anonymise(confidential, member_client, expert_client, client):
    member_client.post(consent_url(confidential), {"consent": "1"})
    assert member_client.post(anonymise_url(confidential), {"title": "X"}).status_code == 403
    assert expert_client.post(anonymise_url(confidential), {"title": "X"}).status_code == 403
    assert client.post(anonymise_url(confidential), {"title": "X"})["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_the_published_article_leaks_nothing_of_the_casus(confidential, member, curator, member_client, client):
    member_client.post(consent_url(confidential), {"consent": "1"})
    confidential.refresh_from_db()
    article = handoffs.anonymise_lessons(casus=confidential, by=curator, title="Een exitstrategie na een datalek")
    article.status = Article.Status.PUBLISHED
    save_article(article, by=curator)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    for leaked in ("Datalek bij ons waterschap", confidential.get_absolute_url(), "Waterschap Zeeland", "Mila Member",
                   "Eva Expert"):
        assert leaked not in page.text, leaked
    entry = next(e for e in search("exitstrategie", user=None).entries if e.kind == "article")
    assert "Zeeland" not in entry.body and "Mila" not in entry.body
