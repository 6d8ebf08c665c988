from ospo_nl.core.markdown_pipeline import render_markdown, render_markdown_with_toc


def test_script_tags_are_removed():
    html = render_markdown("Hallo <script>alert(1)</script> wereld")
    assert "<script" not in html
    assert "Hallo" in html


def test_javascript_links_lose_their_href():
    html = render_markdown("[klik](javascript:alert(1))")
    assert "javascript:" not in html


def test_event_handler_attributes_are_stripped():
    html = render_markdown('<img src="x.png" onerror="alert(1)">')
    assert "onerror" not in html


def test_external_links_get_nofollow_ugc_noopener():
    html = render_markdown("[EUPL](https://eupl.eu)")
    assert 'rel="nofollow ugc noopener"' in html


def test_bare_urls_are_linkified_with_rel():
    html = render_markdown("Zie https://opensourcewerken.nl voor meer.")
    assert '<a href="https://opensourcewerken.nl" rel="nofollow ugc noopener">' in html


def test_relative_links_stay_followable():
    html = render_markdown("[casussen](/casussen/)")
    assert 'href="/casussen/"' in html
    assert "nofollow" not in html


def test_tables_footnotes_and_fenced_code_render():
    source = "| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1]\n\n[^1]: Voetnoot\n\n```\ncode <b>\n```\n"
    html = render_markdown(source)
    assert "<table>" in html
    assert 'class="footnote"' in html
    assert "<pre><span></span><code>code &lt;b&gt;" in html


def test_headings_get_anchor_ids_and_toc():
    html, toc = render_markdown_with_toc("## Stap een\n\ntekst")
    assert '<h2 id="stap-een">' in html
    assert toc[0]["id"] == "stap-een"


def test_an_h1_in_the_body_moves_every_heading_one_level_down():
    # The page's own title is its only h1.
    html, toc = render_markdown_with_toc("# Titel\n\n## Stap een\n\n###### Diep\n\ntekst")
    assert "<h1" not in html
    assert '<h2 id="titel">' in html and '<h3 id="stap-een">' in html and '<h6 id="diep">' in html
    assert toc[0]["id"] == "titel" and toc[0]["children"][0]["id"] == "stap-een"
