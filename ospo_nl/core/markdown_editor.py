"""The Markdown editor: a plain <textarea> that static/js/markdown-editor.js enhances with a toolbar, a preview
through the pipeline that saving uses (ospo_nl.views.markdown_preview) and `@[Naam]` completion.

Without JavaScript the field is the same textarea and the help text explains the syntax and mentions. Every form
field whose text is stored as `<name>_html` uses this widget (tests/core/test_markdown_editor.py checks them).
"""

import json

from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MENTION_HELP = _("Noem iemand met @[Naam], bijvoorbeeld @[Eva de Vries]: die krijgt een melding.")


def markdown_help(text=None):
    """The field's help text followed by the one sentence about mentions."""
    from django.utils.text import format_lazy

    return format_lazy("{} {}", text or _("Markdown: **vet**, *cursief*, [link](https://...), lijsten."), MENTION_HELP)


class MarkdownTextarea(forms.Textarea):
    """A textarea the editor script recognises by data-markdown; its URLs and labels travel as data attributes
    (no inline script under the CSP)."""

    def __init__(self, attrs=None):
        super().__init__({"rows": 8, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update({
            "data-markdown": "",
            "data-preview-url": reverse("markdown_preview"),
            "data-mention-url": reverse("mention_names"),
            "data-labels": json.dumps(labels()),
        })
        return context


def labels():
    return {
        "toolbar": gettext("Opmaak"), "bold": gettext("Vet"), "italic": gettext("Cursief"),
        "link": gettext("Link"), "list": gettext("Lijst"), "quote": gettext("Citaat"), "code": gettext("Code"),
        "heading": gettext("Kop"), "preview": gettext("Voorbeeld"), "edit": gettext("Bewerken"),
        "previewHeading": gettext("Voorbeeld van je tekst"), "previewFailed": gettext("Het voorbeeld lukte niet."),
        "empty": gettext("Nog niets om te tonen."), "mentions": gettext("Leden met deze naam"),
        "linkText": gettext("linktekst"),
    }
