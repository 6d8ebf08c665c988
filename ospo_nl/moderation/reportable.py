"""What members can report, as each feature app registers it (the moderation layer imports none of them)."""

from ospo_nl.core.models import Post

# What a member can report, registered by the app that owns it from its AppConfig.ready():
# "app_label.model" (the report URL names it the same way) -> the queryset the queue loads such targets with.
REPORTABLE = {}


def register(model, *, queue=None):
    """Let members report `model`'s objects; `queue()` loads them with what the queue shows around them."""
    REPORTABLE[model._meta.label_lower] = queue or model._default_manager.all


def target_querysets():
    """How the queue loads each kind of target: with what it shows around it (one query per kind)."""
    return [queue() for queue in REPORTABLE.values()]


def post_querysets():
    """The reportable kinds that are posts (they can be hidden): casussen, answers, topics..."""
    return [qs for qs in target_querysets() if issubclass(qs.model, Post)]


def is_visible(target, user):
    if hasattr(target, "is_visible_to"):
        return target.is_visible_to(user)
    # A profile: a page only for public experts (directory.permissions.check_view_expert).
    return bool(target.is_expert and target.is_public and target.user.is_active)


def author_of(target):
    """The member a target belongs to: a post's author (None once deleted) or a profile's user."""
    return target.author if isinstance(target, Post) else target.user


def author_id_of(target):
    """The id of the member a target belongs to, without loading them."""
    return target.author_id if isinstance(target, Post) else target.user_id
