"""Rebuild the topics' denormalised counters from the replies (the verbs keep them right as they go)."""

from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from ospo_nl.core import content_cache

from .models import Reply, Topic


def recount_topics(*, dry_run=False):
    """Return (topics checked, topics that were wrong); fix them unless `dry_run`."""
    alive = Reply.objects.alive().filter(topic=OuterRef("pk"))
    newest = alive.order_by("-created_at", "-pk")
    topics = Topic.objects.annotate(
        true_count=Coalesce(
            Subquery(alive.order_by().values("topic").annotate(n=Count("pk")).values("n")[:1]), 0,
            output_field=IntegerField(),
        ),
        true_last_id=Subquery(newest.values("pk")[:1]),
        true_last_at=Subquery(newest.values("created_at")[:1]),
    ).order_by("pk")
    checked = wrong = 0
    with transaction.atomic():
        for topic in topics.iterator():
            checked += 1
            right = {
                "reply_count": topic.true_count,
                "last_reply_id": topic.true_last_id,
                "last_activity_at": topic.true_last_at or topic.created_at,
            }
            if any(getattr(topic, name) != value for name, value in right.items()):
                wrong += 1
                if not dry_run:
                    Topic.objects.filter(pk=topic.pk).update(**right)
                    content_cache.changed(*topic.cache_scopes())
    return checked, wrong
