"""The rows of a casus list, prepared in Python once per page (docs/performance.md, "Uncached pages"), and
rendered one by one, so that a list page after a change renders only the rows it touched (`rendered_rows`).

The row template (templates/casussen/includes/casus_row.html) only prints these values: no URL
reversal, translation or include inside a row. Rendering 20 rows the old way took about 7 ms.
"""

from dataclasses import dataclass

from django.template import Context
from django.template.defaultfilters import date as format_date
from django.template.loader import get_template
from django.urls import reverse
from django.utils.timesince import timesince
from django.utils.timezone import localtime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from ospo_nl.core.content_cache import cached_many
from ospo_nl.core.profiles import attach_people
from ospo_nl.core.templatetags.ospo import lang_attr, member_name

from .models import Casus

SLUG_SENTINEL, PK_SENTINEL = "slug-of-this-row", 987654321
ROW_TEMPLATE = "casussen/includes/casus_row.html"
# What a row shows of its author and claimer, attached with one query for the page (attach_people).
PEOPLE_FIELDS = ("is_active", "profile__display_name", "profile__user")


def _url_maker(viewname, args, sentinel):
    """A function last argument -> URL of `viewname` with `args` and then it, reversing the pattern once (the last
    argument is the last part of the path that varies, so the last occurrence of the sentinel is it)."""
    prefix, suffix = reverse(viewname, args=[*args, sentinel]).rsplit(str(sentinel), 1)
    return lambda last: f"{prefix}{last}{suffix}"


def slug_url(viewname):
    """A function slug -> URL of `viewname` (slugs are [-a-zA-Z0-9_])."""
    return _url_maker(viewname, (), SLUG_SENTINEL)


def pk_url(viewname, *args):
    """A function pk -> URL of `viewname` with `args` and then that pk."""
    return _url_maker(viewname, args, PK_SENTINEL)


@dataclass(frozen=True, slots=True)
class Row:
    url: str
    title: str
    lang: str  # ' lang="nl"' when the casus is in another language than the page, else ""
    status: str
    status_label: str
    visibility_label: str
    answers: str
    score: int
    byline: str
    when: object  # last activity (a datetime), for <time datetime>
    date: str
    waiting: str
    tags: tuple  # (url, name) pairs


def status_label(casus):
    """The status badge's text: a claimed casus says by whom, so "opgepakt" reads once."""
    if casus.status == Casus.Status.CLAIMED and casus.claimed_by:
        return _("opgepakt door %(name)s") % {"name": member_name(casus.claimed_by)}
    return casus.get_status_display()


def list_rows(casussen, *, show_waiting=False):
    """The rows for `casussen` (a page of `Casus.objects.for_list()`), in their order."""
    casus_url, tag_url = slug_url("casussen:detail"), slug_url("casussen:by_tag")
    rows = []
    for casus in attach_people(casussen, "author", "claimed_by", only=PEOPLE_FIELDS):
        byline = member_name(casus.author)
        if casus.organisation:
            byline = f"{byline}, {casus.organisation_label}"
        waiting = ""
        if show_waiting:
            waiting = _("wacht al %(waited)s") % {"waited": timesince(casus.created_at)}
            if casus.claimed_by and casus.status != Casus.Status.CLAIMED:
                waiting += " · " + _("opgepakt door %(name)s") % {"name": member_name(casus.claimed_by)}
        rows.append(Row(
            url=casus_url(casus.slug), title=casus.title, lang=lang_attr(casus.language),
            status=casus.status, status_label=status_label(casus),
            visibility_label="" if casus.visibility == Casus.Visibility.PUBLIC else casus.get_visibility_display(),
            answers=ngettext("%(counter)s antwoord", "%(counter)s antwoorden", casus.answer_count)
            % {"counter": casus.answer_count},
            score=casus.score, byline=byline,
            when=casus.last_activity_at, date=format_date(localtime(casus.last_activity_at), "j b Y"),
            waiting=waiting,
            tags=tuple((tag_url(tag.slug), tag.name) for tag in casus.tags.all()),
        ))
    return rows


def render_rows(rows):
    """Each of `rows` (list_rows) as HTML, in their order."""
    template = get_template(ROW_TEMPLATE).template
    context = Context({"score_label": _("score"), "tags_label": _("Tags")})
    rendered = []
    for row in rows:
        with context.push(row=row):
            rendered.append(template.render(context))
    return rendered


def rendered_rows(ids, *, show_waiting=False):
    """The HTML of the casussen `ids`, in that order: each row kept in the shared cache until its casus, its
    answers, comments, votes or tags change (`casus:<pk>`), so only the rows a change touched are read and
    rendered again."""
    keys = {pk: ("casus-row", get_language(), show_waiting, pk) for pk in ids}

    def compute(missing):
        loaded = Casus.objects.for_list().in_bulk([parts[-1] for parts in missing])
        shown = [loaded[parts[-1]] for parts in missing if parts[-1] in loaded]  # "": gone since the page was read
        html = {casus.pk: row for casus, row in zip(shown, render_rows(list_rows(shown, show_waiting=show_waiting)),
                                                    strict=True)}
        return {parts: html.get(parts[-1], "") for parts in missing}

    rows = cached_many({keys[pk]: (f"casus:{pk}", "tags") for pk in ids}, compute)
    return [rows[keys[pk]] for pk in ids]
