from django.urls import path

from ospo_nl.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("logboek/", views.log, name="log"),
    path("verborgen/", views.hidden, name="hidden"),
    path("melden/<str:label>/<int:pk>/", views.report_create, name="report"),
    path("actie/<str:label>/<int:pk>/", views.act, name="act"),
]
