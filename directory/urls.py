from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("account/profiel/", views.profile_edit, name="profile_edit"),
]
