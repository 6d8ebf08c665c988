"""Forum pages. Every verb checks its own permission (forum.verbs); a view asks the same rule first only
where it shows a form, so whoever may not act gets 403 before a form rather than after filling it in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ospo_nl.core.content_cache import depends_on, shared_page
from ospo_nl.core.edit_conflicts import EditConflict, conflict_context, rebased_data, submitted_version, version_of
from ospo_nl.core.following import is_following
from ospo_nl.core.form_pages import render_form_page, submitted
from ospo_nl.core.pagination import page_or_404
from ospo_nl.core.permissions import allowed
from ospo_nl.core.revisions import revisions_of
from ospo_nl.core.roles import is_curator, is_member
from ospo_nl.moderation.permissions import check_report
from ospo_nl.moderation.ratelimit import ratelimit

from . import permissions, verbs
from .forms import MoveTopicForm, ReplyForm, TopicForm
from .models import REPLIES_PER_PAGE, TOPICS_PER_PAGE, Category, Reply, Topic
from .reading import first_unread_reply, mark_read
from .structured_data import topic_json_ld


def _alive_topic(pk):
    return get_object_or_404(Topic.objects.alive().select_related("category"), pk=pk)


def _alive_reply(pk):
    return get_object_or_404(
        Reply.objects.alive().select_related("topic__category").filter(topic__deleted_at__isnull=True), pk=pk
    )


@require_safe
def forum_home(request):
    depends_on(request, "forum", "forum-activity", "forum-categories")
    categories = list(Category.objects.for_forum_home(request.user))
    latest = {t.pk: t for t in Topic.objects.for_category_cards([c.latest_topic_id for c in categories])}
    for category in categories:
        category.latest_topic = latest.get(category.latest_topic_id)
    return render(request, "forum/home.html", {"categories": categories})


@require_safe
def category(request, slug):
    depends_on(request, "forum", "forum-activity", "forum-categories")
    category = get_object_or_404(Category, slug=slug)
    topics = Topic.objects.for_category_page(category, request.user)
    page = page_or_404(Paginator(topics, TOPICS_PER_PAGE), request.GET.get("pagina"))
    return render(request, "forum/category.html", {
        "category": category, "page": page,
        "can_start": allowed(permissions.check_start_topic, request.user, category),
    })


@require_safe
def topic(request, pk, slug=None):
    topic = get_object_or_404(Topic.objects.for_detail(), pk=pk)
    if slug != topic.slug:
        query = request.META.get("QUERY_STRING")
        return redirect(topic.get_absolute_url() + (f"?{query}" if query else ""), permanent=True)
    page = page_or_404(Paginator(Reply.objects.for_topic_page(topic), REPLIES_PER_PAGE), request.GET.get("pagina"))
    user = request.user
    # When and by whom each reply on the page was written (a light query): enough to mark the page read
    # and to tell which of them are new to this member, and which their own.
    written = list(page.object_list.values_list("created_at", "author_id"))
    read_before = mark_read(user, topic, until=written[-1][0] if written else topic.created_at)
    new_since = (read_before or user.date_joined) if user.is_authenticated else None
    # What this user may do, asked of forum.permissions (and moderation's report rule). These rules look
    # only at the user's roles, whether a post is their own and the topic's state, so everything they
    # decide is in the shared page's key below: roles (member, curator), own posts (`own`), and the topic
    # itself, whose changes start a new content version.
    can = {
        "can_reply": allowed(permissions.check_post_reply, user, topic),
        "can_follow": allowed(permissions.check_follow_topic, user, topic),
        "can_moderate": allowed(permissions.check_moderate_topic, user, topic),
        "can_edit": allowed(permissions.check_edit_topic, user, topic),
        "can_report": allowed(check_report, user, topic),
    }
    following, curator = is_following(user, topic), is_curator(user)

    def context():
        replies = list(page.object_list)
        for reply in replies:
            reply.topic = topic  # the rules below read the topic: no query per reply
            reply.can_edit = allowed(permissions.check_edit_reply, user, reply)
            reply.can_delete = allowed(permissions.check_delete_reply, user, reply)
            reply.can_report = allowed(check_report, user, reply)
        page_url = topic.get_absolute_url() + (f"?pagina={page.number}" if page.number > 1 else "")
        return {"topic": topic, "page": page, "replies": replies, "new_since": new_since,
                "json_ld": topic_json_ld(topic, replies, page_url=page_url),
                "is_following": following, **can, "reply_form": ReplyForm() if can["can_reply"] else None}

    # Everyone with the same roles, the same replies new to them, none of their own and the same follow
    # button shares the page.
    first_new = next((i for i, (at, _author) in enumerate(written) if new_since and at > new_since), None)
    own = user.pk if topic.author_id == user.pk or any(author == user.pk for _at, author in written) else None
    parts = ("topic", topic.pk, is_member(user), curator, can["can_reply"], first_new, own, following)
    return shared_page(request, parts, "forum/topic.html", context,
                       scopes=(f"topic:{topic.pk}", "forum-categories"))


@require_safe
def reply(request, pk):
    """Permalink of a reply: the page of its topic it is on, scrolled to it."""
    reply = get_object_or_404(Reply.objects.select_related("topic").filter(topic__deleted_at__isnull=True), pk=pk)
    page = reply.page_number()
    query = f"?pagina={page}" if page > 1 else ""
    return redirect(f"{reply.topic.get_absolute_url()}{query}#reactie-{reply.pk}")


@require_safe
def history(request, pk, kind):
    """Every version of a topic or reply, newest first (public, like the posts themselves)."""
    post = _alive_topic(pk) if kind == "topic" else _alive_reply(pk)
    topic = post if kind == "topic" else post.topic
    revisions = revisions_of(post).select_related("author__profile")
    return render(request, "forum/history.html", {"post": post, "topic": topic, "revisions": revisions})


@login_required
@require_safe
def topic_first_unread(request, pk):
    topic = _alive_topic(pk)
    unread = first_unread_reply(request.user, topic)
    return redirect(unread or topic.last_reply or topic)


@ratelimit("post")
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def topic_create(request, slug):
    category = get_object_or_404(Category, slug=slug)
    permissions.check_start_topic(request.user, category)
    form = TopicForm(submitted(request))
    if form.is_valid():
        data = form.cleaned_data
        topic = verbs.start_topic(category=category, by=request.user, title=data["title"], body=data["body"],
                                  tags=data["tags"], language=data["language"])
        messages.success(request, _("Je onderwerp is geplaatst."))
        return redirect(topic)
    return render_form_page(request, "forum/topic_form.html", {"form": form, "category": category})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def topic_edit(request, pk):
    topic = _alive_topic(pk)
    permissions.check_edit_topic(request.user, topic)
    initial = {"title": topic.title, "body": topic.body, "tags": topic.tags.all(), "language": topic.language,
               "version": version_of(topic)}
    form = TopicForm(submitted(request), initial=initial)
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ("title", "body", "tags", "language")}
        try:
            topic = verbs.edit_topic(topic=topic, by=request.user, version=submitted_version(request), **fields)
        except EditConflict as stale:
            conflict = conflict_context(stale.current, mine=fields, fields=("title", "body"))
            context = {"form": TopicForm(rebased_data(request.POST, conflict["version"])), "conflict": conflict,
                       "category": topic.category, "topic": topic}
            return render(request, "forum/topic_form.html", context, status=409)
        messages.success(request, _("Je wijzigingen zijn opgeslagen."))
        return redirect(topic)
    context = {"form": form, "category": topic.category, "topic": topic}
    return render_form_page(request, "forum/topic_form.html", context)


@ratelimit("post")
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def reply_create(request, pk):
    topic = _alive_topic(pk)
    permissions.check_post_reply(request.user, topic)
    quoted = None
    if request.method == "GET" and request.GET.get("citeer"):
        quoted = get_object_or_404(
            Reply.objects.alive().select_related("author__profile"), pk=_int_or_404(request.GET["citeer"]), topic=topic
        )
    form = ReplyForm(submitted(request), initial={"body": quoted.as_quote() if quoted else ""})
    if form.is_valid():
        reply = verbs.post_reply(topic=topic, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Je reactie is geplaatst."))
        return redirect(reply)
    return render_form_page(request, "forum/reply_form.html", {"form": form, "topic": topic, "quoted": quoted})


def _int_or_404(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def reply_edit(request, pk):
    reply = _alive_reply(pk)
    permissions.check_edit_reply(request.user, reply)
    form = ReplyForm(submitted(request), initial={"body": reply.body, "version": version_of(reply)})
    if form.is_valid():
        try:
            verbs.edit_reply(reply=reply, by=request.user, body=form.cleaned_data["body"],
                             version=submitted_version(request))
        except EditConflict as stale:
            conflict = conflict_context(stale.current, mine=form.cleaned_data, fields=("body",))
            context = {"form": ReplyForm(rebased_data(request.POST, conflict["version"])), "conflict": conflict,
                       "topic": reply.topic, "reply": reply}
            return render(request, "forum/reply_form.html", context, status=409)
        messages.success(request, _("Je wijzigingen zijn opgeslagen."))
        return redirect(reply)
    return render_form_page(request, "forum/reply_form.html", {"form": form, "topic": reply.topic, "reply": reply})


@require_POST
@login_required
def reply_delete(request, pk):
    reply = _alive_reply(pk)
    verbs.delete_reply(reply=reply, by=request.user)
    messages.success(request, _("De reactie is verwijderd."))
    return redirect(reply)


@require_POST
@login_required
def topic_delete(request, pk):
    topic = _alive_topic(pk)
    verbs.delete_topic(topic=topic, by=request.user)
    messages.success(request, _("Het onderwerp is verwijderd."))
    return redirect(topic.category)


@require_POST
@login_required
def topic_pin(request, pk, pinned):
    topic = _alive_topic(pk)
    verbs.set_pinned(topic=topic, by=request.user, pinned=pinned)
    messages.success(request, _("Het onderwerp is vastgezet.") if pinned else _("Het onderwerp is losgemaakt."))
    return redirect(topic)


@require_POST
@login_required
def topic_lock(request, pk, locked):
    topic = _alive_topic(pk)
    verbs.set_locked(topic=topic, by=request.user, locked=locked)
    messages.success(request, _("Het onderwerp is gesloten.") if locked else _("Het onderwerp is heropend."))
    return redirect(topic)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def topic_move(request, pk):
    topic = _alive_topic(pk)
    permissions.check_moderate_topic(request.user, topic)
    form = MoveTopicForm(submitted(request), initial={"category": topic.category})
    if form.is_valid():
        verbs.move_topic(topic=topic, by=request.user, category=form.cleaned_data["category"])
        messages.success(request, _("Het onderwerp is verplaatst naar %(category)s.") % {
            "category": form.cleaned_data["category"]})
        return redirect(topic)
    return render_form_page(request, "forum/move_form.html", {"form": form, "topic": topic})


@require_POST
@login_required
def topic_follow(request, pk, follow):
    topic = _alive_topic(pk)
    if follow:
        verbs.follow_topic(topic=topic, by=request.user)
        messages.success(request, _("Je volgt dit onderwerp: je krijgt een melding bij nieuwe reacties."))
    else:
        verbs.unfollow_topic(topic=topic, by=request.user)
        messages.success(request, _("Je volgt dit onderwerp niet meer."))
    return redirect(topic)
