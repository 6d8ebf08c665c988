"""One implementation serves casussen and forum: the forum calls the shared mechanisms, never a copy."""

import re
from pathlib import Path

import forum
from forum.models import Reply, Topic
from ospo_nl.core.models import Post

FORUM_SOURCES = [p for p in Path(forum.__file__).parent.rglob("*.py") if "migrations" not in p.parts]


def test_topics_and_replies_are_shared_posts():
    assert issubclass(Topic, Post) and issubclass(Reply, Post)


def test_forum_code_does_not_import_or_copy_casussen_or_the_shared_mechanisms():
    for path in FORUM_SOURCES:
        source = path.read_text()
        for own_copy in ("from casussen", "import casussen", "import markdown", "import bleach",
                         "Revision.objects.create", "Follow.objects", "Notification.objects", "deleted_at = timezone"):
            assert own_copy not in source, (path, own_copy)


def test_forum_uses_the_shared_post_following_and_notification_verbs():
    verbs = (Path(forum.__file__).parent / "verbs.py").read_text()
    shared_verbs = (r"from ospo_nl\.core\.posts import", r"from ospo_nl\.core import [\w, ]*\bfollowing\b",
                    r"from ospo_nl\.notifications\.verbs import")
    for shared in shared_verbs:
        assert re.search(shared, verbs), shared
