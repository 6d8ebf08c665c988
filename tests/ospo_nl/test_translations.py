"""The English catalogue is complete, and English pages show English headings.

The catalogue check reads locale/en/LC_MESSAGES/django.po with a tiny parser (no extra dependency):
every entry needs a non-empty translation (each plural form too), none may be fuzzy, and every
%(name)s placeholder must survive translation. After adding Dutch strings run `make messages`
(or makemessages -l en) and translate the new entries.

The page tests need the compiled catalogue (locale/en/LC_MESSAGES/django.mo); `make install` compiles it.
"""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

PO_FILE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def read_po(path):
    """Yield one dict per live entry: {"fuzzy": bool, "msgid": str, "msgid_plural": str, "msgstr": [str, ...]}."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        entry = {"fuzzy": False, "msgid": "", "msgid_plural": "", "msgstr": []}
        field = None
        for line in lines:
            if line.startswith("#,"):
                entry["fuzzy"] = entry["fuzzy"] or "fuzzy" in line
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                if field == "msgstr":
                    entry["msgstr"][-1] += ast.literal_eval(line)
                else:
                    entry[field] += ast.literal_eval(line)
            else:
                keyword, _, value = line.partition(" ")
                if keyword.startswith("msgstr"):
                    field = "msgstr"
                    entry["msgstr"].append(ast.literal_eval(value))
                else:
                    field = keyword
                    entry[field] = ast.literal_eval(value)
        if entry["msgid"]:  # the header has an empty msgid
            yield entry


def catalogue():
    return list(read_po(PO_FILE))


def test_the_tiny_po_reader_sees_plurals_continuations_and_fuzzy_flags(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: a.py:1\n#, fuzzy, python-format\nmsgid "Hallo %(name)s"\nmsgstr "Hello %(name)s"\n\n'
        'msgid ""\n"lange "\n"zin"\nmsgstr ""\n\n'
        'msgid "%(counter)s casus"\nmsgid_plural "%(counter)s casussen"\nmsgstr[0] "%(counter)s casus"\n'
        'msgstr[1] ""\n"%(counter)s casussen"\n\n'
        '#~ msgid "oud"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = list(read_po(po))
    assert [e["msgid"] for e in entries] == ["Hallo %(name)s", "lange zin", "%(counter)s casus"]
    assert entries[0]["fuzzy"] and entries[0]["msgstr"] == ["Hello %(name)s"]
    assert entries[1]["msgstr"] == [""]
    assert entries[2]["msgid_plural"] == "%(counter)s casussen"
    assert entries[2]["msgstr"] == ["%(counter)s casus", "%(counter)s casussen"]


def test_the_english_catalogue_has_no_untranslated_entries():
    untranslated = [e["msgid"] for e in catalogue() if not e["msgstr"] or not all(e["msgstr"])]
    assert untranslated == [], "translate these in locale/en/LC_MESSAGES/django.po"


def test_the_english_catalogue_has_no_fuzzy_entries():
    fuzzy = [e["msgid"] for e in catalogue() if e["fuzzy"]]
    assert fuzzy == [], "check these translations and remove the fuzzy flag"


def test_every_plural_entry_has_both_english_forms():
    short = [e["msgid"] for e in catalogue() if e["msgid_plural"] and len(e["msgstr"]) != 2]
    assert short == []


def test_translations_keep_every_placeholder_of_the_dutch_source():
    broken = []
    for e in catalogue():
        sources = [e["msgid"], e["msgid_plural"] or e["msgid"]]
        for index, text in enumerate(e["msgstr"]):
            expected = sorted(PLACEHOLDER.findall(sources[min(index, 1)]))
            if sorted(PLACEHOLDER.findall(text)) != expected:
                broken.append(e["msgid"])
    assert broken == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext (msgfmt)")
def test_msgfmt_accepts_the_catalogue_with_format_checks():
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(PO_FILE)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.fixture
def english(client):
    return client  # English is at /en/… (docs/i18n.md): the tests ask for those URLs


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "heading", "dutch"),
    [
        ("casussen:list", ">Casussen</h1>", "Stel een concrete vraag"),
        ("casussen:unanswered", ">Unanswered casussen</h1>", "Onbeantwoorde casussen"),
        ("forum:home", ">Forum</h1>", "Deel ervaring en discussieer mee"),
        ("kennisbank:home", ">Knowledge base</h1>", "De kennisbank is nog leeg"),
        ("directory:organisation_list", ">Organisations</h1>", "Geen organisaties gevonden"),
        ("directory:initiative_list", ">Initiatives</h1>", "Geen initiatieven gevonden"),
        ("directory:expert_list", ">Experts</h1>", "Geen experts gevonden"),
    ],
)
def test_list_pages_show_english_headings_under_en(english, url_name, heading, dutch):
    response = english.get("/en" + reverse(url_name))
    assert response.status_code == 200
    text = response.text
    assert 'lang="en"' in text
    assert heading in text
    assert dutch not in text


@pytest.mark.django_db
def test_list_pages_show_english_filters_and_empty_states(english):
    casussen = english.get("/en" + reverse("casussen:list")).text
    for phrase in ("Sort by", "Apply", "No casussen found.", "All casussen"):
        assert phrase in casussen, phrase
    forum = english.get("/en" + reverse("forum:home")).text
    assert "There are no categories yet." in forum
    organisations = english.get("/en" + reverse("directory:organisation_list")).text
    for phrase in ("Filter", "Search by name or description", "No organisations found with these filters."):
        assert phrase in organisations, phrase


@pytest.mark.django_db
def test_the_ask_page_and_notification_pages_are_english_for_a_member(member_client):
    ask = member_client.get("/en" + reverse("casussen:ask")).text
    assert "Title of your casus" in ask and "Titel van je casus" not in ask
    notifications = member_client.get("/en" + reverse("notifications:list")).text
    assert ">Notifications</h1>" in notifications
    assert "You have no notifications yet." in notifications


def test_a_reactie_is_a_comment_on_a_casus_and_a_reply_in_the_forum():
    from django.utils import translation

    from casussen.models import Comment
    from forum.models import Reply

    with translation.override("en"):
        assert (str(Comment._meta.verbose_name), str(Comment._meta.verbose_name_plural)) == ("comment", "comments")
        assert (str(Reply._meta.verbose_name), str(Reply._meta.verbose_name_plural)) == ("reply", "replies")
    with translation.override("nl"):
        assert str(Comment._meta.verbose_name) == str(Reply._meta.verbose_name) == "reactie"
