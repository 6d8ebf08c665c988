"""Side-by-side, word-level comparison of two revision snapshots, for curators (templates/includes/comparison.html).

`compare(old, new, fields=…, model=…)` gives one entry per field that changed, labelled with the model field's
verbose name (a choice shows its label, not its stored value), each a list of rows (old line, new line) in which
changed words are wrapped in <del> and <ins>. Every piece of text is escaped here; only our own tags are markup.
Long unchanged stretches fold into one "n ongewijzigde regels" row.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONTEXT = 2  # unchanged lines kept around a change
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class Row:
    kind: str  # "same", "change", "delete", "insert" or "fold"
    old: str = ""  # escaped HTML
    new: str = ""
    old_number: int | None = None
    new_number: int | None = None
    folded: int = 0  # with kind "fold": how many unchanged lines


@dataclass
class FieldComparison:
    name: str
    label: str
    rows: list = field(default_factory=list)


def compare(old, new, *, fields, model=None):
    """The fields of `fields` whose value differs between the snapshots `old` and `new` (dicts)."""
    out = []
    for name in fields:
        before, after = display_value(model, name, old.get(name)), display_value(model, name, new.get(name))
        if before != after:
            out.append(FieldComparison(name=name, label=field_label(model, name), rows=compare_text(before, after)))
    return out


def field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name) if model else name
    except FieldDoesNotExist:
        return name


def display_value(model, name, value):
    if value is None:
        return ""
    if model is not None:
        try:
            choices = dict(model._meta.get_field(name).flatchoices)
        except FieldDoesNotExist:
            choices = {}
        if value in choices:
            return str(choices[value])
    return str(value)


def compare_text(before, after):
    old_lines, new_lines = before.splitlines(), after.splitlines()
    rows = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            last = i2 == len(old_lines) and j2 == len(new_lines)
            rows += _unchanged(old_lines, i1, i2, j1, first=not rows, last=last)
            continue
        pairs = max(i2 - i1, j2 - j1)
        for k in range(pairs):
            i, j = i1 + k, j1 + k
            has_old, has_new = i < i2, j < j2
            if has_old and has_new:
                old_html, new_html = compare_words(old_lines[i], new_lines[j])
                rows.append(Row("change", old_html, new_html, i + 1, j + 1))
            elif has_old:
                rows.append(Row("delete", _wrap("del", old_lines[i]), "", i + 1, None))
            else:
                rows.append(Row("insert", "", _wrap("ins", new_lines[j]), None, j + 1))
    return rows


def _unchanged(lines, i1, i2, j1, *, first, last):
    """Unchanged lines: CONTEXT of them next to a change, the rest folded."""
    keep_head = 0 if first else CONTEXT
    keep_tail = 0 if last else CONTEXT
    count = i2 - i1
    if count <= keep_head + keep_tail + 1:
        shown = range(count)
        return [Row("same", escape(lines[i1 + k]), escape(lines[i1 + k]), i1 + k + 1, j1 + k + 1) for k in shown]
    rows = [Row("same", escape(lines[i1 + k]), escape(lines[i1 + k]), i1 + k + 1, j1 + k + 1)
            for k in range(keep_head)]
    rows.append(Row("fold", folded=count - keep_head - keep_tail))
    rows += [Row("same", escape(lines[i1 + k]), escape(lines[i1 + k]), i1 + k + 1, j1 + k + 1)
             for k in range(count - keep_tail, count)]
    return rows


def compare_words(old_line, new_line):
    """(old, new) as escaped HTML with the words that differ in <del> / <ins>."""
    old_tokens, new_tokens = TOKENS.findall(old_line), TOKENS.findall(new_line)
    old_out, new_out = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes():
        old_part, new_part = "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])
        if tag == "equal":
            old_out.append(escape(old_part))
            new_out.append(escape(new_part))
            continue
        if old_part:
            old_out.append(_wrap("del", old_part))
        if new_part:
            new_out.append(_wrap("ins", new_part))
    return mark_safe("".join(old_out)), mark_safe("".join(new_out))


def _wrap(tag, text):
    return mark_safe(f"<{tag}>{escape(text)}</{tag}>") if text else ""
