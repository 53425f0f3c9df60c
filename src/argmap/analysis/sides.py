"""Which side of each thesis every statement, reason and objection is on.

Start at the thesis, on its own side (*for*), and follow what each node rests on: a support (a
statement's reason, a reason's or objection's premise) keeps the side, an attack (a rebuttal, an
undercut) flips it. So a rebuttal of the thesis is *against*, its premises are *against*, an
objection to one of those premises is *for* again, and so on at any depth. A node reached both
ways (a premise of a reason and of an objection, or a node on a cycle with an odd number of
attacks) is on *both* sides; a node the thesis does not reach at all has no side for it.

The walk is a breadth-first search over (node, side) pairs of :class:`argmap.graph.Graph`: each
pair is visited once, so cycles end and a map of 100,000 statements takes two passes at most; the
sides of a thesis are gathered from the nodes it reaches alone, so that a map of fifty theses, each
over a part of it, costs the parts, not fifty times the map.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping

import attrs

from argmap.graph import Graph
from argmap.model import Map


class Side(enum.Enum):
    """Where a node stands with respect to one thesis."""

    FOR = "for"
    """It supports the thesis, or attacks what attacks it."""
    AGAINST = "against"
    """It attacks the thesis or its support, or supports such an attack."""
    BOTH = "both"
    """It is reached both ways."""

    def __or__(self, other: Side) -> Side:
        return self if self is other else Side.BOTH


def reach(graph: Graph, thesis: int) -> tuple[list[bool], list[bool]]:
    """For every node of ``graph``: is it reached from ``thesis`` on the thesis's side, and is it
    reached on the other side (keeping at each support, flipping at each attack)."""
    for_, against, _reached = _walk(graph, thesis)
    return for_, against


def _walk(graph: Graph, thesis: int) -> tuple[list[bool], list[bool], list[int]]:
    """:func:`reach`, and every node reached, in the order first reached."""
    n = len(graph)
    for_, against = [False] * n, [False] * n
    pflat, pstart = graph.pos.flat, graph.pos.start
    nflat, nstart = graph.neg.flat, graph.neg.start
    for_[thesis] = True
    reached = [thesis]
    frontier = [(thesis, True)]  # a node, and whether it was reached on the thesis's side
    while frontier:
        following = []
        for node, side in frontier:
            keep, flip = (for_, against) if side else (against, for_)
            for target in pflat[pstart[node] : pstart[node + 1]]:
                if not keep[target]:
                    if not flip[target]:
                        reached.append(target)
                    keep[target] = True
                    following.append((target, side))
            for target in nflat[nstart[node] : nstart[node + 1]]:
                if not flip[target]:
                    if not keep[target]:
                        reached.append(target)
                    flip[target] = True
                    following.append((target, not side))
        frontier = following
    return for_, against, reached


def side_list(graph: Graph, thesis: int) -> list[Side | None]:
    """The side of every node for ``thesis`` (None where the thesis does not reach it)."""
    for_, against = reach(graph, thesis)
    return [
        Side.BOTH if f and a else Side.FOR if f else Side.AGAINST if a else None
        for f, a in zip(for_, against, strict=True)
    ]


def side_map(graph: Graph, thesis: int) -> dict[str, Side]:
    """The side of each node ``thesis`` reaches, by id in node order: :func:`side_list` without
    the nodes it does not reach, in time that grows with what it reaches, not with the map."""
    for_, against, reached = _walk(graph, thesis)
    reached.sort()
    ids = graph.ids
    both, for_side, against_side = Side.BOTH, Side.FOR, Side.AGAINST
    return {
        ids[node]: (both if against[node] else for_side) if for_[node] else against_side
        for node in reached
    }


@attrs.frozen
class Sides:
    """The sides of one map: for each thesis, the side of every node it reaches."""

    by_thesis: Mapping[str, Mapping[str, Side]]
    """Thesis id -> node id (statement, reason or objection) -> side, in node order; nodes the
    thesis does not reach are left out."""

    def of(self, thesis: str) -> Mapping[str, Side]:
        """The sides for one thesis."""
        return self.by_thesis[thesis]

    def overall(self) -> dict[str, Side]:
        """The side of each node over all theses together: *for* when it is for every thesis it
        reaches, *against* when against each, *both* otherwise."""
        out: dict[str, Side] = {}
        for sides in self.by_thesis.values():
            for node, side in sides.items():
                out[node] = out[node] | side if node in out else side
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_thesis)


class _OnDemand(Mapping[str, Mapping[str, Side]]):
    """The sides of each thesis of a graph, each worked out when it is first asked for: a report
    carries them, and most of what reads a report (``argmap check``'s text, the language server)
    never does. The theses come in map order, as from a dict."""

    __slots__ = ("_graph", "_theses", "_worked")

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._theses = {graph.ids[thesis]: thesis for thesis in graph.theses}
        self._worked: dict[str, Mapping[str, Side]] = {}

    def __getitem__(self, thesis: str) -> Mapping[str, Side]:
        found = self._worked.get(thesis)
        if found is None:
            found = self._worked[thesis] = side_map(self._graph, self._theses[thesis])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._theses)

    def __len__(self) -> int:
        return len(self._theses)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


def sides(map: Map) -> Sides:
    """The side of every statement, reason and objection of ``map`` with respect to each thesis
    (each thesis's worked out when first read)."""
    return Sides(_OnDemand(Graph.of(map)))
