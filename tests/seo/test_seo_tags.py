"""The head helpers: plain-text descriptions and the capture tag that lets OpenGraph reuse title and description."""

from django.template import Context, Template
from django.utils.safestring import SafeString

from ospo_nl.seo.structured_data import json_ld
from ospo_nl.seo.templatetags.seo import plain_text


def test_plain_text_strips_markup_unescapes_once_and_keeps_paragraphs_apart():
    assert plain_text("<h2>Kop</h2><p>Een &amp; twee</p><ul><li>drie</li></ul>") == "Kop Een & twee drie"


def test_plain_text_cuts_at_160_characters_with_an_ellipsis():
    text = plain_text("<p>" + "woord " * 100 + "</p>")
    assert len(text) == 160 and text.endswith("…")
    assert plain_text("kort", 3) == "ko…"


def test_plain_text_is_not_marked_safe_so_it_is_escaped_on_output():
    assert not isinstance(plain_text("<b>a</b> &lt;script&gt;"), SafeString)
    rendered = Template('{% load seo %}<meta content="{{ v|plain_text }}">').render(Context({"v": "&lt;script&gt; \""}))
    assert rendered == '<meta content="&lt;script&gt; &quot;">'


def test_capture_renders_once_and_reuses_the_output():
    template = Template('{% load seo %}{% capture as t %} <b>{{ name }}</b> {% endcapture %}[{{ t }}][{{ t }}]')
    assert template.render(Context({"name": "A & B"})) == "[<b>A &amp; B</b>][<b>A &amp; B</b>]"


def test_json_ld_escapes_what_could_end_the_script_element():
    assert str(json_ld({"name": "</script>&"})) == '{"name": "\\u003C/script\\u003E\\u0026"}'
    assert json_ld({}) == ""
