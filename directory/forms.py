from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.markdown_editor import MarkdownTextarea
from ospo_nl.core.tagging import clean_tag_string

from .models import Initiative, Organisation, OrganisationProposal, Profile


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
        widgets = {"bio": MarkdownTextarea({"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(is_published=True)
        # What each setting does, for this member: several only mean something once a curator made them an expert.
        expert = self.instance.is_expert
        self.fields["expertise"].help_text = (
            _("Onderwerpen, gescheiden door komma's. Nieuwe casussen over deze onderwerpen worden je voorgelegd.")
            if expert else
            _("Onderwerpen, gescheiden door komma's. Ze staan op je profiel; casussen worden je pas voorgelegd "
              "als je expert bent (vraag dat aan via ‘Expert worden’).")
        )
        self.fields["is_public"].help_text = (
            _("Aan: je staat in de expertsgids, met je naam, organisatie, expertise en wat je over jezelf schrijft. "
              "Uit: alleen curatoren zien je profiel.")
            if expert else
            _("De expertsgids toont alleen experts. Zet dit aan als je, eenmaal expert, vindbaar wilt zijn; tot "
              "dan doet het nog niets.")
        )
        self.fields["is_available"].help_text = (
            _("Aan: de expertsgids vermeldt dat je open staat voor een sparringgesprek. Staat standaard uit.")
            if expert else
            _("Alleen voor experts: de expertsgids vermeldt dan dat je open staat voor een sparringgesprek.")
        )
        self.fields["show_email"].help_text = _(
            "Aan: je e-mailadres staat op je openbare expertprofiel, zodat anderen je direct kunnen mailen."
        )


class DirectoryFilterForm(forms.Form):
    """The GET parameters of a directory list. Invalid values are reported and ignored (status 400)."""

    q = forms.CharField(label=_("Zoek op naam of beschrijving"), max_length=200, required=False)
    tag = forms.SlugField(label=_("Tag"), max_length=100, required=False)
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"), required=False,
        choices=[("naam", _("naam")), ("nieuw", _("nieuwste eerst")), ("bijgewerkt", _("laatst bijgewerkt"))],
    )

    # sort key -> order_by arguments
    ORDERINGS = {"naam": ["name"], "nieuw": ["-created_at", "name"], "bijgewerkt": ["-updated_at", "name"]}

    def values(self):
        """The valid filter values; an invalid field counts as not given."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) or "" for name in self.fields if name not in ("q", "sorteer")}

    def ordering(self):
        self.is_valid()
        return self.ORDERINGS[getattr(self, "cleaned_data", {}).get("sorteer") or "naam"]

    def query(self):
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("q") or ""


class OrganisationFilterForm(DirectoryFilterForm):
    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", ""), *Organisation.KIND_SLUGS.choices()])
    ospo = forms.ChoiceField(label=_("Heeft een OSPO"), required=False, choices=[("", ""), ("ja", _("ja")),
                                                                                    ("nee", _("nee"))])


class InitiativeFilterForm(DirectoryFilterForm):
    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", ""), *Initiative.KIND_SLUGS.choices()])
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", ""), *Initiative.STATUS_SLUGS.choices()])
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"), required=False,
        choices=[*DirectoryFilterForm.base_fields["sorteer"].choices, ("startjaar", _("startjaar, nieuwste eerst"))],
    )
    ORDERINGS = {**DirectoryFilterForm.ORDERINGS, "startjaar": [F("start_year").desc(nulls_last=True), "name"]}


class ExpertFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), max_length=200, required=False)
    expertise = forms.SlugField(label=_("Expertise"), max_length=100, required=False)
    organisatie = forms.SlugField(label=_("Organisatie"), max_length=200, required=False)

    def values(self):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"expertise": data.get("expertise") or "", "organisatie": data.get("organisatie") or ""}

    def query(self):
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("q") or ""


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "slug", "kind", "is_published", "description", "tags", "has_ospo", "policy_url", "git_url",
                  "website", "contact", "tooi"]

    def clean_tooi(self):
        # TOOI codes are lower case (gm0363); normalise so "GM0363" is caught as a duplicate too.
        tooi = (self.cleaned_data.get("tooi") or "").strip().lower()
        return tooi or None


class ExpertApplicationForm(forms.Form):
    expertise = forms.CharField(
        label=_("Je expertise"), max_length=500,
        help_text=_("Onderwerpen, gescheiden door komma's, bijvoorbeeld: licenties, inkoop. Als expert krijg je "
                    "nieuwe casussen over deze onderwerpen voorgelegd."),
    )
    motivation = forms.CharField(
        label=_("Motivatie"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Waar heb je ervaring mee opgedaan, en waarmee wil je anderen helpen?"),
    )

    def clean_expertise(self):
        tags = clean_tag_string(self.cleaned_data.get("expertise"))
        if not tags:
            raise forms.ValidationError(_("Noem minstens één onderwerp."))
        return tags


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Besluit"), choices=[("approve", _("goedkeuren")), ("decline", _("afwijzen"))],
                                 widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Toelichting voor het lid"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij afwijzen: het lid leest waarom."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("note") or "").strip():
            self.add_error("note", _("Leg uit waarom je de aanvraag afwijst."))
        return data


class OrganisationProposalForm(forms.ModelForm):
    class Meta:
        model = OrganisationProposal
        fields = ["name", "kind", "website"]
        help_texts = {"name": _("De volledige naam, bijvoorbeeld ‘Gemeente Zeist’."),
                      "website": _("De eigen website van de organisatie.")}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Organisation.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("“%(name)s” staat al in de gids."), params={"name": name})
        if OrganisationProposal.objects.pending().filter(name__iexact=name).exists():
            raise forms.ValidationError(_("“%(name)s” is al voorgesteld en wacht op een curator."),
                                        params={"name": name})
        return name


class ProposalDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Besluit"), choices=[("accept", _("opnemen in de gids")),
                                                                ("decline", _("afwijzen"))])
    note = forms.CharField(label=_("Toelichting voor het lid"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("note") or "").strip():
            self.add_error("note", _("Leg uit waarom je het voorstel afwijst."))
        return data
