"""The author's words alone: a map read without the mapper's reconstruction.

A map mixes what the author wrote with what the mapper read into it. The mapper's items are the
assumptions (statements of kind ``assumption``) and the reasons and objections written with
``assumed:`` in place of ``premises:`` (links the author does not draw). The *author-only
reading* labels the map with all of them taken away: an assumption is forced out, an assumed
reason or objection cannot apply.

For a thesis that is grounded on the whole map but not on the author's words alone, :func:`needs`
says which of the mapper's items it needs: a few small sets, each enough to ground it again when
given back. Each set is found by deletion: start from every mapper item the thesis reaches (see
:mod:`.sides`), and drop them one at a time, in map order, keeping each drop that leaves the thesis
grounded, and pass again while a pass drops one (dropping an item the thesis is attacked through
can make another needless, so one pass is not enough). What is left is a set none of whose items
can be dropped (not always the smallest there is: finding that is NP-hard). Alternatives are found
the same way with one item of a set found before forbidden (breadth first: each item of the first
set, then of the next), until :data:`ALTERNATIVES` sets are found or :data:`SEARCHES` searches are
run. That is a what-if per item, pass and search, each answered by relabelling only what the item
changes (:mod:`.relabel`), so cheap on any map with up to :data:`MAX_SEARCH` mapper items in reach
of the thesis; past that, the one set given is every mapper item in reach.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

import attrs

from argmap.analysis.labels import Evaluation, Labelling
from argmap.analysis.relabel import Relabelling
from argmap.analysis.sides import reach
from argmap.graph import Graph, Label
from argmap.model import Kind, Map

ALTERNATIVES = 3
"""At most this many sets of mapper items are listed for a thesis."""

SEARCHES = 8
"""At most this many deletion searches are run for a thesis."""

MAX_SEARCH = 200
"""With more of the mapper's items in reach of a thesis, the search for small sets is skipped."""


def mapper_nodes(graph: Graph) -> list[int]:
    """The nodes of the mapper's items, in node order: the assumptions, then every reason and
    objection the mapper assumed."""
    statements = [n for n, s in enumerate(graph.statements) if s.kind is Kind.ASSUMPTION]
    base = graph.n_statements
    links = [base + k for k, inference in enumerate(graph.inferences) if inference.assumed]
    return statements + links


def author_labelling(graph: Graph, reject: Collection[str] = ()) -> Labelling:
    """The labelling of ``graph`` on the author's words alone (``reject`` forced out too)."""
    return Labelling(graph, reject, (), without=mapper_nodes(graph))


def grounded_without(graph: Graph, thesis: int, without: Collection[int]) -> bool:
    """Whether ``thesis`` is grounded with the nodes ``without`` taken away."""
    return Labelling(graph, (), (), without=without).label[thesis] == Label.IN


def _deletion(
    author: Relabelling, thesis: int, items: Sequence[int], forbidden: set[int], within: list[bool]
) -> list[int]:
    """A set of ``items`` none of which can be dropped, ``forbidden`` ones never given back; empty
    when even all the allowed ones do not ground the thesis. ``author`` is the author-only
    labelling, given back as it came; ``within`` what the thesis reaches."""
    start = author.mark()
    keep = [n for n in items if n not in forbidden]
    try:
        author.force(dict.fromkeys(keep, Label.UNDECIDED), within)  # given back
        if author.label[thesis] != Label.IN:
            return []
        # Dropping an item the thesis is attacked through can make another needless (an
        # assumption that only defeated the dropped attack): pass again until a whole pass
        # drops nothing.
        dropped = True
        while dropped:
            dropped = False
            for item in list(keep):
                trial = author.mark()
                author.force({item: Label.OUT}, within)
                if author.label[thesis] == Label.IN:
                    keep.remove(item)
                    dropped = True
                else:
                    author.undo(trial)
        return keep
    finally:
        author.undo(start)


def needs(
    graph: Graph,
    thesis: int,
    author: Relabelling | None = None,
    mapper: Sequence[int] | None = None,
) -> tuple[tuple[int, ...], ...]:
    """Sets of the mapper's items, each of which, given back to the author's words alone, grounds
    ``thesis`` (see the module's docstring for how they are found); the smallest first.
    ``author``, the author-only labelling kept up to date, and ``mapper``, the mapper's items
    (:func:`mapper_nodes`), are shared between theses when given."""
    for_, against = reach(graph, thesis)
    mapper = mapper_nodes(graph) if mapper is None else mapper
    items = [n for n in mapper if for_[n] or against[n]]
    if len(items) > MAX_SEARCH:
        return (tuple(items),)
    if author is None:
        author = Relabelling(author_labelling(graph))
    within = [f or a for f, a in zip(for_, against, strict=True)]
    found: list[tuple[int, ...]] = []
    queue: list[frozenset[int]] = [frozenset()]
    searches = 0
    while queue and len(found) < ALTERNATIVES and searches < SEARCHES:
        forbidden = queue.pop(0)
        searches += 1
        kept = tuple(_deletion(author, thesis, items, set(forbidden), within))
        if not kept or kept in found:
            continue
        found.append(kept)
        queue.extend(forbidden | {item} for item in kept)
    found.sort(key=lambda s: (len(s), s))
    return tuple(found)


def needs_text(ids: Sequence[str], sets: Sequence[Sequence[int]]) -> str:
    """``a1 and a2, or a3``: the sets as a message says them."""
    several = any(len(s) > 1 for s in sets)
    joined = [" and ".join(ids[n] for n in s) for s in sets]
    return (", or " if several and len(sets) > 1 else " or ").join(joined)


def mapper_ids(graph: Graph) -> Iterator[str]:
    """The ids of the mapper's items, in node order."""
    for node in mapper_nodes(graph):
        yield graph.ids[node]


def evaluate_author_only(
    map: Map, *, reject: Collection[str] = (), accept: Collection[str] = ()
) -> Evaluation:
    """The labels of ``map`` on the author's words alone (``reject`` and ``accept`` as in
    :func:`argmap.analysis.evaluate`)."""
    graph = Graph.of(map)
    return Labelling(graph, reject, accept, without=mapper_nodes(graph)).evaluation()


@attrs.frozen
class Shares:
    """How much of a map is the mapper's reading."""

    assumptions: int
    """Statements of kind assumption."""
    assumed_links: int
    """Reasons and objections written with ``assumed:``."""
    authors_share: Mapping[str, float]
    """For each thesis, the share (0 to 1) of the statements, reasons and objections on its side
    (for it, or both) that are the author's; 1.0 for a thesis with nothing under it."""


def shares(map: Map) -> Shares:
    """The mapper's items of ``map``, and the author's share of each thesis's support."""
    graph = Graph.of(map)
    mapper = [False] * len(graph)
    for node in mapper_nodes(graph):
        mapper[node] = True
    assumptions = sum(1 for s in graph.statements if s.kind is Kind.ASSUMPTION)
    links = sum(1 for inference in graph.inferences if inference.assumed)
    share: dict[str, float] = {}
    for thesis in graph.theses:
        for_, _against = reach(graph, thesis)
        under = [n for n in range(len(graph)) if for_[n] and n != thesis]
        authors = sum(1 for n in under if not mapper[n])
        share[graph.ids[thesis]] = authors / len(under) if under else 1.0
    return Shares(assumptions, links, share)
