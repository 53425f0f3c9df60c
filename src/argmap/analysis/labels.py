"""The label of every statement, reason and objection of a map, and why a thesis gets its label.

Labels follow grounded semantics over a graph whose nodes are statements, reasons and objections:

- a reason or objection *applies* when all its premises are in and none of its undercuts applies;
- a statement is *in* (grounded) when it is given (evidence, assumption) or one of its reasons
  applies, and none of its rebuttals applies;
- it is *out* when it is not given and none of its reasons can apply, or a rebuttal applies: then it
  is *defeated*; otherwise *not grounded*;
- whatever the least fixpoint of these rules leaves open is *undecided*: support that runs only in a
  circle, attack cycles with nothing to decide between them, and what depends on those.

The labelling is a worklist over :class:`argmap.graph.Graph`, iterative like everything there, so
a chain of 50,000 reasons or a claim with 10,000 reasons is no harder than a small map.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import pairwise

import attrs

from argmap.errors import QueryError, did_you_mean
from argmap.graph import Graph, Label
from argmap.model import Level, Map
from argmap.status import Status


@attrs.frozen
class Evaluation:
    """The labels of one map."""

    status: Mapping[str, Status]
    """Every statement id, in map order, with its label."""
    applies: Mapping[str, bool]
    """Every reason id and objection id: whether it applies (premises all in, not undercut)."""


@attrs.frozen
class Verdict:
    """What became of a thesis, and why."""

    thesis: str
    """The thesis's id."""
    status: Status
    """Its label."""
    chain: tuple[str, ...]
    """Ids from the thesis down to where its support runs out (just the thesis when grounded)."""
    why: str = ""
    """The reason at the end of the chain: ``c9 has no reasons``; empty when grounded."""
    stated: Level | None = None
    """The confidence the thesis states (its level, hedge or certainty marker), if any."""
    earned: Level | None = None
    """The confidence its support earns (:mod:`argmap.analysis.confidence`); None when it is not
    grounded."""
    author: Status | None = None
    """Its label on the author's words alone (every assumption and every link the mapper
    assumed taken away); None when the map has none of the mapper's items."""
    needs: tuple[tuple[str, ...], ...] = ()
    """When it is grounded but not on the author's words alone: sets of the mapper's items, any
    one of which, given back to the author's words, grounds it again (see
    :func:`argmap.analysis.author.needs`)."""

    @property
    def explanation(self) -> str:
        """``t <- c4 <- c9: c9 has no reasons``, long chains cut short; empty if grounded."""
        return f"{arrows(self.chain)}: {self.why}" if self.why else ""

    def __str__(self) -> str:
        if not self.why:
            return f"{self.thesis}: {self.status.value}"
        return f"{self.thesis}: {self.status.value}: {self.explanation}"


class Labelling:
    """The least fixpoint of the labelling rules over a graph, with the step at which each node was
    decided: what the findings and verdicts explain a label with.

    ``label[n]`` is node ``n``'s :class:`~argmap.graph.Label`; ``step[n]`` when it was decided (0:
    never, the node is undecided; a node is decided only after the nodes that decide it);
    ``forced[n]`` whether it was rejected or accepted; ``neg_in[n]`` how many of its attackers are
    in (a statement that is out with one is defeated, else not grounded).
    """

    def __init__(
        self,
        graph: Graph,
        reject: Collection[str],
        accept: Collection[str],
        *,
        without: Collection[int] = (),
    ) -> None:
        """Label ``graph`` with the statements named in ``reject`` forced out and those in
        ``accept`` forced in; the nodes in ``without`` (statements, reasons or objections) are
        taken away: forced out, as if they were not in the map."""
        n = len(graph.ids)
        self.graph = graph
        undecided, in_, out = Label.UNDECIDED, Label.IN, Label.OUT
        label = [undecided] * n
        step = [0] * n
        forced = [False] * n
        pos_in = [0] * n
        pos_out = [0] * n
        neg_in = [0] * n
        neg_out = [0] * n
        counter = 0
        for names, value in ((reject, out), (accept, in_)):
            for name in names:
                node = graph.index.get(name)
                if node is None:
                    hint = did_you_mean(name, graph.index)
                    raise QueryError(f"no statement '{name}' in the map{hint}")
                label[node] = value
                forced[node] = True
        for node in without:
            label[node] = out
            forced[node] = True
        decided: list[int] = [node for node in range(n) if forced[node]]
        for node in decided:
            counter += 1
            step[node] = counter
        work = list(range(n - 1, -1, -1))
        n_statements = graph.n_statements
        given = graph.given
        n_pos = [end - begin for begin, end in pairwise(graph.pos.start)]
        n_neg = [end - begin for begin, end in pairwise(graph.neg.start)]
        parents = graph.parents
        while decided or work:
            if decided:
                node = decided.pop()
                value = label[node]
                for parent in parents.flat[parents.start[node] : parents.start[node + 1]]:
                    if parent >= 0:
                        if value == in_:
                            pos_in[parent] += 1
                        else:
                            pos_out[parent] += 1
                    else:
                        parent = ~parent
                        if value == in_:
                            neg_in[parent] += 1
                        else:
                            neg_out[parent] += 1
                    if label[parent] == undecided:
                        work.append(parent)
                continue
            node = work.pop()
            if label[node] != undecided:
                continue
            if node < n_statements:
                if neg_in[node] or (not given[node] and pos_out[node] == n_pos[node]):
                    value = out
                elif (given[node] or pos_in[node]) and neg_out[node] == n_neg[node]:
                    value = in_
                else:
                    continue
            elif pos_out[node] or neg_in[node]:
                value = out
            elif pos_in[node] == n_pos[node] and neg_out[node] == n_neg[node]:
                value = in_
            else:
                continue
            label[node] = value
            counter += 1
            step[node] = counter
            decided.append(node)
        self.label = label
        self.step = step
        self.forced = forced
        self.neg_in = neg_in

    @classmethod
    def of(cls, graph: Graph, *, without: Sequence[int] = ()) -> Labelling:
        """The labelling of ``graph`` with nothing forced but the nodes ``without`` taken away,
        as ``Labelling(graph, (), (), without=without)`` gives it, its lists worked out once for
        the graphs of one shape (:meth:`argmap.graph.Graph.by_shape`: a new version of a map
        that keeps every link and kind is not labelled again). The lists are shared: read them,
        never change them."""

        def work() -> dict[str, object]:
            first = cls(graph, (), (), without=without)
            return {name: value for name, value in vars(first).items() if name != "graph"}

        made = cls.__new__(cls)
        vars(made).update(graph.by_shape(("labelling", tuple(without)), work), graph=graph)
        return made

    def status(self, node: int) -> Status:
        value = self.label[node]
        if value == Label.IN:
            return Status.GROUNDED
        if value == Label.UNDECIDED:
            return Status.UNDECIDED
        return Status.DEFEATED if self.neg_in[node] else Status.NOT_GROUNDED

    def evaluation(self) -> Evaluation:
        graph = self.graph
        n_statements = graph.n_statements
        status = self.status
        return Evaluation(
            status={graph.ids[i]: status(i) for i in range(n_statements)},
            applies={
                graph.ids[i]: self.label[i] == Label.IN for i in range(n_statements, len(graph.ids))
            },
        )

    def verdict(self, node: int) -> Verdict:
        """What became of ``node`` (a thesis), and why."""
        status = self.status(node)
        ids = self.graph.ids
        if status is Status.GROUNDED:
            return Verdict(ids[node], status, (ids[node],))
        if status is Status.UNDECIDED:
            chain, why = self.why_undecided(node)
        else:
            chain, why = self.why_out(node)
        return Verdict(ids[node], status, tuple(ids[c] for c in chain), why)

    # -- explanations ----------------------------------------------------------------------------

    def first(self, nodes: Iterable[int], value: Label) -> int | None:
        """The earliest-decided node among ``nodes`` with that label."""
        best: int | None = None
        for node in nodes:
            if self.label[node] == value and (best is None or self.step[node] < self.step[best]):
                best = node
        return best

    def why_out(self, node: int) -> tuple[list[int], str]:
        """Statements from ``node`` (out) down to where its support runs out, and why it does.

        Each step goes to a node decided earlier, so the walk ends."""
        graph = self.graph
        ids = graph.ids
        chain = [node]
        while True:
            name = ids[node]
            if self.forced[node]:
                return chain, f"{name} is rejected"
            rebuttal = self.first(graph.neg[node], Label.IN)
            if rebuttal is not None:
                return chain, f"{name} is defeated by {objection_name(graph, rebuttal)}"
            if not graph.pos[node]:
                return chain, f"{name} has no reasons"
            reason = self.first(graph.pos[node], Label.OUT)
            assert reason is not None  # an out claim that is not defeated has all reasons out
            if self.forced[reason]:
                return chain, f"reason {ids[reason]} is taken away"
            premise = self.first(graph.pos[reason], Label.OUT)
            undercut = self.first(graph.neg[reason], Label.IN)
            if undercut is not None and (
                premise is None or self.step[undercut] < self.step[premise]
            ):
                return (
                    chain,
                    f"reason {ids[reason]} is undercut by {objection_name(graph, undercut)}",
                )
            assert premise is not None
            node = premise
            chain.append(node)

    def why_undecided(self, node: int) -> tuple[list[int], str]:
        """Statements from undecided ``node`` into the cycle that leaves it open, and the cycle."""
        graph = self.graph
        ids = graph.ids
        path = [node]
        seen = {node: 0}
        attacked_at: list[bool] = []
        while True:
            attack = False
            nxt = next((n for n in graph.neg[node] if self.label[n] == Label.UNDECIDED), None)
            if nxt is not None:
                attack = True
            else:
                nxt = next((n for n in graph.pos[node] if self.label[n] == Label.UNDECIDED), None)
            assert nxt is not None  # an undecided node always rests on an undecided node
            attacked_at.append(attack)
            node = nxt
            if node in seen:
                start = seen[node]
                cycle = [n for n in [*path[start:], node] if n < graph.n_statements]
                chain = [n for n in path[: start + 1] if n < graph.n_statements]
                names = arrows([ids[n] for n in cycle])
                if any(attacked_at[start:]):
                    return chain, f"attack cycle {names} cannot be decided"
                return chain, f"support runs only in a circle: {names}"
            seen[node] = len(path)
            path.append(node)


def objection_name(graph: Graph, node: int) -> str:
    """``objection o1 (e1, e2)``: the objection and its premises, as messages name it."""
    premises = ", ".join(graph.ids[p] for p in graph.pos[node])
    return f"objection {graph.ids[node]} ({premises})"


def arrows(ids: Sequence[str], limit: int = 16) -> str:
    """``a <- b <- c``; long chains keep their ends."""
    if len(ids) > limit:
        head, tail = ids[: limit - 4], ids[-3:]
        return " <- ".join([*head, f"... {len(ids) - len(head) - len(tail):,} more ...", *tail])
    return " <- ".join(ids)


def evaluate(
    map: Map,
    *,
    reject: Collection[str] = (),
    accept: Collection[str] = (),
) -> Evaluation:
    """Label every statement of ``map``, and say which reasons and objections apply.

    ``reject`` names statements forced out (treated as false: labelled defeated when an objection
    against them applies, else not grounded), ``accept`` statements forced in (treated as given,
    labelled grounded): what-if analysis. An unknown id raises
    :class:`~argmap.errors.QueryError`.
    """
    return Labelling(Graph.of(map), reject, accept).evaluation()
