import datetime
import functools

from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ospo_nl.core import languages
from ospo_nl.core.markdown_pipeline import with_scoped_ids, with_table_regions

register = template.Library()


@register.filter(expects_localtime=True)
def iso_datetime(value):
    """A date or datetime as a valid HTML `datetime` attribute: ISO 8601 in the current time zone, whole
    seconds (the `c` date format keeps microseconds, which the HTML standard does not allow)."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.filter
def member_name(user):
    """A user's public name; "former member" once the account is deleted."""
    if user is None or not user.is_active:
        return _("voormalig lid")
    profile = getattr(user, "profile", None)
    if profile is None:
        return _("Lid %(number)s") % {"number": user.pk}
    return profile.name


@register.filter
def has_two_factor(user):
    """True when the user has an authenticator (TOTP) set up; the admin nudges staff without one."""
    # Imported here: models import this module (member_name) while apps load, and allauth.mfa's models
    # cannot be imported before the app registry is ready.
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumb_nav(*crumbs, current=""):
    """The NL Design System breadcrumb navigation (includes/breadcrumbs.html), the one markup every part uses,
    and its schema.org BreadcrumbList from the same crumbs (seo's breadcrumb_list_json_ld).

    `current` is the page itself (a name, or the object the page shows), which ends the list but is not in the
    navigation. Only a page that names itself gets the list, and only when a visitor may see the object
    (`is_visible_to` of an anonymous user): structured data is for everyone, so a members' casus has none.

    Each crumb is a model instance (its title or name and get_absolute_url), a list of them, or a label followed
    by its path; a trailing label without a path is the current page."""
    items, pending = [], list(crumbs)
    while pending:
        crumb = pending.pop(0)
        if isinstance(crumb, str | Promise):
            if crumb:  # "" is an optional crumb a template left out (an unset variable)
                items.append({"label": str(crumb), "url": pending.pop(0) if pending else ""})
        elif isinstance(crumb, list | tuple):
            pending[:0] = list(crumb)
        elif crumb:
            label = getattr(crumb, "title", None) or getattr(crumb, "name", None) or str(crumb)
            items.append({"label": label, "url": crumb.get_absolute_url()})
    public = bool(current) and (
        not hasattr(current, "is_visible_to") or current.is_visible_to(AnonymousUser()))
    name = current if isinstance(current, str | Promise) else (
        getattr(current, "title", None) or getattr(current, "name", None) or current)
    return {"crumbs": items, "current": str(name) if public else "", "structured": public}


@register.simple_tag
def markdown_editor_attrs():
    """The data attributes of MarkdownTextarea, for a textarea a template writes by hand (a casus page has one
    per answer): built once per language and URL configuration."""
    return _markdown_editor_attrs(*languages.url_state())


@functools.lru_cache(maxsize=64)
def _markdown_editor_attrs(*_state):
    from django.forms.utils import flatatt

    from ospo_nl.core.markdown_editor import MarkdownTextarea

    attrs = MarkdownTextarea().get_context("body", "", {})["widget"]["attrs"]
    return flatatt({name: value for name, value in attrs.items() if name.startswith("data-")})


@register.simple_tag
def site_url(viewname):
    """{% site_url 'forum:home' %}: `{% url %}` of a page without arguments, reversed once per language (the header
    and footer of every page name thirteen)."""
    return _site_url(viewname, *languages.url_state())


@functools.lru_cache(maxsize=256)
def _site_url(viewname, *_state):
    return reverse(viewname)


@register.simple_tag(takes_context=True)
def fragment(context, kept):
    """A part of the page rendered and kept apart (`(html, marker)`, e.g. casussen.thread), with the CSRF marker its
    forms carry replaced by this page's token: the request's own, or the marker of a shared page (which
    content_cache.shared_page replaces in turn). The marker is random per rendering, so no text contains it."""
    html, csrf_marker = kept
    if csrf_marker in html:
        html = html.replace(csrf_marker, str(context.get("csrf_token") or ""))
    return mark_safe(html)  # noqa: S308 (rendered by a template with autoescape on)


@register.filter
def localized(url):
    """A stored (Dutch) path of this site, such as a search entry's, in the page's language (/en/… in English)."""
    return languages.localized(url)


@register.filter
def lang_attr(language):
    """` lang="nl"` on content written in `language` when the page is in another (WCAG 3.1.2), else nothing:
    <div class="prose"{{ casus.language|lang_attr }}>."""
    if not language or language == get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def body(html, scope=None):
    """A stored body (the Markdown pipeline's sanitized `*_html`) as the page shows it, instead of `|safe` (never on
    other HTML): its tables in focusable scroll regions ("Tabel 1", "Tabel 2"), and, given a `scope`, its ids
    prefixed so that several bodies on one page never share one. The scope is the post when a page lists several
    (`{{ answer.body_html|body:answer }}` -> ids "answer-12-…") or a word for one of several fields of one object
    (`{{ casus.tried_html|body:"geprobeerd" }}`); a page's single body keeps its ids (an article's table of contents
    links to them)."""
    if scope is not None and ' id="' in html:
        prefix = f"{scope._meta.model_name}-{scope.pk}-" if hasattr(scope, "_meta") else f"{scope}-"
        html = with_scoped_ids(html, prefix)
    if "<table>" in html:
        html = with_table_regions(html, lambda number: _("Tabel %(number)s") % {"number": number})
    return mark_safe(html)  # noqa: S308 (sanitized when stored: ospo_nl.core.markdown_pipeline; the labels escaped)
