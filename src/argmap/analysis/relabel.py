"""Labels kept up to date while statements are rejected and given back one after another: the
what-if questions ``argmap check`` asks many times over (what rejecting each hedged statement
changes, which of the mapper's items a thesis needs), each answered without labelling the whole
map again.

A node's label depends only on the nodes it rests on (its supports and attacks, followed all the
way down). So when what is forced changes at a few nodes, only the nodes above them can change,
and they are labelled again in order: the strongly connected components of the graph of what
rests on what (:attr:`argmap.graph.Graph.dependencies`), inputs first. Each component is labelled
by the rules of :mod:`.labels` with the labels of its inputs fixed, as the least fixpoint of its
own nodes; a component none of whose labels changed changes nothing above it, so the work is that
of the nodes whose label changes and the nodes right above them, not that of the map. Labelling
component by component, inputs first, gives the least fixpoint of the whole (what a set of nodes
rests on is decided without the rest), so the labels are exactly those a new
:class:`~.labels.Labelling` with the same statements forced gives; property tests compare the two
on random maps with circles and objections.

Every change is written in a journal, so that :meth:`Relabelling.undo` takes the labels back to an
earlier :meth:`Relabelling.mark`: a question is asked, answered and taken back.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

from argmap.analysis.labels import Labelling
from argmap.graph import Graph, Label
from argmap.status import Status

_UNDECIDED, _IN, _OUT = Label.UNDECIDED, Label.IN, Label.OUT


class Relabelling:
    """The labels of a graph under a set of forced nodes that changes (see the module's
    docstring); ``label[n]`` is node ``n``'s label now."""

    __slots__ = ("_journal", "fixed", "graph", "label")

    def __init__(self, labels: Labelling) -> None:
        """Start from ``labels``: the same labels, and the same nodes forced to them."""
        self.graph: Graph = labels.graph
        self.label: list[Label] = list(labels.label)
        self.fixed: list[Label] = [
            value if forced else _UNDECIDED
            for value, forced in zip(labels.label, labels.forced, strict=True)
        ]
        """The label each node is forced to; UNDECIDED for a node that is not forced."""
        self._journal: list[tuple[int, Label, Label]] = []

    def mark(self) -> int:
        """A point to come back to with :meth:`undo`."""
        return len(self._journal)

    def undo(self, mark: int) -> None:
        """Take back every change made since ``mark``."""
        journal, label, fixed = self._journal, self.label, self.fixed
        while len(journal) > mark:
            node, was, was_fixed = journal.pop()
            label[node] = was
            fixed[node] = was_fixed

    def status(self, node: int) -> Status:
        """A statement's status now, as :meth:`Labelling.status` says it."""
        value = self.label[node]
        if value == _IN:
            return Status.GROUNDED
        if value == _UNDECIDED:
            return Status.UNDECIDED
        attacks = self.graph.neg[node]
        attacked = any(self.label[o] == _IN for o in attacks)
        return Status.DEFEATED if attacked else Status.NOT_GROUNDED

    def force(self, changes: Mapping[int, Label], within: Sequence[bool] | None = None) -> None:
        """Force each node of ``changes`` to its label (UNDECIDED: no longer forced, labelled by
        the rules), then bring the labels up to date. With ``within`` (a set of nodes that holds
        whatever its nodes rest on, such as what a thesis reaches), only the labels of its nodes
        are kept up to date: those of the rest are left as they were, until :meth:`undo`."""
        graph = self.graph
        dependencies = graph.dependencies
        of = dependencies.of
        members = dependencies.members
        label, fixed, journal = self.label, self.fixed, self._journal
        parents = graph.parents
        flat, start = parents.flat, parents.start
        queue: list[int] = []
        queued: set[int] = set()
        for node, value in changes.items():
            if fixed[node] != value:
                journal.append((node, label[node], fixed[node]))
                fixed[node] = value
            component = of[node]
            if component not in queued:
                queued.add(component)
                heapq.heappush(queue, component)
        while queue:
            component = heapq.heappop(queue)
            nodes = members.flat[members.start[component] : members.start[component + 1]]
            for node, value in self._relabel(nodes, component):
                journal.append((node, label[node], fixed[node]))
                label[node] = value
                for parent in flat[start[node] : start[node + 1]]:
                    if parent < 0:
                        parent = ~parent
                    if within is not None and not within[parent]:
                        continue
                    above = of[parent]
                    if above not in queued:
                        queued.add(above)
                        heapq.heappush(queue, above)

    def _relabel(self, nodes: list[int], component: int) -> list[tuple[int, Label]]:
        """The nodes of one component whose label changes, with their new labels, the labels
        of everything below the component being up to date."""
        if len(nodes) == 1:
            (node,) = nodes
            value = self.fixed[node] or self._rule(node)
            return [(node, value)] if value != self.label[node] else []
        return self._relabel_cycle(nodes, component)

    def _rule(self, node: int) -> Label:
        """The label the rules give ``node`` from the labels of what it rests on."""
        graph, label = self.graph, self.label
        pos, neg = graph.pos, graph.neg
        pos_in = pos_out = neg_in = neg_out = 0
        for source in pos.flat[pos.start[node] : pos.start[node + 1]]:
            value = label[source]
            if value == _IN:
                pos_in += 1
            elif value == _OUT:
                pos_out += 1
        for source in neg.flat[neg.start[node] : neg.start[node + 1]]:
            value = label[source]
            if value == _IN:
                neg_in += 1
            elif value == _OUT:
                neg_out += 1
        n_pos = pos.start[node + 1] - pos.start[node]
        n_neg = neg.start[node + 1] - neg.start[node]
        if node < graph.n_statements:
            given = graph.given[node]
            if neg_in or (not given and pos_out == n_pos):
                return _OUT
            if (given or pos_in) and neg_out == n_neg:
                return _IN
            return _UNDECIDED
        if pos_out or neg_in:
            return _OUT
        if pos_in == n_pos and neg_out == n_neg:
            return _IN
        return _UNDECIDED

    def _relabel_cycle(self, nodes: list[int], component: int) -> list[tuple[int, Label]]:
        """The least fixpoint of a component of several nodes (a circle of support or of
        attack): the rules applied from its forced nodes alone, each node looked at again when
        one of its inputs in the component is decided (those below it are final already)."""
        graph = self.graph
        of = graph.dependencies.of
        label = self.label
        current = {node: self.fixed[node] for node in nodes}

        def read(source: int) -> Label:
            return current[source] if of[source] == component else label[source]

        work = [node for node in reversed(nodes) if current[node] == _UNDECIDED]
        while work:
            node = work.pop()
            if current[node] != _UNDECIDED:
                continue
            value = _rule_with(graph, node, read)
            if value == _UNDECIDED:
                continue
            current[node] = value
            for parent in graph.parents[node]:
                parent = ~parent if parent < 0 else parent
                if of[parent] == component and current[parent] == _UNDECIDED:
                    work.append(parent)
        return [(node, current[node]) for node in nodes if current[node] != label[node]]


def _rule_with(graph: Graph, node: int, read: Callable[[int], Label]) -> Label:
    """The label the rules give ``node``, its inputs' labels read through ``read``."""
    support = [read(source) for source in graph.pos[node]]
    attack = [read(source) for source in graph.neg[node]]
    if node < graph.n_statements:
        given = graph.given[node]
        if _IN in attack or (not given and all(v == _OUT for v in support)):
            return _OUT
        if (given or _IN in support) and all(v == _OUT for v in attack):
            return _IN
        return _UNDECIDED
    if _OUT in support or _IN in attack:
        return _OUT
    if all(v == _IN for v in support) and all(v == _OUT for v in attack):
        return _IN
    return _UNDECIDED
