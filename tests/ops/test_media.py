"""Media with DEBUG off: from this node's disk and from S3-compatible object storage (moto's server stands in
for MinIO, whose server is not on the package registries), with safe headers."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisbank.models import Article, Section
from tests.ops.smtp_sink import free_port

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
BUCKET = "ospo-media-test"


@pytest.fixture
def production(settings):
    settings.DEBUG = False


@pytest.fixture
def on_disk(settings, tmp_path, production):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return settings.MEDIA_ROOT


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on a free loopback port, for this module; stopped by its process id."""
    pytest.importorskip("moto.server", reason="needs moto[server] (pip install -e '.[dev]')")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except urllib.error.HTTPError:
            break  # it answers
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("moto's S3 server did not start")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def in_object_storage(settings, s3_server, production, monkeypatch, tmp_path):
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    if BUCKET not in [b["Name"] for b in client.list_buckets()["Buckets"]]:
        client.create_bucket(Bucket=BUCKET)
    settings.MEDIA_ROOT = tmp_path / "not-used"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "ospo_nl.core.media_storage.S3MediaStorage",
        "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_server, "region_name": "us-east-1",
                    "addressing_style": "path", "signature_version": "s3v4", "default_acl": None,
                    "file_overwrite": False},
    }}
    return client


def assert_safe_image(response, content):
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "attachment" not in response.get("Content-Disposition", "")


def assert_download_only(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_single_node_serves_media_root_with_debug_off(client, on_disk):
    name = default_storage.save("kennisbank/kaart.png", ContentFile(PNG))
    assert (on_disk / name).is_file()
    assert default_storage.url(name) == f"/media/{name}"
    assert_safe_image(client.get(f"/media/{name}"), PNG)


def test_svg_and_html_are_never_shown_inline(client, on_disk):
    for name, content in [("kennisbank/x.svg", SVG), ("kennisbank/x.html", b"<script>alert(1)</script>"),
                          ("kennisbank/x", b"<html>")]:
        saved = default_storage.save(name, ContentFile(content))
        assert_download_only(client.get(f"/media/{saved}"))


def test_missing_files_and_paths_outside_media_are_404_and_writes_405(client, on_disk):
    (on_disk.parent / "secret.txt").write_text("geheim")
    for path in ["/media/kennisbank/weg.png", "/media/../secret.txt", "/media/kennisbank/../../secret.txt",
                 "/media/%2e%2e/secret.txt", "/media/kennisbank"]:
        assert client.get(path).status_code == 404, path
    assert client.post("/media/kennisbank/kaart.png").status_code == 405


def test_media_are_served_from_object_storage_and_not_from_the_nodes_disk(client, in_object_storage, tmp_path):
    name = default_storage.save("kennisbank/gedeeld.png", ContentFile(PNG))
    assert in_object_storage.get_object(Bucket=BUCKET, Key=name)["Body"].read() == PNG
    assert not (tmp_path / "not-used").exists()
    assert default_storage.url(name) == f"/media/{name}"  # our origin, not the bucket's
    assert_safe_image(client.get(f"/media/{name}"), PNG)
    saved = default_storage.save("kennisbank/gedeeld.svg", ContentFile(SVG))
    assert_download_only(client.get(f"/media/{saved}"))
    assert client.get("/media/kennisbank/bestaat-niet.png").status_code == 404


def test_an_image_uploaded_with_a_new_article_is_served_from_object_storage(curator_client, in_object_storage):
    section = Section.objects.create(slug="beheer", title="Beheer")
    response = curator_client.post(reverse("kennisbank:article_create"), {
        "title": "Met plaatje", "kind": Article.Kind.BACKGROUND, "section": section.pk, "order": 0, "summary": "",
        "body": "Tekst.", "tags": "", "status": "published", "last_reviewed_at": "", "image_caption": "Kaart",
        "licence": "CC BY 4.0", "message": "", "image": SimpleUploadedFile("kaart.png", PNG, "image/png"),
    })
    assert response.status_code == 302
    article = Article.objects.get(title="Met plaatje")
    assert article.image.url.startswith("/media/kennisbank/")
    assert f'src="{article.image.url}"' in curator_client.get(article.get_absolute_url()).text
    assert_safe_image(curator_client.get(article.image.url), PNG)


def _check(**env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_")}
    return subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
                          env={**base, "TESTING": "1", **env}, timeout=60)


def test_media_storage_comes_from_the_environment_and_refuses_what_it_cannot_use():
    result = _check(MEDIA_STORAGE="s3")
    assert result.returncode != 0 and "MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET" in result.stderr
    result = _check(MEDIA_STORAGE="ftp")
    assert result.returncode != 0 and "MEDIA_STORAGE='ftp'" in result.stderr
    assert _check(MEDIA_STORAGE="s3", MEDIA_S3_BUCKET="b", MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9").returncode == 0


def test_an_unreachable_object_store_answers_503_not_500(client, in_object_storage, settings):
    settings.STORAGES["default"]["OPTIONS"]["endpoint_url"] = f"http://127.0.0.1:{free_port()}"
    settings.STORAGES = {**settings.STORAGES}  # a new value: the storage is built again
    response = client.get("/media/kennisbank/kaart.png")
    assert response.status_code == 503 and response["Retry-After"] == "30"
