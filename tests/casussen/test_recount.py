from io import StringIO

import pytest
from django.core.management import call_command

from casussen import verbs as casus_verbs
from casussen.models import Answer, Casus


def recount(*args):
    out = StringIO()
    call_command("recount_casussen", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def broken(casus, answer, other_member):
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    Answer.objects.filter(pk=answer.pk).update(score=7)
    Casus.objects.filter(pk=casus.pk).update(answer_count=5, score=9)
    return casus, answer


@pytest.mark.django_db
def test_recount_with_dry_run_reports_and_changes_nothing(broken):
    casus, answer = broken
    assert "would fix: 1 answer scores, 1 casus counters" in recount("--dry-run")
    casus.refresh_from_db()
    assert casus.answer_count == 5


@pytest.mark.django_db
def test_recount_rebuilds_the_counters(broken):
    casus, answer = broken
    assert "fixed: 1 answer scores, 1 casus counters" in recount()
    casus.refresh_from_db()
    answer.refresh_from_db()
    assert (answer.score, casus.answer_count, casus.score) == (1, 1, 1)
    assert "fixed: 0 answer scores, 0 casus counters, 0 last activity dates" in recount()


@pytest.mark.django_db
def test_recount_leaves_deleted_answers_out(casus, answer, expert):
    casus_verbs.delete_answer(answer=answer, by=expert)
    assert "0 casus counters" in recount()



@pytest.mark.django_db
def test_recount_moves_what_the_fixed_casus_shows_its_tag_pages_included(broken, settings):
    from casussen.models import tag_activity_scope  # noqa: PLC0415
    from ospo_nl.core import content_cache  # noqa: PLC0415

    settings.CONTENT_CACHE_SECONDS = 600
    casus, _answer = broken
    tag_scopes = [tag_activity_scope(tag.pk) for tag in casus.tags.all()]
    watched = [f"casus:{casus.pk}", "casussen-activity", *tag_scopes]
    before = content_cache.versions(watched)
    recount()
    after = content_cache.versions(watched)
    assert tag_scopes and all(before[scope] != after[scope] for scope in watched)
