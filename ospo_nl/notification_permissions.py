"""Who may see the expert ranking. Notifications and follows are scoped to their owner in the lookup (404)."""

from django.core.exceptions import PermissionDenied

from .roles import is_curator


def check_view_expert_ranking(user):
    if not is_curator(user):
        raise PermissionDenied("Alleen curatoren zien de rangorde van experts.")
