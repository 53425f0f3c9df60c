"""The findings of ``argmap check``: what is wrong with a map, one finding per statement and code,
each with its severity, message and hint, and the map's acknowledgements applied."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import NamedTuple

import attrs

from argmap.analysis import confidence, sources
from argmap.analysis.author import author_labelling, mapper_nodes, needs, needs_text
from argmap.analysis.codes import HINTS, ORDER, severity_of
from argmap.analysis.labels import Evaluation, Labelling, Verdict, arrows, objection_name
from argmap.analysis.places import Layout, Place, beyond
from argmap.analysis.quotes import SourceText, normalise_statement
from argmap.analysis.sides import Sides, sides
from argmap.graph import Graph, Label
from argmap.model import Code, FrozenMapping, Kind, Level, Map, Position, Statement
from argmap.status import Severity, Status
from argmap.util import plural


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


# --- finding them ------------------------------------------------------------------------------


class _Found(NamedTuple):
    """A finding before it is dressed: the statement's index, the code, the message, and the
    severity when it differs from the code's usual one."""

    statement: int
    code: Code
    message: str
    severity: Severity | None = None


def check(map: Map, *, source: str | None = None) -> Report:
    """Label the map, judge each thesis and list the findings; ``source`` (the plain text of the
    source) enables quote-not-found.

    Severities: a finding that means a thesis does not stand (unsupported, ungrounded, defeated,
    contested on a thesis) is an error, as are a circle of support that leaves its claims undecided
    and a quote that is not in the source; hedged-load is info, and so is contested for an
    unanswered undercut of a reason that the statement does not need (it stands on another, or
    fails for another cause); everything else is a warning.
    """
    graph = Graph.of(map)
    labels = Labelling(graph, (), ())
    earned = confidence.Earned(graph, labels.label)
    found = [
        *_evaluation_findings(graph, labels),
        *_circles(graph, labels),
        *_orphans(graph),
        *_untraceable(graph),
        *_hedged_load(graph, labels),
        *(_Found(*f) for f in confidence.unknown_hedges(graph)),
        *(_Found(*f) for f in confidence.overstated(graph, earned)),
        *(_Found(*f) for f in sources.thesis_findings(graph, sources.sources_below(graph))),
        *(_Found(*f) for f in sources.unnamed_findings(graph)),
        *_duplicates(graph),
        *(_quoted(map, graph, SourceText(source)) if source is not None else ()),
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
    if mapper_nodes(graph):
        verdicts, readings = _author_readings(graph, labels, verdicts)
        found.extend(readings)
    found.sort(key=lambda f: (f.statement, ORDER[f.code]))
    findings = tuple(_finding(statements[f.statement], f) for f in found)
    levels = {graph.ids[i]: earned.of(i) for i in range(graph.n_statements)}
    return Report(findings, labels.evaluation(), tuple(verdicts), FrozenMapping(levels), sides(map))


def _author_readings(
    graph: Graph, labels: Labelling, verdicts: list[Verdict]
) -> tuple[list[Verdict], list[_Found]]:
    """Each verdict with its second reading, on the author's words alone, and a rests-on-mapper
    finding for each thesis that is grounded only through the mapper's items."""
    author = author_labelling(graph)
    read: list[Verdict] = []
    found: list[_Found] = []
    for thesis, verdict in zip(graph.theses, verdicts, strict=True):
        status = author.status(thesis)
        sets: tuple[tuple[int, ...], ...] = ()
        if labels.label[thesis] == Label.IN and status is not Status.GROUNDED:
            sets = needs(graph, thesis)
            word = status.value.replace("-", " ")
            it_needs = f"; it needs {needs_text(graph.ids, sets)}" if sets else ""
            found.append(
                _Found(
                    thesis,
                    Code.RESTS_ON_MAPPER,
                    f"thesis {graph.ids[thesis]} is grounded only through the mapper's reading: "
                    f"on the author's words alone it is {word}{it_needs}",
                )
            )
        named = tuple(tuple(graph.ids[n] for n in s) for s in sets)
        read.append(attrs.evolve(verdict, author=status, needs=named))
    return read, found


def _usage(graph: Graph) -> tuple[list[bool], list[bool]]:
    """For each statement: does something stand on it (a thesis, or a premise of a reason), and is
    it used at all (a premise of a reason or an objection)."""
    n = graph.n_statements
    supports = [s.kind is Kind.THESIS for s in graph.statements]
    used = [False] * n
    for node in range(n, len(graph.ids)):
        for premise in graph.pos[node]:
            used[premise] = True
            if graph.is_reason[node]:
                supports[premise] = True
    return supports, used


def _evaluation_findings(graph: Graph, labels: Labelling) -> Iterator[_Found]:
    """Unsupported claims, and one finding for each statement that does not stand. A statement that
    serves only in objections is not reported as failing: its failing is what answers them."""
    supports, used = _usage(graph)
    for i, statement in enumerate(graph.statements):
        what = f"{statement.kind.value} {statement.id}"
        if statement.kind.is_claim and not statement.reasons:
            yield _Found(i, Code.UNSUPPORTED, f"{what} has no reasons{_only_defended(graph, i)}")
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
        yield from _undercuts_aside(graph, labels, i, what)


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


def _defeated(graph: Graph, labels: Labelling, node: int, what: str) -> _Found:
    """A defeated statement, with every rebuttal of it that applies (the first three)."""
    rebuttals = [o for o in graph.neg[node] if labels.label[o] == Label.IN]
    named = " and ".join(objection_name(graph, o) for o in rebuttals[:3])
    more = f" and {plural(len(rebuttals) - 3, 'more')}" if len(rebuttals) > 3 else ""
    which = "which is" if len(rebuttals) == 1 else "which are"
    return _Found(node, Code.DEFEATED, f"{what} is defeated by {named}{more}, {which} not answered")


def _undercuts_aside(graph: Graph, labels: Labelling, node: int, what: str) -> Iterator[_Found]:
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
            yield _Found(
                node,
                Code.CONTESTED,
                f"{what}: its reason {graph.ids[reason]} is undercut by "
                f"{objection_name(graph, undercut)}, which is not answered{aside}",
                Severity.INFO,
            )


def _not_grounded(graph: Graph, labels: Labelling, node: int, what: str) -> _Found:
    """Why each reason of an out claim fails (the first three): contested when one is undercut."""
    reasons = graph.pos[node]
    parts: list[str] = []
    undercut_any = False
    for reason in reasons:
        undercut = labels.first(graph.neg[reason], Label.IN)
        if undercut is not None:
            undercut_any = True
            if len(parts) < 3:
                parts.append(
                    f"{graph.ids[reason]} is undercut by {objection_name(graph, undercut)}, "
                    "which is not answered"
                )
        elif len(parts) < 3:
            failed = labels.first(graph.pos[reason], Label.OUT)
            assert failed is not None
            parts.append(f"{graph.ids[failed]} is {labels.status(failed).value.replace('-', ' ')}")
    more = "; ..." if len(reasons) > len(parts) else ""
    lead = (
        "its only reason does not apply"
        if len(reasons) == 1
        else f"none of its {len(reasons):,} reasons applies"
    )
    code = Code.CONTESTED if undercut_any else Code.UNGROUNDED
    return _Found(node, code, f"{what}: {lead}: {'; '.join(parts)}{more}")


def _undecided(graph: Graph, labels: Labelling, node: int, what: str) -> _Found:
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
        return _Found(
            node,
            Code.CONTESTED,
            f"{what} is undecided: {objection_name(graph, attack)} can be neither accepted nor "
            "rejected",
        )
    premise = next(
        p
        for r in graph.pos[node]
        if label[r] == Label.UNDECIDED
        for p in graph.pos[r]
        if label[p] == Label.UNDECIDED
    )
    return _Found(
        node,
        Code.UNGROUNDED,
        f"{what} is undecided: its support rests on {graph.ids[premise]}, which is undecided",
    )


def _circles(graph: Graph, labels: Labelling) -> Iterator[_Found]:
    """Circular support, once per circle at its first statement in map order; an error when the
    circle leaves a claim undecided, a warning when all are grounded anyway."""
    ids = graph.ids
    for component in graph.components.circles(graph.support):
        start = component[0]
        cycle = _cycle_from(graph, start, set(component))
        extra = len(component) - (len(cycle) - 1)
        also = f" ({plural(extra, 'more statement')} in the same circle)" if extra > 0 else ""
        grounded = all(labels.label[c] == Label.IN for c in component)
        yield _Found(
            start,
            Code.CIRCULAR,
            f"{graph.statements[start].kind.value} {ids[start]} supports itself: "
            f"{arrows([ids[c] for c in cycle])}{also}",
            Severity.WARNING if grounded else Severity.ERROR,
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


def _orphans(graph: Graph) -> Iterator[_Found]:
    """Statements that are neither a thesis nor a premise of any reason or objection."""
    _supports, used = _usage(graph)
    for i, statement in enumerate(graph.statements):
        if statement.kind is not Kind.THESIS and not used[i]:
            yield _Found(
                i,
                Code.ORPHAN,
                f"{statement.kind.value} {statement.id} is neither a thesis nor a premise "
                "of anything",
            )


def _untraceable(graph: Graph) -> Iterator[_Found]:
    """Evidence with neither a quote nor a locator."""
    for i, statement in enumerate(graph.statements):
        if statement.kind is Kind.EVIDENCE and statement.quote is None and statement.at is None:
            yield _Found(
                i, Code.UNTRACEABLE, f"evidence {statement.id} has neither a quote nor a locator"
            )


HEDGES_TRIED = 100
"""Past this many hedged statements under the theses, check does not try rejecting each."""


def _hedged_load(graph: Graph, labels: Labelling) -> Iterator[_Found]:
    """Hedged statements that a thesis depends on, however indirectly; each names the thesis that
    reaches it first (breadth first from all theses in map order).

    Each is then rejected alone, as ``whatif --reject`` does: when that changes a thesis's label,
    the finding says so and names that thesis; when it changes none, the finding says the thesis
    stands without it. (Past :data:`HEDGES_TRIED` hedged statements, none is tried, and the
    finding says only where the statement lies.)

    A statement depends on the premises of its reasons and on what answers the objections against
    it or its reasons: the premises of an undercut of such an objection, and of a rebuttal of one
    of its premises. Rejecting any of these can change the statement's status; the statements it
    depends on depend in turn on theirs."""
    origin = [-1] * graph.n_statements
    answered = [-1] * graph.n_statements  # the first objection answered on the way, if any
    frontier = list(graph.theses)
    for thesis in frontier:
        origin[thesis] = thesis
    while frontier:
        following = []
        for node in frontier:
            for premise, objection in sources.depends_on(graph, node):
                if origin[premise] == -1:
                    origin[premise] = origin[node]
                    answered[premise] = answered[node] if answered[node] != -1 else objection
                    following.append(premise)
        frontier = following
    hedged = [
        i
        for i, statement in enumerate(graph.statements)
        if statement.hedged and statement.kind is not Kind.THESIS and origin[i] != -1
    ]
    try_each = len(hedged) <= HEDGES_TRIED
    ids = graph.ids
    for i in hedged:
        statement = graph.statements[i]
        words = f" ({statement.hedge})" if statement.hedge else ""
        through = (
            f", through the answer to objection {ids[answered[i]]}" if answered[i] != -1 else ""
        )
        what = f"{statement.kind.value} {statement.id} is hedged{words}"
        thesis = origin[i]
        if not try_each:
            message = f"{what} and thesis {ids[thesis]} rests on it{through}"
        else:
            rejected = Labelling(graph, (ids[i],), ())
            changed = next((t for t in graph.theses if rejected.label[t] != labels.label[t]), None)
            if changed is not None:
                now = rejected.status(changed).value.replace("-", " ")
                message = (
                    f"{what} and thesis {ids[changed]} depends on it{through}: "
                    f"rejecting it leaves {ids[changed]} {now}"
                )
            else:
                message = (
                    f"{what} and lies under thesis {ids[thesis]}{through}, which keeps its "
                    "label without it"
                )
        yield _Found(i, Code.HEDGED_LOAD, message)


def _duplicates(graph: Graph) -> Iterator[_Found]:
    """Statements with the text of an earlier one, up to case, spacing and punctuation."""
    first_with: dict[str, int] = {}
    for i, statement in enumerate(graph.statements):
        key = normalise_statement(statement.text)
        if not key:
            continue
        earlier = first_with.setdefault(key, i)
        if earlier != i:
            where = graph.statements[earlier].position
            line = f" (line {where.line})" if where else ""
            yield _Found(
                i,
                Code.DUPLICATE,
                f"{statement.kind.value} {statement.id} has the same text as "
                f"{graph.ids[earlier]}{line}",
            )


def _quotes(graph: Graph, source: SourceText) -> Iterator[_Found]:
    """Quotes that do not occur in the source, each with the closest passage."""
    for i, statement in enumerate(graph.statements):
        if statement.quote is None or source.contains(statement.quote):
            continue
        passage = source.closest(statement.quote)
        closest = (
            f"; closest passage ({passage.similarity:.0%} similar): \u201c{passage.text}\u201d"
            if passage
            else ""
        )
        yield _Found(
            i, Code.QUOTE_NOT_FOUND, f"quote of {statement.id} is not in the source{closest}"
        )


def _quoted(map: Map, graph: Graph, source: SourceText) -> Iterator[_Found]:
    """Quotes not in the source, quotes not where their locator says, and evidence that says
    more than its quote's paragraph."""
    yield from _quotes(graph, source)
    layout = Layout(source, map.sections)
    for i, statement in enumerate(graph.statements):
        if statement.quote is None:
            continue
        occurrences = layout.occurrences(statement.quote)
        if not occurrences:
            continue
        yield from _misplaced(map, layout, i, statement, occurrences)
        if statement.kind is Kind.EVIDENCE:
            words: set[str] = set()
            for _place, word in occurrences:
                words |= layout.paragraph_words(source.spans[word][0])
            missing = beyond(statement.text, words)
            if missing:
                yield _Found(
                    i,
                    Code.BEYOND_QUOTE,
                    f"evidence {statement.id} says more than its quote's paragraph: "
                    f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in it",
                )


def _misplaced(
    map: Map,
    layout: Layout,
    node: int,
    statement: Statement,
    occurrences: list[tuple[Place | None, int]],
) -> Iterator[_Found]:
    """A quote none of whose occurrences is where the statement's locator says; checked only
    for a paragraph number in a section whose start the source shows."""
    if not isinstance(statement.at, int) or statement.section not in layout.found:
        return
    wanted = Place(statement.section, statement.at)
    places = [place for place, _word in occurrences]
    if wanted in places:
        return

    def name(place: Place | None) -> str:
        if place is None or place.section is None:
            return "a part of the source no section of the map names"
        section = map.section(place.section)
        title = section.title if section else place.section
        return f"{title}, para. {place.paragraph}"

    says = map.locator(statement)
    if len(places) == 1:
        (place,) = places
        short = (
            f"para. {statement.at}"
            if place is not None and place.section == statement.section
            else says
        )
        message = f"the quote of {statement.id} is in {name(place)}; the map says {short}"
    else:
        where = "; ".join(dict.fromkeys(name(p) for p in places))
        message = (
            f"the quote of {statement.id} occurs {len(places)} times ({where}), none of them "
            f"at {says}, where the map says it is"
        )
    yield _Found(node, Code.MISPLACED_QUOTE, message)


def _finding(statement: Statement, found: _Found) -> Finding:
    code = found.code
    severity = found.severity or severity_of(code, statement.kind)
    ack = next((a.why for a in statement.acks if a.code is code), None)
    return Finding(
        code, severity, statement.id, found.message, HINTS[code], statement.position, ack
    )
