"""Following: one mechanism for casussen, topics, tags and organisations."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from ospo_nl.core.models import Follow


def _key(obj):
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


def follow(user, obj):
    Follow.objects.get_or_create(user=user, **_key(obj))


def unfollow(user, obj):
    Follow.objects.filter(user=user, **_key(obj)).delete()


def is_following(user, obj):
    return user.is_authenticated and Follow.objects.filter(user=user, **_key(obj)).exists()


def followers_of(*objs):
    """Active users who follow any of `objs` (e.g. a casus and its tags), as one lazy query.

    Profiles come along: notify() asks each recipient's role (their profile) to check visibility.
    """
    users = get_user_model().objects.filter(is_active=True).select_related("profile")
    if not objs:
        return users.none()
    targets = Q()
    for obj in objs:
        targets |= Q(**_key(obj))
    return users.filter(pk__in=Follow.objects.filter(targets).values("user_id"))


def follows_of(user):
    """Everything `user` follows, with the targets: one query for the follows, one per content type."""
    return Follow.objects.filter(user=user).select_related("content_type").prefetch_related("target").order_by("pk")
