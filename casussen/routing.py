"""Expert routing: who should hear of a new casus first.

Experts (the directory's profile `is_expert`, public profile or not, active account) are ranked by
1. how many of their expertise tags match the casus tags (more first),
2. how many casussen they have claimed and not yet finished (fewer first),
3. how many of their answers were accepted (more first), then by user id for a stable order.
Experts who marked themselves away, or who reached their own maximum of open claims
(NotificationSettings), are skipped. Deleted and hidden casussen and answers count for nothing.
"""

from django.db.models import Count
from django.utils.text import slugify

from casussen.models import Answer, Casus
from ospo_nl.core.profiles import profile_model
from ospo_nl.notifications.models import Notification, NotificationSettings
from ospo_nl.notifications.verbs import notify

NOTIFY_TOP = 3


def _count_by_user(queryset, user_field, user_ids):
    rows = queryset.filter(**{f"{user_field}__in": list(user_ids)}).values_list(user_field).annotate(n=Count("pk"))
    return dict(rows.order_by())


def open_claims(user_ids):
    """Casussen each user claimed that are still open (new, claimed or answered)."""
    return _count_by_user(Casus.objects.alive().filter(status__in=Casus.OPEN_STATUSES), "claimed_by", user_ids)


def accepted_answers(user_ids):
    """Accepted answers each user wrote."""
    return _count_by_user(Answer.objects.alive().filter(is_accepted=True), "author", user_ids)


def _slugs(tags):
    return sorted({tag.slug if hasattr(tag, "slug") else slugify(str(tag).strip()) for tag in tags} - {""})


def rank_experts(*, tags, limit=5, exclude=()):
    """The best available experts for `tags` (names or taggit Tags), best first.

    Returns profiles (with `user` loaded) annotated with `overlap`, `open_claims`,
    `accepted_answers` and `max_open_claims`. Costs four queries, whatever the number of experts.
    """
    slugs = _slugs(tags)
    if not slugs:
        return []
    excluded = [getattr(u, "pk", u) for u in exclude]
    candidates = list(
        profile_model().objects.filter(is_expert=True, user__is_active=True, expertise__slug__in=slugs)
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
    claims = open_claims(user_ids)
    accepted = accepted_answers(user_ids)
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
    exclude = [casus.author_id] if casus.author_id else ()
    experts = rank_experts(tags=list(casus.tags.all()), limit=limit, exclude=exclude)
    return notify(
        [p.user for p in experts], event=Notification.Event.EXPERTISE, target=casus,
        title=str(casus), url=casus.get_absolute_url(), actor=casus.author,
    )
