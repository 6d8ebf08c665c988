from django.urls import path

from . import views
from .feeds import LatestSignalsFeed, UpcomingEventsFeed

app_name = "network"

urlpatterns = [
    path("bijeenkomsten/", views.event_list, name="event_list"),
    path("bijeenkomsten/archief/", views.event_archive, name="event_archive"),
    path("bijeenkomsten/nieuw/", views.event_create, name="event_create"),
    path("bijeenkomsten/feed/", UpcomingEventsFeed(), name="event_feed"),
    path("bijeenkomsten/agenda.ics", views.calendar_feed, name="calendar"),
    path("bijeenkomsten/<slug:slug>/", views.event_detail, name="event_detail"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", views.event_ical, name="event_ical"),
    path("bijeenkomsten/<slug:slug>/bewerken/", views.event_edit, name="event_edit"),
    path("bijeenkomsten/<slug:slug>/aanmelden/", views.register, name="register"),
    path("bijeenkomsten/<slug:slug>/afmelden/", views.unregister, name="unregister"),
    path("bijeenkomsten/<slug:slug>/deelnemers/", views.attendees, name="attendees"),
    path("bijeenkomsten/<slug:slug>/deelnemers.csv", views.attendees_csv, name="attendees_csv"),
    path("bijeenkomsten/<slug:slug>/verslag/", views.report_edit, name="report_edit"),
    path("signalen/", views.signal_list, name="signal_list"),
    path("signalen/delen/", views.signal_create, name="signal_create"),
    path("signalen/feed/", LatestSignalsFeed(), name="signal_feed"),
    path("signalen/<slug:slug>/", views.signal_detail, name="signal_detail"),
    path("signalen/<slug:slug>/bewerken/", views.signal_edit, name="signal_edit"),
    path("signalen/<slug:slug>/verwijderen/", views.signal_delete, name="signal_delete"),
]
