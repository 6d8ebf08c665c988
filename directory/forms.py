from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Profile


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form; allauth calls signup() once the user exists."""

    display_name = forms.CharField(
        label=_("Naam"), max_length=100, required=False,
        help_text=_("Zoals anderen je zien. Je kunt dit later wijzigen."),
    )
    # Honeypot: hidden from people by CSS and aria-hidden; bots fill it in.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Dit veld moet leeg blijven."))
        return ""

    def signup(self, request, user):
        Profile.objects.update_or_create(user=user, defaults={"display_name": self.cleaned_data["display_name"]})


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name", "organisation", "bio", "expertise", "is_available", "is_public", "show_email"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(is_published=True)
