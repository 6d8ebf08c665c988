"""Multi-step writes are one transaction: when a later step fails, the earlier ones are rolled back."""

from unittest import mock

import pytest
from django.db import IntegrityError
from django.urls import reverse

from casussen import verbs as casus_verbs
from casussen.models import Casus
from directory.models import Profile
from ospo_nl.moderation import verbs as moderation
from ospo_nl.moderation.models import ModerationAction


def test_a_profile_is_not_half_saved_when_its_tags_fail(member, member_client):
    with mock.patch("taggit.managers._TaggableManager.set", side_effect=IntegrityError("boom")):
        with pytest.raises(IntegrityError):
            member_client.post(reverse("directory:profile_edit"), {
                "display_name": "Nieuwe naam", "bio": "", "expertise": "eupl", "is_available": "on",
            })
    assert Profile.objects.get(user=member).display_name == "Mila Member"


def test_a_casus_is_not_posted_without_its_first_revision(member):
    with mock.patch("ospo_nl.core.posts.record_revision", side_effect=IntegrityError("boom")):
        with pytest.raises(IntegrityError):
            casus_verbs.post_casus(by=member, title="Half", body="Half geschreven.")
    assert not Casus.objects.exists()


def test_hiding_is_undone_when_logging_fails(member, curator):
    casus = casus_verbs.post_casus(by=member, title="Te verbergen", body="Spam")
    with mock.patch("ospo_nl.moderation.verbs._log", side_effect=IntegrityError("boom")):
        with pytest.raises(IntegrityError):
            moderation.hide(target=casus, by=curator, reason="Spam")
    casus.refresh_from_db()
    assert not casus.is_hidden and not ModerationAction.objects.exists()


def test_an_account_deletion_is_all_or_nothing(member):
    from ospo_nl.core.account_data import delete_account

    with mock.patch("django.contrib.auth.models.User.delete", side_effect=IntegrityError("boom")):
        with pytest.raises(IntegrityError):
            delete_account(user=member)
    assert Profile.objects.filter(user=member).exists()
