"""Kennisbank images are checked for type (name and content) and size, in the form and in the model."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kennisbank.models import MAX_IMAGE_BYTES, Article

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
GIF = b"GIF89a" + b"\x00" * 64
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 64


def image_errors(name, content):
    field = Article._meta.get_field("image")
    try:
        field.run_validators(SimpleUploadedFile(name, content))
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize("name,content", [("a.png", PNG), ("a.jpg", JPEG), ("a.jpeg", JPEG), ("a.gif", GIF),
                                          ("a.webp", WEBP)])
def test_real_images_are_accepted(name, content):
    assert image_errors(name, content) == []


@pytest.mark.parametrize("name,content", [
    ("script.svg", b"<svg onload=alert(1)>"),
    ("page.html", b"<script>alert(1)</script>"),
    ("a.exe", b"MZ\x90\x00"),
])
def test_other_types_are_refused_by_name(name, content):
    assert image_errors(name, content)


@pytest.mark.parametrize("content", [b"<script>alert(1)</script>", b"<svg onload=alert(1)>", b"%PDF-1.7", b""])
def test_a_disguised_file_is_refused_by_its_content(content):
    assert "Dit bestand is geen PNG-, JPEG-, GIF- of WebP-afbeelding." in image_errors("foto.png", content)


def test_a_too_large_image_is_refused():
    assert "De afbeelding is te groot (maximaal 5 MB)." in image_errors("groot.png", PNG + b"\x00" * MAX_IMAGE_BYTES)
