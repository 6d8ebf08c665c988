"""`manage.py import_publiccode FILE...`: creates, updates on re-import, and refuses broken files whole."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from directory.models import Initiative, Organisation

from .conftest import make_organisation

GOOD = """\
publiccodeYmlVersion: "0.4"
name: Signalen
url: https://github.com/Signalen/backend
landingURL: https://signalen.org
categories: [it-development, citizen-engagement]
organisation:
  uri: https://identifier.overheid.nl/tooi/id/gemeente/gm0363
description:
  en:
    shortDescription: Reports about public space
  nl:
    shortDescription: Meldingen openbare ruimte
    longDescription: Signalen is een systeem voor **meldingen** over de openbare ruimte.
"""

ENGLISH_ONLY = """\
name: Open Formulieren
url: https://github.com/open-formulieren/open-forms
legal:
  repoOwner: Dimpact
description:
  en:
    shortDescription: Smart forms for government
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.django_db
def test_import_creates_an_unpublished_initiative_linked_to_the_organisation_by_tooi(tmp_path, amsterdam):
    out = StringIO()
    call_command("import_publiccode", write(tmp_path, "publiccode.yml", GOOD), stdout=out)
    assert "1 initiatives created, 0 updated" in out.getvalue()
    initiative = Initiative.objects.get(source_url="https://github.com/Signalen/backend")
    assert initiative.name == "Signalen"
    assert initiative.website == "https://signalen.org"
    assert "<strong>meldingen</strong>" in initiative.description_html  # Dutch long description
    assert sorted(initiative.tags.names()) == ["citizen-engagement", "it-development"]
    assert list(initiative.roles.values_list("organisation__slug", "role")) == [("gemeente-amsterdam", "host")]
    assert initiative.is_published is False


@pytest.mark.django_db
def test_english_description_and_a_new_unpublished_organisation_from_repo_owner(tmp_path):
    call_command("import_publiccode", write(tmp_path, "a.yml", ENGLISH_ONLY), "--publish", stdout=StringIO())
    initiative = Initiative.objects.get(slug="open-formulieren")
    assert initiative.description == "Smart forms for government"
    assert initiative.is_published
    organisation = Organisation.objects.get(name="Dimpact")
    assert organisation.is_published is False


@pytest.mark.django_db
def test_reimport_updates_instead_of_duplicating(tmp_path, amsterdam):
    path = write(tmp_path, "publiccode.yml", GOOD)
    call_command("import_publiccode", path, stdout=StringIO())
    write(tmp_path, "publiccode.yml", GOOD.replace("name: Signalen", "name: Signalen Meldingen"))
    out = StringIO()
    call_command("import_publiccode", path, stdout=out)
    assert "0 initiatives created, 1 updated" in out.getvalue()
    assert list(Initiative.objects.values_list("name", flat=True)) == ["Signalen Meldingen"]
    assert Initiative.objects.get().roles.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("text, reason", [
    ("name: [unclosed", "geen geldige YAML"),
    ("- just\n- a list\n", "verwacht een YAML-blok"),
    ("url: https://example.org/x\n", "'name' ontbreekt"),
    ("name: X\nurl: niet-een-url\n", "geen geldige http(s)-URL"),
    ("name: X\nurl: https://example.org/x\ncategories: drie\n", "'categories' moet een lijst"),
    ("name: X\nurl: https://example.org/x\ndescription: tekst\n", "'description' moet per taal"),
])
def test_broken_file_gives_path_and_reason_and_changes_nothing(tmp_path, amsterdam, text, reason):
    good = write(tmp_path, "good.yml", GOOD)
    broken = write(tmp_path, "broken.yml", text)
    with pytest.raises(CommandError) as error:
        call_command("import_publiccode", good, broken, stdout=StringIO())
    assert broken in str(error.value)
    assert reason in str(error.value)
    assert not Initiative.objects.exists()  # the good file is not half-imported either
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="bestaat-niet.yml: kan het bestand niet lezen"):
        call_command("import_publiccode", str(tmp_path / "bestaat-niet.yml"))


@pytest.mark.django_db
def test_dry_run_writes_nothing(tmp_path):
    out = StringIO()
    call_command("import_publiccode", write(tmp_path, "a.yml", ENGLISH_ONLY), "--dry-run", stdout=out)
    assert "1 files valid" in out.getvalue()
    assert not Initiative.objects.exists()


@pytest.mark.django_db
def test_slug_collision_with_an_existing_initiative_gets_a_suffix(tmp_path):
    from .conftest import make_initiative

    make_initiative("Open Formulieren")
    make_organisation("Dimpact")
    call_command("import_publiccode", write(tmp_path, "a.yml", ENGLISH_ONLY), stdout=StringIO())
    assert Initiative.objects.filter(slug="open-formulieren-2").exists()
    assert Organisation.objects.filter(name="Dimpact").count() == 1
