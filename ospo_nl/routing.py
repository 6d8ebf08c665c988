"""Expert routing: who should hear of a new casus first.

Experts (directory Profile.is_expert, public profile or not, active account) are ranked by
1. how many of their expertise tags match the casus tags (more first),
2. how many casussen they have claimed and not yet finished (fewer first),
3. how many of their answers were accepted (more first), then by user id for a stable order.
Experts who marked themselves away, or who reached their own maximum of open claims
(NotificationSettings), are skipped.

The two counts come from the casussen app. They are pluggable: `rank_experts` takes
`open_claims=` / `accepted_answers=` callables (user_ids -> {user_id: count}); the defaults read
casussen.Casus.claimed_by/status and casussen.Answer.author/is_accepted, and count zero when
those models or fields do not exist (yet).
"""

from django.apps import apps
from django.core.exceptions import FieldError
from django.db.models import Count
from django.utils.text import slugify

from .models import Notification, NotificationSettings

NOTIFY_TOP = 3


def _count_by_user(model_label, user_field, queryset_filter):
    def counter(user_ids):
        try:
            model = apps.get_model(model_label)
            rows = (
                model._default_manager.filter(**{f"{user_field}__in": list(user_ids)}, **queryset_filter)
                .filter(deleted_at__isnull=True)
                .values_list(user_field)
                .annotate(n=Count("pk"))
                .order_by()
            )
            return dict(rows)
        except (LookupError, FieldError):
            return {}

    return counter


def default_open_claims(user_ids):
    """Casussen each user claimed that are still open (new, claimed or answered)."""
    return _count_by_user("casussen.Casus", "claimed_by", {"status__in": ["new", "claimed", "answered"]})(user_ids)


def default_accepted_answers(user_ids):
    """Accepted answers each user wrote."""
    return _count_by_user("casussen.Answer", "author", {"is_accepted": True})(user_ids)


def _slugs(tags):
    return sorted({tag.slug if hasattr(tag, "slug") else slugify(str(tag).strip()) for tag in tags} - {""})


def rank_experts(*, tags, limit=5, exclude=(), open_claims=None, accepted_answers=None):
    """The best available experts for `tags` (names or taggit Tags), best first.

    Returns Profiles (with `user` loaded) annotated with `overlap`, `open_claims`,
    `accepted_answers` and `max_open_claims`. Costs three queries plus one per count.
    """
    slugs = _slugs(tags)
    if not slugs:
        return []
    from directory.models import Profile

    excluded = [getattr(u, "pk", u) for u in exclude]
    candidates = list(
        Profile.objects.filter(is_expert=True, user__is_active=True, expertise__slug__in=slugs)
        .exclude(user__notification_settings__is_away=True)
        .exclude(user_id__in=excluded)
        .annotate(overlap=Count("expertise", distinct=True))
        .select_related("user")
    )
    if not candidates:
        return []
    user_ids = [p.user_id for p in candidates]
    limits = dict(
        NotificationSettings.objects.filter(user_id__in=user_ids).values_list("user_id", "max_open_claims")
    )
    claims = (open_claims or default_open_claims)(user_ids)
    accepted = (accepted_answers or default_accepted_answers)(user_ids)
    default_limit = NotificationSettings._meta.get_field("max_open_claims").default
    ranked = []
    for profile in candidates:
        profile.open_claims = claims.get(profile.user_id, 0)
        profile.accepted_answers = accepted.get(profile.user_id, 0)
        profile.max_open_claims = limits.get(profile.user_id, default_limit)
        if profile.open_claims < profile.max_open_claims:
            ranked.append(profile)
    ranked.sort(key=lambda p: (-p.overlap, p.open_claims, -p.accepted_answers, p.user_id))
    return ranked[:limit] if limit else ranked


def notify_experts_of_new_casus(casus, *, limit=NOTIFY_TOP):
    """Tell the top few matching, available experts about a new casus (not every expert).

    `notify` drops experts who may not see the casus. Returns the notifications made.
    """
    from .notifications import notify

    exclude = [casus.author_id] if casus.author_id else ()
    experts = rank_experts(tags=list(casus.tags.all()), limit=limit, exclude=exclude)
    return notify(
        [p.user for p in experts], event=Notification.Event.EXPERTISE, target=casus,
        title=str(casus), url=casus.get_absolute_url(), actor=casus.author,
    )

