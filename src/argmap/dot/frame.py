"""The frame of a picture, as DOT text: the graph's attributes with the title over the source, a
box for each section, the box around the key. Pure, like :mod:`argmap.dot`, which fills it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from argmap import links
from argmap.dot.quoting import (
    HEADING_CHARS,
    TOOLTIP_CHARS,
    attributes,
    clip,
    font,
    html,
    html_link,
    html_tooltip,
    one_line,
    quote,
    tooltip,
)
from argmap.dot.theme import Theme
from argmap.model import Map
from argmap.options import Direction

# Edges run from premise to claim, so Graphviz's rank direction is the reverse of the reading one.
_RANKDIR: Mapping[Direction, str] = {"TB": "BT", "BT": "TB", "LR": "RL"}

# Map ids match ``[A-Za-z0-9][A-Za-z0-9_.-]*``: a colon or a leading underscore keeps every name
# below apart from them, so no two SVG elements share an id.
GRAPH_ID = "argmap:graph"
"""Id of the whole diagram."""
CLUSTER_PREFIX = "cluster:"
"""Start of every cluster's name and id (Graphviz draws a subgraph as a box when it starts so)."""
LEGEND_CLUSTER = f"{CLUSTER_PREFIX}legend"
"""Name and id of the box around the key; a section's box is ``cluster:section:<id>``."""
LEGEND_NODE = "_legend"
"""Name and id of the key's table."""
SOURCE_CHARS = 300
"""Longest description of the source shown under the title."""


def _title(map: Map, theme: Theme, note: str | None = None) -> str:
    """The map's title over its source, and the note (what an overview shows); the source is a
    link when its address is on the web."""
    heading = html(clip(one_line(map.title), HEADING_CHARS))
    rows = [f"<TR><TD>{font(f'<B>{heading}</B>', size=theme.title_fontsize)}</TD></TR>"]
    source = map.source
    parts = (source.title, source.author, source.publisher, source.date)
    described = clip(one_line(", ".join(part for part in parts if part)), SOURCE_CHARS)
    size = theme.small_fontsize + 1
    link = links.web_link(source.url)
    if link is not None:
        words = font(f"<U>{html(described or link)}</U>", size=size, color=theme.link_color)
        rows.append(
            f'<TR><TD HREF="{html_link(link)}" TOOLTIP="{html_tooltip(link)}">{words}</TD></TR>'
        )
    elif described:
        rows.append(
            f"<TR><TD>{font(html(described), size=size, color=theme.small_color)}</TD></TR>"
        )
    if note is not None:
        rows.append(f"<TR><TD>{font(html(note), size=size, color=theme.small_color)}</TD></TR>")
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0">{"".join(rows)}</TABLE>'


def header(
    map: Map,
    direction: Direction,
    theme: Theme,
    *,
    graph: Sequence[tuple[str, str]] = (),
    note: str | None = None,
) -> list[str]:
    """The opening lines: the graph's attributes (``graph`` last: the layout policy's), its title
    and source with ``note`` below, the default styles."""
    name = quote(theme.fontname)
    pairs = [
        ("id", quote(GRAPH_ID)),
        ("rankdir", _RANKDIR[direction]),
        ("newrank", "true"),
        ("fontname", name),
        ("label", f"<{_title(map, theme, note)}>"),
        ("labelloc", "t"),
        ("nodesep", "0.3"),
        ("ranksep", "0.4"),
        ("tooltip", tooltip(clip(one_line(map.title), TOOLTIP_CHARS))),
        *graph,
    ]
    return [
        "digraph argmap {",
        f"  graph [{attributes(pairs)}];",
        f'  node [fontname={name}, fontsize=11, margin="0.14,0.07"];',
        f"  edge [fontname={name}, arrowsize=0.8];",
    ]


def _labelloc(direction: Direction) -> str:
    """Where a box's label goes: cluster labels follow the rank direction."""
    return "b" if direction == "TB" else "t"


def sections(
    map: Map, members: Mapping[str | None, list[str]], direction: Direction, theme: Theme
) -> list[str]:
    """A box for each section that holds something drawn, titled by its heading."""
    lines: list[str] = []
    for part in map.sections:
        if not members.get(part.id):
            continue
        heading = one_line(part.title)
        title = font(f"<B>{html(clip(heading, HEADING_CHARS))}</B>", size=theme.cluster_fontsize)
        name = quote(f"{CLUSTER_PREFIX}section:{part.id}")
        pairs = [
            ("id", name),
            ("label", f"<{title}>"),
            ("labelloc", _labelloc(direction)),
            ("style", '"rounded,dashed"'),
            ("color", quote(theme.cluster_color)),
            ("fontcolor", quote(theme.small_color)),
        ]
        if len(heading) > HEADING_CHARS:  # the whole heading, where the box shows only its start
            pairs.append(("tooltip", tooltip(clip(heading, TOOLTIP_CHARS))))
        lines.append(f"  subgraph {name} {{")
        lines.append(f"    graph [{attributes(pairs)}];")
        lines.extend(f"    {member}" for member in members[part.id])
        lines.append("  }")
    return lines


def key(table: str, direction: Direction, theme: Theme) -> list[str]:
    """The key's box, holding the table :func:`argmap.dot.legend.table` made."""
    name = quote(LEGEND_CLUSTER)
    return [
        f"  subgraph {name} {{",
        f"    graph [id={name}, label=<<B>Key</B>>, labelloc={_labelloc(direction)}, "
        'style="rounded", '
        f"color={quote(theme.cluster_color)}, fontcolor={quote(theme.small_color)}];",
        f"    {quote(LEGEND_NODE)} [id={quote(LEGEND_NODE)}, shape=plain, label=<{table}>, "
        'tooltip="Key"];',
        "  }",
    ]
