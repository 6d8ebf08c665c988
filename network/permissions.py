"""Who may do what with events and signals. Each check raises: Http404 for outsiders, PermissionDenied for the rest.

Views scope their lookups with `Event.objects.visible_to(user)` already; the verbs call these checks again so a
verb is safe whoever calls it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ospo_nl.core.roles import is_curator, is_expert, is_member


def check_view_event(user, event):
    if not event.is_visible_to(user):
        raise Http404


def check_manage_events(user):
    """Plan, edit and publish events: curators (the network's organisers)."""
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren plannen bijeenkomsten."))


def check_edit_event(user, event):
    check_view_event(user, event)
    check_manage_events(user)


def check_register_event(user, event, *, now=None):
    check_view_event(user, event)
    if not is_member(user):
        raise PermissionDenied(_("Log in om je aan te melden."))
    if not event.is_published:
        raise PermissionDenied(_("Deze bijeenkomst is nog niet gepubliceerd."))
    if not event.registration_open:
        raise PermissionDenied(_("Voor deze bijeenkomst meld je je niet via OSPO-NL aan."))
    if event.has_started(now or timezone.now()):
        raise PermissionDenied(_("Deze bijeenkomst is al begonnen; aanmelden kan niet meer."))


def check_unregister_event(user, event, *, now=None):
    check_view_event(user, event)
    if not is_member(user):
        raise PermissionDenied(_("Log in om je af te melden."))
    if event.has_started(now or timezone.now()):
        raise PermissionDenied(_("Deze bijeenkomst is al begonnen; afmelden kan niet meer."))


def check_view_attendees(user, event):
    """The attendee list names members and their e-mail addresses: curators only."""
    check_view_event(user, event)
    if not is_curator(user):
        raise PermissionDenied(_("Alleen curatoren zien wie zich heeft aangemeld."))


def check_write_report(user, event, *, now=None):
    """The report says what a meeting discussed: written by a curator once it has begun."""
    check_edit_event(user, event)
    if not event.has_started(now or timezone.now()):
        raise PermissionDenied(_("Een verslag schrijf je na de bijeenkomst."))


def check_share_signal(user):
    if not (is_curator(user) or is_expert(user)):
        raise PermissionDenied(_("Alleen curatoren en experts delen signalen."))


def check_view_signal(user, signal):
    if not signal.is_visible_to(user):
        raise Http404


def check_edit_signal(user, signal):
    """Whoever shared it, while they still may share, or a curator."""
    check_view_signal(user, signal)
    if is_curator(user):
        return
    if not (is_member(user) and signal.shared_by_id == user.pk and is_expert(user)):
        raise PermissionDenied(_("Alleen wie het signaal deelde of een curator past het aan."))
