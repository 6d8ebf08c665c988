from django import forms
from django.utils.translation import gettext_lazy as _

from ospo_nl.moderation.models import ModerationAction, Report

Action = ModerationAction.Action
# Actions that need a reason the member (or the log) can be told.
REASON_REQUIRED = {Action.HIDE, Action.DELETE, Action.WARN, Action.SUSPEND}


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Waarom meld je dit?"), choices=Report.Reason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen de curatoren lezen dit."),
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(label=_("Actie"), choices=Action.choices)
    reason = forms.CharField(
        label=_("Reden"), required=False, max_length=500, help_text=_("Komt in het logboek (en bij een waarschuwing "
                                                                     "of schorsing in de e-mail aan het lid).")
    )

    def clean(self):
        data = super().clean()
        if data.get("action") in REASON_REQUIRED and not data.get("reason", "").strip():
            self.add_error("reason", _("Geef een reden op."))
        return data
