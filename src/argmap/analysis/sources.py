"""Where a map's evidence comes from: what each thesis depends on, the sources of that evidence,
and the findings about theses that rest on one source or on unnamed sources alone.

A thesis *depends on* the premises of its reasons and on what answers the objections against it
or its reasons, and on what those depend on in turn (the same reading as ``hedged-load``).
Evidence without ``by:`` has no known source: it is counted apart, and a thesis that rests on any
of it is never reported as resting on one source or on unnamed sources only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple

from argmap.graph import Adjacency, Graph, strong_components
from argmap.model import Code, Kind, Statement
from argmap.util import plural

UNATTRIBUTED: Final = "(no source given)"
"""How stats names the evidence without ``by:``."""


def depends_on(graph: Graph, statement: int) -> Iterator[tuple[int, int]]:
    """The statements ``statement`` directly depends on, each with the objection it answers (-1
    for support): the premises of its reasons, then the premises of the answers to each objection
    against it or against one of its reasons."""
    pos, neg = graph.pos, graph.neg
    reasons = pos[statement]
    for reason in reasons:
        for premise in pos[reason]:
            yield premise, -1
    for attacked in (statement, *reasons):
        for objection in neg[attacked]:
            for undercut in neg[objection]:
                for premise in pos[undercut]:
                    yield premise, objection
            for attacker in pos[objection]:
                for rebuttal in neg[attacker]:
                    for premise in pos[rebuttal]:
                        yield premise, objection


class Sources(NamedTuple):
    """What the evidence a statement depends on says about its sources: up to two distinct
    source keys (two are enough to know it is not one), whether any is named, and whether any
    evidence has no source given."""

    keys: tuple[str, ...]
    """Up to two distinct sources (:attr:`Attribution.key`), in the order met."""
    names: tuple[str, ...]
    """The sources' names as written, beside ``keys``."""
    named: bool
    """Some of the evidence is from a named source."""
    unattributed: bool
    """Some of the evidence has no ``by:``."""


_NONE = Sources((), (), False, False)


_UNATTRIBUTED = Sources((), (), False, True)


def _own(statement: Statement) -> Sources:
    if statement.kind is not Kind.EVIDENCE:
        return _NONE
    if statement.by is None:
        return _UNATTRIBUTED
    by = statement.by
    return Sources((by.key,), (by.name,), not by.unnamed, False)


def _merge(a: Sources, b: Sources) -> Sources:
    if b is a or b is _NONE:
        return a
    if a is _NONE:
        return b  # already at most two distinct keys
    keys, names = list(a.keys), list(a.names)
    for key, name in zip(b.keys, b.names, strict=True):
        if len(keys) < 2 and key not in keys:
            keys.append(key)
            names.append(name)
    return Sources(tuple(keys), tuple(names), a.named or b.named, a.unattributed or b.unattributed)


def _dependencies(graph: Graph) -> Adjacency:
    """The statements each statement directly depends on (:func:`depends_on`, without the
    objections), as flat edges."""
    pos, neg = graph.pos, graph.neg
    pflat, pstart, nflat, nstart = pos.flat, pos.start, neg.flat, neg.start
    sources: list[int] = []
    targets: list[int] = []
    for statement in range(graph.n_statements):
        before = len(targets)
        reasons = pflat[pstart[statement] : pstart[statement + 1]]
        for reason in reasons:
            targets.extend(pflat[pstart[reason] : pstart[reason + 1]])
        for attacked in (statement, *reasons):
            for objection in nflat[nstart[attacked] : nstart[attacked + 1]]:
                for undercut in nflat[nstart[objection] : nstart[objection + 1]]:
                    targets.extend(pflat[pstart[undercut] : pstart[undercut + 1]])
                for attacker in pflat[pstart[objection] : pstart[objection + 1]]:
                    for rebuttal in nflat[nstart[attacker] : nstart[attacker + 1]]:
                        targets.extend(pflat[pstart[rebuttal] : pstart[rebuttal + 1]])
        sources.extend([statement] * (len(targets) - before))
    return Adjacency(graph.n_statements, sources, targets)


def _ordered(graph: Graph) -> tuple[Adjacency, list[int], int, Adjacency]:
    """What each statement depends on (:func:`_dependencies`), the strongly connected components
    of that, how many, and the statements of each: all of it the graph's edges alone decide."""
    edges = _dependencies(graph)
    of, count = strong_components(edges.start, edges.flat)
    return edges, of, count, Adjacency(count, of, range(graph.n_statements))


def sources_below(graph: Graph) -> list[Sources]:
    """For every statement, the sources of all the evidence it depends on (itself included):
    one pass over the components of the dependency graph, inputs first, so linear in its size."""
    n = graph.n_statements
    edges, of, count, members = graph.by_shape("sources_below", lambda: _ordered(graph))
    own = [_own(statement) for statement in graph.statements]
    summary = [_NONE] * n
    flat, start = edges.flat, edges.start
    for component in range(count):  # a component reaches only lower ones, already summarised
        nodes = members.flat[members.start[component] : members.start[component + 1]]
        merged = _NONE
        for node in nodes:
            merged = _merge(merged, own[node])
            for premise in flat[start[node] : start[node + 1]]:
                if of[premise] != component:
                    merged = _merge(merged, summary[premise])
        for node in nodes:
            summary[node] = merged
    return summary


SourceFinding = tuple[int, Code, str, None, tuple[int, ...]]
"""A finding as :class:`argmap.analysis.standing.Found` takes it: the statement, the code, the
message, no severity of its own, and the other statements it is about."""


def evidence_under(graph: Graph, statement: int) -> tuple[int, ...]:
    """The evidence ``statement`` depends on, however indirectly, in map order."""
    seen = [False] * graph.n_statements
    seen[statement] = True
    frontier = [statement]
    while frontier:
        following = []
        for node in frontier:
            for premise, _ in depends_on(graph, node):
                if not seen[premise]:
                    seen[premise] = True
                    following.append(premise)
        frontier = following
    statements = graph.statements
    return tuple(
        n
        for n in range(graph.n_statements)
        if seen[n] and n != statement and statements[n].kind is Kind.EVIDENCE
    )


def thesis_findings(graph: Graph, below: list[Sources]) -> Iterator[SourceFinding]:
    """Theses whose evidence all comes from one source, or from unnamed sources only; each with
    that evidence."""
    for thesis in graph.theses:
        found = below[thesis]
        if found.unattributed or not found.keys:
            continue
        what = f"thesis {graph.ids[thesis]}"
        if not found.named:
            many = "several unnamed sources" if len(found.keys) > 1 else "an unnamed source"
            yield (
                thesis,
                Code.UNNAMED_ONLY,
                f"all the evidence {what} depends on is from {many} (\u201c{found.names[0]}\u201d)",
                None,
                evidence_under(graph, thesis),
            )
        elif len(found.keys) == 1:
            yield (
                thesis,
                Code.SINGLE_SOURCE,
                f"all the evidence {what} depends on comes from one source: {found.names[0]}",
                None,
                evidence_under(graph, thesis),
            )


def unnamed_findings(graph: Graph) -> Iterator[SourceFinding]:
    """Evidence from unnamed sources that a thesis depends on, naming the first thesis that
    reaches it (breadth first from all theses in map order)."""
    origin = [-1] * graph.n_statements
    frontier = list(graph.theses)
    for thesis in frontier:
        origin[thesis] = thesis
    while frontier:
        following = []
        for node in frontier:
            for premise, _ in depends_on(graph, node):
                if origin[premise] == -1:
                    origin[premise] = origin[node]
                    following.append(premise)
        frontier = following
    for i, statement in enumerate(graph.statements):
        by = statement.by
        if by is None or not by.unnamed or origin[i] == -1 or statement.kind is not Kind.EVIDENCE:
            continue
        yield (
            i,
            Code.UNNAMED_SOURCE,
            f"evidence {statement.id} is from an unnamed source (\u201c{by.name}\u201d) and "
            f"thesis {graph.ids[origin[i]]} depends on it",
            None,
            (origin[i],),
        )


class SourceCount(NamedTuple):
    """One line of the evidence-per-source table."""

    source: str
    """The source's name as first written, or :data:`UNATTRIBUTED`."""
    role: str | None
    """Its role, as first written."""
    unnamed: bool
    """Whether the text leaves it unnamed."""
    evidence: tuple[str, ...]
    """The ids of its evidence, in map order."""

    def __str__(self) -> str:
        role = f", {self.role}" if self.role else ""
        unnamed = " (unnamed)" if self.unnamed else ""
        return f"{self.source}{role}{unnamed}: {plural(len(self.evidence), 'piece')} of evidence"


def per_source(graph: Graph) -> list[SourceCount]:
    """The evidence of each source, most evidence first, then in order of first use; the
    evidence without a source last."""
    table: dict[str, list[str]] = {}
    first: dict[str, Statement] = {}
    loose: list[str] = []
    for statement in graph.statements:
        if statement.kind is not Kind.EVIDENCE:
            continue
        if statement.by is None:
            loose.append(statement.id)
            continue
        key = statement.by.key
        first.setdefault(key, statement)
        table.setdefault(key, []).append(statement.id)
    order = sorted(table, key=lambda k: -len(table[k]))  # stable: ties keep first use
    rows = []
    for key in order:
        by = first[key].by
        assert by is not None
        rows.append(SourceCount(by.name, by.role, by.unnamed, tuple(table[key])))
    if loose:
        rows.append(SourceCount(UNATTRIBUTED, None, False, tuple(loose)))
    return rows


def per_grade(graph: Graph) -> dict[str, int]:
    """How many pieces of evidence carry each grade, in grade order (A1 first); ungraded as
    ``ungraded``."""
    counts: dict[str, int] = {}
    ungraded = 0
    for statement in graph.statements:
        if statement.kind is not Kind.EVIDENCE:
            continue
        if statement.grade is None:
            ungraded += 1
        else:
            grade = str(statement.grade)
            counts[grade] = counts.get(grade, 0) + 1
    ordered = dict(sorted(counts.items()))
    if ungraded:
        ordered["ungraded"] = ungraded
    return ordered
