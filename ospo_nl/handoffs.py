"""Flows that join two feature apps: a forum topic becomes a casus; a resolved casus becomes an article.

Feature apps never import each other (docs/architecture.md). The project package is the one layer that
knows them all, so it composes such a flow from each app's own verbs; every verb checks its own permission.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casussen import verbs as casus_verbs
from casussen.models import Casus
from forum import permissions as forum_permissions
from forum import verbs as forum_verbs
from forum.models import Topic
from kennisbank import verbs as kennisbank_verbs


def convert_topic(*, topic, by):
    """A curator turns a forum topic that really is a concrete question into a casus.

    The casus keeps the topic's author, text and tags; the topic gets a reply pointing to the
    casus and is locked, so the discussion continues in one place.
    """
    forum_permissions.check_moderate_topic(by, topic)
    if topic.author is None or not topic.author.is_active:
        raise PermissionDenied(_("Dit onderwerp heeft geen actieve auteur meer; stel de casus zelf opnieuw."))
    with transaction.atomic():
        casus = casus_verbs.post_casus(by=topic.author, title=topic.title, body=topic.body,
                                       tags=list(topic.tags.names()))
        if topic.is_locked:
            forum_verbs.set_locked(topic=topic, by=by, locked=False)
        forum_verbs.post_reply(
            topic=topic, by=by,
            body=_("Dit onderwerp is omgezet in een casus, zodat experts kunnen adviseren: [%(title)s](%(url)s).")
            % {"title": casus.title, "url": casus.get_absolute_url()},
        )
        forum_verbs.set_locked(topic=topic, by=by, locked=True)
    return casus


def promote_casus(*, casus, by):
    """A curator turns a resolved casus into a kennisbank article draft (casussen write, kennisbank keeps)."""
    return casus_verbs.promote_casus(casus=casus, by=by, write_article=kennisbank_verbs.draft_lessons_learned)


@require_POST
@login_required
def topic_to_casus(request, topic_id):
    topic = get_object_or_404(Topic.objects.alive(), pk=topic_id)
    casus = convert_topic(topic=topic, by=request.user)
    messages.success(request, _("Het onderwerp is omgezet in een casus en gesloten."))
    return redirect(casus)


@require_POST
@login_required
def casus_to_article(request, slug):
    casus = get_object_or_404(Casus.objects.visible_to(request.user), slug=slug)
    article = promote_casus(casus=casus, by=request.user)
    messages.success(request, _("Er is een concept-artikel gemaakt. Werk het bij en publiceer het."))
    return redirect("kennisbank:article_edit", slug=article.slug)
