"""The pipeline's extensions (pymdown-extensions and our own two), each as a post or an import shows it."""

from ospo_nl.core.markdown_pipeline import render_markdown


def test_lists_nest_at_two_spaces_as_at_four():
    two = render_markdown("- a\n  - b\n    - c\n- d\n")
    four = render_markdown("- a\n    - b\n        - c\n- d\n")
    assert two == four
    assert two.count("<ul>") == 3 and "<li>d</li>" in two


def test_an_ordered_list_keeps_a_three_space_fenced_block_and_its_numbering():
    html = render_markdown("1. Installeer:\n\n   ```bash\n   npm i\n   ```\n2. Start\n")
    assert html.count("<ol>") == 1 and html.count("<li>") == 2
    assert "<code>npm" in html and "```" not in html


def test_admonitions_in_both_syntaxes_get_their_title():
    html = render_markdown('!!! warning "Let op"\n    Eerst **dit**.\n\n/// tip | Handig\nDan dat.\n///\n')
    assert '<div class="admonition warning">\n<p class="admonition-title">Let op</p>' in html
    assert '<div class="admonition tip">\n<p class="admonition-title">Handig</p>' in html
    assert "!!!" not in html and "///" not in html


def test_details_stay_collapsed_with_their_summary():
    html = render_markdown('??? note "Meer lezen"\n    Verborgen.\n\n<details><summary>Ook</summary>Dit.</details>\n')
    assert '<details class="note">\n<summary>Meer lezen</summary>\n<p>Verborgen.</p>\n</details>' in html
    assert "<details><summary>Ook</summary>" in html


def test_tabs_become_open_headed_panels_without_form_controls():
    html = render_markdown('=== "Linux"\n    apt\n\n=== "Windows"\n    winget\n')
    assert '<details class="tab-panel" open><summary>Linux</summary>\n<p>apt</p>' in html
    assert "<summary>Windows</summary>" in html
    assert "<input" not in html and "<label" not in html and "===" not in html


def test_fences_with_attributes_get_a_title_and_no_inline_style():
    html = render_markdown('```json title="package.json"\n{"a": 1}\n```\n')
    assert '<span class="filename">package.json</span>' in html
    assert "```" not in html and "style=" not in html


def test_a_mermaid_fence_stays_readable_as_code():
    html = render_markdown("```mermaid\ngraph TD\n  A-->B\n```\n")
    assert '<pre class="mermaid"><code>graph TD\n  A--&gt;B</code></pre>' in html


def test_task_lists_get_disabled_checkboxes_and_no_other_input_survives():
    html = render_markdown(
        '- [x] klaar\n- [ ] open\n\n<input type="text" name="q"><input type="checkbox" onclick="x()">\n')
    # The item's text labels its checkbox (a screen reader names it).
    assert '<li class="task-list-item"><label><input type="checkbox" disabled checked> klaar</label></li>' in html
    assert '<li class="task-list-item"><label><input type="checkbox" disabled> open</label></li>' in html
    assert 'type="text"' not in html and "onclick" not in html
    assert html.count("<input") == 2  # the raw checkbox outside a task item is dropped too


def test_abbreviations_footnotes_attribute_lists_and_marks():
    html = render_markdown("De EUPL[^1] is ==Europees==.\n\n*[EUPL]: European Union Public Licence\n\n"
                           "[^1]: Een licentie.\n\n## Kop {#eigen}\n")
    assert '<abbr title="European Union Public Licence">EUPL</abbr>' in html
    assert 'class="footnote"' in html and "<mark>Europees</mark>" in html and '<h2 id="eigen">Kop</h2>' in html


def test_attribute_lists_cannot_add_script_or_style():
    html = render_markdown('[x](https://example.org){ onclick="alert(1)" style="color:red" .knop }\n')
    assert "onclick" not in html and "style=" not in html and 'class="knop"' in html


def test_one_document_leaves_nothing_behind_for_the_next():
    """Each thread reuses one Markdown instance (building one costs more than converting a post): what a document
    defines (footnotes, abbreviations, its headings) must not reach the next one."""
    from ospo_nl.core.markdown_pipeline import render_markdown_with_toc  # noqa: PLC0415

    first, first_toc = render_markdown_with_toc(
        "## Licenties\n\nDe EUPL[^1] is een HTML-licentie.\n\n[^1]: European Union Public Licence\n\n"
        "*[EUPL]: European Union Public Licence"
    )
    assert "footnote" in first and "<abbr" in first and [t["name"] for t in first_toc] == ["Licenties"]
    second, second_toc = render_markdown_with_toc("## Inkoop\n\nDe EUPL bij een aanbesteding.")
    assert "footnote" not in second and "<abbr" not in second and "European" not in second
    assert [t["name"] for t in second_toc] == ["Inkoop"]
    assert render_markdown_with_toc("") == ("", [])
