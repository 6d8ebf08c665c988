"""The list's filter counts kept by the writes (casussen.filter_counts): after every verb that changes a casus or
its tags, the kept rows are what counting all casussen again gives, and the counts the list shows from them
are the ones counted from the casussen themselves, for every viewer and filter."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casussen import filter_counts
from casussen import verbs as casus_verbs
from casussen.models import Casus, FilterCount
from casussen.views import _facet_counts
from directory.models import Organisation
from ospo_nl.core.roles import audiences_for
from ospo_nl.management.jobs import JOBS
from ospo_nl.moderation import verbs as moderation
from tests.conftest import make_user

from .conftest import make_casus


def kept():
    return {(r.dimension, r.value, r.visibility, r.status, r.phase): r.n
            for r in FilterCount.objects.exclude(n=0)}


def recounted():
    filter_counts.rebuild()
    return kept()


@pytest.fixture
def orgs(db):
    return [Organisation.objects.create(name=name, slug=slug, kind="municipality", is_published=published)
            for name, slug, published in (("Gemeente Utrecht", "utrecht", True), ("Gemeente Delft", "delft", True),
                                          ("Verborgen", "verborgen", False))]


@pytest.fixture
def history(member, expert, curator, orgs):
    """Casussen through every verb that moves a filter count."""
    utrecht, delft, hidden_org = orgs
    a = make_casus(member, "Inkoop", phase="procurement", tags=("inkoop", "licenties"), organisation=utrecht)
    b = make_casus(member, "Publiceren", phase="publishing", tags=("licenties",), organisation=delft)
    c = make_casus(member, "Anoniem", tags=("inkoop",), organisation=utrecht, hide_organisation=True)
    d = make_casus(member, "Geheim", tags=("privacy",), visibility=Casus.Visibility.EXPERTS, organisation=delft)
    e = make_casus(member, "Leden", tags=("licenties", "privacy"), visibility=Casus.Visibility.MEMBERS,
                   organisation=hidden_org)
    f = make_casus(member, "Weg", tags=("inkoop",))
    g = make_casus(member, "Verborgen", tags=("licenties",), organisation=utrecht)
    casus_verbs.claim_casus(casus=a, by=expert)
    casus_verbs.post_answer(casus=b, by=expert, body="Zo doe je dat.")
    casus_verbs.resolve_casus(casus=Casus.objects.get(pk=b.pk), by=member, lessons_learned="Zo.")
    casus_verbs.close_casus(casus=Casus.objects.get(pk=c.pk), by=member)
    casus_verbs.reopen_casus(casus=Casus.objects.get(pk=c.pk), by=member)
    casus_verbs.edit_casus(casus=Casus.objects.get(pk=a.pk), by=member, tags=["inkoop", "privacy"],
                           changes={"phase": "building", "organisation_id": delft.pk})
    casus_verbs.edit_casus(casus=Casus.objects.get(pk=c.pk), by=member, changes={"hide_organisation": False})
    casus_verbs.edit_casus(casus=Casus.objects.get(pk=d.pk), by=member, tags=[],
                           changes={"visibility": Casus.Visibility.PUBLIC})
    casus_verbs.delete_casus(casus=Casus.objects.get(pk=f.pk), by=member)
    moderation.hide(target=Casus.objects.get(pk=g.pk), by=curator, reason="spam")
    Casus.objects.get(pk=e.pk).tags.clear()
    Casus.objects.get(pk=e.pk).tags.add("inkoop")
    Casus.objects.get(pk=make_casus(member, "Echt weg", tags=("inkoop",)).pk).delete()
    return a, b, c, d, e


@pytest.mark.django_db
def test_the_kept_rows_are_what_counting_again_gives_after_every_verb(history):
    rows = kept()
    assert rows == recounted()
    assert rows[(FilterCount.ALL, 0, "public", "claimed", "building")] == 1  # a: claimed, moved to building
    assert (FilterCount.TAG, history[0].tags.get(name="privacy").pk, "public", "claimed", "building") in rows


@pytest.mark.django_db
def test_unhiding_and_moving_back_count_again(history, curator):
    g = Casus.objects.get(title="Verborgen")
    before = kept()[(FilterCount.ALL, 0, "public", "new", "orientation")]
    moderation.unhide(target=g, by=curator)
    assert kept()[(FilterCount.ALL, 0, "public", "new", "orientation")] == before + 1
    assert kept() == recounted()


def every_filter():
    for status in ("all", "open", "new", "resolved"):
        for phase in ("", "procurement", "orientation"):
            for tag in ("", "inkoop", "licenties", "bestaat-niet"):
                for organisation in ("", "utrecht", "delft", "verborgen"):
                    yield {"status": status, "phase": phase, "tag": tag, "organisation": organisation}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member", "expert"])
def test_the_counts_from_the_kept_rows_are_the_counted_ones(history, who, member, expert):
    user = {"visitor": None, "member": make_user("lezer@example.org"), "expert": expert}[who]
    from django.contrib.auth.models import AnonymousUser  # noqa: PLC0415

    audiences = tuple(audiences_for(user or AnonymousUser()))
    visible = Casus.objects.for_audiences(audiences)
    for filters in every_filter():
        assert _facet_counts(visible, audiences, **filters) == _facet_counts(visible, None, **filters), filters


@pytest.mark.django_db
def test_a_member_with_own_casussen_outside_their_audiences_counts_them_too(history, member):
    """The author of the experts-only casussen sees them counted: kept rows plus their own, counted apart."""
    make_casus(member, "Nog een geheime", tags=("privacy", "nieuw"), visibility=Casus.Visibility.EXPERTS,
               organisation=Organisation.objects.get(slug="utrecht"), phase="procurement")
    audiences = tuple(audiences_for(member))
    own = Casus.objects.alive().filter(author=member).exclude(visibility__in=audiences)
    assert own.exists()
    visible = Casus.objects.visible_to(member)
    for filters in every_filter():
        assert _facet_counts(visible, audiences, own=own, **filters) == _facet_counts(visible, None, **filters), filters


@pytest.mark.django_db
def test_the_list_reads_the_kept_rows_not_the_casussen(history, client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/casussen/").status_code == 200
    facet_sql = [q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"]]
    assert facet_sql and all(FilterCount._meta.db_table in sql for sql in facet_sql)


@pytest.mark.django_db
def test_a_save_of_counters_alone_moves_no_count(casus):
    def touched(**fields):
        with CaptureQueriesContext(connection) as queries:
            for name, value in fields.items():
                setattr(casus, name, value)
            casus.save(update_fields=list(fields))
        return [q["sql"] for q in queries.captured_queries if FilterCount._meta.db_table in q["sql"]]

    assert touched(score=3) == []
    assert touched(status=Casus.Status.CLAIMED)  # its cells moved
    assert kept() == recounted()


@pytest.mark.django_db
def test_increments_of_one_row_add_up(db):
    key = (FilterCount.TAG, 7, "public", "new", "orientation")
    filter_counts.apply([(*key, 1), (*key, 1)])
    filter_counts.apply([(*key, 1)])
    filter_counts.apply([(*key, -1), (FilterCount.ALL, 0, "public", "new", "orientation", 0)])
    assert kept() == {key: 2}


@pytest.mark.django_db
def test_the_nightly_recount_puts_drift_right(history):
    right = kept()
    FilterCount.objects.filter(dimension=FilterCount.ALL).update(n=99)
    FilterCount.objects.filter(dimension=FilterCount.TAG).delete()
    out = StringIO()
    call_command("recount_casussen", stdout=out)
    assert kept() == right
    assert "filter counts" in out.getvalue()
    assert JOBS["recount_casussen"].command == ("recount_casussen",)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "author", "expert"])
def test_list_lengths_are_summed_from_the_kept_rows_and_match_the_rows(history, who, member, expert):
    """The casus list with its filters, a tag's and an organisation's page: each says how many casussen it has
    from the kept rows (the author adding their own casussen outside their audiences), and that is what the rows
    are."""
    from django.contrib.auth.models import AnonymousUser  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    make_casus(member, "Nog een geheime", tags=("inkoop",), visibility=Casus.Visibility.EXPERTS,
               organisation=Organisation.objects.get(slug="utrecht"))
    user = {"visitor": None, "author": member, "expert": expert}[who]
    client = Client()
    if user:
        client.force_login(user)
    visible = Casus.objects.visible_to(user or AnonymousUser())
    utrecht = dict(organisation__slug="utrecht", hide_organisation=False)
    cases = [
        ("/casussen/", {}, visible),
        ("/casussen/", {"status": "open", "fase": "orientatie"}, visible.open().filter(phase="orientation")),
        ("/casussen/", {"tag": "inkoop"}, visible.filter(tags__slug="inkoop")),
        ("/casussen/", {"organisatie": "utrecht", "status": "nieuw"}, visible.filter(status="new", **utrecht)),
        ("/casussen/", {"tag": "inkoop", "organisatie": "utrecht"}, visible.filter(tags__slug="inkoop", **utrecht)),
        ("/casussen/tag/inkoop/", {}, visible.open().filter(tags__slug="inkoop")),
        ("/casussen/organisatie/utrecht/", {}, visible.open().filter(**utrecht)),
    ]
    for url, params, rows in cases:
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert response.context["page"].paginator.count == rows.count() > 0, (url, params)
