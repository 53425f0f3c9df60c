"""What the report shows, gathered once from the library: the check, the single points of failure,
what rejecting each statement brings down, and where the quotes occur in the source."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap import explore
from argmap.analysis import Evaluation, Report, SourceText, check, earned_levels, evaluate
from argmap.graph import inferences
from argmap.html.source import Occurrence, occurrences
from argmap.model import Kind, Level, Map

WHATIF_ALL = 250
"""Up to this many statements, the report asks ``whatif`` what rejecting each statement brings
down (one evaluation each, so the work grows with the square of the map); on larger maps it asks
only for the single points of failure, and says so in each other statement's details."""


@attrs.frozen
class Facts:
    """Everything the page says about one map."""

    map: Map
    """The map."""
    report: Report
    """What ``argmap check`` finds, quotes checked against the source when there is one."""
    numbers: Mapping[str, int]
    """Each statement's number: its place in the map, counting from 0."""
    critical: Mapping[str, explore.Critical]
    """The single points of failure, by statement id."""
    falls: Mapping[str, tuple[explore.Change, ...]]
    """What changes when the statement alone is rejected, for the statements asked about."""
    source: SourceText | None
    """The source, when given."""
    found: tuple[Occurrence, ...]
    """Where the quotes occur in the source, in source order."""

    @property
    def every_fall_known(self) -> bool:
        """Whether :attr:`falls` covers every statement (maps up to :data:`WHATIF_ALL`)."""
        return len(self.map.statements) <= WHATIF_ALL


def gather(map: Map, source: str | None = None) -> Facts:
    """Check the map (against ``source`` when given) and ask the questions the page answers."""
    report = check(map, source=source)
    numbers = {sid: k for k, sid in enumerate(map.statements)}
    critical = {c.statement: c for c in explore.critical(map, report.evaluation)}
    falls: dict[str, tuple[explore.Change, ...]] = {}
    if len(map.statements) <= WHATIF_ALL:
        # Rejecting a statement that nothing rests on changes no other. One that is already out
        # can still change what others earn: refuted outright, it may no longer hold one back.
        used = _premises(map)
        was = report.earned
        for sid in map.statements:
            falls[sid] = _changes(map, report.evaluation, was, sid) if sid in used else ()
    else:
        falls = {sid: explore.whatif(map, reject=[sid]).changes for sid in critical}
    text = SourceText(source) if source is not None else None
    quotes = [(numbers[s.id], s.quote) for s in map.statements.values() if s.quote]
    found = tuple(occurrences(text, quotes)) if text is not None else ()
    return Facts(map, report, numbers, critical, falls, text, found)


def _changes(
    map: Map, evaluation: Evaluation, was: Mapping[str, Level | None], rejected: str
) -> tuple[explore.Change, ...]:
    """What ``explore.whatif(map, reject=[rejected])`` lists (changes of status or of earned
    confidence), theses first, then in map order, with the map's own evaluation and earned
    levels computed once for every statement instead of once each."""
    after = evaluate(map, reject=[rejected]).status
    now = earned_levels(map, reject=[rejected])
    before = evaluation.status
    changed = [
        explore.Change(s.id, s.kind, before[s.id], after[s.id], was[s.id], now[s.id])
        for s in map.statements.values()
        if before[s.id] is not after[s.id] or was[s.id] is not now[s.id]
    ]
    return tuple(sorted(changed, key=lambda c: c.kind is not Kind.THESIS))


def _premises(map: Map) -> set[str]:
    """Every statement that is a premise of some reason or objection."""
    used: set[str] = set()
    for statement in map.statements.values():
        for inference in inferences(statement):
            used.update(inference.premises)
    return used
