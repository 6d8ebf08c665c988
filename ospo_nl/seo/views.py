from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe

NOT_INDEXED = ("/admin/", "/account/", "/zoeken/")  # each in every language (docs/i18n.md)


@require_safe
def robots_txt(request):
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = [
        "User-agent: *",
        *(f"Disallow: {prefix}{path}" for prefix in prefixes for path in NOT_INDEXED),
        "Disallow: /i18n/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
