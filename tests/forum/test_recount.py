import pytest
from django.core.management import call_command

from forum.models import Topic
from tests.factories import make_reply

pytestmark = pytest.mark.django_db


def test_recount_reports_and_with_dry_run_changes_nothing(other_member, topic, capsys):
    reply = make_reply(other_member, topic)
    Topic.objects.filter(pk=topic.pk).update(reply_count=7, last_reply=None)
    call_command("recount_forum", "--dry-run")
    assert "1 topics checked, 1 would fix." in capsys.readouterr().out
    topic.refresh_from_db()
    assert topic.reply_count == 7

    call_command("recount_forum")
    assert "1 topics checked, 1 fixed." in capsys.readouterr().out
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_reply, topic.last_activity_at) == (1, reply, reply.created_at)


def test_recount_of_right_counters_fixes_nothing(topic, reply, capsys):
    call_command("recount_forum")
    assert "1 topics checked, 0 fixed." in capsys.readouterr().out
