"""Small assertion helpers shared by the tests (the data factories are in tests/factories.py)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404


def allowed(check, *args):
    """What a permission check says: True when it lets the call through, else 403 or 404 (what it raised).

    Checks return nothing and raise to refuse, so a test writes `assert allowed(check, user, obj) is True`.
    """
    try:
        check(*args)
    except PermissionDenied:
        return 403
    except Http404:
        return 404
    return True


def admin_form_data(response, **changes):
    """What the admin change form in `response` would submit unchanged, with `changes` applied."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value, widget = form[name].value(), form.fields[name].widget
        widget = getattr(widget, "widget", widget)  # the admin wraps relation widgets
        if isinstance(widget, forms.MultiWidget):
            for i, part in enumerate(widget.decompress(value)):
                data[f"{name}_{i}"] = "" if part is None else widget.widgets[i].format_value(part) or ""
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif value is None:
            data[name] = ""
        elif isinstance(value, list | tuple) and not hasattr(widget, "tag_string"):
            data[name] = [str(v) for v in value]
        else:
            data[name] = widget.format_value(value) or ""
    return {**data, **changes}
