"""One integer view of a map, built once and shared by every analysis (labels, findings, tree,
stats, critical, what-if).

Nodes are numbers: the statements first, in map order (``0 .. n_statements - 1``), then every
reason and objection, statement by statement in map order, each statement's in the order of
:func:`hanging` (a reason, then the undercuts below it, depth first; then the rebuttals, each
followed by the undercuts below it). So the inferences written under statement ``s`` are the nodes
``written[s]`` to ``written[s + 1] - 1``.

Edges come in two kinds, both pointing from a node to the nodes its label depends on:

- ``pos[n]`` *supports* ``n``: a statement's reasons, an inference's premises (statements);
- ``neg[n]`` *attacks* ``n``: a statement's rebuttals, an inference's undercuts (objections).

``parents[n]`` is the reverse: the nodes whose label depends on ``n``, written ``p`` through support
and ``~p`` (a negative number) through attack. :attr:`Graph.support` is the statements alone, each
pointing at the premises of its reasons, and :attr:`Graph.components` its strongly connected
components. Everything is stored in flat lists of ints (:class:`Adjacency`): few objects for the
garbage collector to walk, which matters at 100,000 statements. Every algorithm here is iterative.

Use :meth:`Graph.of` to get the graph of a map: it is built once per map object and shared. What
each analysis reads from it:

- the labelling (:mod:`argmap.analysis.labels`): ``pos`` and ``neg`` counts, ``parents``, ``given``;
- the findings: ``pos`` and ``neg``, and the circles of :attr:`Graph.components`; the what-ifs
  check asks again and again (:mod:`argmap.analysis.relabel`): :attr:`Graph.dependencies`;
- stats: :attr:`Graph.support` and :attr:`Graph.components` (deepest chain, evidence per thesis);
- critical: :meth:`Graph.labels` (an evaluation as node labels), ``pos``, ``neg``, ``given`` and
  ``theses`` (the derivation forest), and ``written`` (what a statement's status rests on, for its
  exact check); the outline: ``parents`` (the statements nothing rests on);
- anything that walks the model itself (the outline, drawing): :func:`hanging` and
  :func:`inferences`, the one walk over a statement's reasons and objections.
"""

from __future__ import annotations

import enum
import functools
import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Final, NamedTuple, TypeVar, cast

import attrs

from argmap.model import Kind, Map, Objection, Reason, Statement
from argmap.status import Status

_T = TypeVar("_T")


class Label(enum.IntEnum):
    """The label of a node: what grounded semantics decides about it.

    For a statement IN is grounded, OUT is not grounded or defeated; for a reason or objection IN
    is *applies*, OUT *cannot apply* (a premise is out, or an undercut applies)."""

    UNDECIDED = 0
    """Left open by the least fixpoint: a support circle or an attack cycle, or resting on one."""
    IN = 1
    """Grounded (a statement), applies (a reason or objection)."""
    OUT = 2
    """Not grounded or defeated (a statement), cannot apply (a reason or objection)."""


# --- walking the model ---------------------------------------------------------------------------


class Hanging(NamedTuple):
    """A reason or objection written under a statement, and what it hangs on."""

    inference: Reason | Objection
    """The reason or objection."""
    on: int
    """The position, in the same walk, of the reason or objection it undercuts; -1 when it hangs on
    the statement itself (a reason of it, or a rebuttal of it)."""


def hanging(statement: Statement) -> Iterator[Hanging]:
    """Every reason and objection written under ``statement``, depth first in map order: each reason
    followed by the undercuts below it (and their undercuts), then each rebuttal followed by the
    undercuts below it. Iterative: objections may be nested thousands deep."""
    tops: list[Reason | Objection] = [*statement.reasons, *statement.objections]
    stack: list[tuple[Reason | Objection, int]] = [(top, -1) for top in reversed(tops)]
    position = 0
    while stack:
        inference, on = stack.pop()
        yield Hanging(inference, on)
        stack.extend((undercut, position) for undercut in reversed(inference.objections))
        position += 1


def inferences(statement: Statement) -> Iterator[Reason | Objection]:
    """The reasons and objections of :func:`hanging`, without what they hang on."""
    for step in hanging(statement):
        yield step.inference


# --- flat adjacency ------------------------------------------------------------------------------


class Adjacency:
    """Lists of neighbours of nodes ``0..n-1``, stored flat: the neighbours of ``node`` are
    ``flat[start[node]:start[node + 1]]``, in the order the edges were given. ``adjacency[node]``
    is a new list; hot loops read ``flat`` and ``start`` directly."""

    __slots__ = ("flat", "start")

    flat: list[int]
    start: list[int]

    def __init__(self, n: int, sources: Sequence[int], targets: Sequence[int]) -> None:
        """The adjacency of ``n`` nodes with an edge ``sources[k] -> targets[k]`` for each ``k``."""
        start = [0] * (n + 1)
        for source in sources:
            start[source + 1] += 1
        for node in range(n):
            start[node + 1] += start[node]
        fill = start[:-1]
        flat = [0] * len(sources)
        for source, target in zip(sources, targets, strict=True):
            flat[fill[source]] = target
            fill[source] += 1
        self.start = start
        self.flat = flat

    def __len__(self) -> int:
        return len(self.start) - 1

    def __getitem__(self, node: int) -> list[int]:
        return self.flat[self.start[node] : self.start[node + 1]]

    def count(self, node: int) -> int:
        """How many neighbours ``node`` has."""
        return self.start[node + 1] - self.start[node]


@attrs.frozen(eq=False)
class Components:
    """The strongly connected components of a graph, numbered in the order Tarjan's algorithm
    completes them: a component reaches only components with smaller numbers (so counting up is a
    topological order of the inputs first, counting down one of the users first)."""

    of: list[int]
    """The component of each node."""
    count: int
    """How many components there are."""
    members: Adjacency
    """The nodes of each component, in node order; ``members.flat`` is every node, lowest
    component first."""

    def circles(self, adjacency: Adjacency) -> list[list[int]]:
        """The components that form a circle in ``adjacency`` (several nodes, or one with an edge
        to itself), each in node order, sorted by their first node."""
        found = []
        for component in range(self.count):
            nodes = self.members[component]
            if len(nodes) > 1 or nodes[0] in adjacency[nodes[0]]:
                found.append(nodes)
        found.sort()
        return found


def strong_components(starts: list[int], targets: list[int]) -> tuple[list[int], int]:
    """Strongly connected components of a graph stored flat (node ``n``'s successors are
    ``targets[starts[n]:starts[n + 1]]``), by iterative Tarjan: the component of each node,
    numbered in the order they complete (so a component reaches only lower numbers), and how many
    components there are."""
    count_nodes = len(starts) - 1
    order = [-1] * count_nodes
    low = [0] * count_nodes
    on_stack = [False] * count_nodes
    component = [-1] * count_nodes
    stack: list[int] = []
    nodes: list[int] = []  # the depth-first path, with the next edge to follow from each node
    edges: list[int] = []
    counter = count = 0
    for root in range(count_nodes):
        if order[root] >= 0:
            continue
        visit = root
        while visit >= 0:  # enter ``visit``, then walk on until a node not yet seen
            order[visit] = low[visit] = counter
            counter += 1
            stack.append(visit)
            on_stack[visit] = True
            nodes.append(visit)
            edges.append(starts[visit])
            visit = -1
            while nodes and visit < 0:
                node = nodes[-1]
                edge, end = edges[-1], starts[node + 1]
                while edge < end:
                    target = targets[edge]
                    edge += 1
                    if order[target] < 0:
                        visit = target
                        break
                    if on_stack[target] and order[target] < low[node]:
                        low[node] = order[target]
                edges[-1] = edge
                if visit >= 0:
                    break
                nodes.pop()
                edges.pop()
                if nodes and low[node] < low[nodes[-1]]:
                    low[nodes[-1]] = low[node]
                if low[node] == order[node]:
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component[member] = count
                        if member == node:
                            break
                    count += 1
    return component, count


def components(adjacency: Adjacency) -> Components:
    """The strongly connected components of ``adjacency``."""
    of, count = strong_components(adjacency.start, adjacency.flat)
    return Components(of, count, Adjacency(count, of, range(len(of))))


# --- the graph -----------------------------------------------------------------------------------

Edges = tuple[list[int], list[int]]
"""Edges as two lists: the source of each, and its target."""


class Graph:
    """A map as integer nodes and flat edge lists (see the module's docstring for the numbering).

    Build it with :meth:`Graph.of`, which shares one graph per map; the graph is never changed
    after it is built. A graph with the very nodes and edges of the one built just before (the
    next version of a map in an editor, its texts changed) shares that one's edge lists and
    what is worked out of them alone (:attr:`support`, :attr:`components`,
    :attr:`dependencies`, and with the same given nodes what :meth:`by_shape` keeps). A premise
    that names no statement of the map (only in a map built by hand;
    :func:`argmap.load.load_map` refuses one) is left out of the edges."""

    statements: list[Statement]
    """The statements, in map order: node ``n < n_statements`` is ``statements[n]``."""
    n_statements: int
    """How many statements there are."""
    inferences: list[Reason | Objection]
    """The reasons and objections: node ``n >= n_statements`` is
    ``inferences[n - n_statements]``."""
    ids: list[str]
    """The id of every node."""
    index: dict[str, int]
    """The node of each statement id (statements only)."""
    written: list[int]
    """``written[s]``: the first node of the inferences written under statement ``s``; one more
    entry at the end, so that statement ``s``'s are ``range(written[s], written[s + 1])``."""
    is_reason: list[bool]
    """For every node: is it a reason (statements and objections are not)."""
    given: list[bool]
    """For every node: is it accepted without reasons (evidence and assumptions)."""
    theses: list[int]
    """The theses' nodes, in map order."""
    pos: Adjacency
    """What supports each node: a statement's reasons, an inference's premises."""
    neg: Adjacency
    """What attacks each node: a statement's rebuttals, an inference's undercuts."""
    parents: Adjacency
    """What depends on each node: ``p`` through support, ``~p`` through attack."""

    def __init__(self, map: Map) -> None:
        """A new graph of ``map``; :meth:`of` shares one instead."""
        statements = list(map.statements.values())
        self.statements = statements
        self.n_statements = n_statements = len(statements)
        self.ids = ids = [s.id for s in statements]
        self.index = index = {sid: n for n, sid in enumerate(ids)}
        self.inferences = []
        self.written = []
        self.is_reason = [False] * n_statements
        self.given = [not s.kind.is_claim for s in statements]
        self.theses = [n for n, s in enumerate(statements) if s.kind is Kind.THESIS]
        pos: Edges = ([], [])
        neg: Edges = ([], [])
        add_id, add_inference, add_kind = ids.append, self.inferences.append, self.is_reason.append
        pos_from, pos_to = pos[0].append, pos[1].append
        for s_node, statement in enumerate(statements):
            base = len(ids)
            self.written.append(base)
            reasons = statement.reasons
            if statement.objections or any(r.objections for r in reasons):
                steps: Iterable[tuple[Reason | Objection, int]] = hanging(statement)
            else:  # what hanging() gives a statement with reasons alone, most of a large map
                steps = [(reason, -1) for reason in reasons]
            for inference, on in steps:
                node = len(ids)
                add_id(inference.id)
                add_inference(inference)
                reason = isinstance(inference, Reason)
                add_kind(reason)
                for premise in inference.premises:
                    if premise in index:
                        pos_from(node)
                        pos_to(index[premise])
                edges = pos if reason else neg
                edges[0].append(s_node if on < 0 else base + on)
                edges[1].append(node)
        self.given.extend([False] * (len(ids) - n_statements))
        self.written.append(len(ids))
        count = len(ids)
        shape = (n_statements, count, pos, neg)
        alike = _alike(shape)
        self._by_shape: dict[Hashable, object] = {}
        if alike is not None:  # the same edges: the same lists, and what is worked out of them
            self.pos, self.neg, self.parents = alike.pos, alike.neg, alike.parents
            for name in _OF_EDGES:
                if name in vars(alike):
                    vars(self)[name] = vars(alike)[name]
            if alike.given == self.given:
                self._by_shape = alike._by_shape
        else:
            self.pos = Adjacency(count, *pos)
            self.neg = Adjacency(count, *neg)
            self.parents = Adjacency(count, pos[1] + neg[1], pos[0] + [~node for node in neg[0]])
        global _LAST
        _LAST = (weakref.ref(self, _forget), shape)

    @classmethod
    def of(cls, map: Map) -> Graph:
        """The graph of ``map``, built on first use and shared while the map lives."""
        return _shared(map)

    def __len__(self) -> int:
        return len(self.ids)

    def by_shape(self, key: Hashable, work: Callable[[], _T]) -> _T:
        """What ``work()`` gives, worked out once for this graph and the graphs of the same shape
        built after it (the same edges and given nodes: the next version of a map in an editor,
        its texts changed), which share what is kept under ``key``. ``work`` must depend on
        nothing else of the graph (not on ids, kinds, texts or levels), and what it gives must
        never be changed."""
        found = self._by_shape.get(key, _NOTHING)
        if found is _NOTHING:
            found = self._by_shape[key] = work()
        return cast(_T, found)

    @functools.cached_property
    def support(self) -> Adjacency:
        """The statements alone: each points at the premises of its reasons, in map order (a
        premise of two reasons twice)."""
        sources: list[int] = []
        targets: list[int] = []
        pos = self.pos
        for statement in range(self.n_statements):
            for reason in pos[statement]:
                for premise in pos[reason]:
                    sources.append(statement)
                    targets.append(premise)
        return Adjacency(self.n_statements, sources, targets)

    @functools.cached_property
    def components(self) -> Components:
        """The strongly connected components of :attr:`support`: a component reaches only
        components with smaller numbers."""
        return components(self.support)

    @functools.cached_property
    def dependencies(self) -> Components:
        """The strongly connected components of every node with what it rests on (``pos`` and
        ``neg`` together), numbered so that a component rests only on lower numbers: counting up
        labels inputs first (:mod:`argmap.analysis.relabel`)."""
        users = [~p if p < 0 else p for p in self.parents.flat]  # who rests on each node
        of, count = strong_components(self.parents.start, users)
        of = [count - 1 - c for c in of]  # Tarjan numbers the users first here
        return Components(of, count, Adjacency(count, of, range(len(of))))

    def labels(self, status: Mapping[str, Status], applies: Mapping[str, bool]) -> list[Label]:
        """The label of every node, read back from statuses and applies (as in an
        :class:`argmap.analysis.Evaluation`): an inference that does not apply is OUT when a
        premise is out or an undercut applies, else UNDECIDED."""
        out = (Status.NOT_GROUNDED, Status.DEFEATED)
        label = [
            Label.IN
            if status[s] is Status.GROUNDED
            else Label.OUT
            if status[s] in out
            else Label.UNDECIDED
            for s in self.ids[: self.n_statements]
        ]
        pos, neg = self.pos, self.neg
        for node in range(self.n_statements, len(self.ids)):
            if applies.get(self.ids[node], False):
                label.append(Label.IN)
            elif any(label[p] is Label.OUT for p in pos[node]) or any(
                applies.get(self.ids[u], False) for u in neg[node]
            ):
                label.append(Label.OUT)
            else:
                label.append(Label.UNDECIDED)
        return label


_NOTHING: Final = object()
_OF_EDGES: Final = ("support", "components", "dependencies")
"""What a graph works out of its edges alone (and keeps): shared with a graph of the same edges."""
_Shape = tuple[int, int, Edges, Edges]
"""A graph's statement count, node count, supports and attacks as first listed."""
_LAST: tuple[weakref.ref[Graph], _Shape] | None = None
"""The graph built last, while it lives, and its shape."""


def _alike(shape: _Shape) -> Graph | None:
    """The graph built last, if it has exactly this shape: a new version of a map (in an
    editor) mostly keeps every link, and its graph can then share the edge lists and what is
    worked out of them, which no one changes once made."""
    if _LAST is None:
        return None
    graph = _LAST[0]()
    return graph if graph is not None and _LAST[1] == shape else None


def _forget(gone: weakref.ref[Graph]) -> None:
    global _LAST
    if _LAST is not None and _LAST[0] is gone:
        _LAST = None


_GRAPHS: dict[int, tuple[weakref.ref[Map], Graph]] = {}
"""Graphs by ``id`` of their map, with a weak reference to tell a map from a later one at the same
address; an entry goes when its map does."""


def _shared(map: Map) -> Graph:
    key = id(map)
    entry = _GRAPHS.get(key)
    if entry is not None and entry[0]() is map:
        return entry[1]
    graph = Graph(map)
    _GRAPHS[key] = (weakref.ref(map, lambda _ref: _GRAPHS.pop(key, None)), graph)
    return graph
