from django.urls import path

from . import views
from .feeds import CategoryTopicsFeed

app_name = "forum"

urlpatterns = [
    path("", views.forum_home, name="home"),
    path("categorie/<slug:slug>/", views.category, name="category"),
    path("categorie/<slug:slug>/nieuw/", views.topic_create, name="topic_create"),
    path("categorie/<slug:slug>/feed/", CategoryTopicsFeed(), name="category_feed"),
    path("onderwerp/<int:pk>/", views.topic, name="topic_short"),
    path("onderwerp/<int:pk>/<slug:slug>/", views.topic, name="topic"),
    path("onderwerp/<int:pk>/acties/nieuw/", views.topic_first_unread, name="topic_first_unread"),
    path("onderwerp/<int:pk>/acties/reageren/", views.reply_create, name="reply_create"),
    path("onderwerp/<int:pk>/acties/bewerken/", views.topic_edit, name="topic_edit"),
    path("onderwerp/<int:pk>/acties/verwijderen/", views.topic_delete, name="topic_delete"),
    path("onderwerp/<int:pk>/acties/vastzetten/", views.topic_pin, {"pinned": True}, name="topic_pin"),
    path("onderwerp/<int:pk>/acties/losmaken/", views.topic_pin, {"pinned": False}, name="topic_unpin"),
    path("onderwerp/<int:pk>/acties/sluiten/", views.topic_lock, {"locked": True}, name="topic_lock"),
    path("onderwerp/<int:pk>/acties/heropenen/", views.topic_lock, {"locked": False}, name="topic_unlock"),
    path("onderwerp/<int:pk>/acties/geschiedenis/", views.history, {"kind": "topic"}, name="topic_history"),
    path("onderwerp/<int:pk>/acties/verplaatsen/", views.topic_move, name="topic_move"),
    path("onderwerp/<int:pk>/acties/volgen/", views.topic_follow, {"follow": True}, name="topic_follow"),
    path("onderwerp/<int:pk>/acties/ontvolgen/", views.topic_follow, {"follow": False}, name="topic_unfollow"),
    path("reactie/<int:pk>/", views.reply, name="reply"),
    path("reactie/<int:pk>/geschiedenis/", views.history, {"kind": "reply"}, name="reply_history"),
    path("reactie/<int:pk>/bewerken/", views.reply_edit, name="reply_edit"),
    path("reactie/<int:pk>/verwijderen/", views.reply_delete, name="reply_delete"),
]
