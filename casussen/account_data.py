"""Casussen's part of a member's data download and account deletion (ospo_nl.core.account_data)."""

from django.db.models import F

from casussen.models import Answer, Casus, Comment, Vote
from ospo_nl.core.account_data import post_fields


def export(user):
    return {
        "casussen": [
            post_fields(c, title=c.title, url=c.get_absolute_url(), tried=c.tried, desired_outcome=c.desired_outcome,
                        lessons_learned=c.lessons_learned, visibility=c.visibility, status=c.status)
            for c in Casus.objects.filter(author=user).order_by("pk")
        ],
        "answers": [
            post_fields(a, casus=a.casus.title, url=a.get_absolute_url(), accepted=a.is_accepted)
            for a in Answer.objects.filter(author=user).select_related("casus").order_by("pk")
        ],
        "comments": [
            post_fields(c, casus=c.casus.title, answer=c.answer_id)
            for c in Comment.objects.filter(author=user).select_related("casus").order_by("pk")
        ],
        "votes": [
            {"answer": v.answer_id, "casus": v.answer.casus.title, "value": v.value, "created_at": v.created_at}
            for v in Vote.objects.filter(user=user).select_related("answer__casus").order_by("pk")
        ],
    }


def delete(user):
    """Withdraw the member's votes, so every score stays the sum of the votes left (the rows go by CASCADE)."""
    for answer_id, casus_id, value in Vote.objects.filter(user=user).values_list(
        "answer_id", "answer__casus_id", "value"
    ):
        Answer.objects.filter(pk=answer_id).update(score=F("score") - value)
        Casus.objects.filter(pk=casus_id).update(score=F("score") - value)
