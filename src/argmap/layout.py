"""How much of a map a picture shows, and how hard Graphviz works at laying it out: chosen by the
number of statements drawn, in one small pure policy that :mod:`argmap.dot` asks.

Graphviz's ``dot`` places the nodes of each rank with a network simplex whose time grows with the
square of the picture's size: 0.4 s for 1,000 generated statements, a minute for 10,000, hours for
100,000. So, under ``Layout.AUTO``:

- up to :data:`EXACT_STATEMENTS` statements drawn, Graphviz searches as long as it likes (the
  layout every small map always had, attribute for attribute);
- up to :data:`FAST_STATEMENTS`, every statement is drawn, with the search cut short by the graph
  attributes :data:`FAST_GRAPH` (the node-placing network simplex stops early, leaving the
  picture wider and its edges less tidy, and edges are straight lines);
- up to :data:`FULL_STATEMENTS`, every statement is drawn roughly (:data:`ROUGH_GRAPH`): the
  node-placing search is skipped, which is most of Graphviz's time even when cut short, the
  search for fewer crossings makes a few passes, the section boxes are left out, and the pieces
  that hang together with nothing else are stacked on the left (:mod:`argmap.dot.stack`);
- beyond, an overview: the theses (or the focus) and the deepest number of levels below them that
  keeps the picture within :data:`OVERVIEW_STATEMENTS` statements; every statement whose reasons
  or objections are folded away says how many, and the title says how much is shown.

``Layout.EXACT``, ``FAST``, ``ROUGH`` and ``OVERVIEW`` choose one of these whatever the size (the
CLI's ``--layout``, :class:`argmap.dot.to_dot`'s ``layout=``); an overview is itself laid out by
the size it has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.options import Layout

if TYPE_CHECKING:
    from argmap.dot import DrawOptions
    from argmap.model import Map, Statement

EXACT_STATEMENTS = 1_000
"""Most statements drawn with Graphviz's full search under ``Layout.AUTO``."""
FAST_STATEMENTS = 5_000
"""Most statements drawn with the shortened search under ``Layout.AUTO``; beyond, roughly."""
FULL_STATEMENTS = 10_000
"""Most statements drawn in full under ``Layout.AUTO``; beyond, an overview."""
OVERVIEW_STATEMENTS = 2_000
"""Most statements an overview draws, unless the theses (or the focus) alone are more."""

FAST_GRAPH: tuple[tuple[str, str], ...] = (("nslimit", "0.05"), ("splines", "line"))
"""Graph attributes that cut Graphviz's search short for pictures too large for the full one:
``nslimit`` stops the node-placing network simplex after a twentieth of a pass per node, and
``splines=line`` draws edges straight, for Graphviz 2.43 can crash routing curves around nodes
placed by a search cut short."""
ROUGH_GRAPH: tuple[tuple[str, str], ...] = (
    ("nslimit", "0"),
    ("mclimit", "0.1"),
    ("splines", "line"),
)
"""Graph attributes for pictures of many thousand statements: ``nslimit=0`` skips the node-placing
network simplex (its start alone, a spanning tree of the constraints, takes seconds), so that the
nodes of each rank stand as far left as their order allows; ``mclimit`` makes the search for fewer
crossings stop after a tenth of its usual passes; edges are straight, as in :data:`FAST_GRAPH`."""

EFFORT: Mapping[Layout, tuple[tuple[str, str], ...]] = {
    Layout.EXACT: (),
    Layout.FAST: FAST_GRAPH,
    Layout.ROUGH: ROUGH_GRAPH,
}
"""The graph attributes of each way of laying a picture out."""


def named(value: Layout | str) -> Layout:
    """The layout ``value`` names (``"fast"``), or ``value`` itself; a ValueError for none."""
    try:
        return Layout(value)
    except ValueError:
        choices = ", ".join(choice.value for choice in Layout)
        raise ValueError(f"layout must be one of {choices}, not {value!r}") from None


def folds(statements: int, layout: Layout = Layout.AUTO) -> bool:
    """Whether a picture of ``statements`` statements (those the focus and depth select) is an
    overview: ``OVERVIEW``, or ``AUTO`` past :data:`FULL_STATEMENTS`."""
    return layout is Layout.OVERVIEW or (layout is Layout.AUTO and statements > FULL_STATEMENTS)


def manner(statements: int, layout: Layout = Layout.AUTO) -> Layout:
    """How a picture of ``statements`` statements drawn (an overview's included) is laid out:
    ``EXACT``, ``FAST`` or ``ROUGH``, as ``layout`` says, or by size under ``AUTO`` and
    ``OVERVIEW``."""
    if layout in EFFORT:
        return layout
    if statements <= EXACT_STATEMENTS:
        return Layout.EXACT
    if statements <= FAST_STATEMENTS:
        return Layout.FAST
    return Layout.ROUGH


def effort(statements: int, layout: Layout = Layout.AUTO) -> tuple[tuple[str, str], ...]:
    """The graph attributes for laying out ``statements`` statements: those of
    :func:`manner`'s choice."""
    return EFFORT[manner(statements, layout)]


ROUGH_WORDS = (
    "Drawn quickly for its size: straight lines, no section boxes, and what is linked to nothing "
    "else stacked on the left"
)
"""What the title says of a picture laid out roughly."""


def overview_depth(levels: Mapping[str, int], budget: int = OVERVIEW_STATEMENTS) -> int:
    """The most levels below the roots (the statements at level 0) that keep at most ``budget``
    statements, given each statement's level; 0 when the roots alone are more."""
    counts: dict[int, int] = {}
    for level in levels.values():
        counts[level] = counts.get(level, 0) + 1
    depth, total = 0, counts.get(0, 0)
    while depth + 1 in counts and total + counts[depth + 1] <= budget:
        depth += 1
        total += counts[depth]
    return depth


def overview(
    map: Map, shown: Sequence[Statement], levels: Mapping[str, int], options: DrawOptions
) -> tuple[list[Statement], str]:
    """The statements an overview draws, of those ``shown``, given their levels below the roots,
    and the words that say what it shows, for under the title."""
    cut = overview_depth(levels)
    drawn = [s for s in shown if levels.get(s.id, cut + 1) <= cut]
    whole = options.depth is None and cut >= max(levels.values(), default=0)
    return drawn, overview_words(len(drawn), len(map.statements), None if whole else cut, options)


def overview_words(shown: int, total: int, depth: int | None, options: DrawOptions) -> str:
    """What an overview shows, ``depth`` levels below its roots (``None``: all that bears on
    them): ``Overview: the theses and 2 levels below them, 1,234 of the map's 100,000 statements;
    ▾ counts what is folded away``."""
    focus = options.focus
    roots, them = (f"statement {focus}", "it") if focus is not None else ("theses", "them")
    count = f"{shown:,} of the map's {total:,} statements"
    if depth is None:
        return f"Overview: the {roots} and all that bears on {them}, {count}"
    below = f"and {depth} level{'s' if depth != 1 else ''} below {them}" if depth else "alone"
    return f"Overview: the {roots} {below}, {count}; ▾ counts what is folded away"
