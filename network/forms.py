from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags

from ospo_nl.core.markdown_editor import MarkdownTextarea
from ospo_nl.core.tagging import clean_tag_string
from ospo_nl.search.models import SearchEntry

from .models import Event, Signal, web_url

MAX_REPORT_LINKS = 20
# What a report may link to: the parts whose lessons a meeting discusses.
LINKABLE_KINDS = (SearchEntry.Kind.CASUS, SearchEntry.Kind.ARTICLE)


def web_links_only(form, *names):
    """Say "begins with http:// or https://" for a bad link, not the generic "enter a valid URL"."""
    for name in names:
        field = form.fields[name]
        field.validators = [v for v in field.validators if not isinstance(v, URLValidator)] + [web_url]


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker; the value is read in Europe/Amsterdam (settings.TIME_ZONE)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "kind", "subject", "starts_at", "ends_at", "location", "online_url", "agenda", "organiser",
                  "capacity", "registration_open", "registration_url", "is_published"]
        help_texts = {
            "starts_at": _("Datum en tijd in Nederlandse tijd."),
            "ends_at": _("Datum en tijd in Nederlandse tijd."),
            "is_published": _("Pas na publiceren zien leden en bezoekers de bijeenkomst, en kan men zich aanmelden."),
        }
        widgets = {"starts_at": LocalDateTimeInput(), "ends_at": LocalDateTimeInput(),
                   "agenda": MarkdownTextarea({"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        web_links_only(self, "online_url", "registration_url")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Het einde moet na het begin liggen."))
        if not data.get("location") and not data.get("online_url") and "location" not in self.errors:
            self.add_error("location", _("Geef een plaats of een online link (of allebei)."))
        return data


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Verslag"), widget=MarkdownTextarea({"rows": 12}), max_length=50_000,
        help_text=_("Markdown. Wat is er besproken, wat is afgesproken, wie pakt wat op?"),
    )
    links = forms.CharField(
        label=_("Besproken casussen en kennisbankartikelen"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén link per regel, bijvoorbeeld /casussen/welke-licentie/. Alleen wie een casus mag zien, "
                    "ziet hem in het verslag."),
    )

    def clean_links(self):
        """Each line must be a casus or kennisbank article on this site (found through the one search index)."""
        paths = []
        for line in (self.cleaned_data.get("links") or "").splitlines():
            if not line.strip():
                continue
            parts = urlsplit(line.strip())
            if parts.netloc and parts.netloc != urlsplit(settings.SITE_URL).netloc:
                raise forms.ValidationError(_("“%(link)s” is geen pagina van OSPO-NL."), params={"link": line[:100]})
            paths.append(parts.path)
        if len(paths) > MAX_REPORT_LINKS:
            raise forms.ValidationError(_("Hoogstens %(max)s links."), params={"max": MAX_REPORT_LINKS})
        entries = {e.url: e for e in SearchEntry.objects.filter(url__in=paths, kind__in=LINKABLE_KINDS)
                   .select_related("content_type")}
        unknown = [path for path in paths if path not in entries]
        if unknown:
            raise forms.ValidationError(
                _("Geen casus of kennisbankartikel gevonden op: %(links)s"), params={"links": ", ".join(unknown)[:300]}
            )
        return [entries[path].content_type.get_object_for_this_type(pk=entries[path].object_id) for path in paths]


class SignalForm(forms.ModelForm):
    tag_string = forms.CharField(
        label=_("Tags"), required=False, max_length=500,
        help_text=_("Onderwerpen, gescheiden door komma's, bijvoorbeeld: inkoop, europa."),
    )

    class Meta:
        model = Signal
        fields = ["kind", "title", "url", "source", "commentary"]
        widgets = {"commentary": MarkdownTextarea({"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        web_links_only(self, "url")
        if self.instance.pk and not self.is_bound:
            self.initial["tag_string"] = edit_string_for_tags(self.instance.tags.all())

    def clean_url(self):
        """A signal points outside: a link to one of our own pages could name a casus (its slug is its title)
        that not everyone may see, on a page everyone sees."""
        url = self.cleaned_data["url"]
        if urlsplit(url).netloc.lower() == urlsplit(settings.SITE_URL).netloc.lower():
            raise forms.ValidationError(_("Een signaal wijst naar een bron buiten OSPO-NL. Noem een casus of artikel "
                                          "liever in een forumonderwerp."))
        return url

    def clean_tag_string(self):
        return clean_tag_string(self.cleaned_data.get("tag_string"))
