"""`with_tags()`: a page of rows gets its tags in one query, in the order they were added, and each row's
`tags.all()` then costs none."""

import pytest

from casussen.models import Casus
from tests.casussen.conftest import make_casus


@pytest.mark.django_db
def test_a_page_of_casussen_loads_its_tags_in_one_query(member, django_assert_num_queries):
    make_casus(member, "Eerste", tags=("licenties", "inkoop"))
    make_casus(member, "Tweede", tags=())
    make_casus(member, "Derde", tags=("inkoop",))
    with django_assert_num_queries(2):  # the rows, their tagged items with the tags
        rows = list(Casus.objects.with_tags().order_by("pk"))
        names = [[tag.name for tag in casus.tags.all()] for casus in rows]
    assert names == [["licenties", "inkoop"], [], ["inkoop"]]


@pytest.mark.django_db
def test_without_with_tags_each_row_asks_again(member, django_assert_num_queries):
    make_casus(member, "Eerste", tags=("licenties",))
    make_casus(member, "Tweede", tags=("inkoop",))
    with django_assert_num_queries(3):
        rows = list(Casus.objects.order_by("pk"))
        assert [[tag.name for tag in casus.tags.all()] for casus in rows] == [["licenties"], ["inkoop"]]


@pytest.mark.django_db
def test_a_sliced_and_counted_page_still_loads_its_tags_once(member, django_assert_num_queries):
    for n in range(5):
        make_casus(member, f"Casus {n}", tags=("tag",))
    page = Casus.objects.with_tags().order_by("pk")[1:3]
    with django_assert_num_queries(2):
        assert [[tag.name for tag in casus.tags.all()] for casus in page] == [["tag"], ["tag"]]
