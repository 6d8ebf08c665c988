"""Uploaded and imported files (MEDIA_URL), served by the site itself from whatever storage holds them.

One way for every deployment: a single node serving MEDIA_ROOT with DEBUG off, and several nodes sharing an
S3-compatible object store (MEDIA_STORAGE=s3), answer /media/<name> from `default_storage`. Through the site
and not straight from the bucket, so the answers carry our headers and stay on our origin (the CSP needs no
other host, the bucket stays private):
- only the image types the kennisbank accepts are shown inline, with their own type; anything else (SVG,
  HTML, a file placed in the bucket by hand) is a download, `application/octet-stream`, never rendered;
- `X-Content-Type-Options: nosniff`, and a sandboxing Content-Security-Policy in case a browser renders it
  anyway.
Streamed (FileResponse), so a large file is not held in memory; the visitor page cache skips streams.
"""

import logging
import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)
INLINE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
                ".webp": "image/webp"}
CACHE_SECONDS = 3600
# GitHub's policy for user content: nothing loads, nothing runs, and the document is sandboxed.
MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def _storage_name(path):
    name = posixpath.normpath(path)
    if name != path or name.startswith(("/", "..")) or "\x00" in name or "\\" in name:
        raise Http404
    return name


@require_safe
def serve_media(request, path):
    name = _storage_name(path)
    try:
        exists = default_storage.exists(name)
        handle = default_storage.open(name, "rb") if exists else None
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation):
        exists = False
    except Exception:  # the object store is unreachable (botocore's errors are not OSError): temporary, say so
        logger.exception("Media storage unavailable for %s", name)
        response = HttpResponse("Media storage unavailable", status=503, content_type="text/plain")
        response["Retry-After"] = "30"
        return response
    if not exists:
        raise Http404
    extension = posixpath.splitext(name)[1].lower()
    content_type = INLINE_TYPES.get(extension)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream",
                            as_attachment=content_type is None, filename=posixpath.basename(name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
