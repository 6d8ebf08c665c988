"""Verbs that change articles. Every save keeps a revision (a snapshot after the save)."""

import hashlib
import json

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from ospo_nl.core.revisions import record_revision
from ospo_nl.core.slugs import free_slug

from .models import Article, ImportConflict, Section
from .permissions import check_edit_article, check_restore_revision, check_write_article

# What a revision keeps and what restoring one puts back (JSON-safe values only).
REVISION_FIELDS = ("title", "slug", "kind", "summary", "body", "status", "image_caption", "order")
# What a curator's edit on the site changes; the import compares it with what it last wrote.
CONTENT_FIELDS = ("title", "summary", "body", "kind", "image_caption", "order")


def content_fingerprint(article):
    data = json.dumps({name: getattr(article, name) for name in CONTENT_FIELDS}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def save_article(article, *, by, message=""):
    """A curator saves `article` (new, or edited from a form or the admin): their permission is checked on the
    stored row, locked for the rest of the transaction, and the saved version is kept as a revision."""
    with transaction.atomic():
        if article.pk is None:
            check_write_article(by)
        else:
            check_edit_article(by, Article.objects.select_for_update().get(pk=article.pk))
        return store_article(article, by=by, message=message)


def store_article(article, *, by, message="", updated_at=None):
    """Store `article` and keep the saved version as a revision, in one transaction, without a permission
    check: for the importer, which the operator runs (`by` is None), and for the verbs here after theirs.

    A new article without a slug gets one from its title that no article has and no subsection of its
    section (they share /kennisbank/<section>/<slug>/). `updated_at` is when the content last changed (the
    importer passes the source's date).
    """
    with transaction.atomic():
        if not article.slug:
            subsections = set(Section.objects.filter(parent=article.section_id).values_list("slug", flat=True))
            article.slug = free_slug(Article, article.title, fallback="artikel", reserved=subsections)
        article.content_updated_at = updated_at or timezone.now()
        article.save()
        record_revision(article, by=by, fields=REVISION_FIELDS, message=message)
    return article


def draft_lessons_learned(*, title, summary, body, tags, by):
    """A draft "lessons learned" article in its own section, as a curator promotes a resolved casus."""
    check_write_article(by)
    with transaction.atomic():
        section, _created = Section.objects.get_or_create(
            parent=None, slug="geleerde-lessen", defaults={"title": _("Geleerde lessen")}
        )
        article = Article(
            title=title, kind=Article.Kind.LESSONS_LEARNED, section=section, summary=summary, body=body,
            status=Article.Status.DRAFT,
        )
        store_article(article, by=by, message=_("Aangemaakt uit een casus"))
        article.tags.set(list(tags))
    return article


def restore_revision(*, article, revision, by):
    """Put the fields of an earlier `revision` back; the restore itself becomes the newest revision."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        check_restore_revision(by, article)
        for name in REVISION_FIELDS:
            if name in revision.data:
                setattr(article, name, revision.data[name])
        when = timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M")
        return store_article(article, by=by, message=_("Hersteld naar de versie van %(when)s") % {"when": when})


def resolve_import_conflict(*, conflict, take, by):
    """A curator chose between the site's version and the source's: the article gets the chosen one, and the
    next import sees this source version as done (a later change in the source is compared afresh)."""
    check_write_article(by)
    with transaction.atomic():
        conflict = ImportConflict.objects.select_for_update().get(pk=conflict.pk)
        if conflict.resolved_at is not None:
            return conflict
        article = Article.objects.select_for_update().select_related("section").get(pk=conflict.article_id)
        if take == ImportConflict.Taken.SOURCE:
            for name, value in conflict.incoming.items():
                if name == "published_at":
                    value = parse_datetime(value) if value else None
                setattr(article, name, value)
            check_edit_article(by, article)
            store_article(article, by=by, message=_("Importconflict opgelost: de versie uit de bron"))
            article.tags.set(conflict.incoming_tags)
            article.import_hash = content_fingerprint(article)
        article.source_hash = conflict.source_hash
        Article.objects.filter(pk=article.pk).update(source_hash=article.source_hash, import_hash=article.import_hash)
        conflict.resolved_at, conflict.resolved_by, conflict.taken = timezone.now(), by, take
        conflict.save(update_fields=["resolved_at", "resolved_by", "taken"])
    return conflict
