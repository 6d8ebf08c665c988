import pytest
from django.core.exceptions import PermissionDenied

from casussen import verbs as casus_verbs
from casussen.models import Answer, Casus, Comment
from ospo_nl.core.following import is_following
from ospo_nl.core.revisions import revisions_of
from ospo_nl.notifications.models import Notification
from tests.factories import make_casus, make_user


@pytest.mark.django_db
def test_posting_a_casus_makes_the_author_follow_it(casus, member):
    assert casus.status == Casus.Status.NEW
    assert is_following(member, casus)
    assert revisions_of(casus).count() == 1


@pytest.mark.django_db
def test_a_new_casus_notifies_experts_with_matching_expertise(member, expert):
    inkoop = make_user("inkoop@example.org", is_expert=True, expertise=["inkoop"])
    casus = make_casus(member, tags=["Licenties", "eupl"])
    assert list(Notification.objects.filter(event="expertise").values_list("recipient", flat=True)) == [expert.pk]
    assert not Notification.objects.filter(recipient=inkoop).exists()
    assert Notification.objects.get(recipient=expert).url == casus.get_absolute_url()


@pytest.mark.django_db
def test_an_answer_counts_moves_the_casus_on_and_notifies_followers(casus, member, expert):
    before = casus.last_activity_at
    answer = casus_verbs.post_answer(casus=casus, by=expert, body="Kies de EUPL.")
    casus.refresh_from_db()
    assert (casus.status, casus.answer_count) == (Casus.Status.ANSWERED, 1)
    assert casus.last_activity_at > before
    assert Notification.objects.filter(recipient=member, event="answer").count() == 1
    assert is_following(expert, casus)
    assert answer.body_html == "<p>Kies de EUPL.</p>"


@pytest.mark.django_db
def test_a_member_cannot_answer(casus, other_member):
    with pytest.raises(PermissionDenied):
        casus_verbs.post_answer(casus=casus, by=other_member, body="Ik weet het!")
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_a_comment_on_an_answer_notifies_followers_and_the_answer_author(answer, member, other_member, expert):
    Notification.objects.all().delete()
    casus_verbs.comment(casus=answer.casus, answer=answer, by=other_member, body="Geldt dat ook voor data?")
    assert set(Notification.objects.filter(event="comment").values_list("recipient", flat=True)) == {
        member.pk, expert.pk}


@pytest.mark.django_db
def test_votes_keep_answer_and_casus_scores_equal_to_the_sum(answer, other_member, member):
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    casus_verbs.vote(answer=answer, by=other_member, value=1)  # a double click changes nothing
    casus_verbs.vote(answer=answer, by=member, value=-1)
    answer.refresh_from_db()
    assert answer.score == 0
    casus_verbs.vote(answer=answer, by=member, value=1)
    casus_verbs.vote(answer=answer, by=other_member, value=0)
    answer.refresh_from_db()
    answer.casus.refresh_from_db()
    assert (answer.score, answer.casus.score, answer.votes.count()) == (1, 1, 1)


@pytest.mark.django_db
def test_accepting_switches_the_accepted_answer_and_notifies_its_author(casus, answer, member, curator):
    second = casus_verbs.post_answer(casus=casus, by=curator, body="Of de MIT-licentie.")
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    casus_verbs.accept_answer(casus=casus, answer=second, by=member)
    assert list(casus.answers.filter(is_accepted=True)) == [second]
    assert Notification.objects.filter(recipient=answer.author, event="accepted").count() == 1


@pytest.mark.django_db
def test_resolving_needs_lessons_learned_and_reopening_returns_to_answered(casus, answer, member):
    with pytest.raises(ValueError):
        casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned="  ")
    casus_verbs.resolve_casus(casus=casus, by=member, lessons_learned="Kies **vroeg** een licentie.")
    casus.refresh_from_db()
    assert casus.status == Casus.Status.RESOLVED
    assert "<strong>vroeg</strong>" in casus.lessons_learned_html
    casus_verbs.close_casus(casus=casus, by=member)
    casus_verbs.reopen_casus(casus=casus, by=member)
    casus.refresh_from_db()
    assert casus.status == Casus.Status.ANSWERED


@pytest.mark.django_db
def test_assigning_claims_the_casus_for_the_expert_and_tells_them(casus, curator, expert, other_member):
    casus_verbs.assign_casus(casus=casus, expert=expert, by=curator)
    casus.refresh_from_db()
    assert (casus.status, casus.claimed_by) == (Casus.Status.CLAIMED, expert)
    assert Notification.objects.filter(recipient=expert, event="assigned").exists()
    with pytest.raises(PermissionDenied):
        casus_verbs.assign_casus(casus=casus, expert=other_member, by=curator)


@pytest.mark.django_db
def test_editing_keeps_a_revision_with_who(casus, member):
    casus_verbs.edit_casus(casus=casus, by=member, changes={"title": "Welke open licentie?", "body": "Nieuw"},
                         tags=["eupl"])
    casus.refresh_from_db()
    latest = revisions_of(casus).first()
    assert latest.author == member
    assert latest.data["title"] == "Welke open licentie?"
    assert list(casus.tags.names()) == ["eupl"]


@pytest.mark.django_db
def test_deleting_an_accepted_answer_takes_it_out_of_the_counts(casus, answer, member, other_member, expert):
    casus_verbs.vote(answer=answer, by=other_member, value=1)
    casus_verbs.accept_answer(casus=casus, answer=answer, by=member)
    casus_verbs.delete_answer(answer=answer, by=expert)
    casus.refresh_from_db()
    answer.refresh_from_db()
    assert (casus.answer_count, casus.score, answer.is_accepted) == (0, 0, False)


@pytest.mark.django_db
def test_comments_are_stored_sanitized(casus, other_member):
    comment = casus_verbs.comment(casus=casus, by=other_member, body="Hoi <script>alert(1)</script> [x](javascript:y)")
    comment = Comment.objects.get(pk=comment.pk)
    assert "<script" not in comment.body_html
    assert "javascript:" not in comment.body_html
    assert comment.body.startswith("Hoi <script>")  # the source is kept as typed
