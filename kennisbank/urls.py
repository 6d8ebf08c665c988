from django.urls import path

from . import views
from .feeds import LatestArticlesFeed

app_name = "kennisbank"

# Fixed prefixes first (models.RESERVED_SLUGS keeps sections off them); then the section tree:
# /kennisbank/<section path>/ for a section and /kennisbank/<section path>/<slug>/ for an article.
urlpatterns = [
    path("", views.home, name="home"),
    path("soort/<slug:kind>/", views.kind_list, name="kind"),
    path("tag/<slug:tag>/", views.tag_list, name="tag"),
    path("recent/", views.recent, name="recent"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("artikel/nieuw/", views.article_create, name="article_create"),
    path("artikel/<slug:slug>/bewerken/", views.article_edit, name="article_edit"),
    path("artikel/<slug:slug>/geschiedenis/", views.article_history, name="article_history"),
    path("artikel/<slug:slug>/verschil/", views.article_diff, name="article_diff"),
    path("artikel/<slug:slug>/importconflict/", views.import_conflict, name="import_conflict"),
    path("artikel/<slug:slug>/herstellen/<int:revision_id>/", views.article_restore, name="article_restore"),
    path("<path:path>/", views.page, name="page"),
]
