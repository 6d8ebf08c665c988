from django import forms
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.edit_conflicts import VersionField, version_of
from ospo_nl.core.markdown_editor import MarkdownTextarea

from .models import Article


class ArticleForm(forms.ModelForm):
    """What a curator edits on the site; status changes go through the same form (curators only)."""

    message = forms.CharField(
        label=_("Toelichting bij deze wijziging"), max_length=300, required=False,
    )
    # The revision the curator started from; a save from an older one is a conflict with someone else's edit,
    # shown side by side instead of overwriting it (ospo_nl.core.edit_conflicts).
    version = VersionField()

    class Meta:
        model = Article
        fields = ["title", "kind", "section", "order", "summary", "body", "tags", "status", "last_reviewed_at",
                  "image", "image_caption", "licence", "language"]
        widgets = {"last_reviewed_at": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "body": MarkdownTextarea({"rows": 16})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False  # left out: unchanged, or Dutch for a new article (clean_language)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = version_of(self.instance)

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or "nl"
