"""The big casus lists count at most COUNT_CAP rows (one query, whatever the amount of data)."""

import pytest

from casussen import filter_counts
from casussen.models import Casus
from ospo_nl.core import pagination
from ospo_nl.core.pagination import CappedPaginator


@pytest.fixture
def casussen(db, member):
    created = Casus.objects.bulk_create(
        Casus(author=member, title=f"Casus {n}", slug=f"casus-{n}", body="Vraag") for n in range(7)
    )
    filter_counts.rebuild()  # a bulk load passes no signals: the list's kept counts, as the bench seed does
    return created


def test_the_count_is_exact_below_the_cap(casussen, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 10)
    paginator = CappedPaginator(Casus.objects.all(), 2)
    assert paginator.count == 7
    assert not paginator.is_capped
    assert paginator.num_pages == 4


def test_the_count_stops_at_the_cap_and_says_so(casussen, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    paginator = CappedPaginator(Casus.objects.all(), 2)
    with django_assert_num_queries(1):  # SELECT COUNT(*) FROM (SELECT id ... LIMIT 6)
        assert paginator.count == 5
        assert paginator.is_capped
    assert paginator.num_pages == 3


def test_a_known_count_is_not_counted_again(casussen, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    paginator = CappedPaginator(Casus.objects.all(), 2, counted=7)
    with django_assert_num_queries(0):
        assert (paginator.count, paginator.is_capped, paginator.num_pages) == (5, True, 3)


def test_a_big_list_says_more_than_the_cap(casussen, client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    response = client.get("/casussen/")
    assert "Meer dan 5 casussen" in response.content.decode()


def test_the_cap_is_a_thousand():
    assert pagination.COUNT_CAP == 1000
