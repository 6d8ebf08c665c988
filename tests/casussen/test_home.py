import pytest
from django.contrib.auth.models import AnonymousUser

from casussen.home import latest_casussen
from casussen.models import Casus
from tests.factories import make_casus


@pytest.mark.django_db
def test_the_home_section_lists_only_public_casussen_for_a_visitor(member, client):
    make_casus(member, "Openbare casus")
    make_casus(member, "Ledencasus", visibility=Casus.Visibility.MEMBERS)
    text = client.get("/").text
    assert "Openbare casus" in text and "Ledencasus" not in text


@pytest.mark.django_db
def test_the_home_section_costs_one_query(member, django_assert_num_queries):
    for n in range(7):
        make_casus(member, f"Casus {n}")
    with django_assert_num_queries(1):
        section = latest_casussen(AnonymousUser())
    assert len(section["items"]) == 5
