from io import StringIO

import pytest

from directory import demo
from directory.models import Initiative, InitiativeOrganisation, Organisation


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates():
    demo.load(StringIO())
    counts = (Organisation.objects.count(), Initiative.objects.count(), InitiativeOrganisation.objects.count())
    demo.load(StringIO())
    assert counts == (Organisation.objects.count(), Initiative.objects.count(),
                      InitiativeOrganisation.objects.count())
    assert counts[0] == len(demo.ORGANISATIONS) and counts[1] == len(demo.INITIATIVES)
    ospo_nl = Initiative.objects.get(slug="ospo-nl")
    founders = ospo_nl.roles.filter(role="founder").values_list("organisation__slug", flat=True)
    assert sorted(founders) == ["alliander", "belastingdienst", "kadaster"]
    assert Organisation.objects.get(slug="kadaster").kind == Organisation.Kind.ZBO


@pytest.mark.django_db
def test_demo_curator_curates_without_superuser(client):
    from django.contrib.auth import get_user_model

    demo.load(StringIO())
    curator = get_user_model().objects.get(email="curator@ospo-nl.example")
    assert not curator.is_superuser
    assert curator.has_perm("directory.change_initiative")
    client.force_login(curator)
    assert client.get("/admin/directory/initiative/").status_code == 200


@pytest.mark.django_db
def test_demo_pages_render(client):
    demo.load(StringIO())
    for url in ("/organisaties/", "/organisaties/kadaster/", "/initiatieven/", "/initiatieven/ospo-nl/",
                "/experts/", "/open-data/initiatieven.csv"):
        assert client.get(url).status_code == 200, url
