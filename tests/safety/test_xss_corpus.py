"""Every known XSS vector is stored harmless: through the Markdown pipeline, and through a real form post."""

import pytest
from django.urls import reverse

from casussen.models import Comment
from ospo_nl.core.markdown_pipeline import render_markdown

from .xss import problems_in, scheme, vectors

VECTORS = vectors()


def test_the_corpus_is_large():
    assert len(VECTORS) >= 100


@pytest.mark.parametrize("vector", VECTORS)
def test_the_pipeline_stores_each_vector_harmless(vector):
    assert problems_in(render_markdown(vector)) == []


def test_the_checker_itself_catches_what_it_should():
    assert problems_in('<img src=x onerror="alert(1)">')
    assert problems_in('<a href="jav&#x09;ascript:alert(1)">x</a>')
    assert problems_in("<script>alert(1)</script>")
    assert problems_in('<div style="x">x</div>')
    assert scheme(" \x0e JaVa\tscript:alert(1)") == "javascript"
    assert scheme("&#x6A;avascript:alert(1)") == ""  # still encoded after one decoding: a relative URL


def test_external_links_get_nofollow_ugc_noopener_whoever_writes_them():
    html = render_markdown("[site](https://example.com) en https://example.org")
    assert html.count('rel="nofollow ugc noopener"') == 2


def test_links_on_our_own_site_get_no_nofollow(settings):
    settings.SITE_URL = "https://ospo.example.nl"
    assert "nofollow" not in render_markdown("[casus](https://ospo.example.nl/casussen/) en [rel](/forum/)")


def test_each_vector_posted_through_the_comment_form_is_stored_and_served_harmless(settings, member_client, casus):
    settings.RATELIMITS = {"comment": {"member": (1000, 3600), "new": (1000, 3600), "ip": (1000, 3600)}}
    url = reverse("casussen:comment", args=[casus.slug])
    baseline = member_client.get(casus.get_absolute_url()).content.decode().lower().count("<script")
    for vector in VECTORS:
        response = member_client.post(url, {"body": vector})
        assert response.status_code == 302, vector
    stored = list(Comment.objects.filter(casus=casus).order_by("pk").values_list("body", "body_html"))
    assert len(stored) == len(VECTORS)
    for body, body_html in stored:
        assert problems_in(body_html) == [], body
    page = member_client.get(casus.get_absolute_url()).content.decode()
    assert problems_in(page, page=True) == []
    assert page.lower().count("<script") == baseline


def test_a_casus_made_of_every_vector_is_served_harmless_also_in_its_head(settings, member_client):
    from casussen.models import Casus

    body = "\n\n".join(VECTORS)
    response = member_client.post(reverse("casussen:ask"), {
        "title": '"><script>alert(1)</script>', "body": body, "tried": body, "desired_outcome": "<svg onload=x>",
        "phase": "orientation", "visibility": "public", "tag_string": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    casus = Casus.objects.get()
    for name in ("body_html", "tried_html", "desired_outcome_html"):
        assert problems_in(getattr(casus, name)) == []
    page = member_client.get(casus.get_absolute_url()).content.decode()
    assert problems_in(page, page=True) == []
    assert "<script>alert(1)" not in page
