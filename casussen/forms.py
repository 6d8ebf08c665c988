
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags

from ospo_nl.core.edit_conflicts import VersionField, version_of
from ospo_nl.core.markdown_editor import MarkdownTextarea, markdown_help
from ospo_nl.core.tagging import clean_tag_string

from .models import Casus, organisations

MAX_BODY = 20_000
MAX_TEXT = 10_000
MAX_COMMENT = 3_000
MARKDOWN_HELP = markdown_help()


class TitleForm(forms.Form):
    """Step one of asking: the title, so similar casussen can be shown before the rest is written."""

    titel = forms.CharField(
        label=_("Titel van je casus"), max_length=200,
        help_text=_("Vat je vraag samen in één zin, bijvoorbeeld: Welke licentie kiezen we voor onze app?"),
        # static/js/suggest.js shows matching casussen and articles while typing (progressive enhancement).
        widget=forms.TextInput(attrs={"data-suggest-url": reverse_lazy("search_suggestions"),
                                      "data-suggest-heading": _("Lijkt dit op jouw vraag?")}),
    )


class CasusForm(forms.ModelForm):
    # The revision the author started from: a save from an older one is an edit conflict (ospo_nl.core.edit_conflicts).
    version = VersionField()
    tag_string = forms.CharField(
        label=_("Tags"), required=False, max_length=500,
        help_text=_("Onderwerpen, gescheiden door komma's, bijvoorbeeld: licenties, eupl. "
                    "Experts met deze expertise krijgen een melding."),
    )

    class Meta:
        model = Casus
        fields = ["title", "body", "tried", "desired_outcome", "organisation", "hide_organisation", "phase",
                  "visibility", "language"]
        labels = {"body": _("Context en vraag")}
        help_texts = {
            "title": _("Vat je vraag samen in één zin."),
            "body": markdown_help(_("Beschrijf de situatie en stel je vraag. Markdown: **vet**, *cursief*, "
                                    "[link](https://...).")),
            "tried": _("Wat heb je al gedaan of uitgezocht? Zo hoeven experts dat niet opnieuw te vragen."),
            "desired_outcome": _("Wanneer is je vraag beantwoord? Bijvoorbeeld: een besluit over de licentie."),
            "visibility": _("Openbaar: iedereen kan meelezen. Alleen leden of alleen experts: "
                            "de casus is niet zichtbaar voor bezoekers."),
        }
        widgets = {"title": forms.TextInput(attrs={"class": "utrecht-textbox"}), "body": MarkdownTextarea(),
                   "tried": MarkdownTextarea({"rows": 4}), "desired_outcome": MarkdownTextarea({"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations().published()
        self.fields["organisation"].empty_label = _("(geen of staat er niet bij)")
        self.fields["language"].required = False  # left out: Dutch (clean_language)
        self.fields["body"].validators.append(MaxLengthValidator(MAX_BODY))
        for name in ("tried", "desired_outcome"):
            self.fields[name].validators.append(MaxLengthValidator(MAX_TEXT))
        if self.instance.pk and not self.is_bound:
            self.initial["tag_string"] = edit_string_for_tags(self.instance.tags.all())
            self.initial["version"] = version_of(self.instance)

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Geef je casus een titel."))
        return title

    def clean_tag_string(self):
        return clean_tag_string(self.cleaned_data.get("tag_string"))

    def clean_language(self):
        return self.cleaned_data.get("language") or Casus._meta.get_field("language").default


class AnswerForm(forms.Form):
    body = forms.CharField(label=_("Je antwoord"), widget=MarkdownTextarea({"rows": 8}), max_length=MAX_BODY,
                           help_text=MARKDOWN_HELP)
    version = VersionField()  # on the edit form: the revision the author started from

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "antwoord_%s")  # unique ids next to the comment forms on the same page
        super().__init__(*args, **kwargs)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Reactie"), widget=MarkdownTextarea({"rows": 3}), max_length=MAX_COMMENT,
                           help_text=MARKDOWN_HELP)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reactie_%s")
        super().__init__(*args, **kwargs)


class ResolveForm(forms.Form):
    lessons_learned = forms.CharField(
        label=_("Geleerde lessen"), widget=MarkdownTextarea({"rows": 8}), max_length=MAX_TEXT,
        help_text=_("Wat heb je geleerd dat anderen verder helpt? Dit blijft vindbaar bij de casus."),
    )


class AssignForm(forms.Form):
    expert = forms.ModelChoiceField(
        label=_("Expert"), queryset=get_user_model().objects.filter(is_active=True, profile__is_expert=True)
        .select_related("profile").order_by("profile__display_name"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].label_from_instance = lambda user: user.profile.name


class ExpertRankingForm(forms.Form):
    tags = forms.CharField(
        label=_("Tags van de casus"), max_length=300,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: licenties, inkoop."),
    )

    def tag_list(self):
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]
