"""The member's AVG rights: /account/gegevens/ (download as JSON) and /account/verwijderen/."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from ospo_nl.core.account_data import delete_account, export_data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Je wachtwoord"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy("Ter bevestiging: daarna is je account echt weg."),
    )

    confirm = forms.BooleanField(
        label=gettext_lazy("Ja, verwijder mijn account definitief"),
        help_text=gettext_lazy("Je logt in met je organisatie en hebt hier geen wachtwoord: vink dit aan ter "
                               "bevestiging."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Signed up with an organisation's account (OIDC_PROVIDERS): there is no password to ask for.
        del self.fields["confirm" if user.has_usable_password() else "password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


@login_required
@require_safe
def account_export(request):
    response = JsonResponse(export_data(request.user), encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="ospo-nl-mijn-gegevens.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_valid():
        user = request.user
        logout(request)
        delete_account(user=user)
        messages.success(request, _("Je account en je persoonsgegevens zijn verwijderd. Je bijdragen blijven staan "
                                    "als 'voormalig lid'."))
        return redirect("home")
    return render(request, "directory/account_delete.html", {"form": form}, status=400 if form.is_bound else 200)
