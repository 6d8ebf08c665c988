from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from taggit.models import Tag

from ospo_nl.core.content_cache import cached, shared_page, tag_scope
from ospo_nl.core.edit_conflicts import EditConflict, conflict_context, rebased_data, submitted_version, version_of
from ospo_nl.core.following import follow, is_following, unfollow
from ospo_nl.core.form_pages import render_form_page, submitted
from ospo_nl.core.models import Follow
from ospo_nl.core.pagination import CappedPaginator, page_or_404
from ospo_nl.core.permissions import allowed
from ospo_nl.core.profiles import attach_people
from ospo_nl.core.revisions import revisions_of
from ospo_nl.core.roles import is_curator, is_expert, is_member, unwrapped
from ospo_nl.core.tagging import attach_tags, tag_counts_of
from ospo_nl.core.templatetags.ospo import lang_attr
from ospo_nl.core.url_slugs import redirect_moved_params
from ospo_nl.moderation.permissions import check_report
from ospo_nl.moderation.ratelimit import ratelimit
from ospo_nl.search import index as search
from ospo_nl.seo.structured_data import plain_text

from . import filter_counts, permissions, verbs
from .forms import AnswerForm, AssignForm, CasusForm, CommentForm, ExpertRankingForm, ResolveForm, TitleForm
from .models import CLAIMED, Casus, list_viewer, organisations, tag_activity_scope
from .routing import rank_experts
from .rows import list_rows, render_rows, rendered_rows
from .structured_data import qapage_json_ld
from .thread import rendered_answers, with_comment_urls

PAGE_SIZE = 20
SORT_PARAMS = {"activiteit": "activity", "nieuwste": "newest", "stemmen": "votes"}
# "open" is every open status; the others are one status each. Unknown values show every status.
STATUS_PARAMS = {"alle": "all", "open": "open", "nieuw": "new", "opgepakt": "claimed", "beantwoord": "answered",
                 "opgelost": "resolved", "gesloten": "closed"}
STATUS_LABELS = {"all": gettext_lazy("alle statussen"), "open": gettext_lazy("open (nieuw, opgepakt of beantwoord)"),
                 **{value: label for value, label in Casus.Status.choices}}
FACET_SIZE = 15  # the most used tags and organisations offered as filters


def _casus_or_404(request, slug):
    """The casus if `request.user` may see it; outsiders get 404 (the scope is inside the lookup)."""
    return get_object_or_404(Casus.objects.visible_to(request.user), slug=slug)


# Lists ---------------------------------------------------------------------------------------------

def _by_status(casussen, status):
    if status == "open":
        return casussen.open()
    return casussen if status == "all" else casussen.filter(status=status)


def _facet_counts(visible, audiences, *, status, phase, tag, organisation, own=None):
    """Counts for each filter value, each over the list with the other filters applied (so every count says
    what choosing it shows); an organisation counts only where its casussen name it.

    With `audiences`, the counts are sums of the rows kept by every write (casussen.filter_counts) over what
    those audiences see, plus `own` (a member's own casussen outside them) counted here; except what those rows
    cannot say: the tags within one organisation and the organisations within one tag. Those, and every count
    without `audiences`, are counted from `visible`: status and phase in one grouped query (summed here), tags
    and organisations one each. Each row is counted once without DISTINCT: a casus has one status, phase and
    organisation, and a tag at most once."""
    def narrowed(casussen, *skip):
        if "status" not in skip:
            casussen = _by_status(casussen, status)
        if "phase" not in skip and phase:
            casussen = casussen.filter(phase=phase)
        if "tag" not in skip and tag:
            casussen = casussen.filter(tags__slug=tag)
        if "organisation" not in skip and organisation:
            casussen = casussen.filter(organisation__slug=organisation, hide_organisation=False)
        return casussen.order_by()

    def grouped_cells(casussen):
        return list(narrowed(casussen, "status", "phase").values_list("status", "phase").annotate(n=Count("*")))

    kept = audiences is not None
    own = own if own is not None else Casus.objects.none()
    if kept and not (tag and organisation):
        cells = filter_counts.cells(audiences, tag=tag, organisation=organisation) + grouped_cells(own)
    else:
        cells = grouped_cells(visible)
    statuses, phases = {}, {}
    for cell_status, cell_phase, n in cells:
        if not phase or cell_phase == phase:
            statuses[cell_status] = statuses.get(cell_status, 0) + n
        if status == "all" or cell_status == status or (status == "open" and cell_status in Casus.OPEN_STATUSES):
            phases[cell_phase] = phases.get(cell_phase, 0) + n
    if kept and not organisation:
        tags = filter_counts.tag_counts(audiences, status=status, phase=phase, limit=FACET_SIZE,
                                        extra=tag_counts_of(narrowed(own, "tag")))
    else:
        tags = list(narrowed(visible, "tag").filter(tags__isnull=False).values_list("tags__slug", "tags__name")
                    .annotate(n=Count("*")).order_by("-n", "tags__name")[:FACET_SIZE])
    if kept and not tag:
        named = filter_counts.organisation_counts(
            audiences, status=status, phase=phase, limit=FACET_SIZE, extra=dict(
                narrowed(own, "organisation").filter(hide_organisation=False, organisation__isnull=False)
                .values_list("organisation_id").annotate(n=Count("*"))))
    else:
        named = list(
            narrowed(visible, "organisation").filter(hide_organisation=False, organisation__is_published=True)
            .values_list("organisation__slug", "organisation__name").annotate(n=Count("*"))
            .order_by("-n", "organisation__name")[:FACET_SIZE]
        )
    return statuses, phases, tags, named


def _facets(visible, viewer, audiences, own, *, status, phase, tag, organisation):
    """Each filter value with its count; see `_facet_counts`. The counts are kept per viewer group and filter
    under the `casussen` scope alone: they read casus rows only (status, phase, tags, organisation), so
    answers, comments and votes, which change the list, leave them cached."""
    statuses, phases, tags, organisations = cached(
        ("casus-facets", *viewer, status, phase, tag, organisation),
        lambda: _facet_counts(visible, audiences, status=status, phase=phase, tag=tag, organisation=organisation,
                              own=own),
        scopes=("casussen",),
    )
    open_count = sum(statuses.get(s, 0) for s in Casus.OPEN_STATUSES)
    status_options = [("alle", "all", sum(statuses.values())), ("open", "open", open_count)] + [
        (param, value, statuses.get(value, 0)) for param, value in STATUS_PARAMS.items() if value not in ("all", "open")
    ]
    tag_options = [(slug, name, n, slug == tag) for slug, name, n in tags]
    organisation_options = [(slug, name, n, slug == organisation) for slug, name, n in organisations]
    # A chosen value outside the most used stays selectable, so the form shows what the list is filtered by.
    if tag and not any(selected for *_rest, selected in tag_options):
        tag_options.append((tag, tag, None, True))
    if organisation and not any(selected for *_rest, selected in organisation_options):
        organisation_options.append((organisation, organisation, None, True))
    return {
        "statuses": [(param, STATUS_LABELS[value], n, value == status) for param, value, n in status_options],
        "phases": [(Casus.PHASE_SLUGS.slug(value), label, phases.get(value, 0), value == phase)
                   for value, label in Casus.Phase.choices],
        "tags": tag_options, "organisations": organisation_options,
    }


def _render_list(request, narrow=None, *, heading, intro="", extra=None, status_filter=True, personal=False,
                 following_tag=None, facets=False, default_status="open", ordering=None, show_waiting=False,
                 viewer_parts=(), scopes=("casussen",), activity=("casussen-activity",), counted_by=None):
    """A list of the casussen `request.user` may see, `narrow`ed (a function of the queryset). The page is
    rendered once per content version for everyone who sees the same list (`personal`: one member's own)
    and the same follow button (`following_tag`), so a request served from the cache builds no query.

    `scopes` stand for the casus rows the list shows, `activity` for their answers, comments and votes. After
    activity the page is looked up by what it shows (`list_content`: its count and rows), so only the pages
    whose rows moved are rendered again.

    `facets`: filters by status, phase, tag and organisation, each with its count. `ordering` replaces the
    default sort (activity) when the visitor chose none.

    `counted_by`: what `narrow` keeps in the terms of the kept filter counts (casussen.filter_counts): {} for
    every casus, {"tag": slug} or {"organisation": slug}. The list's length and its filter counts are then
    summed from those rows instead of counted; None (a queue, a member's own lists) counts the rows."""
    if moved := redirect_moved_params(request, fase=Casus.PHASE_SLUGS):  # ?fase=procurement before Dutch slugs
        return moved
    chosen_sort = SORT_PARAMS.get(request.GET.get("sorteer"))
    sort = chosen_sort or "activity"
    status = STATUS_PARAMS.get(request.GET.get("status"), default_status) if status_filter else "all"
    phase = (Casus.PHASE_SLUGS.value(request.GET.get("fase")) or "") if facets else ""
    tag = request.GET.get("tag", "")[:100] if facets else ""
    organisation = request.GET.get("organisatie", "")[:100] if facets else ""

    viewer = (request.user.pk,) if personal else list_viewer(request.user)
    listed = {}

    def kept_counts():
        """The audiences whose kept filter counts this list may sum, and the viewer's own casussen outside them,
        counted apart; (None, None) when the list counts its own rows."""
        if counted_by is None or personal:
            return None, None
        if request.user.pk not in viewer:
            return viewer, None
        audiences = tuple(v for v in viewer if v != request.user.pk)
        return audiences, Casus.objects.alive().filter(author=request.user).exclude(visibility__in=audiences)

    def kept_count():
        audiences, own = kept_counts()
        where = {**(counted_by or {}), **({"tag": tag} if tag else {}),
                 **({"organisation": organisation} if organisation else {})}
        if audiences is None or len(where) > 1:  # no row counts a tag within an organisation
            return None
        n = filter_counts.count(audiences, status=status, phase=phase, **where)
        return n + (filter_counts.count_own(own, status=status, phase=phase, **where) if own is not None else 0)

    def listing():
        """The visible casussen and the page of them asked for, built once per request."""
        if listed:
            return listed["visible"], listed["page"]
        # A viewer who wrote nothing outside their audiences sees what their audiences see: without
        # visible_to's "or written by them" the counts are index-only scans (at scale 1 a member's filter counts
        # took 344 ms). Personal lists and viewers with such casussen have their own pk in `viewer`.
        if request.user.pk in viewer:
            visible = Casus.objects.visible_to(request.user)
        else:
            visible = Casus.objects.for_audiences(viewer)
        if narrow:
            visible = narrow(visible)
        filtered = _by_status(visible, status)
        if phase:
            filtered = filtered.filter(phase=phase)
        if tag:
            filtered = filtered.filter(tags__slug=tag)
        if organisation:
            # Casussen whose author hid the organisation never count for it.
            filtered = filtered.filter(organisation__slug=organisation, hide_organisation=False)
        rows = filtered.for_list()
        rows = rows.order_by(*ordering) if ordering and not chosen_sort else rows.sorted_by(sort)
        # The count stops at 1,000: no request counts every casus (ospo_nl.core.pagination).
        paginator = CappedPaginator(rows, PAGE_SIZE, counted=kept_count())
        listed.update(visible=visible, page=page_or_404(paginator, request.GET.get("pagina")))
        return listed["visible"], listed["page"]

    def list_content():
        """What the page shows that activity changes: the count, and which rows in which order with their counts
        and last activity (everything else of a row changes with its casus: `scopes`)."""
        _visible, page = listing()
        listed["stamps"] = tuple(page.object_list.activity_stamps())
        return page.paginator.count, listed["stamps"]

    def context():
        visible, page = listing()
        if "stamps" in listed:  # the rows' ids are known: each row from the cache, or rendered if it changed
            rows = rendered_rows([pk for pk, *_ in listed["stamps"]], show_waiting=show_waiting)
        else:
            rows = render_rows(list_rows(page, show_waiting=show_waiting))
        return {"heading": heading, "intro": intro, "page": page, "rows": rows,
                "sort": sort, "status": status,
                "status_filter": status_filter, "following_tag": following_tag, "show_waiting": show_waiting,
                "facets": _facets(visible, viewer, *kept_counts(), status=status, phase=phase, tag=tag,
                                  organisation=organisation) if facets else None, **(extra or {})}

    return shared_page(request, ("casus-list", *viewer, following_tag, *viewer_parts), "casussen/list.html",
                       context, scopes=(*scopes, *activity), content=list_content, steady=scopes)


@require_safe
def casus_list(request):
    # Every status by default: resolved casussen, with their lessons, are the most useful to read.
    return _render_list(
        request, heading=_("Casussen"),
        intro=_("Concrete vragen uit de publieke sector over open source, beantwoord door experts uit het netwerk."),
        facets=True, default_status="all", counted_by={},
    )


# The work queue: longest waiting first, and for an expert the unclaimed ones before their own claims.
QUEUE_ORDER = (CLAIMED.asc(), "created_at", "id")


@require_safe
def unanswered(request):
    """The experts' work queue. An expert sees, unless they ask for everything (?alle=1), the casussen in their
    expertise that nobody else claimed; everyone else sees every unanswered casus they may see."""
    user = request.user
    narrowed = is_expert(user) and request.GET.get("alle") != "1"
    if narrowed:
        expertise = list(user.profile.expertise.values_list("pk", flat=True))

        def narrow(casussen):
            mine = casussen.unanswered().filter(Q(claimed_by__isnull=True) | Q(claimed_by=user))
            return mine.filter(tags__in=expertise).distinct()

        intro = _("Onbeantwoorde casussen in jouw expertise die niemand anders heeft opgepakt, langst wachtend "
                  "eerst.")
    else:
        def narrow(casussen):
            return casussen.unanswered()

        intro = _("Casussen die nog op een eerste antwoord wachten: de werkvoorraad van de experts.")
    return _render_list(
        request, narrow, heading=_("Onbeantwoorde casussen"), intro=intro, status_filter=False,
        ordering=QUEUE_ORDER, show_waiting=True, personal=narrowed,
        extra={"queue": {"expert": is_expert(user), "narrowed": narrowed}},
    )


@require_safe
def by_tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    # A tag only casussen outside the viewer's audience use is not confirmed: the same 404 as a made-up tag.
    if not Casus.objects.visible_to(request.user).filter(tags=tag).exists():
        raise Http404
    return _render_list(
        request, lambda casussen: casussen.filter(tags=tag),
        heading=_("Casussen over “%(tag)s”") % {"tag": tag.name},
        extra={"tag": tag}, following_tag=is_following(request.user, tag),
        # Casussen without this tag, their activity and their tags leave the page cached.
        scopes=(tag_scope(tag.pk),), activity=(tag_activity_scope(tag.pk),), counted_by={"tag": tag.slug},
    )


@require_safe
def by_organisation(request, slug):
    organisation = get_object_or_404(organisations().published(), slug=slug)
    # Casussen whose author chose to hide the organisation never show up here.
    return _render_list(
        request, lambda casussen: casussen.filter(organisation=organisation, hide_organisation=False),
        heading=_("Casussen van %(name)s") % {"name": organisation.name},
        extra={"organisation": organisation}, counted_by={"organisation": organisation.slug},
    )


@login_required
@require_safe
def mine(request):
    return _render_list(
        request, lambda casussen: casussen.filter(author=request.user), heading=_("Mijn casussen"),
        personal=True,
    )


@login_required
@require_safe
def followed(request):
    follows = Follow.objects.filter(user=request.user)
    casus_ids = follows.filter(content_type=ContentType.objects.get_for_model(Casus)).values("object_id")
    tag_ids = follows.filter(content_type=ContentType.objects.get_for_model(Tag)).values("object_id")
    return _render_list(
        request, lambda casussen: casussen.filter(Q(pk__in=casus_ids) | Q(tags__in=tag_ids)).distinct(),
        heading=_("Gevolgde casussen"),
        intro=_("Casussen die je volgt en casussen met tags die je volgt."), personal=True,
    )


# Detail --------------------------------------------------------------------------------------------

# The viewer's own part of a casus page in one query: their votes on its answers, whether they wrote in it
# (an answer or comment, deleted ones too) and whether they follow it. SQL, because the ORM took 3 ms to
# build the same as subqueries (more than the rest of a served page); kept to what SQLite also runs.
VIEWER_SQL = """
SELECT 'vote', v.answer_id, v.value FROM casussen_vote v JOIN casussen_answer a ON a.id = v.answer_id
 WHERE a.casus_id = %(casus)s AND v.user_id = %(user)s
UNION ALL
SELECT 'wrote', 0, 0 WHERE EXISTS (SELECT 1 FROM casussen_answer WHERE casus_id = %(casus)s AND author_id = %(user)s)
 OR EXISTS (SELECT 1 FROM casussen_comment WHERE casus_id = %(casus)s AND author_id = %(user)s)
UNION ALL
SELECT 'following', 0, 0 WHERE EXISTS (
 SELECT 1 FROM ospo_nl_follow WHERE content_type_id = %(type)s AND object_id = %(casus)s AND user_id = %(user)s)
"""


def _viewer(user, casus):
    """Everything of `user` the page of `casus` depends on, for the shared cache: (parts, their votes,
    whether they follow it).

    Roles decide most buttons; their own votes the vote buttons; their own posts the edit, delete,
    accept and report buttons, so whoever wrote anything here gets a page of their own.
    """
    if not user.is_authenticated:
        return ("visitor",), {}, False
    with connection.cursor() as cursor:
        cursor.execute(VIEWER_SQL, {"casus": casus.pk, "user": user.pk,
                                    "type": ContentType.objects.get_for_model(Casus).pk})
        rows = cursor.fetchall()
    my_votes = {answer_id: value for kind, answer_id, value in rows if kind == "vote"}
    kinds = {kind for kind, _answer_id, _value in rows}
    wrote = casus.author_id == user.pk or "wrote" in kinds
    parts = (is_member(user), is_expert(user), is_curator(user), tuple(sorted(my_votes.items())),
             user.pk if wrote else None)
    return parts, my_votes, "following" in kinds


def _render_detail(request, casus, *, answer_form=None, comment_form=None, comment_answer_id=None, status=200):
    """The casus page: its text, comments and answers with what this user may do with each, and its JSON-LD.

    Rendered once per casus version for everyone with the same view of it (`_viewer`) and of its follow
    button (`shared_page`); a form with errors is shown to this request alone.
    """
    user = unwrapped(request.user)
    parts, my_votes, following = _viewer(user, casus)

    def context():
        # The answers and comments without their Markdown source, and everyone who wrote or claimed anything here
        # with their profiles in one query (people write many of a thread's posts: a join per post built three
        # objects for each); the tags (one query), the organisation and the article it became (one each, if any).
        # Not one join of seven tables for the casus: planning it took 2 ms, and building it in the ORM 5 more.
        answers = list(casus.answers.alive().defer("body").order_by("-is_accepted", "-score", "created_at", "id"))
        comments = list(casus.comments.alive().defer("body"))
        posts = (casus, *answers, *comments)
        attach_people(posts, "author", "claimed_by")
        attach_tags([casus])
        for answer in answers:
            answer.comment_list = [c for c in comments if c.answer_id == answer.pk]
            answer.my_vote = my_votes.get(answer.pk, 0)
            answer.edited = answer.updated_at != answer.created_at
            answer.can_vote = allowed(permissions.check_vote_answer, user, answer)
            answer.can_edit = allowed(permissions.check_edit_post, user, answer)
            answer.can_delete = allowed(permissions.check_delete_post, user, answer)
            answer.can_accept = not answer.is_accepted and allowed(permissions.check_accept_answer, user, casus,
                                                                    answer)
            answer.can_report = allowed(check_report, user, answer)
        for comment in comments:
            comment.can_delete = allowed(permissions.check_delete_post, user, comment)
            comment.can_report = allowed(check_report, user, comment)
        content_lang = lang_attr(casus.language)  # on every text of the thread (WCAG 3.1.2)
        can_comment = allowed(permissions.check_comment_casus, user, casus)
        fragments = rendered_answers(casus, answers, content_lang=content_lang, can_comment=can_comment,
                                     comment_form=comment_form, comment_answer_id=comment_answer_id)
        for answer in answers:
            answer.fragment = fragments[answer.pk]
        return {
            "casus": casus, "answers": answers, "following": following, "content_lang": content_lang,
            # Those on deleted answers go too.
            "casus_comments": with_comment_urls(casus, [c for c in comments if c.answer_id is None]),
            # The article this casus became (drafts shown to curators only).
            "article": casus.article if casus.article_id and casus.article.is_visible_to(user) else None,
            "json_ld": qapage_json_ld(casus, answers),
            "description": plain_text(casus.body_html),
            "can_comment": can_comment,
            "casus_comment_form": CommentForm() if comment_answer_id else (comment_form or CommentForm()),
            "answer_form": answer_form or AnswerForm(),
            "can_answer": allowed(permissions.check_answer_casus, user, casus),
            "can_claim": allowed(permissions.check_claim_casus, user, casus),
            "can_assign": allowed(permissions.check_assign_casus, user, casus),
            "can_manage": allowed(permissions.check_manage_casus, user, casus),
            "can_edit": allowed(permissions.check_edit_post, user, casus),
            "can_delete": allowed(permissions.check_delete_post, user, casus),
            "can_promote": allowed(permissions.check_promote_casus, user, casus),
            "can_consent": allowed(permissions.check_consent_lessons, user, casus),
            "can_anonymise": allowed(permissions.check_anonymise_lessons, user, casus),
            "can_report": allowed(check_report, user, casus),
        }

    shared = ("casus", casus.pk, *parts, following) if answer_form is None and comment_form is None else None
    # The casus with its answers, comments and votes (casus:<pk>), and the article it became.
    return shared_page(request, shared, "casussen/detail.html", context, status=status,
                       scopes=(f"casus:{casus.pk}", "kennisbank"))


@require_safe
def detail(request, slug):
    # The author, organisation, tags and article are read only to render the shared page.
    return _render_detail(request, _casus_or_404(request, slug))


@require_safe
def history(request, slug):
    """Every version of the casus text with who wrote it and when."""
    casus = _casus_or_404(request, slug)
    revisions = revisions_of(casus).select_related("author__profile")
    return render(request, "casussen/history.html", {"casus": casus, "revisions": revisions})


@require_safe
def answer_history(request, slug, answer_id):
    """Every version of an answer, with who wrote it and when."""
    casus = _casus_or_404(request, slug)
    answer = get_object_or_404(casus.answers.alive().select_related("author__profile"), pk=answer_id)
    revisions = revisions_of(answer).select_related("author__profile")
    return render(request, "casussen/history.html", {"casus": casus, "answer": answer, "revisions": revisions})


# Asking --------------------------------------------------------------------------------------------

@ratelimit("post")
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    """Step 1: the title (GET). Step 2: similar casussen and articles (the one site search) and the full form.

    Then POST creates the casus. With JavaScript, suggestions also appear while typing the title.
    """
    permissions.check_post_casus(request.user)
    if request.method == "POST":
        form = CasusForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            casus = verbs.post_casus(
                by=request.user, title=data["title"], body=data["body"], tried=data["tried"],
                desired_outcome=data["desired_outcome"], organisation=data["organisation"],
                hide_organisation=data["hide_organisation"], phase=data["phase"], visibility=data["visibility"],
                language=data["language"], tags=data["tag_string"],
            )
            messages.success(request, _("Je casus is geplaatst. Je volgt hem automatisch."))
            return redirect(casus)
        similar = search.similar(request.POST.get("title", ""), user=request.user)
        return render(request, "casussen/ask.html", {"form": form, "similar": similar}, status=400)

    title_form = TitleForm(request.GET or None)
    if not title_form.is_bound:
        return render(request, "casussen/ask.html", {"title_form": title_form})
    if not title_form.is_valid():
        return render(request, "casussen/ask.html", {"title_form": title_form}, status=400)
    title = title_form.cleaned_data["titel"]
    profile = getattr(request.user, "profile", None)
    form = CasusForm(initial={"title": title, "organisation": profile.organisation_id if profile else None})
    similar = search.similar(title, user=request.user)
    return render(request, "casussen/ask.html", {"form": form, "similar": similar})


def _form_page(request, *, form, heading, casus, submit, help_text="", conflict=None):
    """The one form page of casussen (edit, resolve, assign, answer edit): 400 with errors, 409 on a conflict."""
    context = {"form": form, "heading": heading, "casus": casus, "submit": submit, "help_text": help_text,
               "conflict": conflict}
    return render_form_page(request, "casussen/form_page.html", context, status=409 if conflict else None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, slug):
    casus = _casus_or_404(request, slug)
    permissions.check_edit_post(request.user, casus)
    form = CasusForm(submitted(request), instance=casus)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            changes = {name: data[name] for name in (*Casus.revision_fields, "hide_organisation", "phase",
                                                     "visibility", "language")}
            changes["organisation_id"] = data["organisation"].pk if data["organisation"] else None
            # The form wrote its values onto `casus` during validation; start from the stored row again.
            casus.refresh_from_db()
            try:
                verbs.edit_casus(casus=casus, by=request.user, changes=changes, tags=data["tag_string"],
                                 version=submitted_version(request))
            except EditConflict:
                conflict = conflict_context(casus, mine=data, fields=Casus.revision_fields)
                form = CasusForm(rebased_data(request.POST, conflict["version"]), instance=casus)
                return _form_page(request, form=form, heading=_("Casus bewerken"), casus=casus,
                                  submit=_("Opslaan"), conflict=conflict)
            messages.success(request, _("Je wijzigingen zijn opgeslagen."))
            return redirect(casus)
        return _form_page(request, form=form, heading=_("Casus bewerken"), casus=casus, submit=_("Opslaan"))
    return _form_page(request, form=form, heading=_("Casus bewerken"), casus=casus, submit=_("Opslaan"))


# Actions on a casus (POST only) ---------------------------------------------------------------------

@ratelimit("post")
@require_POST
@login_required
def answer_create(request, slug):
    casus = _casus_or_404(request, slug)
    permissions.check_answer_casus(request.user, casus)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, casus, answer_form=form, status=400)
    answer = verbs.post_answer(casus=casus, by=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("Je antwoord is geplaatst."))
    return redirect(answer.get_absolute_url())


@ratelimit("comment")
@require_POST
@login_required
def comment_create(request, slug, answer_id=None):
    casus = _casus_or_404(request, slug)
    answer = get_object_or_404(casus.answers.alive(), pk=answer_id) if answer_id else None
    permissions.check_comment_casus(request.user, casus)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, casus, comment_form=form, comment_answer_id=answer_id, status=400)
    new = verbs.comment(casus=casus, answer=answer, by=request.user, body=form.cleaned_data["body"])
    return redirect(f"{casus.get_absolute_url()}#reactie-{new.pk}")


@ratelimit("vote")
@require_POST
@login_required
def vote(request, slug, answer_id):
    casus = _casus_or_404(request, slug)
    answer = get_object_or_404(casus.answers.alive(), pk=answer_id)
    try:
        value = int(request.POST.get("value", ""))
    except ValueError:
        value = None
    if value not in (1, -1, 0):
        return render(request, "casussen/refused.html", {"reason": _("Ongeldige stem."), "casus": casus}, status=400)
    verbs.vote(answer=answer, by=request.user, value=value)
    return redirect(answer.get_absolute_url())


@require_POST
@login_required
def accept(request, slug, answer_id):
    casus = _casus_or_404(request, slug)
    answer = get_object_or_404(casus.answers.alive(), pk=answer_id)
    verbs.accept_answer(casus=casus, answer=answer, by=request.user)
    messages.success(request, _("Het antwoord is geaccepteerd. Deel je geleerde lessen om de casus af te ronden."))
    return redirect(answer.get_absolute_url())


@require_POST
@login_required
def claim(request, slug):
    casus = _casus_or_404(request, slug)
    verbs.claim_casus(casus=casus, by=request.user)
    messages.success(request, _("Je hebt deze casus opgepakt."))
    return redirect(casus)


@require_POST
@login_required
def close(request, slug):
    casus = _casus_or_404(request, slug)
    verbs.close_casus(casus=casus, by=request.user)
    messages.success(request, _("De casus is gesloten."))
    return redirect(casus)


@require_POST
@login_required
def reopen(request, slug):
    casus = _casus_or_404(request, slug)
    verbs.reopen_casus(casus=casus, by=request.user)
    messages.success(request, _("De casus is heropend."))
    return redirect(casus)


@require_POST
@login_required
def delete(request, slug):
    casus = _casus_or_404(request, slug)
    verbs.delete_casus(casus=casus, by=request.user)
    messages.success(request, _("De casus is verwijderd."))
    return redirect("casussen:list")


@require_POST
@login_required
def answer_delete(request, slug, answer_id):
    casus = _casus_or_404(request, slug)
    answer = get_object_or_404(casus.answers.alive(), pk=answer_id)
    verbs.delete_answer(answer=answer, by=request.user)
    messages.success(request, _("Het antwoord is verwijderd."))
    return redirect(casus)


@require_POST
@login_required
def comment_delete(request, slug, comment_id):
    casus = _casus_or_404(request, slug)
    comment = get_object_or_404(casus.comments.alive(), pk=comment_id)
    verbs.delete_comment(comment=comment, by=request.user)
    messages.success(request, _("De reactie is verwijderd."))
    return redirect(casus)


@require_POST
@login_required
def follow_casus(request, slug):
    casus = _casus_or_404(request, slug)
    verbs.follow_casus(casus=casus, by=request.user)
    messages.success(request, _("Je volgt deze casus."))
    return redirect(casus)


@require_POST
@login_required
def unfollow_casus(request, slug):
    casus = _casus_or_404(request, slug)
    unfollow(request.user, casus)
    messages.success(request, _("Je volgt deze casus niet meer."))
    return redirect(casus)


@require_POST
@login_required
def follow_tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    follow(request.user, tag)
    messages.success(request, _("Je volgt de tag “%(tag)s”.") % {"tag": tag.name})
    return redirect("casussen:by_tag", slug=tag.slug)


@require_POST
@login_required
def unfollow_tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    unfollow(request.user, tag)
    messages.success(request, _("Je volgt de tag “%(tag)s” niet meer.") % {"tag": tag.name})
    return redirect("casussen:by_tag", slug=tag.slug)


# Actions with a form (GET shows it, POST saves) -----------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def resolve(request, slug):
    casus = _casus_or_404(request, slug)
    permissions.check_manage_casus(request.user, casus)
    form = ResolveForm(submitted(request), initial={"lessons_learned": casus.lessons_learned})
    heading = _("Casus afronden")
    help_text = _("Rond de casus af door te delen wat je hebt geleerd. Zo heeft de volgende met dezelfde vraag "
                  "er ook iets aan.")
    if request.method == "POST":
        if form.is_valid():
            verbs.resolve_casus(casus=casus, by=request.user, lessons_learned=form.cleaned_data["lessons_learned"])
            messages.success(request, _("De casus is opgelost. Dank voor het delen van je lessen."))
            return redirect(casus)
        return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Afronden"),
                          help_text=help_text)
    return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Afronden"), help_text=help_text)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def assign(request, slug):
    casus = _casus_or_404(request, slug)
    permissions.check_assign_casus(request.user, casus)
    form = AssignForm(submitted(request))
    heading = _("Casus toewijzen aan een expert")
    if request.method == "POST":
        if form.is_valid():
            verbs.assign_casus(casus=casus, expert=form.cleaned_data["expert"], by=request.user)
            messages.success(request, _("De casus is toegewezen."))
            return redirect(casus)
        return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Toewijzen"))
    return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Toewijzen"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_edit(request, slug, answer_id):
    casus = _casus_or_404(request, slug)
    answer = get_object_or_404(casus.answers.alive(), pk=answer_id)
    permissions.check_edit_post(request.user, answer)
    form = AnswerForm(submitted(request), initial={"body": answer.body, "version": version_of(answer)})
    heading = _("Antwoord bewerken")
    if request.method == "POST":
        if form.is_valid():
            try:
                verbs.edit_answer(answer=answer, by=request.user, body=form.cleaned_data["body"],
                                  version=submitted_version(request))
            except EditConflict:
                conflict = conflict_context(answer, mine=form.cleaned_data, fields=("body",))
                form = AnswerForm(rebased_data(request.POST, conflict["version"]))
                return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Opslaan"),
                                  conflict=conflict)
            messages.success(request, _("Je wijzigingen zijn opgeslagen."))
            return redirect(answer.get_absolute_url())
        return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Opslaan"))
    return _form_page(request, form=form, heading=heading, casus=casus, submit=_("Opslaan"))


@require_safe
@login_required
def expert_ranking(request):
    permissions.check_view_expert_ranking(request.user)
    form = ExpertRankingForm(request.GET or None)
    experts = rank_experts(tags=form.tag_list(), limit=20) if form.is_valid() else None
    status = 400 if request.GET and not form.is_valid() else 200
    return render(request, "casussen/expert_ranking.html", {"form": form, "experts": experts}, status=status)


@require_POST
@login_required
def lessons_consent(request, slug):
    """The author gives (consent=1) or withdraws (consent=0) consent to share the lessons anonymised."""
    casus = _casus_or_404(request, slug)
    consent = request.POST.get("consent")
    if consent not in ("0", "1"):
        return render(request, "casussen/refused.html", {"reason": _("Geef aan of je toestemming geeft."),
                                                         "casus": casus}, status=400)
    verbs.set_lessons_consent(casus=casus, by=request.user, consent=consent == "1")
    messages.success(request, _("Je toestemming is vastgelegd.") if consent == "1"
                     else _("Je toestemming is ingetrokken."))
    return redirect(casus)
