from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from ospo_nl.core.edit_conflicts import VersionField
from ospo_nl.core.markdown_editor import MarkdownTextarea, markdown_help
from ospo_nl.core.markdown_pipeline import MAX_SOURCE_LENGTH

from .models import Category

BODY_HELP = markdown_help(_("Markdown: **vet**, *cursief*, [link](https://...), lijsten, > citaat."))


def _body_field(label):
    return forms.CharField(
        label=label, max_length=MAX_SOURCE_LENGTH, help_text=BODY_HELP,
        widget=MarkdownTextarea({"rows": 10}),
        error_messages={"required": _("Schrijf eerst je bericht.")},
    )


class TopicForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, min_length=5,
        error_messages={"required": _("Geef je onderwerp een titel.")},
    )
    body = _body_field(_("Bericht"))
    tags = TagField(
        label=_("Tags"), required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: licenties, eupl"),
    )
    language = forms.ChoiceField(  # left out: unchanged on the edit form, else Dutch (clean_language)
        label=_("Taal"), choices=settings.LANGUAGES, initial="nl", required=False,
        help_text=_("De taal waarin je schrijft."),
    )
    version = VersionField()  # on the edit form: the revision the author started from

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not any(ch.isalnum() for ch in title):
            raise forms.ValidationError(_("De titel moet letters of cijfers bevatten."))
        return title

    def clean_language(self):
        return self.cleaned_data.get("language") or self.initial.get("language") or "nl"


class ReplyForm(forms.Form):
    body = _body_field(_("Je reactie"))
    version = VersionField()  # on the edit form: the revision the author started from


class MoveTopicForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Nieuwe categorie"), queryset=Category.objects.all(), empty_label=None,
        error_messages={"invalid_choice": _("Kies een bestaande categorie.")},
    )
