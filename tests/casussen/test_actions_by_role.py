"""Every role x every action through the views: allowed (redirect), refused (403), outsider (404),
visitor (login redirect), GET on a POST-only action (405)."""

import pytest
from django.test import Client
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from tests.factories import make_casus

PERSONAS = ["author", "other_member", "expert", "curator"]


def _resolve_first(casus, by):
    casus_verbs.resolve_casus(casus=casus, by=by, lessons_learned="Geleerd.")


# action -> (url name, uses answer?, POST data, personas allowed, setup before the request)
ACTIONS = {
    "answer": ("casussen:answer", False, {"body": "Advies"}, {"expert", "curator"}, None),
    "comment": ("casussen:comment", False, {"body": "Goede vraag"}, set(PERSONAS), None),
    "answer_comment": ("casussen:answer_comment", True, {"body": "Dank"}, set(PERSONAS), None),
    "vote": ("casussen:vote", True, {"value": "1"}, {"author", "other_member", "curator"}, None),
    "accept": ("casussen:accept", True, {}, {"author", "curator"}, None),
    "claim": ("casussen:claim", False, {}, {"expert", "curator"}, None),
    "assign": ("casussen:assign", False, {"expert": "EXPERT"}, {"curator"}, None),
    "resolve": ("casussen:resolve", False, {"lessons_learned": "Vroeg kiezen."}, {"author", "curator"}, None),
    "close": ("casussen:close", False, {}, {"author", "curator"}, None),
    "reopen": ("casussen:reopen", False, {}, {"author", "curator"}, _resolve_first),
    "edit": ("casussen:edit", False, {"title": "Nieuwe titel", "body": "Nieuwe tekst", "phase": "orientation",
                                      "visibility": "public", "tag_string": "eupl"}, {"author"}, None),
    "delete": ("casussen:delete", False, {}, {"author", "curator"}, None),
    "answer_edit": ("casussen:answer_edit", True, {"body": "Beter advies"}, {"expert"}, None),
    "answer_delete": ("casussen:answer_delete", True, {}, {"expert", "curator"}, None),
    "comment_delete": ("casussen:comment_delete", "comment", {}, {"other_member", "curator"}, None),
    "follow": ("casussen:follow", False, {}, set(PERSONAS), None),
}


@pytest.fixture
def world(member, other_member, expert, curator):
    casus = make_casus(member)
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Kies de EUPL.")
    comment = casus_verbs.comment(casus=casus, by=other_member, body="Ik volg mee.")
    users = {"author": member, "other_member": other_member, "expert": expert, "curator": curator}
    return casus, answer, comment, users


def _url(name, kind, casus, answer, comment):
    if kind == "comment":
        return reverse(name, args=[casus.slug, comment.pk])
    if kind:
        return reverse(name, args=[casus.slug, answer.pk])
    return reverse(name, args=[casus.slug])


def _data(data, users):
    return {k: (users["expert"].pk if v == "EXPERT" else v) for k, v in data.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_role_is_allowed_or_refused_each_action(world, action, persona):
    casus, answer, comment, users = world
    name, kind, data, allowed, setup = ACTIONS[action]
    if setup:
        setup(casus, users["author"])
    client = Client()
    client.force_login(users[persona])
    response = client.post(_url(name, kind, casus, answer, comment), _data(data, users))
    assert response.status_code == (302 if persona in allowed else 403), response.content[:300]


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_visitor_is_sent_to_the_login_page(world, action, client):
    casus, answer, comment, users = world
    name, kind, data, _allowed, _setup = ACTIONS[action]
    response = client.post(_url(name, kind, casus, answer, comment), _data(data, users))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("action", [a for a in ACTIONS if a not in ("assign", "resolve", "edit", "answer_edit")])
def test_get_on_a_post_only_action_is_405(world, action, other_member_client):
    casus, answer, comment, _users = world
    name, kind, _data, _allowed, _setup = ACTIONS[action]
    assert other_member_client.get(_url(name, kind, casus, answer, comment)).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(ACTIONS))
def test_an_outsider_gets_404_on_an_experts_only_casus(member, other_member, expert, action):
    casus = make_casus(member, "Geheim", visibility=Casus.Visibility.EXPERTS)
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Advies")
    comment = casus_verbs.comment(casus=casus, by=expert, body="Reactie")
    name, kind, data, _allowed, _setup = ACTIONS[action]
    client = Client()
    client.force_login(other_member)
    response = client.post(_url(name, kind, casus, answer, comment), _data(data, {"expert": expert}))
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_answer_is_stored_after_the_redirect(world, expert_client):
    casus, _answer, _comment, _users = world
    expert_client.post(reverse("casussen:answer", args=[casus.slug]), {"body": "Tweede advies"})
    casus.refresh_from_db()
    assert casus.answer_count == 2


@pytest.mark.django_db
def test_a_refused_action_changes_nothing(world, other_member_client):
    casus, answer, _comment, _users = world
    other_member_client.post(reverse("casussen:accept", args=[casus.slug, answer.pk]))
    other_member_client.post(reverse("casussen:close", args=[casus.slug]))
    casus.refresh_from_db()
    answer.refresh_from_db()
    assert (casus.status, answer.is_accepted) == (Casus.Status.ANSWERED, False)


@pytest.mark.django_db
def test_visibility_of_the_detail_page_per_role(member, client, member_client, other_member_client, expert_client,
                                                curator_client):
    cases = {v: make_casus(member, f"Casus {v}", visibility=v) for v in Casus.Visibility.values}
    expected = {
        "visitor": (client, {"public": 200, "members": 404, "experts": 404}),
        "member": (other_member_client, {"public": 200, "members": 200, "experts": 404}),
        "expert": (expert_client, {"public": 200, "members": 200, "experts": 200}),
        "curator": (curator_client, {"public": 200, "members": 200, "experts": 200}),
    }
    for role, (c, codes) in expected.items():
        for visibility, code in codes.items():
            assert c.get(cases[visibility].get_absolute_url()).status_code == code, (role, visibility)


@pytest.mark.django_db
def test_the_casus_page_points_each_form_and_link_at_its_view(world):
    """The answers' and comments' URLs are built from one reversal per kind (casussen.thread): each is the one
    `reverse` gives, for the answer or comment it belongs to."""
    casus, answer, comment, users = world
    on_answer = casus_verbs.comment(casus=casus, by=users["other_member"], body="Op het antwoord.", answer=answer)
    client = Client()
    client.force_login(users["curator"])
    page = client.get(casus.get_absolute_url()).content.decode()
    expected = [reverse(f"casussen:{name}", args=[casus.slug, answer.pk])
                for name in ("vote", "accept", "answer_delete", "answer_comment")]
    expected += [reverse("casussen:comment_delete", args=[casus.slug, c.pk]) for c in (comment, on_answer)]
    expected += [reverse("moderation:report", args=["casussen.answer", answer.pk])]
    expected += [reverse("moderation:report", args=["casussen.comment", c.pk]) for c in (comment, on_answer)]
    for url in expected:
        assert f'"{url}"' in page, url
    client.force_login(users["expert"])
    page = client.get(casus.get_absolute_url()).content.decode()
    assert f'"{reverse("casussen:answer_edit", args=[casus.slug, answer.pk])}"' in page
