"""Pages with one form: a GET shows it empty, a submission that does not validate shows it again.

One shape for every app's form views, so a bad submission always answers 400 with the errors next to
what was typed, and a good one never reaches the template.
"""

from django.shortcuts import render


def submitted(request):
    """The submitted data, or None for a GET: an empty POST is still a (bad) submission, not an empty form."""
    return request.POST if request.method == "POST" else None


def submitted_files(request):
    return request.FILES if request.method == "POST" else None


def render_form_page(request, template, context, *, status=None):
    """Render `template` with `context` (which holds the `form`): 400 when a submitted form is invalid
    (`status` overrides: 409 for an edit conflict)."""
    form = context["form"]
    status = status or (400 if form.is_bound and form.errors else 200)
    return render(request, template, context, status=status)
