"""What the site search finds of casussen: casussen and answers, for the audience of the casus."""

from ospo_nl.search.index import Audience, Kind, plain_text, register

from .models import Answer, Casus


def casus_entry(casus):
    if casus.is_deleted or casus.is_hidden:
        return None
    return dict(
        title=casus.title,
        # The organisation is left out: its author may have asked to hide it.
        body=plain_text(casus.body_html, casus.tried_html, casus.desired_outcome_html, casus.lessons_learned_html),
        url=casus.get_absolute_url(),
        date=casus.created_at,
        audience=Audience(casus.visibility),
        tags=casus.tags.all(),
        # Resolved: an accepted answer and lessons learned, what a reader with the same question wants.
        standing="resolved" if casus.status == Casus.Status.RESOLVED else None,
        language=casus.language,  # stemming, and lang="…" on the result in an interface of another language
    )


def answer_entry(answer):
    """An answer is found by the casus's audience only, and never once it or its casus is deleted."""
    casus = answer.casus
    if answer.is_deleted or answer.is_hidden or casus.is_deleted or casus.is_hidden:
        return None
    return dict(
        title=casus.title,
        body=plain_text(answer.body_html),
        url=answer.get_absolute_url(),
        date=answer.created_at,
        audience=Audience(casus.visibility),
        parent=casus,
        standing="accepted" if answer.is_accepted else None,
        language=casus.language,
    )


register(Casus, kind=Kind.CASUS, entry=casus_entry, queryset=lambda: Casus.objects.prefetch_related("tags"))
register(
    Answer, kind=Kind.ANSWER, entry=answer_entry, queryset=lambda: Answer.objects.select_related("casus"),
    # The casus decides who may find its answers.
    triggers={Casus: (lambda casus: casus.answers.all(), ("title", "slug", "visibility", "language", "deleted_at",
                                                             "hidden_at"))},
)
