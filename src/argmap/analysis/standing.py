"""The findings about statements that do not stand, as ``argmap check`` reports them:
unsupported, defeated, ungrounded, contested and undecided statements, and circles of support."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

from argmap.analysis.labels import Labelling, arrows, objection_name
from argmap.graph import Graph, Label
from argmap.model import Code, Kind, Position
from argmap.status import Severity, Status
from argmap.util import plural


class Found(NamedTuple):
    """A finding before it is dressed: the statement's index, the code, the message, the
    severity when it differs from the code's usual one, the other statements it is about, and
    where in the file it is when that is not where the statement is (an acknowledgement)."""

    statement: int
    code: Code
    message: str
    severity: Severity | None = None
    related: tuple[int, ...] = ()
    where: Position | None = None


def others(graph: Graph, node: int, nodes: Iterable[int]) -> tuple[int, ...]:
    """The statements among ``nodes`` other than ``node``, each once, in the order given: what
    a finding about ``node`` names besides it (:attr:`Found.related`)."""
    n_statements = graph.n_statements
    return tuple(dict.fromkeys(n for n in nodes if n != node and 0 <= n < n_statements))


def premises_of(graph: Graph, objections: Iterable[int]) -> Iterator[int]:
    """The premises of each objection in turn, as :func:`objection_name` names them."""
    for objection in objections:
        yield from graph.pos[objection]


_KIND_NAMES: Final = {kind: kind.value for kind in Kind}


def usage(graph: Graph) -> tuple[list[bool], list[bool]]:
    """For each statement: does something stand on it (a thesis, or a premise of a reason), and is
    it used at all (a premise of a reason or an objection)."""
    n = graph.n_statements
    supports = [s.kind is Kind.THESIS for s in graph.statements]
    used = [False] * n
    flat, start, is_reason = graph.pos.flat, graph.pos.start, graph.is_reason
    for node in range(n, len(graph.ids)):
        premises = flat[start[node] : start[node + 1]]
        for premise in premises:
            used[premise] = True
        if is_reason[node]:
            for premise in premises:
                supports[premise] = True
    return supports, used


def evaluation_findings(graph: Graph, labels: Labelling) -> Iterator[Found]:
    """Unsupported claims, and one finding for each statement that does not stand. A statement that
    serves only in objections is not reported as failing: its failing is what answers them."""
    supports, used = usage(graph)
    pflat, pstart, nstart = graph.pos.flat, graph.pos.start, graph.neg.start
    for i, statement in enumerate(graph.statements):
        what = f"{_KIND_NAMES[statement.kind]} {statement.id}"
        if statement.kind.is_claim and not statement.reasons:
            yield Found(i, Code.UNSUPPORTED, f"{what} has no reasons{_only_defended(graph, i)}")
        if used[i] and not supports[i]:
            continue
        status = labels.status(i)
        if status is Status.DEFEATED:
            yield _defeated(graph, labels, i, what)
        elif status is Status.NOT_GROUNDED and statement.reasons:
            yield _not_grounded(graph, labels, i, what)
            continue  # its undercuts are named there: together they leave it not grounded
        elif status is Status.UNDECIDED:
            yield _undecided(graph, labels, i, what)
        if any(nstart[r] != nstart[r + 1] for r in pflat[pstart[i] : pstart[i + 1]]):
            yield from _undercuts_aside(graph, labels, i, what)  # a reason of it is undercut


def _only_defended(graph: Graph, node: int) -> str:
    """For a statement without reasons whose rebuttals are answered: that its defence does not
    support it. Empty for one that nothing attacks."""
    rebuttals = graph.neg[node]
    if not rebuttals:
        return ""
    named = ", ".join(graph.ids[o] for o in rebuttals[:3])
    which = "objection" if len(rebuttals) == 1 else "objections"
    return (
        f" of its own: answering {which} {named} defends it, but nothing supports it, so it "
        "cannot be grounded"
    )


def _defeated(graph: Graph, labels: Labelling, node: int, what: str) -> Found:
    """A defeated statement, with every rebuttal of it that applies (the first three)."""
    rebuttals = [o for o in graph.neg[node] if labels.label[o] == Label.IN]
    named = " and ".join(objection_name(graph, o) for o in rebuttals[:3])
    more = f" and {plural(len(rebuttals) - 3, 'more')}" if len(rebuttals) > 3 else ""
    which = "which is" if len(rebuttals) == 1 else "which are"
    return Found(
        node,
        Code.DEFEATED,
        f"{what} is defeated by {named}{more}, {which} not answered",
        related=others(graph, node, premises_of(graph, rebuttals[:3])),
    )


def _undercuts_aside(graph: Graph, labels: Labelling, node: int, what: str) -> Iterator[Found]:
    """Unanswered undercuts that do not decide the statement's status: it stands on another
    reason, or it fails for another cause. Info, one per undercut: the objection still stands in
    the text, and answering it (or acknowledging it) is the reader's call."""
    label = labels.label
    stands = label[node] == Label.IN
    for reason in graph.pos[node]:
        for undercut in graph.neg[reason]:
            if label[undercut] != Label.IN:
                continue
            aside = "; it stands on other reasons" if stands else ""
            yield Found(
                node,
                Code.CONTESTED,
                f"{what}: its reason {graph.ids[reason]} is undercut by "
                f"{objection_name(graph, undercut)}, which is not answered{aside}",
                Severity.INFO,
                others(graph, node, graph.pos[undercut]),
            )


def _not_grounded(graph: Graph, labels: Labelling, node: int, what: str) -> Found:
    """Why each reason of an out claim fails (the first three causes, each said once: two
    reasons that rest on the same failed premise fail for one cause): contested when one is
    undercut."""
    reasons = graph.pos[node]
    parts: dict[str, None] = {}
    named: list[int] = []
    explained = 0
    undercut_any = False
    for reason in reasons:
        undercut = labels.first(graph.neg[reason], Label.IN)
        if undercut is not None:
            undercut_any = True
            cause = (
                f"{graph.ids[reason]} is undercut by {objection_name(graph, undercut)}, "
                "which is not answered"
            )
            names: list[int] = graph.pos[undercut]
        else:
            failed = labels.first(graph.pos[reason], Label.OUT)
            assert failed is not None
            cause = f"{graph.ids[failed]} is {labels.status(failed).value.replace('-', ' ')}"
            names = [failed]
        if cause in parts or len(parts) < 3:
            if cause not in parts:
                named.extend(names)
            parts[cause] = None
            explained += 1
    more = "; ..." if len(reasons) > explained else ""
    lead = (
        "its only reason does not apply"
        if len(reasons) == 1
        else f"none of its {len(reasons):,} reasons applies"
    )
    code = Code.CONTESTED if undercut_any else Code.UNGROUNDED
    return Found(
        node, code, f"{what}: {lead}: {'; '.join(parts)}{more}", related=others(graph, node, named)
    )


def _undecided(graph: Graph, labels: Labelling, node: int, what: str) -> Found:
    """An undecided statement: contested when an objection against it or its reasons is
    undecided, ungrounded when only its support is."""
    label = labels.label
    attack = next((o for o in graph.neg[node] if label[o] == Label.UNDECIDED), None)
    if attack is None:
        attack = next(
            (
                u
                for r in graph.pos[node]
                if label[r] == Label.UNDECIDED
                for u in graph.neg[r]
                if label[u] == Label.UNDECIDED
            ),
            None,
        )
    if attack is not None:
        return Found(
            node,
            Code.CONTESTED,
            f"{what} is undecided: {objection_name(graph, attack)} can be neither accepted nor "
            "rejected",
            related=others(graph, node, graph.pos[attack]),
        )
    premise = next(
        p
        for r in graph.pos[node]
        if label[r] == Label.UNDECIDED
        for p in graph.pos[r]
        if label[p] == Label.UNDECIDED
    )
    return Found(
        node,
        Code.UNGROUNDED,
        f"{what} is undecided: its support rests on {graph.ids[premise]}, which is undecided",
        related=others(graph, node, (premise,)),
    )


def circles(graph: Graph, labels: Labelling) -> Iterator[Found]:
    """Circular support, once per circle at its first statement in map order; an error when the
    circle leaves a claim undecided, a warning when all are grounded anyway."""
    ids = graph.ids
    for component in graph.components.circles(graph.support):
        start = component[0]
        cycle = _cycle_from(graph, start, set(component))
        extra = len(component) - (len(cycle) - 1)
        also = f" ({plural(extra, 'more statement')} in the same circle)" if extra > 0 else ""
        grounded = all(labels.label[c] == Label.IN for c in component)
        yield Found(
            start,
            Code.CIRCULAR,
            f"{graph.statements[start].kind.value} {ids[start]} supports itself: "
            f"{arrows([ids[c] for c in cycle])}{also}",
            Severity.WARNING if grounded else Severity.ERROR,
            others(graph, start, cycle),
        )


def _cycle_from(graph: Graph, start: int, members: set[int]) -> list[int]:
    """A shortest circle of support from ``start`` back to itself, within ``members``."""
    previous: dict[int, int] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for premise in graph.support[node]:
                if premise == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    path.reverse()
                    return [*path, start]
                if premise in members and premise not in previous:
                    previous[premise] = node
                    nxt.append(premise)
        frontier = nxt
    return [start]  # unreachable for a component of the support graph
