"""Notifications' part of a member's data download (ospo_nl.core.account_data).

Deleting needs nothing here: notifications and settings go with the user row (CASCADE).
"""

from ospo_nl.notifications.models import Notification, NotificationSettings


def export(user):
    prefs = NotificationSettings.for_user(user)
    return {
        "notification_settings": {
            "email_mode": prefs.email_mode, "urgent_immediately": prefs.urgent_immediately,
            "language": prefs.language, "is_away": prefs.is_away, "max_open_claims": prefs.max_open_claims,
        },
        "notifications": [
            {"event": n.event, "title": n.title, "url": n.url, "created_at": n.created_at, "read_at": n.read_at}
            for n in Notification.objects.filter(recipient=user).order_by("pk")
        ],
    }
