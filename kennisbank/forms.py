from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Article


class ArticleForm(forms.ModelForm):
    """What a curator edits on the site; status changes go through the same form (curators only)."""

    message = forms.CharField(
        label=_("Toelichting bij deze wijziging"), max_length=300, required=False,
    )

    class Meta:
        model = Article
        fields = ["title", "kind", "section", "order", "summary", "body", "tags", "status", "last_reviewed_at",
                  "image", "image_caption", "licence"]
        widgets = {"last_reviewed_at": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
