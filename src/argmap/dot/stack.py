"""Where the pieces of a large picture go: the parts of the drawing that hang together with
nothing else (an orphan statement, a small argument of its own) stacked in columns on the left
of the largest, instead of side by side on one row. Pure, like :mod:`argmap.dot`, which uses it
for the rough layout (:mod:`argmap.layout`).

Graphviz's ``dot`` puts every piece of a graph on the ranks from the lowest up and the pieces
side by side, so that a map with a thousand orphans draws a row of a thousand boxes, a picture
wider than all the rest of it. An invisible edge from the top of one piece to the bottom of the
next stacks the second on the first; :func:`stacking` packs the pieces into columns no taller
than the tallest piece, the tallest first, as a shelf of books (first fit, by decreasing height).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

import attrs

from argmap.dot.quoting import quote
from argmap.dot.selection import Group


@attrs.frozen
class Piece:
    """One part of a drawing that no edge links with any other."""

    nodes: tuple[str, ...]
    """Its nodes, in the order the drawing has them."""
    height: int
    """How many ranks it spans above its lowest, as Graphviz would rank it at the least."""
    bottom: str
    """A node on its lowest rank, the first in order: what the piece below points at."""
    top: str
    """A node on its highest rank, the first in order: what points at the piece above."""


def pieces(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[Piece]:
    """The drawing's pieces, in the order of their first nodes. ``edges`` run from tail to head
    (premise to claim); one that names a node not in ``nodes`` is left out. Circles are broken
    the way Graphviz's ``dot`` breaks them, at the edge that closes one in a walk of the nodes in
    order."""
    index = {node: i for i, node in enumerate(nodes)}
    after: list[list[int]] = [[] for _ in nodes]
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for tail, head in edges:
        if tail in index and head in index and tail != head:
            t, h = index[tail], index[head]
            after[t].append(h)
            parent[root(t)] = root(h)
    level = _levels(after)
    members: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        members.setdefault(root(i), []).append(i)
    found = []
    for part in members.values():  # in the order of each piece's first node
        bottom = min(part, key=lambda i: (level[i], i))
        top = min(part, key=lambda i: (-level[i], i))
        found.append(
            Piece(
                nodes=tuple(nodes[i] for i in part),
                height=level[top] - level[bottom],
                bottom=nodes[bottom],
                top=nodes[top],
            )
        )
    return found


def _levels(after: Sequence[Sequence[int]]) -> list[int]:
    """Each node's longest path up from a node nothing points at, once the edges that close a
    circle in a depth-first walk (from the nodes in order, along their edges in order) are left
    out, as Graphviz reverses them."""
    state = [0] * len(after)  # 0: not seen, 1: on the walk's path, 2: done
    closing: set[tuple[int, int]] = set()
    for start in range(len(after)):
        if state[start]:
            continue
        state[start] = 1
        walk = [(start, iter(after[start]))]
        while walk:
            node, heads = walk[-1]
            for head in heads:
                if state[head] == 1:
                    closing.add((node, head))
                elif state[head] == 0:
                    state[head] = 1
                    walk.append((head, iter(after[head])))
                    break
            else:
                state[node] = 2
                walk.pop()
    into = [0] * len(after)
    for tail, following in enumerate(after):
        for head in following:
            if (tail, head) not in closing:
                into[head] += 1
    level = [0] * len(after)
    ready = [node for node in range(len(after)) if not into[node]]
    while ready:
        tail = ready.pop()
        for head in after[tail]:
            if (tail, head) in closing:
                continue
            level[head] = max(level[head], level[tail] + 1)
            into[head] -= 1
            if not into[head]:
                ready.append(head)
    return level


def stacking(found: Sequence[Piece]) -> list[tuple[str, str]]:
    """The invisible edges that stack ``found`` pieces in columns: each column spans at most as
    many ranks as the tallest piece (or as the square root of the number of pieces, when that is
    more, so that a map of orphans alone draws a block, not a row or a column), a piece stands on
    the one below it one rank up, and the pieces go in by decreasing height, each into the first
    column with room for it (ties in the pieces' order). Nothing is put on the first of the
    tallest (unless all are a single rank), so that the main argument's theses stay on top. A
    drawing of one piece, or of pieces all as tall as the tallest, gets none. Same pieces, same
    edges."""
    if len(found) < 2:
        return []
    tallest = max(piece.height for piece in found)
    room = max(tallest, math.isqrt(len(found)) - 1)
    columns: list[list[Piece]] = []
    used: list[int] = []
    open_columns: list[int] = []  # the columns that still have room for a piece of one rank
    for piece in sorted(found, key=lambda piece: -piece.height):
        for place, column in enumerate(open_columns):
            if used[column] + 1 + piece.height <= room:
                columns[column].append(piece)
                used[column] += 1 + piece.height
                if used[column] + 1 > room:
                    del open_columns[place]
                break
        else:
            columns.append([piece])
            used.append(piece.height)
            if (len(columns) > 1 or not tallest) and piece.height + 1 <= room:
                open_columns.append(len(columns) - 1)
    return [
        (below.top, above.bottom)
        for column in columns
        for below, above in itertools.pairwise(column)
    ]


def arranged(
    nodes: Sequence[tuple[str, str]], groups: Iterable[Group]
) -> tuple[list[str], list[str]]:
    """The DOT lines of a drawing's ``nodes`` (each node's name and line, in order) rearranged,
    and the invisible edges that stack its pieces: the nodes of the pieces stacked in columns come
    first, so that Graphviz, which puts pieces side by side in the order of their first nodes,
    draws the columns on the left, apart from the rest, instead of along its ragged edge."""
    edges: list[tuple[str, str]] = []
    for group in groups:
        if group.junction:
            edges += [(premise, group.id) for premise in group.premises]
            edges.append((group.id, group.target))
        else:
            edges += [(premise, group.target) for premise in group.premises]
    found = pieces([name for name, _ in nodes], edges)
    links = stacking(found)
    ends = {name for link in links for name in link}
    first = {
        node for piece in found if piece.top in ends or piece.bottom in ends for node in piece.nodes
    }
    ordered = [line for name, line in nodes if name in first]
    ordered += [line for name, line in nodes if name not in first]
    return ordered, [f"{quote(below)} -> {quote(above)} [style=invis];" for below, above in links]
