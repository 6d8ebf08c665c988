"""Flows that join two feature apps: a forum topic becomes a casus; a resolved casus becomes an article.

Feature apps never import each other (docs/architecture.md). The project package is the one layer that
knows them all, so it composes such a flow from each app's own verbs; every verb checks its own permission.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from casussen import permissions as casus_permissions
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
    # The first gate, before a casus is written for the topic's author: the forum verbs below (unlock,
    # reply, lock) each check `by` again on the locked topic row, and post_casus checks the author.
    forum_permissions.check_moderate_topic(by, topic)
    if topic.author is None or not topic.author.is_active:
        raise PermissionDenied(_("Dit onderwerp heeft geen actieve auteur meer; stel de casus zelf opnieuw."))
    with transaction.atomic():
        casus = casus_verbs.post_casus(by=topic.author, title=topic.title, body=topic.body,
                                       language=topic.language, tags=list(topic.tags.names()))
        if topic.is_locked:
            forum_verbs.set_locked(topic=topic, by=by, locked=False)
        forum_verbs.post_reply(
            topic=topic, by=by,
            body=_("Dit onderwerp is omgezet in een casus, zodat experts kunnen adviseren: [%(title)s](%(url)s).")
            % {"title": casus.title, "url": casus.get_absolute_url()},
        )
        forum_verbs.set_locked(topic=topic, by=by, locked=True)
    return casus


def anonymise_lessons(*, casus, by, title):
    """A curator, with the author's consent, turns a confidential casus's lessons into an anonymised draft."""
    return casus_verbs.anonymise_lessons(casus=casus, by=by, title=title,
                                         write_article=kennisbank_verbs.draft_lessons_learned)


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


class AnonymousTitleForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Titel van het artikel"), max_length=200,
        help_text=gettext_lazy(
            "Een titel van het artikel zelf: niet die van de casus, en zonder organisatie of namen."),
    )

    def __init__(self, *args, casus, **kwargs):
        super().__init__(*args, **kwargs)
        self.casus = casus

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if title.lower() == self.casus.title.strip().lower():
            raise forms.ValidationError(
                gettext_lazy("Kies een andere titel dan die van de casus: die kan herkenbaar zijn."))
        return title


@login_required
@require_http_methods(["GET", "POST"])
def casus_lessons_to_article(request, slug):
    """GET: the title form; POST: the anonymised draft, then its editor (the curator reviews it before publishing)."""
    casus = get_object_or_404(Casus.objects.visible_to(request.user), slug=slug)
    casus_permissions.check_anonymise_lessons(request.user, casus)
    form = AnonymousTitleForm(request.POST or None, casus=casus)
    if request.method == "POST":
        if form.is_valid():
            article = anonymise_lessons(casus=casus, by=request.user, title=form.cleaned_data["title"])
            messages.success(request, _("Er is een geanonimiseerd concept gemaakt. Lees het na en publiceer het."))
            return redirect("kennisbank:article_edit", slug=article.slug)
        status = 400
    else:
        status = 200
    return render(request, "casussen/form_page.html", {
        "form": form, "heading": _("Geleerde lessen geanonimiseerd naar de kennisbank"), "casus": casus,
        "submit": _("Maak concept"),
        "help_text": _("Alleen de geleerde lessen gaan mee, met namen en de organisatie vervangen; niet de titel, "
                       "de tekst of de tags van de casus, en het artikel verwijst niet terug."),
    }, status=status)
