"""The permission checks on their own: Http404 for outsiders, PermissionDenied for the rest."""

import pytest
from django.contrib.auth.models import AnonymousUser

from casussen import permissions as p
from casussen import verbs as casus_verbs
from tests.helpers import allowed


@pytest.mark.django_db
def test_viewing_follows_the_visibility_rule(casus, members_casus, experts_casus, other_member, expert):
    visitor = AnonymousUser()
    assert allowed(p.check_view_casus, visitor, casus) is True
    assert allowed(p.check_view_casus, visitor, members_casus) == 404
    assert allowed(p.check_view_casus, other_member, members_casus) is True
    assert allowed(p.check_view_casus, other_member, experts_casus) == 404
    assert allowed(p.check_view_casus, expert, experts_casus) is True


@pytest.mark.django_db
def test_only_signed_in_people_post_casussen(member):
    assert allowed(p.check_post_casus, AnonymousUser()) == 403
    assert allowed(p.check_post_casus, member) is True


@pytest.mark.django_db
def test_only_experts_and_curators_answer(casus, member, other_member, expert, curator):
    assert allowed(p.check_answer_casus, member, casus) == 403
    assert allowed(p.check_answer_casus, other_member, casus) == 403
    assert allowed(p.check_answer_casus, expert, casus) is True
    assert allowed(p.check_answer_casus, curator, casus) is True


@pytest.mark.django_db
def test_nobody_answers_a_resolved_casus(casus, member, expert):
    casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned="EUPL werkt.")
    casus.refresh_from_db()
    assert allowed(p.check_answer_casus, expert, casus) == 403


@pytest.mark.django_db
def test_members_comment_visitors_do_not(casus, other_member):
    assert allowed(p.check_comment_casus, AnonymousUser(), casus) == 403
    assert allowed(p.check_comment_casus, other_member, casus) is True


@pytest.mark.django_db
def test_nobody_votes_on_their_own_answer_or_a_deleted_one(answer, expert, other_member):
    assert allowed(p.check_vote_answer, expert, answer) == 403
    assert allowed(p.check_vote_answer, other_member, answer) is True
    assert allowed(p.check_vote_answer, AnonymousUser(), answer) == 403
    casus_verbs.delete_answer(answer=answer, by=expert)
    answer.refresh_from_db()
    assert allowed(p.check_vote_answer, other_member, answer) == 404


@pytest.mark.django_db
def test_experts_claim_new_casussen_only(casus, member, expert, curator):
    assert allowed(p.check_claim_casus, member, casus) == 403
    assert allowed(p.check_claim_casus, expert, casus) is True
    casus_verbs.claim_casus(casus=casus, by=expert)
    casus.refresh_from_db()
    assert allowed(p.check_claim_casus, curator, casus) == 403


@pytest.mark.django_db
def test_only_curators_assign(casus, member, expert, curator):
    assert allowed(p.check_assign_casus, member, casus) == 403
    assert allowed(p.check_assign_casus, expert, casus) == 403
    assert allowed(p.check_assign_casus, curator, casus) is True


@pytest.mark.django_db
def test_the_author_or_a_curator_manages_the_casus(casus, member, other_member, expert, curator):
    assert allowed(p.check_manage_casus, member, casus) is True
    assert allowed(p.check_manage_casus, curator, casus) is True
    assert allowed(p.check_manage_casus, other_member, casus) == 403
    assert allowed(p.check_manage_casus, expert, casus) == 403


@pytest.mark.django_db
def test_an_answer_of_another_casus_cannot_be_accepted(casus, answer, member):
    from tests.factories import make_casus

    other = make_casus(member, "Andere casus")
    assert allowed(p.check_accept_answer, member, other, answer) == 404
    assert allowed(p.check_accept_answer, member, casus, answer) is True


@pytest.mark.django_db
def test_only_the_author_edits_and_the_author_or_a_curator_deletes(casus, answer, member, expert, curator):
    assert allowed(p.check_edit_post, member, casus) is True
    assert allowed(p.check_edit_post, curator, casus) == 403
    assert allowed(p.check_edit_post, expert, answer) is True
    assert allowed(p.check_edit_post, member, answer) == 403
    assert allowed(p.check_delete_post, curator, answer) is True
    assert allowed(p.check_delete_post, member, answer) == 403
    assert allowed(p.check_delete_post, expert, casus) == 403
