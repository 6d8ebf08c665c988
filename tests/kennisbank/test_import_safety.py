"""The import as an attacker who controls a repository would try it: each attempt is refused with a clear
message, nothing of the folder is imported, and the command exits non-zero."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from kennisbank.importer import Limits, import_markdown
from kennisbank.models import Article, ImportSource, Section

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


@pytest.fixture
def site(tmp_path):
    """A folder with one good page: whatever else is added must not let even that one in."""
    root = tmp_path / "site"
    write(root / "gids" / "goed.md", "# Goed\n\nTekst.\n")
    return root


@pytest.fixture
def outside(tmp_path):
    secret = write(tmp_path / "geheim" / "wachtwoorden.txt", "root:x:0:0\n")
    write(tmp_path / "geheim" / "logo.png", PNG)
    return secret.parent


def assert_refused(root, reason, *, path=None):
    report = import_markdown(root)
    assert report.refused, "nothing was refused"
    assert any(reason in message and (path is None or where == path) for where, _line, message in report.refused), \
        report.refused
    assert report.lines()[0].startswith("nothing imported:")
    assert not Article.objects.exists() and not Section.objects.exists() and not ImportSource.objects.exists()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_markdown", str(root))
    assert not Article.objects.exists()
    return report


def test_a_page_linked_to_a_file_outside_the_folder_is_refused(site, outside):
    os.symlink(outside / "wachtwoorden.txt", site / "gids" / "geheim.md")
    assert_refused(site, "symbolic link to a file outside the import folder", path="gids/geheim.md")


def test_an_image_linked_outside_the_folder_is_refused_and_never_copied(site, outside):
    os.symlink(outside / "logo.png", site / "gids" / "logo.png")
    write(site / "gids" / "met-logo.md", "# Logo\n\n![logo](logo.png)\n")
    assert_refused(site, "outside the import folder")
    assert not default_storage.exists("kennisbank/import") or not os.listdir(default_storage.path("kennisbank/import"))


def test_a_folder_linked_outside_is_refused(site, outside):
    os.symlink(outside, site / "gids" / "meer")
    assert_refused(site, "symbolic link to a folder outside the import folder", path="gids/meer")


def test_a_symlink_inside_the_folder_is_followed(site):
    os.symlink(site / "gids" / "goed.md", site / "gids" / "ook-goed.md")
    report = import_markdown(site)
    assert not report.refused and len(report.created) == 2


@pytest.mark.parametrize("body", [
    "![x](../../geheim/logo.png)", "[x](../../../etc/passwd)", '<img src="../../geheim/logo.png">',
])
def test_links_that_climb_out_of_the_folder_are_refused(site, outside, body):
    write(site / "gids" / "klim.md", f"# Klim\n\n{body}\n")
    report = assert_refused(site, "link leaves the import folder", path="gids/klim.md")
    assert ("gids/klim.md", 3) == report.refused[0][:2]  # the file and the line


def test_a_cover_image_out_of_the_folder_is_refused(site, outside):
    write(site / "gids" / "cover.md", "---\ntitle: Cover\nimage: ../../geheim/logo.png\n---\nTekst.\n")
    assert_refused(site, "cover image: link leaves the import folder")


@pytest.mark.parametrize("body", [
    "[klik](javascript:alert(document.domain))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java%09script:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "<a href=javascript:alert(1)>klik</a>",
    "[klik][ref]\n\n[ref]: javascript:alert(1)",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    '<img src="data:text/html,<script>alert(1)</script>">',
    "<vbscript:msgbox(1)>",
])
def test_script_and_data_urls_in_the_body_are_refused(site, body):
    write(site / "gids" / "aanval.md", f"# Aanval\n\n{body}\n")
    report = assert_refused(site, "address is not allowed", path="gids/aanval.md")
    assert report.refused[0][1] == 3 + body.count("\n")  # the line of the address


@pytest.mark.parametrize("front", [
    'image: "javascript://%0aalert(document.domain)"',
    "image: data:text/html,<script>alert(1)</script>",
    "cover: file:///etc/passwd",
    "custom_edit_url: javascript:alert(1)",
    "links:\n  - title: x\n    url: javascript:alert(1)",
    "description: data:text/html,<b>x</b>",
])
def test_script_and_data_urls_in_front_matter_are_refused(site, front):
    write(site / "gids" / "voor.md", f"---\ntitle: Voor\n{front}\n---\nTekst.\n")
    assert_refused(site, "address is not allowed", path="gids/voor.md")


def test_an_svg_is_refused_as_an_image_and_as_a_download(site):
    write(site / "gids" / "plaatje.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    write(site / "gids" / "svg.md", "# SVG\n\n![plaatje](plaatje.svg)\n\n[download](plaatje.svg)\n")
    report = assert_refused(site, "SVG images are not imported")
    assert report.refused == [("gids/svg.md", 3, "SVG images are not imported: they can carry script "
                                                 "(convert it to PNG)")]


def test_an_image_whose_content_is_not_an_image_is_refused(site):
    write(site / "gids" / "foto.png", "<html><script>alert(1)</script></html>")
    write(site / "gids" / "foto.md", "# Foto\n\n![foto](foto.png)\n")
    assert_refused(site, "not a PNG image (its content does not match)")


def test_a_page_over_the_size_limit_is_refused_with_the_limit_in_the_message(site):
    write(site / "gids" / "groot.md", "# Groot\n\n" + "woord " * 200_000)
    assert_refused(site, "file is 1.1 MB, over the limit of 0.5 MB", path="gids/groot.md")


def test_a_folder_over_the_import_limit_stops_the_import(site):
    for number in range(3):
        write(site / "gids" / f"pagina-{number}.md", f"# Pagina {number}\n\n" + "woord " * 2000)
    report = import_markdown(site, limits=Limits(import_bytes=20_000), skip_errors=True)
    assert report.refused[-1][2] == "the folder is over the import limit of 0 MB; nothing imported"
    assert report.lines()[0].startswith("nothing imported") and not Article.objects.exists()


def test_a_binary_markdown_file_is_refused(site):
    write(site / "gids" / "binair.md", b"# Binair\n\x00\x01\x02\x03" * 10)
    assert_refused(site, "binary file, not text", path="gids/binair.md")


def test_skip_errors_imports_the_rest_and_still_exits_non_zero(site):
    write(site / "gids" / "aanval.md", "# Aanval\n\n[klik](javascript:alert(1)) en verder.\n")
    with pytest.raises(CommandError, match="1 refused$"):
        call_command("import_markdown", str(site), "--skip-errors")
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Aanval", "Goed"]
    attacked = Article.objects.get(title="Aanval")
    assert "javascript" not in attacked.body and "klik en verder." in attacked.body


@pytest.mark.postgres
def test_the_command_exit_code_is_non_zero_when_anything_was_refused(site, postgres_only):
    write(site / "gids" / "binair.md", b"\x00\x01")
    database = connection.settings_dict
    env = {**os.environ, "TESTING": "1",
           "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
           "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    result = subprocess.run([sys.executable, "manage.py", "import_markdown", str(site), "--dry-run"],
                            cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "refused: gids/binair.md: binary file, not text" in result.stdout
    assert "CommandError: 1 refused; nothing imported" in result.stderr


def test_a_cover_source_that_is_not_a_web_address_is_refused_in_admin(admin_client_, section):
    from tests.factories import make_article

    article = make_article(section, slug="eupl", title="EUPL")
    data = {"title": "EUPL", "slug": "eupl", "kind": "background", "section": section.pk, "order": 0,
            "status": "draft", "summary": "", "body": "Tekst.", "tags": "", "author_names": "",
            "last_reviewed_at": "", "image_caption": "Foto", "image_source": "javascript:alert(1)",
            "licence": "CC BY 4.0", "language": "nl", "listed": "on", "source_url": ""}
    response = admin_client_.post(reverse("admin:kennisbank_article_change", args=[article.pk]), data)
    assert response.status_code == 200 and "Alleen een http- of https-adres." in response.text
    article.refresh_from_db()
    assert article.image_source == ""
