"""A signed-out visitor who opens members-only content gets the one 404 page, with a sign-in link that brings
them back (`next`); a made-up URL of the same shape gets exactly the same answer, so nothing confirms that the
content exists. Signed-in members without access get the 404 without a sign-in offer."""

import re

import pytest

from casussen.models import Casus
from tests.factories import PASSWORD, make_casus

pytestmark = pytest.mark.django_db

MADE_UP = "zomaar-een-verzonnen-casus"


def same_length(slug):
    return (MADE_UP * 4)[: len(slug)]


def without_csrf(html):
    """The CSRF token in the sign-out form is masked anew on every response."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', html)


def answer(client, path):
    response = client.get(path)
    headers = {name: value for name, value in response.headers.items() if name.lower() not in {"date", "expires"}}
    return response.status_code, headers, response.content.decode()


@pytest.mark.parametrize("suffix", ["", "geschiedenis/"])
def test_members_only_casus_and_a_made_up_one_answer_identically(client, member, suffix,
                                                                 django_assert_max_num_queries):
    casus = make_casus(member, "Intern: onze aanbesteding", visibility=Casus.Visibility.MEMBERS)
    real = f"/casussen/{casus.slug}/{suffix}"
    fake = f"/casussen/{same_length(casus.slug)}/{suffix}"
    with django_assert_max_num_queries(3):
        real_answer = answer(client, real)
    fake_answer = answer(client, fake)
    assert real_answer[0] == fake_answer[0] == 404
    assert real_answer[1] == fake_answer[1]
    assert real_answer[2].replace(casus.slug, same_length(casus.slug)) == fake_answer[2]
    assert "Intern: onze aanbesteding" not in real_answer[2]


def test_the_404_offers_sign_in_and_sign_up_that_return_to_the_page(client, member):
    casus = make_casus(member, visibility=Casus.Visibility.EXPERTS)
    html = client.get(casus.get_absolute_url()).content.decode()
    next_param = f"next=%2Fcasussen%2F{casus.slug}%2F"
    assert f'href="/account/login/?{next_param}"' in html
    assert f'href="/account/signup/?{next_param}"' in html
    assert "alleen zichtbaar voor ingelogde leden of experts" in html


def test_signing_in_from_the_404_leads_to_the_members_only_casus(client, member, other_member):
    casus = make_casus(member, visibility=Casus.Visibility.MEMBERS)
    response = client.post(f"/account/login/?next={casus.get_absolute_url()}",
                           {"login": other_member.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"] == casus.get_absolute_url()
    assert client.get(casus.get_absolute_url()).status_code == 200


def test_a_signed_in_member_without_access_gets_the_404_without_a_sign_in_offer(member_client, expert):
    casus = make_casus(expert, visibility=Casus.Visibility.EXPERTS)
    response = member_client.get(casus.get_absolute_url())
    assert response.status_code == 404
    html = without_csrf(response.content.decode())
    assert "/account/login/?next" not in html
    made_up = without_csrf(member_client.get(f"/casussen/{same_length(casus.slug)}/").content.decode())
    assert html == made_up.replace(same_length(casus.slug), casus.slug)


def test_the_next_parameter_cannot_carry_markup(client):
    html = client.get('/casussen/"><script>x</script>/').content.decode()
    assert "<script>x" not in html
