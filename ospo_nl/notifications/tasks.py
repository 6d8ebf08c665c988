"""Background work (django.tasks): immediate in development and tests, a DB worker in production."""

from django.tasks import task

from ospo_nl.notifications.mail import send_immediate


@task()
def deliver_notifications(notification_ids):
    """Mail the notifications whose recipients chose per-event e-mail; digests are sent by `send_digests`.

    Never raises for a failing mail server: unsent notifications keep emailed_at NULL and are picked
    up by the next `send_digests` run (digest users) or `send_digests --period immediate` (retry).
    """
    return send_immediate(notification_ids)
