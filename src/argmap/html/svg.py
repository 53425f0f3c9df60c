"""The diagram made fit to embed in a page: Graphviz's SVG read with an XML parser and written
again through an allow-list, so that nothing in it can run or fetch anything.

Whatever the SVG writer lets through (see the safe-output work on ``argmap render``), the page
never carries a ``<script>``, ``<foreignObject>``, ``<style>``, ``on*`` attribute, ``style``
attribute or a link that is not ``http``/``https``: elements outside the list are dropped with
their content, attributes outside it are dropped, and every text and attribute value is escaped
again on the way out. Statement nodes are marked with the page's own number for the statement
(``data-k``), the only handle the page's script uses; Graphviz's ids, which repeat map ids and
could clash with the page's, are left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from argmap.errors import RenderError
from argmap.html.escape import clean

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"

ELEMENTS = frozenset(
    {"svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line"}
    | {"text", "tspan", "a"}
)
"""The SVG elements Graphviz draws a map with; anything else is dropped with its content."""

ATTRIBUTES = frozenset(
    {"viewBox", "class", "transform", "points", "d", "cx", "cy", "rx", "ry", "r", "x", "y"}
    | {"x1", "x2", "y1", "y2", "width", "height", "fill", "fill-opacity", "stroke"}
    | {"stroke-width", "stroke-dasharray", "stroke-opacity", "text-anchor", "font-family"}
    | {"font-size", "font-weight", "font-style", "text-decoration", "baseline-shift"}
    | {"target"}
)
"""Presentation attributes kept as they are; links and ids are handled apart."""

_WEB = re.compile(r"https?://[^\s\"'<>\\]+\Z", re.IGNORECASE)
# Characters XML 1.0 does not allow at all, and the lone surrogates a broken reference gives.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
# References XML might refuse: every hexadecimal one, and decimal ones below 32 or of five or more
# digits; the many others Graphviz writes (&#45; for each hyphen) are left alone, unread.
_REFERENCE = re.compile(r"&#(x[0-9a-fA-F]+|0*[0-9]|0*[12][0-9]|0*3[01]|[0-9]{5,});")
_TAGS = {f"{{{SVG}}}{name}": name for name in ELEMENTS}
_HREFS = ("href", f"{{{XLINK}}}href")
_TIP = f"{{{XLINK}}}title"


def embeddable(svg: bytes, statements: Mapping[str, int]) -> str:
    """The SVG as markup to put in an HTML page: only allowed elements and attributes, the
    statement nodes (Graphviz node ids found in ``statements``) marked ``data-k`` with their
    number, focusable, and named for screen readers by their ``<title>``.

    Raises :class:`RenderError` when Graphviz's output cannot be read as XML even after dropping
    the characters XML forbids.
    """
    try:
        root = ET.fromstring(_readable(svg))
    except ET.ParseError as error:
        raise RenderError(
            f"the diagram cannot be embedded: Graphviz wrote bad SVG ({error})"
        ) from None
    if _local(root.tag) != "svg":
        raise RenderError("the diagram cannot be embedded: Graphviz wrote no <svg> element")
    out: list[str] = []
    _write(root, statements, out, top=True)
    return "".join(out)


def _readable(svg: bytes) -> str:
    """The SVG's text without its prolog (declaration, DOCTYPE, comments) and without the
    characters, raw or as references, that XML 1.0 refuses."""
    decoded = svg.decode("utf-8", "replace")
    decoded = _PROLOG.sub("", decoded, count=1)
    decoded = _REFERENCE.sub(_safe_reference, decoded)
    return _NOT_XML.sub("\ufffd", decoded)


def _safe_reference(match: re.Match[str]) -> str:
    body = match.group(1)
    try:
        code = int(body[1:], 16) if body[0] in "xX" else int(body)
    except ValueError:
        return "\ufffd"
    if code > 0x10FFFF or _NOT_XML.match(chr(code)):
        return "\ufffd"
    return match.group(0)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def _write(
    element: ET.Element, statements: Mapping[str, int], out: list[str], *, top: bool = False
) -> None:
    """Append the element, if allowed, and its allowed content to ``out``."""
    name = _TAGS.get(element.tag)
    if name is None:
        return
    attrib = element.attrib
    head = [f"<{name}"]
    linked = False
    for key, value in attrib.items():
        if key in ATTRIBUTES:
            if not (top and key in ("width", "height")):
                head.append(f' {key}="{_escaped(value)}"')
        elif key in _HREFS and name == "a" and _WEB.match(value.strip()):
            head.append(f' href="{_escaped(value.strip())}"')
            linked = True
    if linked:
        head.append(' rel="noopener noreferrer external"')
    if top:
        head.append(' role="img"')
    number = statements.get(attrib.get("id", "")) if name == "g" else None
    if number is not None and attrib.get("class") == "node":
        head.append(f' data-k="{number}" tabindex="0" role="button"')
        title = next((c for c in element if c.tag == f"{{{SVG}}}title"), None)
        if title is not None and title.text:
            head.append(f' aria-label="{_escaped(title.text)}"')
    head.append(">")
    out.append("".join(head))
    tip = attrib.get(_TIP)
    if name == "a" and tip:
        out.append(f"<title>{_escaped(tip)}</title>")  # a tooltip every browser shows
    if element.text:
        out.append(_escaped(element.text))
    for child in element:
        _write(child, statements, out)
        if child.tail:
            out.append(_escaped(child.tail))
    out.append(f"</{name}>")


def _escaped(value: str) -> str:
    """``value`` safe as text and inside a double-quoted attribute."""
    value = clean(value)
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
