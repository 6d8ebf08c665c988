"""Docusaurus' Markdown (MDX, also in `.md` files) mapped onto the pipeline's syntax.

- `:::note Title` / `:::tip[Title]` admonitions and the `<Admonition>` component -> `/// note | Title` blocks;
- `<Tabs>` / `<TabItem label=…>` -> `/// tab | label` blocks (shown as open, headed panels);
- `<details><summary>` -> `/// details | summary`; `<CodeBlock>` -> a fence; `<Highlight>` -> ==mark==;
- `<Card>`, `<Author>` -> a link with its text; `<DocCardList />` -> a list of the folder's pages;
- `import` / `export` statements and `{/* comments */}` removed; any other component reported by name and line,
  its children kept as prose.

No Python library parses MDX; this is a small scanner for JSX tags (attributes in quotes or braces, over several
lines), not a JavaScript evaluator: expressions in braces are read only where they are plain strings.
"""

import re
import textwrap

from .pages import map_prose, prose_segments

ADMONITION_TITLES = {
    "nl": {"note": "Opmerking", "tip": "Tip", "info": "Info", "warning": "Waarschuwing", "danger": "Gevaar",
           "caution": "Let op", "important": "Belangrijk", "success": "Gelukt", "secondary": "Opmerking"},
    "en": {"note": "Note", "tip": "Tip", "info": "Info", "warning": "Warning", "danger": "Danger",
           "caution": "Caution", "important": "Important", "success": "Success", "secondary": "Note"},
}
ADMONITION_KINDS = {"secondary": "note", "important": "important"}
DOC_CARD_LIST = "\x00DOCCARDLIST\x00"

_ADMONITION_OPEN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<colons>:{3,})(?P<kind>[a-zA-Z]+)"
    r"(?:\[(?P<bracket>[^\]]*)\]|\{\s*title\s*=\s*(?P<q>[\"'])(?P<braced>.*?)(?P=q)\s*\}|[ \t]+(?P<plain>.*?))?"
    r"[ \t]*$")
_ADMONITION_CLOSE = re.compile(r"^[ \t]*:{3,}[ \t]*$")
_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)
_HIGHLIGHT_COMMENT = re.compile(
    r"^\s*(?://|#|<!--|/\*|\{/\*)\s*highlight-(?:next-line|start|end)\s*(?:-->|\*/\}?|\*/)?\s*$")
_FENCE_INFO = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")


def _admonitions_to_components(text):
    """`:::kind Title` ... `:::` -> <Admonition> tags, so one pass nests them with tabs and details."""
    depth = 0

    def convert(chunk):
        nonlocal depth
        lines = []
        for line in chunk.splitlines(keepends=True):
            match = _ADMONITION_OPEN.match(line)
            if match:
                title = match.group("bracket") or match.group("braced") or match.group("plain") or ""
                lines.append(f'<Admonition type="{match.group("kind").lower()}" title="{_attr(title)}">\n')
                depth += 1
                continue
            if _ADMONITION_CLOSE.match(line) and depth:
                lines.append("</Admonition>\n")
                depth -= 1
                continue
            lines.append(line)
        return "".join(lines)

    return map_prose(text, convert)


def _attr(value):
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _unattr(value):
    return value.replace("&quot;", '"').replace("&amp;", "&")


def remove_imports_and_exports(text, notes):
    """Drop top-level `import … from …` and `export …` statements (also over several lines) outside code."""
    def strip(chunk):
        lines = chunk.splitlines(keepends=True)
        kept, index = [], 0
        while index < len(lines):
            line = lines[index]
            if re.match(r"^(import|export)\s", line):
                statement, balance = [], 0
                while index < len(lines):
                    statement.append(lines[index])
                    balance += sum(lines[index].count(c) for c in "({[") - sum(lines[index].count(c) for c in ")}]")
                    index += 1
                    if balance <= 0 and not lines[index - 1].rstrip().endswith(("=", ",", "(", "{", "[", "=>")):
                        break
                notes.append(("statement", " ".join(part.strip() for part in statement)[:200]))
                continue
            kept.append(line)
            index += 1
        return "".join(kept)

    return map_prose(text, strip)


class _Tag:
    def __init__(self, name, attrs, kind, start, end):
        self.name, self.attrs, self.kind, self.start, self.end = name, attrs, kind, start, end


_NAME = re.compile(r"[A-Za-z][\w.]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:][\w:.-]*")


def _read_braced(text, index):
    """Index after the `{...}` starting at `index`, braces balanced, strings skipped."""
    depth, quote = 0, None
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


def _parse_tag(text, index):
    """A JSX/HTML tag starting at text[index] == "<", or None when it is not one."""
    position = index + 1
    closing = text.startswith("/", position)
    if closing:
        position += 1
    name_match = _NAME.match(text, position)
    if not name_match:
        return None
    name = name_match.group(0)
    if not (name[0].isupper() or name in {"details", "summary"}):
        return None
    position = name_match.end()
    attrs = {}
    while position < len(text):
        while position < len(text) and text[position].isspace():
            position += 1
        if text.startswith("/>", position):
            return _Tag(name, attrs, "self", index, position + 2)
        if text.startswith(">", position):
            return _Tag(name, attrs, "close" if closing else "open", index, position + 1)
        if text.startswith("{", position):  # {...spread}
            end = _read_braced(text, position)
            if end < 0:
                return None
            position = end
            continue
        attr = _ATTR_NAME.match(text, position)
        if not attr:
            return None
        key, position = attr.group(0), attr.end()
        if text.startswith("=", position):
            position += 1
            if position < len(text) and text[position] in "\"'":
                end = text.find(text[position], position + 1)
                if end < 0:
                    return None
                attrs[key] = text[position + 1:end]
                position = end + 1
            elif text.startswith("{", position):
                end = _read_braced(text, position)
                if end < 0:
                    return None
                attrs[key] = _js_value(text[position + 1:end - 1])
                position = end
            else:
                return None
        else:
            attrs[key] = True
    return None


def _js_value(expression):
    """A braced attribute: a plain string or number literal is its value; anything else stays an expression."""
    stripped = expression.strip()
    match = re.fullmatch(r"([\"'`])(.*)\1", stripped, re.DOTALL)
    if match:
        return match.group(2)
    if re.fullmatch(r"-?\d+(\.\d+)?|true|false", stripped):
        return stripped
    return {"expression": stripped}


def _tokens(chunk):
    """Split prose into text and tags; inline code spans are text."""
    out, index, text_start = [], 0, 0
    while index < len(chunk):
        char = chunk[index]
        if char == "`":
            run = re.match(r"`+", chunk[index:]).group(0)
            end = chunk.find(run, index + len(run))
            index = end + len(run) if end >= 0 else index + len(run)
            continue
        if char == "<":
            tag = _parse_tag(chunk, index)
            if tag:
                out.append(chunk[text_start:index])
                out.append(tag)
                index = text_start = tag.end
                continue
        index += 1
    out.append(chunk[text_start:])
    return out


def _tab_values(expression):
    """`values={[{label: 'Apple', value: 'apple'}, …]}` -> {"apple": "Apple"}."""
    if not isinstance(expression, dict):
        return {}
    pairs = {}
    for item in re.findall(r"\{([^{}]*)\}", expression["expression"]):
        label = re.search(r"label\s*:\s*([\"'`])(.*?)\1", item)
        value = re.search(r"value\s*:\s*([\"'`])(.*?)\1", item)
        if label and value:
            pairs[value.group(2)] = label.group(2)
    return pairs


class _Frame:
    def __init__(self, tag):
        self.tag, self.parts, self.slashes = tag, [], 2  # the deepest block inside, in slashes


def map_components(text, *, language, notes, known_link=None):
    """Docusaurus components in prose -> pipeline syntax; returns the new text. Notes get (what, detail)."""
    text = _COMMENT.sub("", text)
    text = _admonitions_to_components(text)
    titles = ADMONITION_TITLES.get(language, ADMONITION_TITLES["en"])
    root = _Frame(None)
    stack = [root]
    tabs_stack = []
    reported = set()

    def emit(value):
        stack[-1].parts.append(value)

    def block(kind, title, content, frame, options=""):
        slashes = "/" * max(3, frame.slashes + 1)
        stack[-1].slashes = max(stack[-1].slashes, len(slashes))
        header = f"{slashes} {kind}" + (f" | {title}" if title else "")
        body = textwrap.dedent(content).strip("\n")
        return f"\n\n{header}\n{options}\n{body}\n\n{slashes}\n\n"

    for is_code, chunk in prose_segments(text):
        if is_code:
            emit(chunk)
            continue
        for token in _tokens(chunk):
            if isinstance(token, str):
                emit(token)
                continue
            name, attrs = token.name, token.attrs
            if name in {"Tabs", "TabItem", "details", "summary", "Admonition", "CodeBlock", "Highlight", "Card",
                        "Author", "DocCardList"}:
                if token.kind == "open":
                    frame = _Frame(token)
                    if name == "Tabs":
                        tabs_stack.append({"values": _tab_values(attrs.get("values")), "first": True})
                    stack.append(frame)
                    continue
                if token.kind == "self":
                    emit(_self_closing(name, attrs, notes))
                    continue
                # a closing tag: wrap what was collected since its opening tag
                if len(stack) == 1 or stack[-1].tag.name != name:
                    notes.append(("component", f"</{name}> without its opening tag"))
                    continue
                frame = stack.pop()
                content = "".join(frame.parts)
                if name == "Tabs":
                    tabs_stack.pop() if tabs_stack else None
                    emit(content)
                    stack[-1].slashes = max(stack[-1].slashes, frame.slashes)
                elif name == "TabItem":
                    group = tabs_stack[-1] if tabs_stack else {"values": {}, "first": True}
                    value = str(frame.tag.attrs.get("value") or "")
                    label = frame.tag.attrs.get("label") or group["values"].get(value) or value or "Tab"
                    options = "    new: true\n" if group["first"] else ""
                    group["first"] = False
                    emit(block("tab", _plain(label), content, frame, options))
                elif name == "summary":
                    stack[-1].summary = " ".join(content.split())
                elif name == "details":
                    summary = getattr(frame, "summary", "") or titles.get("details", "Details")
                    emit(block("details", summary, content, frame))
                elif name == "Admonition":
                    kind = str(frame.tag.attrs.get("type") or "note").lower()
                    title = _unattr(str(frame.tag.attrs.get("title") or "")) or titles.get(kind, kind.capitalize())
                    emit(block(ADMONITION_KINDS.get(kind, kind), _plain(title), content, frame))
                elif name == "CodeBlock":
                    info = str(frame.tag.attrs.get("language") or "")
                    if frame.tag.attrs.get("title"):
                        info += f' title="{frame.tag.attrs["title"]}"'
                    code = textwrap.dedent(content).strip("\n")
                    if code.startswith("{") and code.endswith("}"):
                        code = str(_js_value(code[1:-1]) if not isinstance(_js_value(code[1:-1]), dict) else code)
                    emit(f"\n\n```{info}\n{code}\n```\n\n")
                elif name == "Highlight":
                    emit(f"=={content.strip()}==")
                else:  # Card, Author with children
                    emit(_self_closing(name, {**frame.tag.attrs, "children": content.strip()}, notes))
                continue
            # Unknown component: reported once per name, tags dropped, children kept as prose.
            if name not in reported:
                reported.add(name)
                notes.append(("component", f"<{name}> not known: its tags were left out, its text kept"))
    while len(stack) > 1:  # unclosed: keep the text
        frame = stack.pop()
        notes.append(("component", f"<{frame.tag.name}> is not closed"))
        emit("".join(frame.parts))
    return "".join(root.parts)


def _plain(value):
    return " ".join(str(value).split()).replace("|", "-")


def _self_closing(name, attrs, notes):
    if name == "DocCardList":
        return f"\n\n{DOC_CARD_LIST}\n\n"
    if name in {"Card", "Author"}:
        title = attrs.get("title") if name == "Card" else attrs.get("name")
        href = attrs.get("href") or attrs.get("link") or attrs.get("to") or attrs.get("url") or attrs.get("github")
        text = attrs.get("description") or attrs.get("children") or (attrs.get("title") if name == "Author" else "")
        if name == "Author" and attrs.get("github") and not str(attrs["github"]).startswith("http"):
            href = f"https://github.com/{attrs['github']}"
        title, text = (str(v) if isinstance(v, str) else "" for v in (title, text))
        href = href if isinstance(href, str) else ""
        head = f"[{_plain(title)}]({href})" if title and href else _plain(title)
        head = f"**{head}**" if head else ""
        return "\n\n" + " — ".join(part for part in (head, text.strip()) if part) + "\n\n"
    if name in {"Tabs", "TabItem", "details", "Admonition", "Highlight", "CodeBlock"}:
        return ""
    notes.append(("component", f"<{name} /> not known: left out"))
    return ""


def normalise_fence_info(info, notes):
    """Docusaurus' fence options -> those superfences reads: `title="x" {1,4-6} showLineNumbers` ->
    `title="x" hl_lines="1 4-6" linenums="1"`; other options dropped (reported)."""
    info = info.strip()
    if not info or info.startswith("{"):
        return info
    language, _, rest = info.partition(" ")
    kept = [language] if language and "=" not in language and not language.startswith("{") else []
    if not kept:
        rest = info
    for match in re.finditer(r'(\w[\w-]*)=(?:"([^"]*)"|\'([^\']*)\'|(\S+))|\{([\d,\s-]+)\}|(\S+)', rest):
        key, value = match.group(1), match.group(2) or match.group(3) or match.group(4) or ""
        if key in {"title", "linenums", "hl_lines"}:
            kept.append(f'{key}="{value}"')
        elif key == "showLineNumbers" or match.group(6) == "showLineNumbers":
            kept.append('linenums="1"')
        elif match.group(5):
            kept.append(f'hl_lines="{" ".join(part.strip() for part in match.group(5).split(","))}"')
        elif key and key.startswith("showLineNumbers"):
            kept.append(f'linenums="{value or 1}"')
        else:
            notes.append(("code", f"fence option {match.group(0)} left out"))
    return " ".join(kept)


def normalise_fences(text, notes):
    """Every fence's options made readable for superfences; Docusaurus' highlight comments removed."""
    out = []
    for is_code, chunk in prose_segments(text):
        if not is_code:
            out.append(chunk)
            continue
        lines = chunk.splitlines(keepends=True)
        match = _FENCE_INFO.match(lines[0].rstrip("\n"))
        if match:
            lines[0] = f"{match.group(1)}{match.group(2)}{normalise_fence_info(match.group(3), notes)}\n"
        out.append("".join([lines[0]] + [line for line in lines[1:] if not _HIGHLIGHT_COMMENT.match(line)]))
    return "".join(out)


def docusaurus_to_pipeline(text, *, language, notes):
    text = remove_imports_and_exports(text, notes)
    text = normalise_fences(text, notes)
    text = map_components(text, language=language, notes=notes)
    text = re.sub(r"\n[ \t]+(?=\n)", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)
