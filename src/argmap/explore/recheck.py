"""The exact check of :func:`argmap.explore.critical`, for the statements whose fall the
derivation forest cannot give exactly: evaluate the map again with one statement rejected, looking
only at what can change."""

from __future__ import annotations

import attrs

from argmap.analysis import Evaluation, evaluate
from argmap.graph import Graph
from argmap.model import Kind, Map, Reason, Statement
from argmap.status import Status


class Recheck:
    """Evaluates the map with one statement rejected, looking only at what can change."""

    def __init__(self, map: Map, evaluation: Evaluation) -> None:
        self.map = map
        self.status = evaluation.status
        graph = Graph.of(map)
        ids, pos, written = graph.ids, graph.pos, graph.written
        self.rests_on: dict[str, list[str]] = {}
        """For each statement, the premises of every reason and objection written under it."""
        self.dependents: dict[str, list[str]] = {sid: [] for sid in map.statements}
        for s, sid in enumerate(ids[: graph.n_statements]):
            nodes = range(written[s], written[s + 1])
            premises = [ids[p] for p in dict.fromkeys(p for n in nodes for p in pos[n])]
            self.rests_on[sid] = premises
            for premise in premises:
                self.dependents[premise].append(sid)

    def rejecting(self, rejected: str) -> dict[str, Status]:
        """The statuses, with ``rejected`` rejected, of every statement whose status rests on it;
        the others cannot change. They are evaluated as a map of their own, in which each
        statement they rest on from outside stands in with the same status: given if grounded, a
        claim without reasons if out, a claim supporting itself if undecided."""
        region = {rejected}
        todo = [rejected]
        while todo:
            for dependent in self.dependents[todo.pop()]:
                if dependent not in region:
                    region.add(dependent)
                    todo.append(dependent)
        statements: dict[str, Statement] = {}
        for sid in self.map.statements:  # map order, for a deterministic evaluation
            if sid in region:
                statements[sid] = self.map.statements[sid]
                for premise in self.rests_on[sid]:
                    if premise not in region and premise not in statements:
                        statements[premise] = self.stand_in(premise)
        part = attrs.evolve(self.map, statements=statements)
        after = evaluate(part, reject=[rejected]).status
        return {sid: after[sid] for sid in region}

    def stand_in(self, sid: str) -> Statement:
        status = self.status[sid]
        if status is Status.GROUNDED:
            return Statement(sid, Kind.EVIDENCE, "")
        if status is Status.UNDECIDED:  # "\0" cannot be in an id of a map
            return Statement(sid, Kind.CLAIM, "", reasons=(Reason(f"{sid}\0", (sid,)),))
        return Statement(sid, Kind.CLAIM, "")
