from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import search_views, sitemaps, views
from .feeds import TagFeed

urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path("feeds/tag/<slug:slug>/", TagFeed(), name="tag_feed"),
    path("zoeken/", search_views.search_page, name="search"),
    path("zoeken/suggesties/", search_views.suggestions, name="search_suggestions"),
    path("moderatie/", include("ospo_nl.moderation_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("account/", include("allauth.urls")),
    path("", include("directory.urls")),
    path("casussen/", include("casussen.urls")),
    path("forum/", include("forum.urls")),
    path("kennisbank/", include("kennisbank.urls")),
    path("", include("ospo_nl.notification_urls")),
]

if settings.BENCH:
    # The benchmark's ceiling: a bare view with a small template, served by the same stack (manage.py bench).
    from .bench.views import ceiling

    urlpatterns.append(path("bench/ceiling/", ceiling, name="bench_ceiling"))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "ospo_nl.views.permission_denied"
handler404 = "ospo_nl.views.page_not_found"
