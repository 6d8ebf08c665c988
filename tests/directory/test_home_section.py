import pytest

from directory.home import latest_organisations


@pytest.mark.django_db
def test_home_section_lists_newest_published_organisations_in_one_query(amsterdam, hidden_org, curator,
                                                                      django_assert_num_queries):
    with django_assert_num_queries(1):
        section = latest_organisations(curator)
    assert [item["label"] for item in section["items"]] == ["Gemeente Amsterdam"]
    assert section["url"] == "/organisaties/"


@pytest.mark.django_db
def test_home_page_shows_the_section(client, amsterdam):
    assert "Nieuwe organisaties" in client.get("/").text
