from io import StringIO

import pytest

from casussen import demo
from casussen.models import Answer, Casus, Comment
from directory import demo as directory_demo


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates(client):
    directory_demo.load(StringIO())
    demo.load(StringIO())
    demo.load(StringIO())
    assert Casus.objects.count() == len(demo.CASUSSEN)
    assert Answer.objects.filter(is_accepted=True).count() == 1
    counts = (Answer.objects.count(), Comment.objects.count())
    demo.load(StringIO())
    assert (Answer.objects.count(), Comment.objects.count()) == counts
    resolved = Casus.objects.get(status="resolved")
    assert resolved.answer_count == 1 and resolved.score == 2 and "EUPL-1.2" in resolved.lessons_learned_html
    response = client.get(resolved.get_absolute_url())
    assert response.status_code == 200
    assert "Geaccepteerd antwoord" in response.text
    assert "Kwetsbaarheid" not in client.get("/casussen/?status=alle").text
