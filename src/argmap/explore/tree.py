"""The outline of an argument (:func:`tree`), and the outline as ``argmap tree`` shows it, with the
check's statuses and findings and the single points of failure (:func:`outline`)."""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Iterator, Mapping

import attrs

from argmap.analysis import Evaluation, Finding, Side, check, sides
from argmap.graph import Graph, inferences
from argmap.model import Code, Kind, Level, Map, Objection, Reason, Statement
from argmap.status import Status

from .critical import critical
from .ids import require


class Role(enum.Enum):
    """What a line of the outline shows, relative to the line it stands under."""

    ROOT = "root"
    """A thesis, the focus, or a statement under no thesis."""
    SUPPORT = "support"
    """A reason with one premise and no undercuts, shown as that premise."""
    REASON = "reason"
    """A reason with several (linked) premises or with undercuts; premises and undercuts follow."""
    PREMISE = "premise"
    """One premise of the reason or objection on the line above."""
    REBUTTAL = "rebuttal"
    """An objection against the statement above (shown as its premise when it has only one)."""
    UNDERCUT = "undercut"
    """An objection against the reason or objection above (shown as its premise when only one)."""
    MORE = "more"
    """Reasons and objections left out below the depth asked for."""
    HEADING = "heading"
    """The heading of the statements that no thesis rests on."""


@attrs.frozen
class Line:
    """One line of the outline: a statement, a reason or objection, or a note."""

    depth: int
    """Indentation level, 0 for roots."""
    role: Role
    """What the line shows."""
    statement: str | None = None
    """The statement shown, if any."""
    inference: str | None = None
    """The reason or objection shown (or whose single premise is shown), if any."""
    kind: Kind | None = None
    """The statement's kind."""
    text: str | None = None
    """The statement's text (None when it is shown above)."""
    hedge: str | None = None
    """The statement's hedge, as in :attr:`Statement.hedge`."""
    certainty: str | None = None
    """The statement's certainty marker, as in :attr:`Statement.certainty`."""
    level: Level | None = None
    """The level the map states for it, as in :attr:`Statement.level`."""
    earned: Level | None = None
    """What the statement earns, when earned levels are given (None also for a statement that is
    not grounded)."""
    linked: bool = False
    """The reason or objection has several premises, all needed."""
    status: Status | None = None
    """The statement's status, when an evaluation is given."""
    applies: bool | None = None
    """Whether the reason or objection applies, when an evaluation is given."""
    findings: tuple[tuple[Code, bool], ...] = ()
    """Findings about the statement: code, and whether the map acknowledges it."""
    critical: bool = False
    side: Side | None = None
    """The statement's side with respect to the thesis at the top of its outline (None under a
    root that is no thesis)."""
    """A single point of failure of a thesis."""
    quote: str | None = None
    """The statement's quote from the source."""
    locator: str | None = None
    """The statement's place in the source (:meth:`Map.locator`)."""
    seen: bool = False
    """The statement is shown in full above; this line only refers to it."""
    hidden: tuple[int, int] = (0, 0)
    """For :attr:`Role.MORE`: how many reasons and how many rebuttals are left out."""
    assumed: bool = False
    """The reason or objection shown (or whose single premise is shown) is the mapper's link."""
    connective: str | None = None
    """The author's words for that reason or objection (its ``quote``)."""


@attrs.frozen
class Outline:
    """The argument as an indented outline, line by line, in map order."""

    title: str
    """The map's title."""
    lines: tuple[Line, ...]
    """The lines, top to bottom."""


def tree(
    map: Map,
    *,
    focus: str | None = None,
    depth: int | None = None,
    evaluation: Evaluation | None = None,
    findings: Iterable[Finding] = (),
    critical: Collection[str] = (),
    earned: Mapping[str, Level | None] | None = None,
) -> Outline:
    """The outline of the argument: each thesis (or only ``focus``), under it its reasons,
    objections and replies, down to the evidence; statements no thesis rests on come last.

    A statement reached a second time is referred to, not repeated, so shared premises and cycles
    show once. ``depth`` limits how many statements deep the outline goes below each root. Statuses
    and findings are shown when ``evaluation`` and ``findings`` are given (from
    :func:`argmap.analysis.check`); ``critical`` names statements to mark as single points of
    failure; ``earned`` gives what each statement earns (:attr:`argmap.analysis.Report.earned`).
    Raises :class:`~argmap.errors.QueryError` for an unknown ``focus``.
    """
    if focus is not None:
        require(map, [focus])
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    builder = _TreeBuilder(map, depth, evaluation, findings, critical, earned or {})
    if focus is not None:
        builder.add_root(focus)
    else:
        for thesis in map.theses:
            builder.add_root(thesis.id)
        if depth is None:
            builder.add_rest()
    return Outline(map.title, tuple(builder.lines))


def outline(
    map: Map,
    *,
    focus: str | None = None,
    depth: int | None = None,
    with_critical: bool = False,
) -> Outline:
    """The outline as ``argmap tree`` shows it: :func:`tree` with the statuses and findings of
    :func:`argmap.analysis.check`, and with ``with_critical`` the single points of failure
    (:func:`critical`) marked. Raises :class:`~argmap.errors.QueryError` for an unknown ``focus``.
    """
    if focus is not None:
        require(map, [focus])
    report = check(map)
    found = critical(map, report.evaluation) if with_critical else ()
    marked = [c.statement for c in found]
    return tree(
        map,
        focus=focus,
        depth=depth,
        evaluation=report.evaluation,
        findings=report.findings,
        critical=marked,
        earned=report.earned,
    )


class _TreeBuilder:
    """Walks the map depth first with an explicit stack, appending lines."""

    def __init__(
        self,
        map: Map,
        depth: int | None,
        evaluation: Evaluation | None,
        findings: Iterable[Finding],
        critical: Collection[str],
        earned: Mapping[str, Level | None],
    ) -> None:
        self.map = map
        self.earned = earned
        self.depth = depth
        self.evaluation = evaluation
        self.critical = frozenset(critical)
        self.findings: dict[str, list[tuple[Code, bool]]] = {}
        for finding in findings:
            marks = self.findings.setdefault(finding.statement, [])
            marks.append((finding.code, finding.acknowledged is not None))
        self.seen: set[str] = set()
        self.lines: list[Line] = []
        self.sides = sides(map)
        self.side_of: Mapping[str, Side] = {}
        self.links: dict[str, Reason | Objection] = {
            link.id: link for statement in map.statements.values() for link in inferences(statement)
        }

    def applies(self, inference: str) -> bool | None:
        return None if self.evaluation is None else self.evaluation.applies.get(inference)

    def add_root(self, sid: str) -> None:
        # Stack items: (statement id, role, indentation, statement depth, inference id) to expand,
        # or a finished Line.
        stack: list[tuple[str, Role, int, int, str | None] | Line] = [(sid, Role.ROOT, 0, 0, None)]
        self.side_of = self.sides.by_thesis.get(sid, {})
        while stack:
            item = stack.pop()
            if isinstance(item, Line):
                self.lines.append(item)
                continue
            sid, role, indent, level, inference = item
            statement = self.map.statements[sid]
            if sid in self.seen:
                assumed, connective = self.link(inference, role)
                self.lines.append(
                    Line(
                        indent,
                        role,
                        sid,
                        inference,
                        kind=statement.kind,
                        seen=True,
                        assumed=assumed,
                        connective=connective,
                    )
                )
                continue
            self.seen.add(sid)
            self.lines.append(self.statement_line(statement, role, indent, inference))
            children = list(self.children(statement, indent + 1, level + 1))
            if not children:
                continue
            if self.depth is not None and level >= self.depth:
                hidden = (len(statement.reasons), len(statement.objections))
                stack.append(Line(indent + 1, Role.MORE, hidden=hidden))
                continue
            stack.extend(reversed(children))

    def add_rest(self) -> None:
        """Statements no thesis rests on: first those nothing rests on, then any left in cycles."""
        graph = Graph.of(self.map)
        rest = [sid for sid in self.map.statements if sid not in self.seen]
        if not rest:
            return
        self.lines.append(Line(0, Role.HEADING))
        for sid in rest:  # a statement no reason or objection names as a premise
            if not graph.parents.count(graph.index[sid]) and sid not in self.seen:
                self.add_root(sid)
        for sid in rest:
            if sid not in self.seen:
                self.add_root(sid)

    def statement_line(
        self, statement: Statement, role: Role, indent: int, inference: str | None
    ) -> Line:
        sid = statement.id
        assumed, connective = self.link(inference, role)
        return Line(
            indent,
            role,
            sid,
            inference,
            kind=statement.kind,
            text=statement.text,
            hedge=statement.hedge,
            certainty=statement.certainty,
            level=statement.level,
            earned=self.earned.get(sid),
            status=None if self.evaluation is None else self.evaluation.status.get(sid),
            findings=tuple(self.findings.get(sid, ())),
            critical=sid in self.critical,
            side=self.side_of.get(sid),
            quote=statement.quote,
            locator=self.map.locator(statement),
            assumed=assumed,
            connective=connective,
        )

    def link(self, inference: str | None, role: Role) -> tuple[bool, str | None]:
        """Whether the link a line shows a statement through is the mapper's, and the author's
        words for it, when the line stands for the link's one premise (a premise under a line
        of its own says nothing: that line says it)."""
        found = self.links.get(inference) if inference is not None else None
        if found is None or role is Role.PREMISE:
            return False, None
        return found.assumed, found.quote

    def children(
        self, statement: Statement, indent: int, level: int
    ) -> Iterator[tuple[str, Role, int, int, str | None] | Line]:
        for reason in statement.reasons:
            if len(reason.premises) == 1 and not reason.objections:
                yield (reason.premises[0], Role.SUPPORT, indent, level, reason.id)
                continue
            yield Line(
                indent,
                Role.REASON,
                inference=reason.id,
                linked=reason.linked,
                applies=self.applies(reason.id),
                assumed=reason.assumed,
                connective=reason.quote,
            )
            for premise in reason.premises:
                yield (premise, Role.PREMISE, indent + 1, level, reason.id)
            for undercut in reason.objections:
                yield from self.objection(undercut, Role.UNDERCUT, indent + 1, level)
        for rebuttal in statement.objections:
            yield from self.objection(rebuttal, Role.REBUTTAL, indent, level)

    def objection(
        self, objection: Objection, role: Role, indent: int, level: int
    ) -> Iterator[tuple[str, Role, int, int, str | None] | Line]:
        # Undercuts of undercuts nest as deep as the map writes them; the model's tuples are finite.
        if len(objection.premises) == 1 and not objection.objections:
            yield (objection.premises[0], role, indent, level, objection.id)
            return
        yield Line(
            indent,
            role,
            inference=objection.id,
            linked=len(objection.premises) > 1,
            applies=self.applies(objection.id),
            assumed=objection.assumed,
            connective=objection.quote,
        )
        for premise in objection.premises:
            yield (premise, Role.PREMISE, indent + 1, level, objection.id)
        for undercut in objection.objections:
            yield from self.objection(undercut, Role.UNDERCUT, indent + 1, level)
