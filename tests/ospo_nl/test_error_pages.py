"""The 500 page renders without a database or context, in both languages, in the site's look."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_server_error_page_renders_standalone():
    response = server_error(RequestFactory().get("/"))
    text = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in text and "Something went wrong" in text
    assert "/static/css/site.css" in text
    assert "style=" not in text and "<script" not in text
