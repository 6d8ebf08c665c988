"""Media in S3-compatible object storage (django-storages), addressed through our own /media/ URLs.

Its own module so that boto3 is imported only when MEDIA_STORAGE=s3 names this class.
"""

from urllib.parse import quote

from django.conf import settings
from storages.backends.s3 import S3Storage


class S3MediaStorage(S3Storage):
    """Files in the bucket, URLs on the site: ospo_nl.core.media serves them with our headers."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + quote(name.lstrip("/"))
