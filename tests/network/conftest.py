"""Network fixtures: events (published, in the future, at 19:00 Dutch time) and signals, deterministic."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from django.utils.text import slugify

from network import verbs
from network.models import Event, Signal


def at(day, hour=19, minute=0):
    """An aware moment on `day` (a date) at `hour`:`minute` in Europe/Amsterdam."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def in_days(days, hour=19):
    return at(timezone.localdate() + timedelta(days=days), hour)


def make_event(title="Netwerkbijeenkomst: het manifest", *, days=10, hours=2, capacity=None, published=True,
               **fields):
    starts = fields.pop("starts_at", None) or in_days(days)
    defaults = dict(subject="het manifest", location="Den Haag", agenda="1. Welkom\n2. **Het manifest**",
                    registration_open=True)
    defaults.update(fields)
    return Event.objects.create(
        title=title, slug=fields.pop("slug", None) or slugify(title),
        starts_at=starts, ends_at=fields.pop("ends_at", None) or starts + timedelta(hours=hours),
        capacity=capacity, is_published=published, **{k: v for k, v in defaults.items() if k not in ("slug",)},
    )


def make_signal(by, title="OSOR: open source in Europa", **fields):
    data = dict(kind=Signal.Kind.REPORT, url="https://example.org/rapport", source="OSOR",
                commentary="Lees vooral het deel over **OSPO's**.", tags=["europa"])
    data.update(fields)
    return verbs.share_signal(by=by, title=title, **data)


@pytest.fixture
def event(db):
    return make_event()


@pytest.fixture
def full_event(db):
    return make_event("Kleine bijeenkomst", capacity=1)
