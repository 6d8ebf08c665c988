import json
import re

import pytest
from django.contrib.auth.models import AnonymousUser

from casussen import verbs as casus_verbs
from casussen.models import Casus
from casussen.related import casussen_of
from directory.models import Organisation
from tests.factories import make_casus


def json_ld_of(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(match.group(1)) if match else None


@pytest.mark.django_db
def test_a_public_casus_with_an_accepted_answer_is_a_qapage(casus, answer, member, client):
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    data = json_ld_of(client.get(casus.get_absolute_url()))
    assert data["@type"] == "QAPage"
    assert data["mainEntity"]["acceptedAnswer"]["text"].startswith("Kies de EUPL")


@pytest.mark.django_db
def test_a_members_casus_has_no_structured_data(member, expert, other_member_client):
    casus = make_casus(member, "Ledenvraag", visibility=Casus.Visibility.MEMBERS)
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    assert json_ld_of(other_member_client.get(casus.get_absolute_url())) is None


@pytest.mark.django_db
def test_script_in_a_title_cannot_break_out_of_the_json_ld(member, expert, client):
    casus = make_casus(member, "</script><script>alert(1)</script>")
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    text = client.get(casus.get_absolute_url()).text
    assert "<script>alert(1)" not in text
    assert json_ld_of(client.get(casus.get_absolute_url()))["mainEntity"]["name"].startswith("</script>")


@pytest.mark.django_db
def test_the_organisation_page_section_shows_only_visible_named_casussen(member, django_assert_num_queries):
    org = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", kind="municipality",
                                      is_published=True)
    make_casus(member, "Openbaar en genoemd", organisation=org)
    make_casus(member, "Openbaar maar anoniem", organisation=org, hide_organisation=True)
    make_casus(member, "Alleen leden", organisation=org, visibility=Casus.Visibility.MEMBERS)
    with django_assert_num_queries(1):
        section = casussen_of(org, AnonymousUser())
    assert [item["label"] for item in section["items"]] == ["Openbaar en genoemd"]
