"""The index follows the content: created, changed, hidden, deleted, re-tagged; and the rebuild command."""

from io import StringIO

import pytest
from django.core.management import call_command

from casussen import verbs as casus_verbs
from kennisbank.models import Article
from ospo_nl.search.models import SearchEntry
from tests.factories import make_answer, make_article, make_casus, make_topic

pytestmark = pytest.mark.django_db


def entry_for(obj):
    return SearchEntry.objects.filter(object_id=obj.pk, kind=type(obj).__name__.lower()).first()


def test_a_new_casus_is_indexed_with_its_audience_and_tags(member):
    casus = make_casus(member, "Licentie kiezen", body="Welke **licentie** past?", visibility="members",
                       tags=["licenties"])
    entry = SearchEntry.objects.get(kind="casus", object_id=casus.pk)
    assert entry.title == "Licentie kiezen"
    assert entry.body == "Welke licentie past?"  # plain text, no markup
    assert entry.audience == "members"
    assert entry.url == casus.get_absolute_url()
    assert entry.tags == "licenties"
    assert [t.slug for t in entry.tag_rows.all()] == ["licenties"]


def test_a_new_or_edited_casus_writes_its_entry_once_with_its_tags(member, monkeypatch):
    from ospo_nl.search import index  # noqa: PLC0415

    written = []
    monkeypatch.setattr(index, "_write_fts", lambda entries: written.extend(e.object_id for e in entries))
    casus = make_casus(member, "Licentie kiezen", tags=["licenties", "inkoop"])
    assert written == [casus.pk]
    assert SearchEntry.objects.get(kind="casus", object_id=casus.pk).tags == "licenties, inkoop"
    casus_verbs.edit_casus(casus=casus, by=member, changes={"title": "Een licentie kiezen"}, tags=["privacy"])
    assert written == [casus.pk, casus.pk]
    entry = SearchEntry.objects.get(kind="casus", object_id=casus.pk)
    assert (entry.title, entry.tags) == ("Een licentie kiezen", "privacy")


def test_retagging_updates_the_entry(member):
    casus = make_casus(member, "Inkoop van software", body="Geen toelichting.", tags=["inkoop"])
    casus.tags.set(["aanbesteding"])
    entry = SearchEntry.objects.get(kind="casus", object_id=casus.pk)
    assert [t.slug for t in entry.tag_rows.all()] == ["aanbesteding"]


def test_an_answer_follows_its_casus_visibility_and_deletion(member, curator):
    casus = make_casus(member, "Publiceren op GitHub", body="Geen toelichting.", tags=())
    answer = make_answer(casus, curator, "Gebruik een organisatie-account.")
    assert SearchEntry.objects.get(kind="answer", object_id=answer.pk).audience == "public"

    casus.visibility = "experts"
    casus.save()
    entry = SearchEntry.objects.get(kind="answer", object_id=answer.pk)
    assert entry.audience == "experts"
    assert entry.parent_id == casus.pk

    from ospo_nl.core.posts import soft_delete_post

    soft_delete_post(casus, by=None)
    assert not SearchEntry.objects.filter(kind__in=["casus", "answer"]).exists()


def test_the_answer_that_loses_acceptance_loses_its_weight_in_the_index(member, curator, expert):
    casus = make_casus(member, "Licentie voor een app", body="Welke licentie?", tags=())
    first, second = make_answer(casus, curator, "De EUPL."), make_answer(casus, expert, "Ook de EUPL.")
    plain = entry_for(first).weight
    casus_verbs.accept_answer(casus=casus, answer=first, by=member)
    assert entry_for(first).weight > plain
    casus_verbs.accept_answer(casus=casus, answer=second, by=member)
    assert entry_for(first).weight == plain
    assert entry_for(second).weight > plain


def test_a_deleted_topic_takes_its_replies_out_of_the_index(member, category):
    from forum.models import Reply

    topic = make_topic(member, category, "Ervaringen met Nextcloud", body="Wat vinden jullie?")
    reply = Reply.objects.create(topic=topic, body="Werkt goed bij ons.")
    assert SearchEntry.objects.filter(kind="reply", object_id=reply.pk).exists()
    from ospo_nl.core.posts import soft_delete_post

    soft_delete_post(topic, by=None)
    assert not SearchEntry.objects.filter(kind__in=["topic", "reply"]).exists()


def test_a_draft_article_is_not_indexed_until_published():
    article = make_article(title="Stappenplan publiceren", body="Eerst de licentie.", status=Article.Status.DRAFT)
    assert not SearchEntry.objects.filter(kind="article").exists()
    article.status = article.Status.PUBLISHED
    article.save()
    assert SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()
    article.status = article.Status.DRAFT
    article.save()
    assert not SearchEntry.objects.filter(kind="article").exists()


def test_organisations_and_initiatives_only_when_published():
    from directory.models import Initiative, Organisation

    hidden = Organisation.objects.create(name="Verborgen gemeente", slug="verborgen")
    shown = Organisation.objects.create(name="Gemeente Utrecht", slug="utrecht", is_published=True)
    initiative = Initiative.objects.create(name="Developer Overheid", slug="don", is_published=True)
    kinds = set(SearchEntry.objects.values_list("kind", "object_id"))
    assert ("organisation", shown.pk) in kinds
    assert ("organisation", hidden.pk) not in kinds
    assert ("initiative", initiative.pk) in kinds


def test_an_expert_is_found_only_with_a_public_profile_and_an_active_account(expert, member):
    assert SearchEntry.objects.filter(kind="expert", object_id=expert.profile.pk).exists()
    assert not SearchEntry.objects.filter(kind="expert", object_id=member.profile.pk).exists()
    expert.is_active = False
    expert.save(update_fields=["is_active"])
    assert not SearchEntry.objects.filter(kind="expert").exists()


def test_rebuild_command_dry_run_counts_and_changes_nothing(member):
    make_casus(member, "Eerste casus", body="Geen toelichting.", tags=())
    make_article(title="Concept", status=Article.Status.DRAFT)
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", "--dry-run", stdout=out)
    assert "casus: would index 1, skipped 0" in out.getvalue()
    assert "article: would index 0, skipped 1" in out.getvalue()
    assert not SearchEntry.objects.exists()


def test_rebuild_command_restores_the_index(member, curator):
    casus = make_casus(member, "Tweede casus", body="Geen toelichting.", tags=["beleid"])
    make_answer(casus, curator, "Een antwoord.")
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "casus: indexed 1" in out.getvalue()
    entry = SearchEntry.objects.get(kind="casus")
    assert [t.slug for t in entry.tag_rows.all()] == ["beleid"]
    assert SearchEntry.objects.filter(kind="answer").count() == 1


def test_admins_manage_synonyms_in_the_admin(admin_client_, member_client):
    from ospo_nl.search.models import Synonym

    assert admin_client_.get("/admin/search/synonym/").status_code == 200
    assert member_client.get("/admin/search/synonym/").status_code == 302  # to the admin login
    response = admin_client_.post(
        "/admin/search/synonym/add/", {"term": "BIO", "synonyms": "Baseline Informatiebeveiliging Overheid"}
    )
    assert response.status_code == 302
    assert Synonym.objects.get(term="BIO").group == ["bio", "baseline informatiebeveiliging overheid"]
