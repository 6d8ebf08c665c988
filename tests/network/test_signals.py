"""Signals: sharing by role, bad input, the list, the page, the Atom feed, the tag feed, search and the home page."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from network import verbs
from network.models import Signal
from ospo_nl.search.index import search

from .conftest import make_signal

ATOM = "{http://www.w3.org/2005/Atom}"
POST = {"kind": "report", "title": "Rapport over open source bij gemeenten", "url": "https://example.org/rapport",
        "source": "VNG", "commentary": "Belangrijk voor **inkopers**.", "tag_string": "inkoop, gemeenten"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["expert_client", "curator_client"])
def test_experts_and_curators_share_a_signal(persona, request):
    response = request.getfixturevalue(persona).post(reverse("network:signal_create"), POST)
    signal = Signal.objects.get()
    assert response.status_code == 302 and response["Location"] == signal.get_absolute_url()
    assert signal.commentary_html == "<p>Belangrijk voor <strong>inkopers</strong>.</p>"
    assert sorted(signal.tags.names()) == ["gemeenten", "inkoop"]
    assert signal.shared_by.email in ("expert@example.org", "curator@example.org")


@pytest.mark.django_db
def test_members_may_not_share_and_visitors_log_in(member_client, client):
    assert member_client.get(reverse("network:signal_create")).status_code == 403
    assert member_client.post(reverse("network:signal_create"), POST).status_code == 403
    assert client.post(reverse("network:signal_create"), POST)["Location"].startswith(reverse("account_login"))
    assert not Signal.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("changes,message", [
    ({"url": "javascript:alert(document.cookie)"}, "begint met http:// of https://"),
    ({"url": "data:text/html,<script>alert(1)</script>"}, "begint met http:// of https://"),
    ({"url": ""}, "Dit veld is verplicht."),
    ({"source": ""}, "Dit veld is verplicht."),
    ({"commentary": "x" * 2001}, "niet meer dan 2000 tekens"),
    ({"tag_string": "a, b, c, d, e, f, g, h, i"}, "Gebruik hoogstens 8 tags."),
    ({"kind": "gerucht"}, "Selecteer een geldige keuze"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(expert_client, changes, message):
    response = expert_client.post(reverse("network:signal_create"), {**POST, **changes})
    assert response.status_code == 400 and message in response.text
    assert "Rapport over open source bij gemeenten" in response.text  # what was typed stays
    assert not Signal.objects.exists()


@pytest.mark.django_db
def test_markup_in_the_commentary_is_sanitized_before_storage(expert):
    signal = make_signal(expert, commentary='<script>alert(1)</script><a href="javascript:x">klik</a> [ok](https://e.org)')
    assert "<script" not in signal.commentary_html and "javascript:" not in signal.commentary_html
    assert 'rel="nofollow ugc noopener"' in signal.commentary_html


@pytest.mark.django_db
def test_whoever_shared_it_or_a_curator_edits_and_deletes(expert, expert_client, member_client, curator_client):
    signal = make_signal(expert)
    edit = reverse("network:signal_edit", args=[signal.slug])
    delete = reverse("network:signal_delete", args=[signal.slug])
    assert member_client.post(edit, {**POST, "title": "Gekaapt"}).status_code == 403
    assert member_client.post(delete).status_code == 403
    assert expert_client.post(edit, {**POST, "title": "Bijgewerkt"}).status_code == 302
    signal.refresh_from_db()
    assert signal.title == "Bijgewerkt" and signal.shared_by == expert  # the sharer never comes from POST
    assert expert_client.get(delete).status_code == 405
    assert curator_client.post(delete).status_code == 302
    signal.refresh_from_db()
    assert signal.is_deleted
    assert curator_client.get(signal.get_absolute_url()).status_code == 404
    assert curator_client.post(delete).status_code == 404


@pytest.mark.django_db
def test_the_list_filters_by_tag_and_leaves_out_deleted_signals(expert, curator, client):
    make_signal(expert, "Over Europa", tags=["europa"])
    make_signal(expert, "Over inkoop", tags=["inkoop"])
    gone = make_signal(expert, "Verwijderd signaal")
    verbs.delete_signal(signal=gone, by=curator)
    text = client.get(reverse("network:signal_list")).text
    assert "Over Europa" in text and "Over inkoop" in text and "Verwijderd signaal" not in text
    tagged = client.get(reverse("network:signal_list") + "?tag=inkoop").text
    assert "Over inkoop" in tagged and "Over Europa" not in tagged
    assert client.get(reverse("network:signal_list") + "?tag=bestaat-niet").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 12])
def test_signal_pages_cost_the_same_queries_whatever_the_number(expert, client, expert_client,
                                                                django_assert_num_queries, n):
    for i in range(n):
        make_signal(expert, f"Signaal {i}", tags=["europa", f"tag{i}"])
    # The count, the page with who shared it, the page's tags.
    with django_assert_num_queries(3):
        assert client.get(reverse("network:signal_list")).status_code == 200
    # Session, user with profile, the count, the page, its tags.
    with django_assert_num_queries(5):
        assert expert_client.get(reverse("network:signal_list")).status_code == 200
    # The signal with who shared it, its tags.
    with django_assert_num_queries(2):
        assert client.get(reverse("network:signal_detail", args=["signaal-0"])).status_code == 200
    # The newest signals with who shared them, their tags.
    with django_assert_num_queries(2):
        assert client.get(reverse("network:signal_feed")).status_code == 200


@pytest.mark.django_db
def test_the_atom_feed_has_the_newest_signals_with_absolute_links(expert, curator, client, settings):
    make_signal(expert, "Eerste signaal")
    make_signal(expert, "Tweede signaal")
    verbs.delete_signal(signal=make_signal(expert, "Weg"), by=curator)
    root = ET.fromstring(client.get(reverse("network:signal_feed")).content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Tweede signaal", "Eerste signaal"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith(settings.SITE_URL)
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Eva Expert"


@pytest.mark.django_db
def test_signals_are_in_the_tag_feed_search_sitemap_and_on_the_home_page(expert, curator, client):
    make_signal(expert, "Europese strategie voor open source", tags=["europa"])
    tag_feed = client.get(reverse("tag_feed", args=["europa"])).text
    assert "Europese strategie voor open source" in tag_feed
    results = search("strategie", user=None)
    assert [e.title for e in results.entries] == ["Europese strategie voor open source"]
    assert results.entries[0].kind == "signal"
    assert "/signalen/europese-strategie-voor-open-source/" in client.get("/sitemap-signalen.xml").text
    assert "Europese strategie voor open source" in client.get(reverse("home")).text
    verbs.delete_signal(signal=Signal.objects.get(), by=curator)
    assert search("strategie", user=None).entries == []
    assert "Europese strategie" not in client.get(reverse("home")).text
