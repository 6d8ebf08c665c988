import pytest

from forum.models import Category

pytestmark = pytest.mark.django_db


def test_a_curator_adds_a_category_in_admin(curator_client):
    response = curator_client.post("/admin/forum/category/add/", {
        "name": "Toegankelijkheid", "slug": "toegankelijkheid", "description": "Over *WCAG*.", "order": 60,
    })
    assert response.status_code == 302, response.content[:2000]
    category = Category.objects.get(slug="toegankelijkheid")
    assert "<em>WCAG</em>" in category.description_html


def test_a_curator_looks_up_topics_and_replies_in_admin_but_does_not_add_them(curator_client, topic, reply):
    assert curator_client.get("/admin/forum/topic/").status_code == 200
    assert curator_client.get(f"/admin/forum/topic/{topic.pk}/change/").status_code == 200
    assert curator_client.get("/admin/forum/reply/").status_code == 200
    assert curator_client.get("/admin/forum/topic/add/").status_code == 403


def test_a_member_has_no_admin(member_client):
    assert member_client.get("/admin/forum/category/").status_code == 302
