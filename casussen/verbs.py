"""The lifecycle of a casus as verb functions: new -> claimed -> answered -> resolved -> closed.

Each verb checks its own permission, runs in one transaction, keeps the denormalised counters
(`answer_count`, `score`, `last_activity_at`) right with F() expressions, and notifies through
`ospo_nl.notifications.verbs.notify`, which drops recipients who may not see the casus.
"""

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.routing import notify_experts_of_new_casus
from ospo_nl.core.following import follow, followers_of
from ospo_nl.core.posts import edit_post, save_new_post, soft_delete_post
from ospo_nl.core.roles import is_expert
from ospo_nl.core.slugs import free_slug
from ospo_nl.notifications.mentions import MENTION, notify_mentions
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify
from ospo_nl.search import index as search

from . import permissions
from .models import Answer, Casus, Comment, Vote

# Casus slugs share /casussen/<slug>/ with these fixed pages.
RESERVED_SLUGS = {"vragen", "onbeantwoord", "mijn", "gevolgd", "tag", "organisatie", "feed", "van-forum", "experts"}


def _touch(casus, **counters):
    """Bump last activity (and counters given as F() expressions) in one UPDATE."""
    now = timezone.now()
    Casus.objects.filter(pk=casus.pk).update(last_activity_at=now, **counters)
    casus.last_activity_at = now


def post_casus(*, by, title, body, tried="", desired_outcome="", organisation=None, hide_organisation=False,
               phase=Casus.Phase.ORIENTATION, visibility=Casus.Visibility.PUBLIC, language="nl", tags=()):
    permissions.check_post_casus(by)
    with transaction.atomic(), search.indexed_once():  # saved, then tagged: its search entry written once
        casus = Casus(
            author=by, title=title, body=body, tried=tried,
            slug=free_slug(Casus, title, fallback="casus", reserved=RESERVED_SLUGS, max_length=200),
            desired_outcome=desired_outcome, organisation=organisation, hide_organisation=hide_organisation,
            phase=phase, visibility=visibility, language=language,
        )
        save_new_post(casus, by=by, revision_fields=Casus.revision_fields)
        notify_mentions(casus, by=by)
        tags = list(tags)
        if tags:
            casus.tags.set(tags)
        follow(by, casus)
        # The top few matching, available experts (not all of them), then followers of its tags.
        told = {n.recipient_id for n in notify_experts_of_new_casus(casus)}
        if tags:
            notify(
                followers_of(*casus.tags.all()).exclude(pk__in=told), event=Notification.Event.TAG,
                target=casus, actor=by, title=casus.title, url=casus.get_absolute_url(),
            )
    return casus


def _locked(casus):
    return Casus.objects.select_for_update().get(pk=casus.pk)


def claim_casus(*, casus, by):
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_claim_casus(by, casus)
        casus.claimed_by = by
        if casus.status == Casus.Status.NEW:
            casus.status = Casus.Status.CLAIMED
        casus.save(update_fields=["status", "claimed_by", "updated_at"])
        follow(by, casus)
        _tell_author_claimed(casus, by=by)
    return casus


def _tell_author_claimed(casus, *, by):
    """The author hears that an expert works on their question (claimed it, or a curator assigned it)."""
    if casus.author is not None:
        notify([casus.author], event=Notification.Event.CLAIMED, target=casus, actor=by, title=casus.title,
               url=casus.get_absolute_url())


def assign_casus(*, casus, expert, by):
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_assign_casus(by, casus)
        if not is_expert(expert):
            raise PermissionDenied(_("Alleen een expert kan een casus toegewezen krijgen."))
        casus.claimed_by = expert
        if casus.status == Casus.Status.NEW:
            casus.status = Casus.Status.CLAIMED
        casus.save(update_fields=["status", "claimed_by", "updated_at"])
        follow(expert, casus)
        notify([expert], event=Notification.Event.ASSIGNED, target=casus, actor=by, title=casus.title,
               url=casus.get_absolute_url())
        _tell_author_claimed(casus, by=by)
    return casus


def post_answer(*, casus, by, body):
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_answer_casus(by, casus)
        answer = save_new_post(Answer(casus=casus, author=by, body=body), by=by)
        notify_mentions(answer, by=by)
        if casus.status in (Casus.Status.NEW, Casus.Status.CLAIMED):
            casus.status = Casus.Status.ANSWERED
            casus.save(update_fields=["status", "updated_at"])
        _touch(casus, answer_count=F("answer_count") + 1)
        follow(by, casus)
        notify(
            followers_of(casus), event=Notification.Event.ANSWER, target=casus,
            actor=by, title=casus.title, url=answer.get_absolute_url(),
        )
    return answer


def comment(*, casus, by, body, answer=None):
    permissions.check_comment_casus(by, casus)
    if answer is not None and (answer.casus_id != casus.pk or answer.is_deleted):
        raise PermissionDenied(_("Dit antwoord hoort niet bij deze casus."))
    with transaction.atomic():
        new = save_new_post(Comment(casus=casus, answer=answer, author=by, body=body), by=by)
        notify_mentions(new, by=by)
        _touch(casus)
        recipients = list(followers_of(casus))
        if answer is not None and answer.author is not None:
            recipients.append(answer.author)
        notify(
            recipients, event=Notification.Event.COMMENT, target=casus, actor=by, title=casus.title,
            url=f"{casus.get_absolute_url()}#reactie-{new.pk}",
        )
    return new


def vote(*, answer, by, value):
    """Set `by`'s vote on `answer` to +1 or -1, or withdraw it with 0. Repeating a vote changes nothing.

    The answer row is locked, so simultaneous votes are applied one after the other and
    `answer.score` and `casus.score` always equal the sum of the votes.
    """
    if value not in (1, -1, 0):
        raise ValueError("vote value must be 1, -1 or 0")
    with transaction.atomic():
        answer = Answer.objects.select_for_update().select_related("casus").get(pk=answer.pk)
        permissions.check_vote_answer(by, answer)
        existing = Vote.objects.filter(user=by, answer=answer).first()
        if existing:
            existing.answer = answer  # its cache_scopes() name the casus without another query
        old = existing.value if existing else 0
        if value == old:
            return answer
        if value == 0:
            existing.delete()
        elif existing:
            existing.value = value
            existing.save(update_fields=["value"])
        else:
            Vote.objects.create(user=by, answer=answer, value=value)
        delta = value - old
        Answer.objects.filter(pk=answer.pk).update(score=F("score") + delta)
        Casus.objects.filter(pk=answer.casus_id).update(score=F("score") + delta)
        answer.refresh_from_db(fields=["score"])
    return answer


def accept_answer(*, casus, answer, by):
    """Mark `answer` as the accepted one (at most one per casus, also enforced by the database)."""
    with transaction.atomic():
        casus = _locked(casus)
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        permissions.check_accept_answer(by, casus, answer)
        if answer.is_accepted:
            return answer
        # Saved one by one, not update(): the search index and the caches hear of the answer that lost it.
        for previous in Answer.objects.filter(casus=casus, is_accepted=True):
            previous.is_accepted, previous.accepted_at = False, None
            previous.save(update_fields=["is_accepted", "accepted_at"])
        answer.is_accepted, answer.accepted_at = True, timezone.now()
        answer.save(update_fields=["is_accepted", "accepted_at"])
        _touch(casus)
        if answer.author is not None:
            notify([answer.author], event=Notification.Event.ACCEPTED, target=casus, actor=by,
                   title=casus.title, url=answer.get_absolute_url())
    return answer


def resolve_casus(*, casus, by, lessons_learned):
    """Resolve the casus and share what was learned (required: that is what stays findable)."""
    if not lessons_learned.strip():
        raise ValueError("lessons learned are required to resolve a casus")
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_manage_casus(by, casus)
        if casus.status == Casus.Status.CLOSED:
            raise PermissionDenied(_("Deze casus is gesloten; heropen hem eerst."))
        if casus.status != Casus.Status.RESOLVED:
            casus.resolved_at = timezone.now()  # editing the lessons of a resolved casus keeps its moment
        casus.status, casus.lessons_learned = Casus.Status.RESOLVED, lessons_learned
        casus.save(update_fields=["status", "lessons_learned", "lessons_learned_html", "resolved_at", "updated_at"])
        _touch(casus)
    return casus


def close_casus(*, casus, by):
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_manage_casus(by, casus)
        casus.status = Casus.Status.CLOSED
        casus.save(update_fields=["status", "updated_at"])
    return casus


def reopen_casus(*, casus, by):
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_manage_casus(by, casus)
        if casus.is_open:
            return casus
        if casus.answer_count:
            casus.status = Casus.Status.ANSWERED
        elif casus.claimed_by_id:
            casus.status = Casus.Status.CLAIMED
        else:
            casus.status = Casus.Status.NEW
        casus.resolved_at = None
        casus.save(update_fields=["status", "resolved_at", "updated_at"])
        _touch(casus)
    return casus


def edit_casus(*, casus, by, changes, tags=None, message="", version=None):
    """Edit the author's own casus; the text fields are kept as a revision.

    `version`: the revision the author's form started from (see `ospo_nl.core.edit_conflicts`).
    """
    permissions.check_edit_post(by, casus)
    # `organisation_id`, not the object: every change is stored as JSON in the revision.
    allowed = set(Casus.revision_fields) | {"organisation_id", "hide_organisation", "phase", "visibility", "language"}
    if set(changes) - allowed:
        raise ValueError(f"not editable: {set(changes) - allowed}")
    with transaction.atomic(), search.indexed_once():
        edit_post(casus, by=by, changes=changes, message=message, version=version)
        if tags is not None:
            casus.tags.set(list(tags))
    return casus


def edit_answer(*, answer, by, body, message="", version=None):
    permissions.check_edit_post(by, answer)
    return edit_post(answer, by=by, changes={"body": body}, message=message, version=version)


def delete_casus(*, casus, by):
    permissions.check_delete_post(by, casus)
    with transaction.atomic():
        return soft_delete_post(casus, by=by)


def delete_answer(*, answer, by):
    """Soft delete an answer; it no longer counts in `answer_count`, `score` or as accepted."""
    with transaction.atomic():
        answer = Answer.objects.select_for_update().select_related("casus").get(pk=answer.pk)
        permissions.check_delete_post(by, answer)
        soft_delete_post(answer, by=by)
        if answer.is_accepted:
            answer.is_accepted = False
            answer.save(update_fields=["is_accepted"])
        answer.settle_parent_counters()
    return answer


def delete_comment(*, comment, by):
    permissions.check_delete_post(by, comment)
    with transaction.atomic():
        return soft_delete_post(comment, by=by)


def follow_casus(*, casus, by):
    permissions.check_view_casus(by, casus)
    follow(by, casus)


def promote_casus(*, casus, by, write_article):
    """Turn a resolved casus into a kennisbank article draft that links back; the casus links forward.

    `write_article(title=, summary=, body=, tags=, by=)` makes the draft and returns it: the kennisbank's
    verb, passed in by the project package (ospo_nl.handoffs), since casussen do not import the kennisbank.
    """
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_promote_casus(by, casus)
        accepted = casus.answers.alive().filter(is_accepted=True).first()
        parts = [f"## {_('De vraag')}\n\n{casus.body}"]
        if casus.tried:
            parts.append(f"## {_('Wat is al geprobeerd')}\n\n{casus.tried}")
        if accepted is not None:
            parts.append(f"## {_('Het advies')}\n\n{accepted.body}")
        parts.append(f"## {_('Geleerde lessen')}\n\n{casus.lessons_learned}")
        parts.append(_("Dit artikel komt voort uit de casus [%(title)s](%(url)s).")
                     % {"title": casus.title, "url": casus.get_absolute_url()})
        article = write_article(
            title=casus.title, summary=casus.lessons_learned[:1000], body="\n\n".join(parts),
            tags=list(casus.tags.all()), by=by,
        )
        casus.article = article
        casus.save(update_fields=["article", "updated_at"])
    return article


def set_lessons_consent(*, casus, by, consent):
    """The author records (or withdraws) consent that the lessons become an anonymised kennisbank draft."""
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_consent_lessons(by, casus)
        casus.lessons_consent = bool(consent)
        casus.lessons_consent_at = timezone.now() if consent else None
        casus.save(update_fields=["lessons_consent", "lessons_consent_at", "updated_at"])
    return casus


NAME_PLACEHOLDER = "[naam]"


def anonymised_lessons(casus):
    """The lessons learned without who or which organisation: mentions, the names of everyone who took part in the
    casus (author, claimer, those who answered or commented) and the organisation's name are replaced."""
    text = MENTION.sub(NAME_PLACEHOLDER, casus.lessons_learned)
    people = {casus.author, casus.claimed_by}
    people |= {post.author for post in casus.answers.select_related("author__profile")}
    people |= {post.author for post in casus.comments.select_related("author__profile")}
    names = {p.profile.display_name for p in people if p is not None and getattr(p, "profile", None)}
    replacements = [(name, NAME_PLACEHOLDER) for name in names if name.strip()]
    if casus.organisation is not None:
        replacements.append((casus.organisation.name, casus.organisation.anonymous_label))
    for name, placeholder in sorted(replacements, key=lambda pair: -len(pair[0])):
        # Whole words only: "Eva" goes, "Evaluatie" stays.
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda _match, p=str(placeholder): p, text,
                      flags=re.IGNORECASE)
    return text


def anonymise_lessons(*, casus, by, title, write_article):
    """A kennisbank draft with the anonymised lessons of a confidential casus, under a title the curator chose.

    Nothing else of the casus goes along: not its title, text, tags or organisation, and no link back (the casus
    keeps the article in `lessons_article`, a relation the article cannot follow). `write_article` is the
    kennisbank's verb, passed in by the project package (ospo_nl.handoffs).
    """
    with transaction.atomic():
        casus = _locked(casus)
        permissions.check_anonymise_lessons(by, casus)
        if title.strip().lower() == casus.title.strip().lower():
            raise ValueError("the article needs a title of its own")
        lessons = anonymised_lessons(casus)
        intro = _("Lessen uit een casus in het kennisnetwerk, in de fase ‘%(phase)s’, gedeeld met toestemming van "
                  "wie hem stelde.") % {"phase": casus.get_phase_display()}
        article = write_article(title=title, summary=lessons[:1000], body=f"{intro}\n\n## {_('Geleerde lessen')}"
                                f"\n\n{lessons}", tags=[], by=by)
        casus.lessons_article = article
        casus.save(update_fields=["lessons_article", "updated_at"])
    return article
