from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from ospo_nl import handoffs, overview, views
from ospo_nl.core.media import serve_media
from ospo_nl.search import views as search_views
from ospo_nl.seo import sitemaps
from ospo_nl.seo import views as seo_views
from ospo_nl.seo.feeds import TagFeed

# Language-neutral machinery, at one URL for both languages (docs/i18n.md): what crawlers read about every page,
# the old language form's target, uploads.
urlpatterns = [
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    # Without a CSRF token, so that visitors' pages can be cached whole (ospo_nl.core.page_cache): switching
    # another browser's language is the worst a forged request can do here. The language switch is a plain link
    # now; this stays for old forms and bookmarks (it answers with the `next` page in the chosen language).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # Uploads, from this node's MEDIA_ROOT or the shared object store, with DEBUG on or off (ospo_nl.core.media).
    path(settings.MEDIA_URL.lstrip("/") + "<path:path>", serve_media, name="media"),
]

# Everything with words in it: Dutch unprefixed, English under /en/. The URL alone decides the language (no
# cookie, no Accept-Language), so a search engine sees one language per URL.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("over-ons/", views.colophon, name="colophon"),
    path("markdown/voorbeeld/", views.markdown_preview, name="markdown_preview"),
    path("markdown/namen/", views.mention_names, name="mention_names"),
    path("feeds/tag/<slug:slug>/", TagFeed(), name="tag_feed"),
    path("zoeken/", search_views.search_page, name="search"),
    path("zoeken/suggesties/", search_views.suggestions, name="search_suggestions"),
    path("moderatie/", include("ospo_nl.moderation.urls")),
    path("curatoren/overzicht/", overview.curator_overview, name="curator_overview"),
    path("admin/", admin.site.urls),
    path("account/", include("allauth.urls")),
    path("", include("directory.urls")),
    # Flows that join two feature apps (ospo_nl.handoffs), at the URLs of the part they start from.
    path("casussen/van-forum/<int:topic_id>/", handoffs.topic_to_casus, name="topic_to_casus"),
    path("casussen/<slug:slug>/naar-kennisbank/", handoffs.casus_to_article, name="casus_to_article"),
    path("casussen/<slug:slug>/lessen-naar-kennisbank/", handoffs.casus_lessons_to_article,
         name="casus_lessons_to_article"),
    path("casussen/", include("casussen.urls")),
    path("forum/", include("forum.urls")),
    path("kennisbank/", include("kennisbank.urls")),
    path("", include("network.urls")),
    path("", include("ospo_nl.notifications.urls")),
    prefix_default_language=False,
)

if settings.BENCH:
    # The benchmark's ceiling: a bare view with a small template, served by the same stack (manage.py bench).
    from ospo_nl.bench.views import ceiling  # only here: the benchmark is installed only when BENCH=1

    urlpatterns.append(path("bench/ceiling/", ceiling, name="bench_ceiling"))

handler403 = "ospo_nl.views.permission_denied"
handler500 = "ospo_nl.core.maintenance.server_error"  # 503 with Retry-After when the database is unreachable
handler404 = "ospo_nl.views.page_not_found"
