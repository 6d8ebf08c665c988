from django import template

from ospo_nl.notifications.verbs import unread_count

register = template.Library()


@register.simple_tag
def unread_notification_count(user):
    """Unread notifications of `user`, from the cache (see ospo_nl.notifications.verbs)."""
    return unread_count(user)
