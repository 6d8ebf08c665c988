"""The curators' view of the expert ranking, to assign a casus by hand."""

from tests.factories import make_user

URL = "/casussen/experts/"


def test_a_curator_sees_the_ranking_for_tags(curator_client, db):
    make_user("lic@example.org", name="Lies Licentie", is_expert=True, expertise=["licenties", "inkoop"])
    make_user("ink@example.org", name="Ivo Inkoop", is_expert=True, expertise=["inkoop"], is_public=False)

    response = curator_client.get(URL, {"tags": "licenties, inkoop"})

    assert response.status_code == 200
    content = response.content.decode()
    assert content.index("Lies Licentie") < content.index("Ivo Inkoop")


def test_the_empty_form_is_shown_without_a_ranking(curator_client):
    response = curator_client.get(URL)
    assert response.status_code == 200 and response.context["experts"] is None


def test_bad_input_is_400(curator_client):
    assert curator_client.get(URL, {"tags": ""}).status_code == 400


def test_members_and_experts_may_not_see_it(member_client, expert_client):
    assert member_client.get(URL, {"tags": "licenties"}).status_code == 403
    assert expert_client.get(URL, {"tags": "licenties"}).status_code == 403


def test_visitors_are_sent_to_log_in(client, db):
    assert client.get(URL).status_code == 302


def test_it_is_read_only(curator_client):
    assert curator_client.post(URL).status_code == 405
