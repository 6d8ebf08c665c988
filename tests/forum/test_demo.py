import io

import pytest

from forum import demo
from forum.models import Category, Reply, Topic

pytestmark = pytest.mark.django_db


def test_the_demo_forum_loads_with_right_counters_and_loading_again_changes_nothing(capsys):
    from directory import demo as directory_demo

    directory_demo.load(io.StringIO())
    demo.load(io.StringIO())
    counts = (Category.objects.count(), Topic.objects.count(), Reply.objects.count())
    assert counts[0] == 5 and counts[1] == len(demo.TOPICS)
    assert list(Category.objects.values_list("name", flat=True)) == [
        "Beleid en strategie", "Licenties", "Inkoop", "Community", "Techniek"]
    for topic in Topic.objects.all():
        assert topic.reply_count == topic.replies.count()
        assert topic.author is not None
    assert Topic.objects.filter(is_pinned=True).exists() and Topic.objects.filter(is_locked=True).exists()

    demo.load(io.StringIO())
    assert (Category.objects.count(), Topic.objects.count(), Reply.objects.count()) == counts


def test_the_demo_pages_render(client):
    from directory import demo as directory_demo

    directory_demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert client.get("/forum/").status_code == 200
    for topic in Topic.objects.all():
        assert client.get(topic.get_absolute_url()).status_code == 200
