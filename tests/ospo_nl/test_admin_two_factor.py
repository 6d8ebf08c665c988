import pytest

pytestmark = pytest.mark.django_db


def test_staff_without_two_factor_are_encouraged_to_turn_it_on(curator_client):
    response = curator_client.get("/admin/")
    assert response.status_code == 200
    assert "zonder tweestapsverificatie" in response.text
    assert "/account/2fa/totp/activate/" in response.text


def test_staff_with_two_factor_see_no_nudge(curator, curator_client):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=curator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert "zonder tweestapsverificatie" not in curator_client.get("/admin/").text
