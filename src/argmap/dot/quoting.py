"""Map text written into DOT so that Graphviz, and whoever reads its SVG, shows it as written.

Graphviz reads a text differently in each place it can stand, so each place has its own function
here and map text reaches DOT through these and nothing else. What Graphviz 2.43 does, measured
with the real ``dot``:

- In an HTML-like label, the XML parser turns entities into characters, then Graphviz expands
  ``\\N``, ``\\G``, ``\\E``, ``\\T``, ``\\H``, ``\\L`` (node, graph, edge, tail, head names, the
  label) and ``\\\\`` to ``\\``: :func:`html` escapes markup and doubles each backslash.
- In a quoted ``tooltip``, a backslash before any character is dropped, then the same names are
  expanded and ``\\\\`` becomes ``\\``, ``\\n`` a line break; character references (``&#1;``) are
  turned into the raw character and named entities (``&amp;``) are left as they are for the SVG
  reader to expand: :func:`tooltip` writes ``&`` as ``&amp;`` and each backslash as four.
- In an HTML-like ``TOOLTIP`` attribute, Graphviz escapes for XML itself and expands backslashes
  once: :func:`html_tooltip` escapes markup and doubles backslashes.
- Names and ids are quoted with :func:`quote`; map ids hold no backslash or quote.

A one-line field (a title, hedge, heading, locator or source field) shows each line break or tab
as a space (:func:`one_line`), instead of gluing words together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LABEL_CHARS = 600
"""Longest text shown in a box; the tooltip carries the whole (Graphviz refuses labels of more than
about 16,000 characters, and no reader wants a box that size)."""

TOOLTIP_CHARS = 3000
"""Longest tooltip; a tooltip shows the whole text of any statement of ordinary length."""

HEADING_CHARS = 200
"""Longest map title or section heading shown; Graphviz cannot lay out a box wider than 65,535
points, and a longer heading is cut, its whole text kept in the tooltip."""

_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")
"""Tabs and everything Python counts as a line break."""


def quote(text: str) -> str:
    """A DOT double-quoted string for a name, an id or a theme's value.

    Backslashes are doubled, quotes escaped and line breaks written ``\\n``.
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "\\n".join(escaped.split("\n")) + '"'


def tooltip(text: str) -> str:
    """A DOT quoted ``tooltip`` that Graphviz writes into SVG as ``text``, line breaks kept."""
    escaped = text.replace("&", "&amp;").replace("\\", "\\\\\\\\").replace('"', '\\"')
    return '"' + "\\n".join(escaped.split("\n")) + '"'


def html(text: str) -> str:
    """Text for an HTML-like label: markup becomes entities, backslashes are doubled, so that
    neither the XML parser nor Graphviz's ``\\N``-style escapes change it. A ``]`` is written as a
    reference too: Graphviz 2.43 refuses a text of only ``]`` (``syntax error in line 1``)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("]", "&#93;")
        .replace("\\", "\\\\")
    )


def html_tooltip(text: str) -> str:
    """The value of an HTML-like ``TOOLTIP`` attribute showing ``text`` as written."""
    return html(text)


def html_link(link: str) -> str:
    """The value of an HTML-like ``HREF`` attribute for a link made by :func:`argmap.links.web_link`
    (which holds no quote, angle bracket or backslash)."""
    return link.replace("&", "&amp;")


def one_line(text: str) -> str:
    """``text`` with each tab and line break shown as a space."""
    return _BREAKS.sub(" ", text)


def clip(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, marked with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken between words (a longer word stays whole).

    The text's own line breaks (``\\n``) are kept; runs of spaces and tabs within a line become
    one space.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def font(text: str, *, size: float | None = None, color: str | None = None) -> str:
    """``text`` (already HTML) in a ``<FONT>`` of that size and colour; Graphviz refuses an empty
    ``<FONT></FONT>``, so an empty text is returned as it is."""
    opening = "".join(
        (
            f' POINT-SIZE="{size:g}"' if size is not None else "",
            f' COLOR="{color}"' if color is not None else "",
        )
    )
    return f"<FONT{opening}>{text}</FONT>" if opening and text else text


def attributes(pairs: Iterable[tuple[str, str]]) -> str:
    """DOT attributes ``key=value, ...`` of values already quoted."""
    return ", ".join(f"{key}={value}" for key, value in pairs)
