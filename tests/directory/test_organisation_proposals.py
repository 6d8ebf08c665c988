"""Members propose a missing organisation (name, kind, website); curators accept it into the directory or decline
it with a note, and the member is told."""

import pytest
from django.urls import reverse

from directory import verbs
from directory.models import Organisation, OrganisationProposal
from ospo_nl.notifications.models import Notification
from tests.conftest import make_user

PROPOSE = reverse("directory:propose_organisation")
QUEUE = reverse("directory:proposal_queue")
POST = {"name": "Gemeente Zeist", "kind": "municipality", "website": "https://www.zeist.nl/"}


def decide(pk):
    return reverse("directory:decide_proposal", args=[pk])


@pytest.mark.django_db
def test_a_member_proposes_and_a_curator_accepts_it_into_the_directory(member, member_client, curator_client, client):
    assert member_client.post(PROPOSE, POST).status_code == 302
    proposal = OrganisationProposal.objects.get()
    assert (proposal.proposed_by, proposal.status) == (member, "pending")
    assert "Gemeente Zeist" not in client.get(reverse("directory:organisation_list")).text
    assert "Gemeente Zeist" in curator_client.get(QUEUE).text
    assert curator_client.post(decide(proposal.pk), {"decision": "accept"}).status_code == 302
    organisation = Organisation.objects.get(name="Gemeente Zeist")
    assert organisation.is_published and organisation.kind == "municipality"
    assert organisation.website == "https://www.zeist.nl/"
    told = Notification.objects.get(recipient=member)
    assert (told.event, told.url) == ("proposal", organisation.get_absolute_url())
    assert "Gemeente Zeist" in client.get(reverse("directory:organisation_list")).text
    assert "opgenomen" in member_client.get(PROPOSE).text


@pytest.mark.django_db
def test_declining_needs_a_note_which_the_member_reads(member, member_client, curator_client):
    proposal = verbs.propose_organisation(by=member, **POST)
    response = curator_client.post(decide(proposal.pk), {"decision": "decline", "note": ""})
    assert response.status_code == 400 and "Leg uit waarom je het voorstel afwijst." in response.text
    curator_client.post(decide(proposal.pk), {"decision": "decline", "note": "Geen publieke organisatie."})
    proposal.refresh_from_db()
    assert proposal.status == "declined" and not Organisation.objects.exists()
    assert "Geen publieke organisatie." in member_client.get(PROPOSE).text
    assert Notification.objects.get(recipient=member).event == "proposal"
    assert curator_client.post(decide(proposal.pk), {"decision": "accept"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("changes,message", [
    ({"name": ""}, "Dit veld is verplicht."),
    ({"kind": "sekte"}, "Selecteer een geldige keuze"),
    ({"website": "javascript:alert(1)"}, "Voer een geldige URL in."),
    ({"website": ""}, "Dit veld is verplicht."),
])
def test_bad_input_is_refused_with_a_message_and_nothing_stored(member_client, changes, message):
    response = member_client.post(PROPOSE, {**POST, **changes})
    assert response.status_code == 400 and message in response.text
    assert not OrganisationProposal.objects.exists()


@pytest.mark.django_db
def test_an_organisation_in_the_directory_or_already_proposed_is_refused(member, member_client, other_member_client):
    Organisation.objects.create(name="Gemeente Utrecht", slug="gemeente-utrecht", is_published=True)
    response = member_client.post(PROPOSE, {**POST, "name": "gemeente  utrecht"})
    assert response.status_code == 400 and "staat al in de gids" in response.text
    verbs.propose_organisation(by=member, **POST)
    response = other_member_client.post(PROPOSE, POST)
    assert response.status_code == 400 and "al voorgesteld" in response.text


@pytest.mark.django_db
def test_roles(member, client, member_client, expert_client, curator_client):
    proposal = verbs.propose_organisation(by=member, **POST)
    assert client.get(PROPOSE)["Location"].startswith(reverse("account_login"))
    assert client.post(decide(proposal.pk), {"decision": "accept"})["Location"].startswith(reverse("account_login"))
    for c in (member_client, expert_client):
        assert c.get(QUEUE).status_code == 403
        assert c.post(decide(proposal.pk), {"decision": "accept"}).status_code == 403
    assert curator_client.get(decide(proposal.pk)).status_code == 405
    assert curator_client.post(decide(proposal.pk), {"decision": "misschien"}).status_code == 400
    assert not Organisation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 8])
def test_the_pages_cost_a_fixed_number_of_queries(member, member_client, curator_client, django_assert_num_queries,
                                                  n):
    for i in range(n):
        verbs.propose_organisation(by=make_user(f"voorsteller{i}@example.org"), name=f"Organisatie {i}",
                                   kind="other", website="https://example.org/")
        verbs.propose_organisation(by=member, name=f"Mijn organisatie {i}", kind="other",
                                   website="https://example.org/")
    # Session, user with profile, the pending proposals with who proposed them.
    with django_assert_num_queries(3):
        assert curator_client.get(QUEUE).status_code == 200
    # Session, user with profile, the member's own proposals.
    with django_assert_num_queries(3):
        assert member_client.get(PROPOSE).status_code == 200
