"""free_slug: a slug no row has yet, found in one query however many rows share the title."""

import pytest

from casussen.models import Casus
from ospo_nl.core.slugs import free_slug
from tests.factories import make_casus

pytestmark = pytest.mark.django_db


def test_a_title_used_before_gets_the_next_number_in_one_query(member, django_assert_num_queries):
    for _ in range(3):
        make_casus(member, "Welke licentie?")
    make_casus(member, "Welke licentie kiezen we?")  # shares the beginning, not the form "welke-licentie-N"
    assert set(Casus.objects.values_list("slug", flat=True)) == {
        "welke-licentie", "welke-licentie-2", "welke-licentie-3", "welke-licentie-kiezen-we"}
    with django_assert_num_queries(1):
        assert free_slug(Casus, "Welke licentie?", fallback="casus") == "welke-licentie-4"
    assert free_slug(Casus, "Welke licentie kiezen?", fallback="casus") == "welke-licentie-kiezen"


def test_reserved_slugs_and_an_empty_title(member):
    assert free_slug(Casus, "Nieuw", fallback="casus", reserved={"nieuw", "nieuw-2"}) == "nieuw-3"
    assert free_slug(Casus, "!!!", fallback="casus") == "casus"
    make_casus(member, "!!!")
    assert free_slug(Casus, "???", fallback="casus") == "casus-2"
