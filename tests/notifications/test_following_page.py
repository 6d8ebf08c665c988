"""The following page: everything the user follows, generically, with unfollow buttons."""

import pytest
from taggit.models import Tag

from directory.models import Organisation
from ospo_nl.core.following import follow, followers_of, is_following
from ospo_nl.core.models import Follow

URL = "/volgend/"


@pytest.mark.parametrize("rows", [3, 30])
def test_the_page_lists_follows_of_each_kind_in_a_fixed_number_of_queries(
    member, other_member, member_client, rows, django_assert_num_queries
):
    for i in range(rows):
        follow(member, Organisation.objects.create(name=f"Gemeente {i}", slug=f"gemeente-{i}", is_published=True))
        follow(member, Tag.objects.create(name=f"tag-{i}", slug=f"tag-{i}"))
    follow(other_member, Organisation.objects.create(name="Niet gevolgd", slug="niet-gevolgd"))

    # 1 session, 2 user with profile (the name in the header), 3 follows with their content types,
    # 4 organisations, 5 tags
    with django_assert_num_queries(5):
        response = member_client.get(URL)

    assert response.status_code == 200
    assert b"Gemeente 0" in response.content and b'href="/organisaties/gemeente-0/"' in response.content
    assert b"tag-0" in response.content
    assert b"Niet gevolgd" not in response.content


def test_a_target_the_user_may_no_longer_see_is_not_named(member, member_client, private_target):
    follow(member, private_target)

    response = member_client.get(URL)

    assert b"Geheime casus" not in response.content
    assert b"Niet meer beschikbaar" in response.content


def test_unfollowing(member, member_client, target):
    follow(member, target)
    row = Follow.objects.get()

    response = member_client.post(f"/volgend/{row.pk}/ontvolgen/")

    assert response.status_code == 302 and response["Location"] == URL
    assert not is_following(member, target)


def test_unfollowing_needs_post_login_and_ownership(member, member_client, other_member_client, client, target):
    follow(member, target)
    row = Follow.objects.get()
    url = f"/volgend/{row.pk}/ontvolgen/"

    assert member_client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert other_member_client.post(url).status_code == 404
    assert is_following(member, target)


def test_visitors_are_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_followers_of_several_targets_is_one_query_of_active_users(member, other_member, expert, target,
                                                                   django_assert_num_queries):
    tag, _ = Tag.objects.get_or_create(name="licenties", slug="licenties")
    follow(member, target)
    follow(other_member, tag)
    follow(expert, tag)
    expert.is_active = False
    expert.save()

    followers_of(target, tag)  # warms the content-type cache
    with django_assert_num_queries(1):
        assert set(followers_of(target, tag)) == {member, other_member}
