from django.urls import path

from ospo_nl.notifications import views

app_name = "notifications"

urlpatterns = [
    path("meldingen/", views.notification_list, name="list"),
    path("meldingen/alles-gelezen/", views.notification_read_all, name="read_all"),
    path("meldingen/<int:pk>/gelezen/", views.notification_read, name="read"),
    path("meldingen/<int:pk>/openen/", views.notification_open, name="open"),
    path("meldingen/instellingen/", views.notification_settings, name="settings"),
    path("volgend/", views.following_list, name="following"),
    path("volgend/<int:pk>/ontvolgen/", views.following_remove, name="unfollow"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
