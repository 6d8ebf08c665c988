"""A tiny view that notifies inside its request, to test that mail failures never break a request."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from directory.models import Organisation
from ospo_nl.notifications.models import Notification
from ospo_nl.notifications.verbs import notify
from ospo_nl.urls import urlpatterns as site_urlpatterns


@require_POST
def notify_view(request, slug):
    target = Organisation.objects.get(slug=slug)
    recipients = get_user_model().objects.filter(email="member@example.org")
    notify(recipients, event=Notification.Event.ANSWER, target=target, title="Nieuw antwoord",
           url=target.get_absolute_url(), actor=request.user)
    return HttpResponse("ok")


# The site's own patterns appended, not included: Django refuses i18n_patterns inside include().
urlpatterns = [path("test-notify/<slug:slug>/", notify_view), *site_urlpatterns]
