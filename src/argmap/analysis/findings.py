"""The findings of ``argmap check``: what is wrong with a map, one finding per statement and code,
each with its severity, message and hint, and the map's acknowledgements applied."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

import attrs

from argmap.analysis import confidence, sources
from argmap.analysis.author import mapper_nodes, needs, needs_text
from argmap.analysis.codes import HINTS, NEEDS_SOURCE, ORDER, severity_of
from argmap.analysis.labels import Evaluation, Labelling, Verdict
from argmap.analysis.quotes import SourceText
from argmap.analysis.relabel import Relabelling
from argmap.analysis.sides import Sides, sides
from argmap.analysis.standing import Found, circles, evaluation_findings, others
from argmap.analysis.structure import duplicates, hedged_load, orphans, quoted, untraceable
from argmap.graph import Graph, Label
from argmap.model import Code, FrozenMapping, Level, Map, Position, Statement
from argmap.status import Severity, Status
from argmap.util import collector_paused


@attrs.frozen
class Finding:
    """One thing ``argmap check`` reports about one statement."""

    code: Code
    """What kind of finding it is; stable, and what acknowledgements name."""
    severity: Severity
    """How much it matters."""
    statement: str
    """The id of the statement it is about."""
    message: str
    """What is wrong, in one line."""
    hint: str
    """A short suggestion for a fix."""
    position: Position | None
    """Where the statement is written in the map file."""
    acknowledged: str | None = None
    """The map's reason for accepting the finding, when it acknowledges it; such findings never fail
    a run."""
    related: tuple[str, ...] = ()
    """The ids of the other statements it is about, each once: those its message names, in that
    order (the steps of a circle, the premises of the objections that defeat or undercut it, the
    premise where its support fails, the thesis a hedged or unnamed statement lies under, the
    earlier copy of a duplicate, the assumptions a thesis needs), the statements down to the
    weakest link of an overstated one, and all the evidence of a thesis on one source or on
    unnamed sources only."""


@attrs.frozen
class Report:
    """Everything ``argmap check`` knows about a map."""

    findings: tuple[Finding, ...]
    """Findings in map order of their statements, then in the order of :class:`Code`."""
    evaluation: Evaluation
    """The labels."""
    verdicts: tuple[Verdict, ...]
    """One per thesis, in map order."""
    earned: Mapping[str, Level | None] = attrs.field(factory=dict)
    """What each statement earns (:mod:`argmap.analysis.confidence`), in map order: None for one
    that is not grounded."""
    sides: Sides = attrs.field(factory=lambda: Sides({}))
    """The side of every statement, reason and objection with respect to each thesis."""

    def failing(self, fail_on: Severity = Severity.WARNING) -> tuple[Finding, ...]:
        """The findings that fail a run: not acknowledged, at or above ``fail_on``."""
        return tuple(f for f in self.findings if f.acknowledged is None and f.severity >= fail_on)

    def only(self, select: Collection[Code] | None = None, ignore: Collection[Code] = ()) -> Report:
        """The same report with only the findings whose code is selected (all when ``select`` is
        None) and not ignored."""
        kept = tuple(
            f
            for f in self.findings
            if (select is None or f.code in select) and f.code not in ignore
        )
        return attrs.evolve(self, findings=kept)


def check(map: Map, *, source: str | None = None) -> Report:
    """Label the map, judge each thesis and list the findings; ``source`` (the plain text of the
    source) enables quote-not-found.

    Severities: a finding that means a thesis does not stand (unsupported, ungrounded, defeated,
    contested on a thesis) is an error, as are a circle of support that leaves its claims undecided
    and a quote that is not in the source; hedged-load is info, and so is contested for an
    unanswered undercut of a reason that the statement does not need (it stands on another, or
    fails for another cause); everything else is a warning.
    """
    with collector_paused():  # the findings and labels hold no cycles: large maps stay linear
        return _check(map, source)


def _check(map: Map, source: str | None) -> Report:
    graph = Graph.of(map)
    labels = Labelling(graph, (), ())
    earned = confidence.Earned(graph, labels.label)
    found = [
        *evaluation_findings(graph, labels),
        *circles(graph, labels),
        *orphans(graph),
        *untraceable(graph),
        *hedged_load(graph, labels),
        *(Found(*f) for f in confidence.unknown_hedges(graph)),
        *(Found(*f) for f in confidence.overstated(graph, earned)),
        *(Found(*f) for f in sources.thesis_findings(graph, sources.sources_below(graph))),
        *(Found(*f) for f in sources.unnamed_findings(graph)),
        *duplicates(graph),
        *(quoted(map, graph, SourceText(source)) if source is not None else ()),
    ]
    statements = graph.statements
    verdicts = [
        attrs.evolve(
            labels.verdict(thesis),
            stated=confidence.stated(statements[thesis]),
            earned=earned.of(thesis),
        )
        for thesis in graph.theses
    ]
    mapper = mapper_nodes(graph)
    if mapper:
        verdicts, readings = _author_readings(graph, labels, verdicts, mapper)
        found.extend(readings)
    found.extend(unused_acks(graph, found, tried=source is not None))
    found.sort(key=lambda f: (f.statement, ORDER[f.code]))
    findings = tuple(_finding(statements[f.statement], f, graph.ids) for f in found)
    levels = {graph.ids[i]: earned.of(i) for i in range(graph.n_statements)}
    return Report(findings, labels.evaluation(), tuple(verdicts), FrozenMapping(levels), sides(map))


def _author_readings(
    graph: Graph, labels: Labelling, verdicts: list[Verdict], mapper: list[int]
) -> tuple[list[Verdict], list[Found]]:
    """Each verdict with its second reading, on the author's words alone, and a rests-on-mapper
    finding for each thesis that is grounded only through the mapper's items."""
    author = Labelling(graph, (), (), without=mapper)  # as author_labelling does
    again = Relabelling(author)  # the author-only labels, kept up to date for each what-if
    read: list[Verdict] = []
    found: list[Found] = []
    for thesis, verdict in zip(graph.theses, verdicts, strict=True):
        status = author.status(thesis)
        sets: tuple[tuple[int, ...], ...] = ()
        if labels.label[thesis] == Label.IN and status is not Status.GROUNDED:
            sets = needs(graph, thesis, again, mapper)
            word = status.value.replace("-", " ")
            it_needs = f"; it needs {needs_text(graph.ids, sets)}" if sets else ""
            found.append(
                Found(
                    thesis,
                    Code.RESTS_ON_MAPPER,
                    f"thesis {graph.ids[thesis]} is grounded only through the mapper's reading: "
                    f"on the author's words alone it is {word}{it_needs}",
                    related=others(graph, thesis, (n for s in sets for n in s)),
                )
            )
        named = tuple(tuple(graph.ids[n] for n in s) for s in sets)
        read.append(attrs.evolve(verdict, author=status, needs=named))
    return read, found


def unused_acks(graph: Graph, found: Sequence[Found], *, tried: bool) -> Iterator[Found]:
    """An unused-ack finding at each acknowledgement of a code that is not found about its
    statement; codes found only with the source (``tried`` says whether it was given) are left
    alone, as is an acknowledgement of unused-ack itself."""
    codes = {(f.statement, f.code) for f in found}
    for i, statement in enumerate(graph.statements):
        for ack in statement.acks:
            code = ack.code
            untried = code in NEEDS_SOURCE and not tried
            if (i, code) in codes or code is Code.UNUSED_ACK or untried:
                continue
            yield Found(
                i,
                Code.UNUSED_ACK,
                f"the acknowledgement of {code.value} on {statement.kind.value} {statement.id} "
                "matches no finding about it",
                where=ack.position,
            )


def _finding(statement: Statement, found: Found, ids: Sequence[str]) -> Finding:
    code = found.code
    severity = found.severity or severity_of(code, statement.kind)
    ack = next((a.why for a in statement.acks if a.code is code), None) if statement.acks else None
    return Finding(
        code,
        severity,
        statement.id,
        found.message,
        HINTS[code],
        found.where or statement.position,
        ack,
        tuple(ids[n] for n in found.related),
    )
