from django import forms
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.roles import is_expert
from ospo_nl.notifications.models import NotificationSettings

EXPERT_FIELDS = ("urgent_immediately", "is_away", "max_open_claims")


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ("email_mode", "language", *EXPERT_FIELDS)
        widgets = {"email_mode": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_expert(user):
            # Routing settings mean nothing to members; they are not offered (and not taken from POST).
            for name in EXPERT_FIELDS:
                del self.fields[name]
        else:
            self.fields["max_open_claims"].min_value = 1
            self.fields["max_open_claims"].max_value = 50
            self.fields["max_open_claims"].widget.attrs.update(min=1, max=50)

    def clean_max_open_claims(self):
        value = self.cleaned_data["max_open_claims"]
        if not 1 <= value <= 50:
            raise forms.ValidationError(_("Kies een aantal van 1 tot en met 50."))
        return value
