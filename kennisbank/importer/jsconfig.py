"""A Docusaurus config (`docusaurus.config.js|ts|mjs|cjs`) read as data: parsed with tree-sitter's TypeScript
grammar (a superset of the JavaScript such configs are written in), never run and never matched with regexes.

Only literal values are read: objects, arrays, strings, template strings without `${…}`, numbers, booleans and
null, through `satisfies`/`as`, parentheses, spreads of literal objects, names bound by a top-level `const`,
`let` or `var`, and the object a config function (`async function createConfig() { return {…} }`) or
`defineConfig({…})` returns. What the config exports is found as `export default …` or `module.exports = …`.
Anything else (`require.resolve(…)`, `process.env.X`, a function call) reads as UNKNOWN, so the importer falls
back to Docusaurus's own default for that option.
"""

import codecs

import tree_sitter
import tree_sitter_typescript


class _Unknown:
    def __repr__(self):
        return "UNKNOWN"

    def __bool__(self):
        return False


UNKNOWN = _Unknown()
_WRAPPERS = {"satisfies_expression", "as_expression", "parenthesized_expression", "non_null_expression",
             "await_expression", "type_assertion"}
_parser = None


def read_config(text):
    """The exported config of a Docusaurus config file as a dict ({} when it cannot be found)."""
    global _parser
    if _parser is None:
        _parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_typescript.language_typescript()))
    root = _parser.parse(text.encode("utf-8", "replace")).root_node
    bindings, exported = {}, None
    for statement in root.named_children:
        if statement.type == "export_statement":
            declaration = statement.child_by_field_name("declaration")
            if declaration is not None:
                _bind(declaration, bindings)
            value = statement.child_by_field_name("value")
            if value is not None:
                exported = value
            elif declaration is not None and declaration.type == "function_declaration" and any(
                    child.type == "default" for child in statement.children):
                exported = declaration
        elif statement.type == "expression_statement" and statement.named_children:
            expression = statement.named_children[0]
            if expression.type == "assignment_expression":
                left = expression.child_by_field_name("left")
                if left is not None and left.text.replace(b" ", b"") == b"module.exports":
                    exported = expression.child_by_field_name("right")
        else:
            _bind(statement, bindings)
    config = _value(exported, bindings, 0) if exported is not None else UNKNOWN
    return config if isinstance(config, dict) else {}


def _bind(statement, bindings):
    if statement.type in {"lexical_declaration", "variable_declaration"}:
        for declarator in statement.named_children:
            if declarator.type == "variable_declarator":
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                if name is not None and name.type == "identifier" and value is not None:
                    bindings[name.text.decode()] = value
    elif statement.type == "function_declaration":
        name = statement.child_by_field_name("name")
        if name is not None:
            bindings[name.text.decode()] = statement


def _returned(function):
    """The value node a config function returns (its last top-level `return`), or None."""
    body = function.child_by_field_name("body")
    if body is None:
        return None
    if body.type != "statement_block":
        return body  # an arrow function's expression body
    returns = [child for child in body.named_children if child.type == "return_statement" and child.named_children]
    return returns[-1].named_children[0] if returns else None


def _value(node, bindings, depth):
    if node is None or depth > 50:
        return UNKNOWN
    kind = node.type
    if kind in _WRAPPERS:
        return _value(node.named_children[0] if node.named_children else None, bindings, depth + 1)
    if kind == "object":
        out = {}
        for child in node.named_children:
            if child.type == "pair":
                key = _key(child.child_by_field_name("key"))
                if key is not None:
                    out[key] = _value(child.child_by_field_name("value"), bindings, depth + 1)
            elif child.type == "shorthand_property_identifier":
                out[child.text.decode()] = _value(bindings.get(child.text.decode()), bindings, depth + 1)
            elif child.type == "spread_element" and child.named_children:
                spread = _value(child.named_children[0], bindings, depth + 1)
                if isinstance(spread, dict):
                    out.update(spread)
        return out
    if kind == "array":
        return [_value(child, bindings, depth + 1) for child in node.named_children if child.type != "comment"]
    if kind == "string":
        return _string(node)
    if kind == "template_string":
        if any(child.type == "template_substitution" for child in node.named_children):
            return UNKNOWN
        return node.text.decode()[1:-1]
    if kind == "number":
        text = node.text.decode().replace("_", "")
        try:
            return int(text, 0) if text.isdigit() or text[:2].lower() in {"0x", "0o", "0b"} else float(text)
        except ValueError:
            return UNKNOWN
    if kind in {"true", "false"}:
        return kind == "true"
    if kind in {"null", "undefined"}:
        return None
    if kind == "identifier":
        return _value(bindings.get(node.text.decode()), bindings, depth + 1)
    if kind in {"function_declaration", "function_expression", "arrow_function"}:
        return _value(_returned(node), bindings, depth + 1)
    if kind == "call_expression":
        # createConfig() of a function in this file, or a helper such as defineConfig({...}).
        callee = node.child_by_field_name("function")
        bound = bindings.get(callee.text.decode()) if callee is not None and callee.type == "identifier" else None
        if bound is not None and bound.type in {"function_declaration", "function_expression", "arrow_function"}:
            return _value(bound, bindings, depth + 1)
        arguments = node.child_by_field_name("arguments")
        first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        return _value(first, bindings, depth + 1) if first is not None and first.type == "object" else UNKNOWN
    return UNKNOWN


def _key(node):
    if node is None:
        return None
    if node.type in {"property_identifier", "number"}:
        return node.text.decode()
    if node.type == "string":
        value = _string(node)
        return value if isinstance(value, str) else None
    return None  # a computed key


def _string(node):
    parts = []
    for child in node.named_children:
        if child.type == "string_fragment":
            parts.append(child.text.decode())
        elif child.type == "escape_sequence":
            try:
                parts.append(codecs.decode(child.text.decode(), "unicode_escape"))
            except UnicodeDecodeError:
                parts.append(child.text.decode()[1:])
    return "".join(parts)
