"""A reader for the DOT subset that :func:`argmap.dot.to_dot` writes, so tests can assert on nodes,
edges and attributes instead of on the layout of the text. It fails on anything else."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator

import attrs

_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<html><)|(?P<arrow>->)|(?P<punct>[\[\]{};,=])'
    r"|(?P<word>[A-Za-z0-9_.]+))",
    re.S,
)


def _tokens(text: str) -> Iterator[str]:
    """DOT tokens: quoted strings keep their quotes, HTML strings their angle brackets."""
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        match = _TOKEN.match(text, position)
        assert match is not None, f"unexpected DOT text at {text[position : position + 30]!r}"
        if match.group("html"):
            depth, end = 0, match.start("html")
            while True:
                depth += {"<": 1, ">": -1}.get(text[end], 0)
                end += 1
                if depth == 0:
                    break
            yield text[match.start("html") : end]
            position = end
        else:
            yield match.group(match.lastgroup or "word")
            position = match.end()


def unquote(token: str) -> str:
    """The text a DOT quoted string shows, with Graphviz's escString escapes applied."""
    if not token.startswith('"'):
        return token
    body = token[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), body)


def tooltip_text(token: str) -> str:
    """The text a tooltip written by :func:`argmap.dot.quoting.tooltip` shows in SVG, as Graphviz
    2.43 reads it: four backslashes show one (it removes escapes twice), ``\\n`` is a line break,
    and the SVG reader expands ``&amp;``. Any other escape fails the test."""
    assert token.startswith('"'), token
    assert token.endswith('"'), token
    escapes = {"\\\\\\\\": "\\", '\\"': '"', "\\n": "\n"}

    def escape(match: re.Match[str]) -> str:
        assert match.group() in escapes, f"unexpected escape {match.group()!r} in {token!r}"
        return escapes[match.group()]

    body = re.sub(r"\\\\\\\\|\\.", escape, token[1:-1])
    return htmllib.unescape(body)


@attrs.define
class Graph:
    """A DOT graph read back: graph attributes, nodes, edges, and which cluster holds each node."""

    attributes: dict[str, str] = attrs.Factory(dict)
    nodes: dict[str, dict[str, str]] = attrs.Factory(dict)
    edges: list[tuple[str, str, dict[str, str]]] = attrs.Factory(list)
    cluster_of: dict[str, str] = attrs.Factory(dict)
    clusters: dict[str, dict[str, str]] = attrs.Factory(dict)


def read_dot(text: str) -> Graph:
    """Parse the DOT subset that :func:`to_dot` writes; anything else fails the test."""
    tokens = list(_tokens(text))
    graph = Graph()
    assert tokens[:3] == ["digraph", "argmap", "{"], tokens[:3]
    index = 3
    clusters: list[str] = []

    def attributes() -> dict[str, str]:
        nonlocal index
        found: dict[str, str] = {}
        assert tokens[index] == "["
        index += 1
        while tokens[index] != "]":
            key, equals, value = tokens[index : index + 3]
            assert equals == "=", tokens[index : index + 3]
            found[key] = value
            index += 3
            if tokens[index] == ",":
                index += 1
        index += 1
        return found

    while index < len(tokens):
        token = tokens[index]
        if token == "}":
            index += 1
            if clusters:
                clusters.pop()
            continue
        if token in ("graph", "node", "edge"):
            index += 1
            found = attributes()
            if token == "graph" and clusters:
                graph.clusters[clusters[-1]] = found
            elif token == "graph":
                graph.attributes = found
        elif token == "subgraph":
            clusters.append(unquote(tokens[index + 1]))
            assert tokens[index + 2] == "{"
            index += 3
            continue
        elif tokens[index + 1] == "->":
            tail, head = unquote(token), unquote(tokens[index + 2])
            index += 3
            graph.edges.append((tail, head, attributes()))
        else:
            index += 1
            name = unquote(token)
            assert name not in graph.nodes, f"node {name} written twice"
            graph.nodes[name] = attributes()
            if clusters:
                graph.cluster_of[name] = clusters[-1]
        assert tokens[index] == ";", tokens[index : index + 3]
        index += 1
    return graph


def label_text(label: str) -> str:
    """The words of an HTML-like label as a reader sees them: tags dropped, entities decoded."""
    assert label.startswith("<")
    assert label.endswith(">")
    lines = re.sub(r"<BR[^>]*>|</TD>", " ", label[1:-1])
    text = re.sub(r"\\(.)", lambda m: m.group(1), re.sub(r"<[^>]*>", "", lines))
    return htmllib.unescape(text)


def words(text: str) -> str:
    return " ".join(text.split())


def edge(graph: Graph, tail: str, head: str) -> dict[str, str]:
    matches = [attributes for t, h, attributes in graph.edges if (t, h) == (tail, head)]
    assert len(matches) == 1, f"{len(matches)} edges {tail} -> {head}"
    return matches[0]
