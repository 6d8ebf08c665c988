import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from casussen import verbs as casus_verbs
from casussen.models import Answer, Casus, Vote
from directory.models import Organisation
from tests.factories import make_casus


@pytest.fixture
def three_casussen(casus, members_casus, experts_casus):
    return casus, members_casus, experts_casus


@pytest.mark.django_db
def test_a_visitor_sees_only_public_casussen(three_casussen):
    assert list(Casus.objects.visible_to(AnonymousUser())) == [three_casussen[0]]


@pytest.mark.django_db
def test_a_member_sees_public_and_members_casussen(three_casussen, other_member):
    assert set(Casus.objects.visible_to(other_member)) == set(three_casussen[:2])


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["expert", "curator"])
def test_experts_and_curators_see_every_casus(three_casussen, persona, request):
    assert set(Casus.objects.visible_to(request.getfixturevalue(persona))) == set(three_casussen)


@pytest.mark.django_db
def test_is_visible_to_agrees_with_the_queryset(three_casussen, other_member, expert):
    for user in (AnonymousUser(), other_member, expert):
        visible = set(Casus.objects.visible_to(user))
        assert {c for c in three_casussen if c.is_visible_to(user)} == visible


@pytest.mark.django_db
def test_a_deleted_casus_is_visible_to_nobody(casus, member, curator):
    casus_verbs.delete_casus(casus=casus, by=member)
    assert not Casus.objects.visible_to(curator).exists()
    assert not casus.is_visible_to(curator)


@pytest.mark.django_db
def test_the_database_allows_at_most_one_accepted_answer_per_casus(casus, expert, curator):
    first = casus_verbs.post_answer(casus=casus, by=expert, body="Eén")
    second = casus_verbs.post_answer(casus=casus, by=curator, body="Twee")
    Answer.objects.filter(pk=first.pk).update(is_accepted=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.filter(pk=second.pk).update(is_accepted=True)


@pytest.mark.django_db
def test_the_database_allows_one_vote_per_user_and_answer(answer, other_member):
    Vote.objects.create(user=other_member, answer=answer, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(user=other_member, answer=answer, value=-1)


@pytest.mark.django_db
def test_a_vote_is_plus_or_minus_one_in_the_database(answer, other_member):
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(user=other_member, answer=answer, value=5)


@pytest.mark.django_db
def test_a_hidden_organisation_shows_only_its_kind(member):
    org = Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", kind="municipality")
    casus = make_casus(member, organisation=org, hide_organisation=True)
    assert casus.organisation_label == "een gemeente"
    casus.hide_organisation = False
    assert casus.organisation_label == "Gemeente Utrecht"


@pytest.mark.django_db
def test_slugs_are_unique_and_never_a_fixed_page(member):
    first = make_casus(member, "Vragen")
    second = make_casus(member, "Vragen")
    assert first.slug == "vragen-2"
    assert second.slug == "vragen-3"



@pytest.mark.django_db
def test_the_author_always_sees_their_own_experts_only_casus(experts_casus, member, other_member):
    assert list(Casus.objects.visible_to(member)) == [experts_casus]
    assert experts_casus.is_visible_to(member)
    assert not experts_casus.is_visible_to(other_member)
