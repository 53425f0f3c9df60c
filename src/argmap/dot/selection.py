"""Which statements, reasons and objections a picture of a map shows, and where each is drawn.

Pure functions over the model, for :mod:`argmap.dot`: the statements a focus and depth select, the
reasons and objections whose premises are all shown, how many are left out below each statement,
which statements only attack, and the section box each node goes in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from argmap.dot.theme import Relation
from argmap.errors import QueryError, did_you_mean
from argmap.graph import hanging, inferences
from argmap.model import Map, Objection, Reason, Statement


def _attacks_on(statement: Statement) -> Iterator[Objection]:
    """Every objection hanging on the statement: rebuttals, undercuts of its reasons, replies."""
    for inference in inferences(statement):
        if isinstance(inference, Objection):
            yield inference


def _below(statement: Statement) -> Iterator[str]:
    """Ids of the statements one step below: premises of reasons and of every objection on it."""
    yield from statement.premise_ids()
    for objection in _attacks_on(statement):
        yield from objection.premises


def select(map: Map, focus: str | None, depth: int | None = None) -> dict[str, int]:
    """The statements that support or attack ``focus``, at most ``depth`` steps down, by depth.

    Without a focus, the steps are counted from the theses (from every statement when the map
    has none). Raises :class:`~argmap.errors.QueryError` for an id the map lacks.
    """
    if focus is not None and focus not in map.statements:
        raise QueryError(f"no statement '{focus}' in the map{did_you_mean(focus, map.statements)}")
    theses = [statement.id for statement in map.theses]
    roots = [focus] if focus is not None else theses or list(map.statements)
    levels = dict.fromkeys(roots, 0)
    frontier = roots
    while frontier and (depth is None or levels[frontier[0]] < depth):
        following: list[str] = []
        for statement_id in frontier:
            for below in _below(map.statements[statement_id]):
                if below not in levels and below in map.statements:
                    levels[below] = levels[statement_id] + 1
                    following.append(below)
        frontier = following
    return levels


def shown(map: Map, focus: str | None, depth: int | None) -> list[Statement]:
    """The statements drawn, in map order: all of them, or those :func:`select` selects."""
    if focus is None and depth is None:
        return list(map.statements.values())
    levels = select(map, focus, depth)
    return [s for s in map.statements.values() if s.id in levels]


@attrs.frozen
class Group:
    """A reason or objection to draw: its premises reach ``target`` by ``relation``."""

    id: str
    premises: tuple[str, ...]
    relation: Relation
    target: str
    junction: bool
    unanswered: bool
    note: str | None
    assumed: bool = False
    """The link is the mapper's (written with ``assumed:``)."""
    quote: str | None = None
    """The author's connective that draws the link."""

    @property
    def tooltip(self) -> str:
        """What hovering over the reason or objection shows: its id, the author's connective and
        the mapper's note."""
        name = f"{self.id} (assumed by the mapper)" if self.assumed else self.id
        parts = [name]
        if self.quote is not None:
            parts.append(f"“{self.quote}”")
        if self.note is not None:
            parts.append(f"Note: {self.note}")
        return "\n".join(parts)


def _answered(map: Map, objection: Objection) -> bool:
    """Whether anything answers the objection: an undercut, or a rebuttal of one of its premises."""
    if objection.objections:
        return True
    return any(
        premise in map.statements and map.statements[premise].objections
        for premise in objection.premises
    )


def _group(map: Map, part: Reason | Objection, relation: Relation, target: str) -> Group:
    return Group(
        id=part.id,
        premises=part.premises,
        relation=relation,
        target=target,
        junction=len(part.premises) > 1 or bool(part.objections),
        unanswered=isinstance(part, Objection) and not _answered(map, part),
        note=part.note,
        assumed=part.assumed,
        quote=part.quote,
    )


def _groups_of(map: Map, statement: Statement) -> Iterator[Group]:
    """The reasons and objections hanging on a statement, each before its undercuts."""
    walked: list[str] = []
    for inference, on in hanging(statement):
        if on >= 0:
            relation, target = Relation.UNDERCUT, walked[on]
        elif isinstance(inference, Reason):
            relation, target = Relation.SUPPORT, statement.id
        else:
            relation, target = Relation.REBUTTAL, statement.id
        walked.append(inference.id)
        yield _group(map, inference, relation, target)


def drawn_groups(map: Map, shown: Sequence[Statement]) -> tuple[list[Group], dict[str, int]]:
    """The reasons and objections drawn (all their premises are shown, and so is what an undercut
    points at), and for each statement how many of those hanging on it are not."""
    visible = {s.id for s in shown}
    groups: list[Group] = []
    hidden: dict[str, int] = {}
    drawn: set[str] = set()
    for statement in shown:
        for group in _groups_of(map, statement):
            complete = group.premises and all(p in visible for p in group.premises)
            if complete and (group.relation is not Relation.UNDERCUT or group.target in drawn):
                groups.append(group)
                drawn.add(group.id)
            else:
                hidden[statement.id] = hidden.get(statement.id, 0) + 1
    return groups, hidden


def attacking_only(map: Map) -> frozenset[str]:
    """Statements that are premises of objections and of no reason: they speak against."""
    supporting: set[str] = set()
    attacking: set[str] = set()
    for statement in map.statements.values():
        supporting.update(statement.premise_ids())
        for objection in _attacks_on(statement):
            attacking.update(objection.premises)
    return frozenset(attacking - supporting)


def against(map: Map) -> frozenset[str]:
    """Statements drawn on the side against: against every thesis that reaches them (see
    :func:`argmap.analysis.sides`), so that the author's answer to an objection is drawn on the
    thesis's side; a statement no thesis reaches is against when it is a premise of objections
    and of no reason."""
    from argmap.analysis import Side, sides

    overall = sides(map).overall()
    unreached = attacking_only(map)
    return frozenset(
        sid
        for sid in map.statements
        if overall.get(sid) is Side.AGAINST or (sid not in overall and sid in unreached)
    )


def homes(map: Map, shown: Sequence[Statement], groups: Sequence[Group]) -> dict[str, str | None]:
    """The section box each statement and junction is drawn in (``None``: outside every box). A
    junction goes in a box only when everything it joins is in that box."""
    declared = {section.id for section in map.sections}
    home: dict[str, str | None] = {
        s.id: s.section if s.section in declared else None for s in shown
    }
    for group in groups:
        if group.junction:
            ends = {home.get(p) for p in group.premises} | {home.get(group.target)}
            home[group.id] = ends.pop() if len(ends) == 1 else None
    return home
