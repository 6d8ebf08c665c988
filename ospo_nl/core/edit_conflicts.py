"""Edit conflicts: two people editing one text at once never lose a change silently.

Every edit form (articles, casussen, answers, forum topics and replies, and their admin change forms) carries
the revision it started from in a hidden `version` field: the id of the object's newest revision, which every
save of the text records (`ospo_nl.core.posts.edit_post`, `kennisbank.verbs.save_article`). A save whose version
is no longer the newest is refused with `EditConflict`; the form page then shows the saved version, the user's
version and their difference, keeps the user's text in the form and moves the form's version on, so saving
again takes the user's text knowingly.

The version counts revisions, not `updated_at`: claiming a casus or a new reply to a topic touches the row but
not the text, and is no conflict. A submission without the field (a hand-written request) is not checked.
"""


from django import forms
from django.utils.translation import gettext_lazy as _

from ospo_nl.core.comparison import compare
from ospo_nl.core.revisions import record_revision, revisions_of


class EditConflict(Exception):
    """Someone else saved `current` after the editor's form was opened."""

    def __init__(self, current):
        super().__init__(f"edit conflict on {current!r}")
        self.current = current


def version_of(obj):
    """The id of `obj`'s newest revision, as the form carries it ("" for an object without revisions)."""
    newest = revisions_of(obj).order_by("-pk").values_list("pk", flat=True).first()
    return str(newest) if newest else ""


def submitted_version(request):
    """The version an edit form was opened on, or None when the submission does not say."""
    return request.POST.get("version") if request.method == "POST" else None


def check_version(obj, version):
    """Raise EditConflict when `version` (None: unchecked) is not `obj`'s newest; call with `obj`'s row locked."""
    if version is not None and version != version_of(obj):
        raise EditConflict(obj)


class VersionField(forms.CharField):
    """The hidden field an edit form carries its version in."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, required=False, **kwargs)


def conflict_context(obj, *, mine, fields):
    """What a conflict page shows: the saved revision, both versions of `fields`, their word-level comparison
    (ospo_nl.core.comparison), the new version."""
    theirs = revisions_of(obj).select_related("author__profile").order_by("-pk").first()
    theirs_data = {name: (theirs.data if theirs and name in theirs.data else {}).get(name, getattr(obj, name, ""))
                   for name in fields}
    mine = {name: mine.get(name, theirs_data[name]) for name in fields}
    return {"theirs": theirs, "theirs_data": theirs_data, "mine": mine,
            "comparison": compare(theirs_data, mine, fields=fields, model=type(obj)),
            "version": str(theirs.pk) if theirs else ""}


def rebased_data(data, version):
    """A copy of submitted form `data` (the user's text) whose version is now `version`."""
    data = data.copy()
    data["version"] = version
    return data


class VersionedModelForm(forms.ModelForm):
    """An admin change form that carries its version; a stale one is invalid and remembers the current row."""

    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stale = None
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = version_of(self.instance)

    def clean(self):
        data = super().clean()
        if self.instance.pk and "version" in self.data:
            # The admin's change view is one transaction: the lock holds until this form's save commits.
            current = type(self.instance)._base_manager.select_for_update().get(pk=self.instance.pk)
            try:
                check_version(current, self.data["version"])
            except EditConflict:
                self.stale = current
                self.data = rebased_data(self.data, version_of(current))
                raise forms.ValidationError(_("Iemand anders heeft dit intussen opgeslagen. Hierboven staan beide "
                                              "versies; opslaan vervangt de andere versie door de uwe."),
                                            code="edit_conflict") from None
        return data


class EditConflictAdmin:
    """ModelAdmin mixin: the change form carries its version, a stale save answers 409 with both versions.

    `conflict_fields` are the text fields compared and, for models whose admin save does not record a revision
    itself, kept as a revision of every change (so the site's edit forms see an admin's edit as a new version).
    """

    form = VersionedModelForm
    change_form_template = "admin/edit_conflict_change_form.html"
    conflict_fields = ("body",)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not any("version" in opts.get("fields", ()) for _name, opts in fieldsets):
            (name, opts), *rest = fieldsets
            fieldsets = [(name, {**opts, "fields": [*opts["fields"], "version"]}), *rest]
        return fieldsets

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            record_revision(obj, by=request.user, fields=self.conflict_fields, message=str(_("Bewerkt in beheer")))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        stale = getattr(context["adminform"].form, "stale", None)
        if stale is not None:
            context["conflict"] = conflict_context(stale, mine=context["adminform"].form.cleaned_data,
                                                   fields=self.conflict_fields)
        response = super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)
        if stale is not None:
            response.status_code = 409
        return response
