from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from taggit.models import Tag

from ospo_nl.core.comparison import compare
from ospo_nl.core.content_cache import depends_on, shared_page
from ospo_nl.core.edit_conflicts import (
    EditConflict,
    check_version,
    conflict_context,
    rebased_data,
    submitted_version,
)
from ospo_nl.core.pagination import page_or_404
from ospo_nl.core.permissions import allowed
from ospo_nl.core.revisions import revisions_of
from ospo_nl.core.roles import audiences_for, is_curator, is_member

from .forms import ArticleForm
from .models import Article, ArticleRedirect, ImportConflict, Section
from .permissions import check_edit_article, check_restore_revision, check_view_history, check_write_article
from .verbs import REVISION_FIELDS, resolve_import_conflict, restore_revision, save_article

PAGE_SIZE = 20
RELATED_COUNT = 5
RECENT_ON_HOME = 5
SECTION_PREVIEW = 10  # articles of a section on the kennisbank's home; the section's page has them all


def _page(request, queryset):
    return page_or_404(Paginator(queryset, PAGE_SIZE), request.GET.get("pagina"))


# What kennisbank/includes/article_list.html shows of an article: sorting and numbering every listed article
# of the home page with its texts took 30 ms at scale 1, without them 10.
LIST_FIELDS = ("title", "slug", "language", "kind", "status", "summary", "section")


@require_safe
def home(request):
    """Every top-level section with its first articles, and the recently updated ones: rendered once per content
    version for everyone who sees it the same way (curators also see drafts; who may write sees the button)."""
    user = request.user
    can_write = allowed(check_write_article, user)

    def context():
        sections = list(Section.objects.top_level())
        by_section = {section.pk: [] for section in sections}
        articles = (
            Article.objects.visible_to(user).listed()
            .filter(section__parent__isnull=True, index_of__isnull=True)
            .select_related("section")
            .only(*LIST_FIELDS, "section__path", "section__index_article_id", "order")
            .order_by("order", "title")
        )
        # The first few of each section with the section's total, in the same one query: a section of hundreds of
        # articles is its own page (at scale 1 the home listed all 5,000 and took a second to render).
        articles = articles.annotate(
            position=Window(RowNumber(), partition_by=F("section_id"), order_by=[F("order").asc(), F("title").asc()]),
            in_section=Window(Count("pk"), partition_by=F("section_id")),
        ).filter(position__lte=SECTION_PREVIEW)
        totals = {}
        for article in articles:
            by_section[article.section_id].append(article)
            totals[article.section_id] = article.in_section
        return {
            "sections": [(section, by_section[section.pk], totals.get(section.pk, 0)) for section in sections],
            "recent": Article.objects.visible_to(user).for_list()[:RECENT_ON_HOME],
            "kinds": Article.KIND_SLUGS.choices(), "can_write": can_write,
        }

    return shared_page(request, ("kennisbank-home", is_curator(user), can_write), "kennisbank/home.html", context,
                       scopes=("kennisbank",))


@require_safe
def page(request, path):
    """A section (`/kennisbank/<section path>/`) or an article (`/kennisbank/<section path>/<slug>/`)."""
    depends_on(request, "kennisbank")
    parent_path, _sep, slug = path.strip("/").rpartition("/")
    if parent_path:
        article = (
            Article.objects.visible_to(request.user).select_related("section", "source")
            .filter(section__path=parent_path, slug=slug).first()
        )
        if article is not None:
            return _article_page(request, article)
    section = Section.objects.select_related("index_article__source").filter(path=path.strip("/")).first()
    if section is None:
        # An old address (Jekyll's redirect_from, a renamed source file) still leads to its article.
        moved = ArticleRedirect.objects.select_related("article__section").filter(path=path.strip("/")).first()
        if moved is None or not moved.article.is_visible_to(request.user):
            raise Http404
        return redirect(moved.article, permanent=True)
    return _section_page(request, section)


def _article_page(request, article):
    """The article, rendered once per content version for everyone who sees it the same way (`_article_viewer`)
    and given each request's own account menu (`shared_page`)."""
    if article.section.index_article_id == article.pk:
        return redirect(article.section, permanent=True)
    user = request.user

    def context():
        tags = list(article.tags.all())
        related = []
        if tags:
            # Articles sharing the most tags with this one, in one query.
            related = (
                Article.objects.visible_to(user).for_list()
                .filter(tags__in=tags).exclude(pk=article.pk)
                .annotate(shared=Count("tags", distinct=True))
                .order_by("-shared", "-content_updated_at")[:RELATED_COUNT]
            )
        curator = is_curator(user)
        return {
            "article": article,
            "section": article.section,
            "tags": tags,
            "authors": list(article.authors.select_related("profile")),
            "breadcrumbs": list(Section.objects.ancestors_of(article.section)),
            "related": related,
            "casussen": source_casussen(article, user),
            # Who the licence asks to credit besides the authors: the import source's, or the community's own.
            "attribution": article.source.attribution if article.source_id else _("OSPO-NL community"),
            "can_edit": allowed(check_edit_article, user, article),
            "can_view_history": allowed(check_view_history, user, article),
            "open_conflict": curator and article.source_id
            and article.import_conflicts.filter(resolved_at__isnull=True).exists(),
        }

    # "kennisbank": any article, section or conflict; a casus this article came from bumps it too when its
    # title or visibility changes (casussen.models.Casus.cache_scopes).
    return shared_page(request, _article_viewer(user, article), "kennisbank/article_detail.html", context,
                       scopes=("kennisbank",))


def _article_viewer(user, article):
    """Who sees the same article page as `user`: curators (drafts, edit links, conflicts) or everyone with the
    same audiences, since the casussen the article came from are listed as the viewer may see them; a member
    who wrote one of those outside their audiences sees their own page."""
    audiences = tuple(audiences_for(user))
    if is_curator(user):
        return ("article", "curator", *audiences)
    if is_member(user) and article.casussen.filter(author=user).exclude(visibility__in=audiences).exists():
        return ("article", *audiences, user.pk)
    return ("article", *audiences)


def source_casussen(article, user):
    """The casussen this article came from (casussen.Casus.article), those `user` may see: one query."""
    return list(article.casussen.visible_to(user))


def _section_page(request, section):
    index = section.index_article
    if index is not None and not index.is_visible_to(request.user):
        index = None
    articles = (
        Article.objects.visible_to(request.user).listed()
        .filter(section=section, index_of__isnull=True).select_related("section").order_by("order", "title")
    )
    return render(request, "kennisbank/section_detail.html", {
        "section": section,
        "index": index,
        "breadcrumbs": list(Section.objects.ancestors_of(section))[:-1],
        "children": list(section.children.all()),
        "articles": articles,
        "can_edit_index": index is not None and allowed(check_edit_article, request.user, index),
    })


@require_safe
def kind_list(request, kind):
    depends_on(request, "kennisbank")
    if moved := Article.KIND_SLUGS.moved(kind):  # an old address, with the stored value
        query = request.GET.urlencode()
        return redirect(reverse("kennisbank:kind", args=[moved]) + (f"?{query}" if query else ""), permanent=True)
    kind = Article.KIND_SLUGS.value(kind)
    if kind is None:
        raise Http404
    page_obj = _page(request, Article.objects.visible_to(request.user).for_list().filter(kind=kind))
    return render(request, "kennisbank/article_list.html", {
        "heading": Article.Kind(kind).label.capitalize(), "page_obj": page_obj, "kinds": Article.KIND_SLUGS.choices(),
    })


@require_safe
def tag_list(request, tag):
    depends_on(request, "kennisbank")
    tag = get_object_or_404(Tag, slug=tag)
    page_obj = _page(request, Article.objects.visible_to(request.user).for_list().filter(tags=tag))
    if not page_obj.paginator.count:  # nothing the viewer may read: the same 404 as a made-up tag
        raise Http404
    return render(request, "kennisbank/article_list.html", {
        "heading": _("Artikelen over %(tag)s") % {"tag": tag.name}, "page_obj": page_obj, "tag": tag,
    })


@require_safe
def recent(request):
    depends_on(request, "kennisbank")
    page_obj = _page(request, Article.objects.visible_to(request.user).for_list())
    return render(request, "kennisbank/article_list.html", {"heading": _("Recent bijgewerkt"), "page_obj": page_obj})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def article_create(request):
    check_write_article(request.user)
    return _article_form_page(request, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def article_edit(request, slug):
    article = get_object_or_404(Article.objects.select_related("section"), slug=slug)
    check_edit_article(request.user, article)
    return _article_form_page(request, article)


def _article_form_page(request, article):
    """Edit `article`, or write a new one (None) with the curator as its author; every save is a revision.

    The form carries the version it started from: when someone else saved the article in the meantime, nothing
    is saved and the page shows their version, this one, and the difference (409); saving again takes this one.
    """
    form = ArticleForm(request.POST or None, request.FILES or None, instance=article)
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():
                    if article is not None:
                        check_version(Article.objects.select_for_update().get(pk=article.pk),
                                      submitted_version(request))
                    saved = form.save(commit=False)
                    save_article(saved, by=request.user, message=form.cleaned_data["message"])
                    form.save_m2m()
                    if article is None:
                        saved.authors.add(request.user)
            except EditConflict as stale:
                return _edit_conflict(request, form, stale.current)
            messages.success(request, _("Het artikel is opgeslagen."))
            return redirect(saved)
        return render(request, "kennisbank/article_form.html", {"form": form, "article": article}, status=400)
    return render(request, "kennisbank/article_form.html", {"form": form, "article": article})


def _edit_conflict(request, form, current):
    """Both versions side by side; the form keeps this curator's text and now starts from the saved version."""
    mine = {**form.cleaned_data, "slug": current.slug}
    conflict = conflict_context(current, mine=mine, fields=REVISION_FIELDS)
    refreshed = ArticleForm(rebased_data(request.POST, conflict["version"]), request.FILES or None,
                            instance=Article.objects.get(pk=current.pk))
    return render(request, "kennisbank/article_form.html", {
        "form": refreshed, "article": current, "conflict": conflict,
    }, status=409)


@login_required
@require_safe
def article_history(request, slug):
    article = get_object_or_404(Article.objects.select_related("section"), slug=slug)
    check_view_history(request.user, article)
    revisions = revisions_of(article).select_related("author__profile")
    page_obj = Paginator(revisions, 50).get_page(request.GET.get("pagina"))
    return render(request, "kennisbank/article_history.html", {"article": article, "page_obj": page_obj})


@login_required
@require_safe
def article_diff(request, slug):
    article = get_object_or_404(Article.objects.select_related("section"), slug=slug)
    check_view_history(request.user, article)
    try:
        ids = [int(request.GET["van"]), int(request.GET["naar"])]
    except (KeyError, ValueError):
        return render(request, "kennisbank/article_diff.html", {
            "article": article, "error": _("Kies twee versies om te vergelijken."),
        }, status=400)
    found = {rev.pk: rev for rev in revisions_of(article).filter(pk__in=ids)}
    if len(found) != len(set(ids)):
        raise Http404
    old, new = found[ids[0]], found[ids[1]]
    return render(request, "kennisbank/article_diff.html", {
        "article": article, "old": old, "new": new, "comparison": comparison(old.data, new.data),
    })


def comparison(old, new):
    """Side by side, word level, every revision field that changed (ospo_nl.core.comparison)."""
    return compare(old, new, fields=REVISION_FIELDS, model=Article)


@login_required
@require_POST
def article_restore(request, slug, revision_id):
    article = get_object_or_404(Article.objects.select_related("section"), slug=slug)
    check_restore_revision(request.user, article)
    revision = get_object_or_404(revisions_of(article), pk=revision_id)
    restore_revision(article=article, revision=revision, by=request.user)
    messages.success(request, _("De eerdere versie is teruggezet."))
    return redirect("kennisbank:article_history", slug=article.slug)



@login_required
@require_http_methods(["GET", "POST"])
def import_conflict(request, slug):
    """A re-import found the source changed while the article was edited here: view both, take one."""
    article = get_object_or_404(Article.objects.select_related("section", "source"), slug=slug)
    check_edit_article(request.user, article)
    conflict = get_object_or_404(article.import_conflicts.filter(resolved_at__isnull=True))
    site = {name: getattr(article, name) for name in REVISION_FIELDS}
    incoming = {name: conflict.incoming.get(name, site[name]) for name in REVISION_FIELDS}
    if request.method == "POST":
        take = request.POST.get("take")
        if take not in ImportConflict.Taken.values:
            return render(request, "kennisbank/import_conflict.html", {
                "article": article, "conflict": conflict, "site": site, "incoming": incoming,
                "comparison": comparison(site, incoming), "error": _("Kies een van de twee versies."),
            }, status=400)
        resolve_import_conflict(conflict=conflict, take=take, by=request.user)
        messages.success(request, _("Het importconflict is opgelost."))
        return redirect(Article.objects.select_related("section").get(pk=article.pk))
    return render(request, "kennisbank/import_conflict.html", {
        "article": article, "conflict": conflict, "site": site, "incoming": incoming,
        "comparison": comparison(site, incoming),
    })
