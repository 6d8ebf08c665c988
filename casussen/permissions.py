"""Who may do what with a casus. Each check raises: Http404 for outsiders, PermissionDenied for the rest.

Views scope their lookups with `Casus.objects.visible_to(user)` already; the verbs call these checks
again so a verb is safe whoever calls it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ospo_nl.core.roles import is_curator, is_expert, is_member


def _is_author(user, post):
    return is_member(user) and post.author_id == user.pk


def check_view_casus(user, casus):
    if not casus.is_visible_to(user):
        raise Http404


def check_post_casus(user):
    if not is_member(user):
        raise PermissionDenied(_("Log in om een casus te stellen."))


def _check_open(casus):
    if not casus.is_open:
        raise PermissionDenied(_("Deze casus is afgerond; heropen hem eerst."))


def check_answer_casus(user, casus):
    check_view_casus(user, casus)
    if not (is_expert(user) or is_curator(user)):
        raise PermissionDenied(_("Alleen experts en curatoren beantwoorden casussen."))
    _check_open(casus)


def check_comment_casus(user, casus):
    check_view_casus(user, casus)
    if not is_member(user):
        raise PermissionDenied(_("Log in om te reageren."))
    if casus.status == casus.Status.CLOSED:
        raise PermissionDenied(_("Deze casus is gesloten."))


def check_vote_answer(user, answer):
    check_view_casus(user, answer.casus)
    if answer.is_deleted:
        raise Http404
    if not is_member(user):
        raise PermissionDenied(_("Log in om te stemmen."))
    if answer.author_id == user.pk:
        raise PermissionDenied(_("Je kunt niet op je eigen antwoord stemmen."))


def check_claim_casus(user, casus):
    check_view_casus(user, casus)
    if not (is_expert(user) or is_curator(user)):
        raise PermissionDenied(_("Alleen experts pakken een casus op."))
    _check_open(casus)
    if casus.claimed_by_id is not None:
        raise PermissionDenied(_("Deze casus is al opgepakt."))


def check_assign_casus(user, casus):
    check_view_casus(user, casus)
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren wijzen een casus toe."))
    _check_open(casus)


def check_manage_casus(user, casus):
    """Accept an answer, resolve, close, reopen: the author or a curator."""
    check_view_casus(user, casus)
    if not (_is_author(user, casus) or is_curator(user)):
        raise PermissionDenied(_("Alleen de steller van de casus of een curator mag dit."))


def check_accept_answer(user, casus, answer):
    check_manage_casus(user, casus)
    if answer.is_deleted or answer.casus_id != casus.pk:
        raise Http404
    if casus.status == casus.Status.CLOSED:
        raise PermissionDenied(_("Deze casus is gesloten."))


def check_edit_post(user, post):
    """Casus, answer or comment: only its author edits it (each edit is kept as a revision)."""
    casus = post if hasattr(post, "visibility") else post.casus
    check_view_casus(user, casus)
    if post.is_deleted:
        raise Http404
    if not _is_author(user, post):
        raise PermissionDenied(_("Alleen de auteur kan dit bewerken."))


def check_delete_post(user, post):
    casus = post if hasattr(post, "visibility") else post.casus
    check_view_casus(user, casus)
    if post.is_deleted:
        raise Http404
    if not (_is_author(user, post) or is_curator(user)):
        raise PermissionDenied(_("Alleen de auteur of een curator kan dit verwijderen."))


def check_promote_casus(user, casus):
    """A curator turns a resolved, public casus with lessons learned into a kennisbank article draft."""
    check_view_casus(user, casus)
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren zetten een casus om in een kennisbankartikel."))
    if casus.status not in (casus.Status.RESOLVED, casus.Status.CLOSED) or not casus.lessons_learned.strip():
        raise PermissionDenied(_("Alleen een afgeronde casus met geleerde lessen wordt een artikel."))
    if casus.visibility != casus.Visibility.PUBLIC:
        # A published article is public: its source must be too, or private text would leak.
        raise PermissionDenied(_("Alleen een openbare casus kan een kennisbankartikel worden."))
    if casus.article_id is not None:
        raise PermissionDenied(_("Van deze casus is al een kennisbankartikel gemaakt."))


def _check_confidential_lessons(casus):
    if casus.visibility == casus.Visibility.PUBLIC:
        raise PermissionDenied(_("Een openbare casus wordt een gewoon kennisbankartikel."))
    if casus.status not in (casus.Status.RESOLVED, casus.Status.CLOSED) or not casus.lessons_learned.strip():
        raise PermissionDenied(_("Alleen een afgeronde casus met geleerde lessen wordt een artikel."))


def check_consent_lessons(user, casus):
    """The author, and only the author, agrees that the lessons of their confidential casus are shared."""
    check_view_casus(user, casus)
    if not _is_author(user, casus):
        raise PermissionDenied(_("Alleen de steller van de casus geeft toestemming."))
    _check_confidential_lessons(casus)


def check_anonymise_lessons(user, casus):
    """A curator, with the author's recorded consent, turns a confidential casus's lessons into a draft."""
    check_view_casus(user, casus)
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren zetten geleerde lessen om in een kennisbankartikel."))
    _check_confidential_lessons(casus)
    if not casus.lessons_consent:
        raise PermissionDenied(_("De steller heeft (nog) geen toestemming gegeven."))
    if casus.lessons_article_id is not None:
        raise PermissionDenied(_("Van deze lessen is al een kennisbankartikel gemaakt."))


def check_view_expert_ranking(user):
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren zien de rangorde van experts."))
