"""Curation in Django admin: curators without superuser, members without admin, form errors, actions."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group

from directory.models import Initiative, InitiativeOrganisation, Organisation

from .conftest import make_initiative, make_organisation

ADD_ORG = "/admin/directory/organisation/add/"
ORG_LIST = "/admin/directory/organisation/"
INITIATIVE_LIST = "/admin/directory/initiative/"


def organisation_form(**overrides):
    data = {
        "name": "Gemeente Utrecht", "slug": "gemeente-utrecht", "kind": "municipality", "is_published": "on",
        "description": "Utrecht werkt **open**.", "tags": "gemeenten", "tooi": "gm0344", "website": "",
        "git_url": "", "policy_url": "", "contact": "",
        "initiative_roles-TOTAL_FORMS": "0", "initiative_roles-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_curator_is_in_the_curator_group_without_being_superuser(curator):
    assert not curator.is_superuser
    assert curator.groups.filter(name="curator").exists()
    assert curator.has_perm("directory.change_organisation")
    assert curator.has_perm("directory.add_initiative")
    assert not curator.has_perm("auth.change_user")


@pytest.mark.django_db
def test_curator_adds_an_organisation_in_admin(curator_client):
    response = curator_client.post(ADD_ORG, organisation_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    organisation = Organisation.objects.get(slug="gemeente-utrecht")
    assert "<strong>open</strong>" in organisation.description_html
    assert list(organisation.tags.names()) == ["gemeenten"]
    assert LogEntry.objects.filter(object_id=str(organisation.pk)).exists()  # history


@pytest.mark.django_db
def test_curator_adds_an_initiative_with_organisation_roles_inline(curator_client, amsterdam):
    data = {
        "name": "Samen Bouwen", "slug": "samen-bouwen", "kind": "community", "status": "active", "start_year": "2023",
        "website": "", "source_url": "", "description": "", "tags": "",
        "roles-TOTAL_FORMS": "1", "roles-INITIAL_FORMS": "0", "roles-MIN_NUM_FORMS": "0", "roles-MAX_NUM_FORMS": "1000",
        "roles-0-organisation": str(amsterdam.pk), "roles-0-role": "founder",
    }
    response = curator_client.post("/admin/directory/initiative/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative = Initiative.objects.get(slug="samen-bouwen")
    assert list(initiative.roles.values_list("organisation__slug", "role")) == [("gemeente-amsterdam", "founder")]


@pytest.mark.django_db
def test_duplicate_slug_gives_a_form_error(curator_client, amsterdam):
    response = curator_client.post(ADD_ORG, organisation_form(slug="gemeente-amsterdam"))
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_duplicate_tooi_gives_a_form_error_whatever_the_case(curator_client, amsterdam):
    response = curator_client.post(ADD_ORG, organisation_form(tooi="GM0363"))
    assert response.status_code == 200
    assert "tooi" in response.context["adminform"].form.errors
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_two_organisations_without_tooi_are_fine(curator_client, amsterdam):
    make_organisation("Zonder Tooi")
    response = curator_client.post(ADD_ORG, organisation_form(tooi=""))
    assert response.status_code == 302
    assert Organisation.objects.filter(tooi__isnull=True).count() == 2


@pytest.mark.django_db
def test_publish_and_unpublish_actions_write_history(curator_client, hidden_org, amsterdam):
    response = curator_client.post(ORG_LIST, {"action": "publish", "_selected_action": [hidden_org.pk, amsterdam.pk]})
    assert response.status_code == 302
    hidden_org.refresh_from_db()
    assert hidden_org.is_published
    assert LogEntry.objects.filter(object_id=str(hidden_org.pk), change_message="Gepubliceerd").count() == 1
    assert not LogEntry.objects.filter(object_id=str(amsterdam.pk)).exists()  # already published: unchanged
    curator_client.post(ORG_LIST, {"action": "unpublish", "_selected_action": [hidden_org.pk]})
    hidden_org.refresh_from_db()
    assert not hidden_org.is_published


@pytest.mark.django_db
def test_export_selected_as_csv_includes_unpublished_for_staff(curator_client, hidden_org, amsterdam):
    response = curator_client.post(ORG_LIST, {"action": "export_organisations_csv",
                                              "_selected_action": [hidden_org.pk]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "geheime-dienst" in response.text and "gemeente-amsterdam" not in response.text
    initiative = make_initiative("Open Stad", organisations=[(amsterdam, InitiativeOrganisation.Role.HOST)])
    response = curator_client.post(INITIATIVE_LIST, {"action": "export_initiatives_csv",
                                                     "_selected_action": [initiative.pk]})
    assert "gemeente-amsterdam:host" in response.text


@pytest.mark.django_db
def test_admin_lists_search_filter_and_autocomplete_work_for_curators(curator_client, amsterdam):
    make_initiative("Open Stad")
    assert curator_client.get(ORG_LIST, {"q": "amsterdam", "kind__exact": "municipality"}).status_code == 200
    assert curator_client.get(INITIATIVE_LIST, {"status__exact": "active"}).status_code == 200
    assert curator_client.get(f"{ORG_LIST}{amsterdam.pk}/change/").status_code == 200
    assert curator_client.get(f"{ORG_LIST}{amsterdam.pk}/history/").status_code == 200
    response = curator_client.get("/admin/autocomplete/", {
        "term": "amst", "app_label": "directory", "model_name": "initiativeorganisation", "field_name": "organisation"})
    assert response.status_code == 200
    assert response.json()["results"][0]["text"] == "Gemeente Amsterdam"


@pytest.mark.django_db
def test_member_gets_no_admin_access(member_client):
    response = member_client.get(ORG_LIST)
    assert response.status_code == 302
    assert "/admin/login/" in response.url
    response = member_client.post(ADD_ORG, organisation_form())
    assert response.status_code == 302
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_staff_without_the_curator_group_cannot_change_the_directory(client):
    from tests.factories import make_user

    staff = make_user("staff@example.org", is_staff=True)
    client.force_login(staff)
    assert client.get(ORG_LIST).status_code == 403


@pytest.mark.django_db
def test_sync_curator_group_command_is_idempotent_and_has_a_dry_run():
    from io import StringIO

    from django.core.management import call_command

    Group.objects.filter(name="curator").delete()
    out = StringIO()
    call_command("sync_curator_group", "--dry-run", stdout=out)
    assert "would get" in out.getvalue()
    assert not Group.objects.filter(name="curator").exists()
    call_command("sync_curator_group", stdout=out)
    call_command("sync_curator_group", stdout=out)
    group = Group.objects.get(name="curator")
    assert group.permissions.filter(codename="change_initiative").exists()
    assert not group.permissions.filter(codename="delete_profile").exists()


def test_curators_manage_search_synonyms_in_admin(curator_client):
    response = curator_client.post(
        "/admin/search/synonym/add/", {"term": "AVG", "synonyms": "algemene verordening gegevensbescherming"}
    )
    assert response.status_code == 302
    from ospo_nl.search.models import Synonym

    assert Synonym.objects.filter(term__iexact="avg").exists()
