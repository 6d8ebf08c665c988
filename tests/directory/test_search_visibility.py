"""Unpublished directory entries are not found by the site search, also after the admin actions."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ospo_nl.search.index import search

from .conftest import make_organisation

ORG_LIST = "/admin/directory/organisation/"


def found(q):
    return [entry.title for entry in search(q, user=AnonymousUser()).entries]


@pytest.mark.django_db
def test_publish_and_unpublish_actions_update_what_search_finds(curator_client):
    organisation = make_organisation("Waterschap Zichtbaar", published=False)
    assert found("Zichtbaar") == []
    curator_client.post(ORG_LIST, {"action": "publish", "_selected_action": [organisation.pk]})
    assert found("Zichtbaar") == ["Waterschap Zichtbaar"]
    curator_client.post(ORG_LIST, {"action": "unpublish", "_selected_action": [organisation.pk]})
    assert found("Zichtbaar") == []
