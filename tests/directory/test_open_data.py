"""Open data: the published directory as JSON and CSV at stable URLs."""

import csv
import io

import pytest

from directory.models import InitiativeOrganisation

from .conftest import bulk_organisations, make_initiative


@pytest.fixture
def data(amsterdam, hidden_org):
    make_initiative("Open Stad", tags=["participatie"], organisations=[
        (amsterdam, InitiativeOrganisation.Role.HOST), (hidden_org, InitiativeOrganisation.Role.FUNDER)])
    make_initiative("Verborgen Programma", published=False)


@pytest.mark.django_db
def test_organisations_json_has_published_rows_only(client, data):
    response = client.get("/open-data/organisaties.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    items = response.json()["items"]
    assert [o["slug"] for o in items] == ["gemeente-amsterdam"]
    assert items[0]["tooi"] == "gm0363"
    assert items[0]["tags"] == ["gemeenten", "publiceren"]
    assert items[0]["url"].endswith("/organisaties/gemeente-amsterdam/")


@pytest.mark.django_db
def test_staff_also_gets_published_rows_only(curator_client, data):
    slugs = [o["slug"] for o in curator_client.get("/open-data/organisaties.json").json()["items"]]
    assert slugs == ["gemeente-amsterdam"]
    text = curator_client.get("/open-data/initiatieven.csv").text
    assert "Verborgen Programma" not in text


@pytest.mark.django_db
def test_initiatives_json_lists_published_organisations_only(client, data):
    items = client.get("/open-data/initiatieven.json").json()["items"]
    assert [i["slug"] for i in items] == ["open-stad"]
    assert items[0]["organisations"] == [{"slug": "gemeente-amsterdam", "name": "Gemeente Amsterdam", "role": "host"}]


@pytest.mark.django_db
def test_csv_files_have_a_header_and_published_rows(client, data):
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/organisaties.csv").text)))
    assert [r["slug"] for r in rows] == ["gemeente-amsterdam"]
    assert rows[0]["tags"] == "gemeenten; publiceren"
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/initiatieven.csv").text)))
    assert [r["organisations"] for r in rows] == ["gemeente-amsterdam:host"]


@pytest.mark.django_db
def test_csv_cells_cannot_become_spreadsheet_formulas(client):
    from .conftest import make_organisation

    make_organisation("Formule", description="=HYPERLINK(\"http://evil.example\")")
    assert "'=HYPERLINK" in client.get("/open-data/organisaties.csv").text


@pytest.mark.django_db
def test_empty_directory_gives_a_header_only_csv(client):
    assert client.get("/open-data/initiatieven.csv").text.startswith("slug,name,url")


def test_post_is_405(client):
    assert client.post("/open-data/organisaties.json").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 500])
def test_query_counts_do_not_grow(client, django_assert_num_queries, count):
    organisations = bulk_organisations(count)
    make_initiative("Netwerk", organisations=[(o, InitiativeOrganisation.Role.MEMBER) for o in organisations[:20]])
    with django_assert_num_queries(2):  # organisations, their tags
        client.get("/open-data/organisaties.csv")
    with django_assert_num_queries(3):  # initiatives, their tags, their roles with organisations
        client.get("/open-data/initiatieven.json")
