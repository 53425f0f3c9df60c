"""Single points of failure: the statements whose rejection alone leaves a grounded thesis without
ground.

Two steps answer it for every statement. The derivation forest (:mod:`argmap.explore.forest`)
says, for all statements at once and without evaluating anything, what rejecting each one brings
down, and whether that answer is exact. The few whose answer is not exact and that may break a
thesis are checked by evaluating again the part of the map that rests on them
(:mod:`argmap.explore.recheck`).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from argmap.analysis import Evaluation, evaluate
from argmap.model import Map
from argmap.status import Status
from argmap.util import collector_paused

from .forest import Falls
from .recheck import Recheck


@attrs.frozen
class Critical:
    """A single point of failure: rejecting this statement alone leaves a grounded thesis without
    ground (not grounded, defeated or undecided)."""

    statement: str
    """The statement's id."""
    theses: tuple[str, ...]
    """The grounded theses that would be left without ground, in map order."""
    carries: int
    """Other statements whose status changes when this one alone is rejected."""


def critical(map: Map, evaluation: Evaluation | None = None) -> tuple[Critical, ...]:
    """The statements whose rejection alone leaves a grounded thesis no longer grounded, most load
    first (by :attr:`Critical.carries`), then in map order.

    Only a grounded statement can be critical: rejecting one that is out changes nothing, and one
    that is undecided takes part in no derivation of a grounded thesis. Near-linear in the size of
    the map when few falls are inexact (see :mod:`argmap.explore.forest`). ``evaluation`` is the
    map's own, when already known.
    """
    evaluation = evaluation if evaluation is not None else evaluate(map)
    order = {sid: n for n, sid in enumerate(map.statements)}
    with collector_paused():  # the many small lists built here hold no cycles
        falls = Falls(map, evaluation)
        found: list[Critical] = []
        unsure: list[str] = []
        for sid in map.statements:
            fall = falls.of(sid)
            if fall is None or not fall.theses:  # it cannot unground a thesis (invariant 1)
                continue
            if fall.exact:
                found.append(Critical(sid, fall.theses, fall.statements - 1))
            else:
                unsure.append(sid)
        if unsure:
            found += _checked(map, evaluation, unsure)
    found.sort(key=lambda c: (-c.carries, order[c.statement]))
    return tuple(found)


def _checked(map: Map, evaluation: Evaluation, candidates: list[str]) -> Iterator[Critical]:
    """The candidates that evaluation finds critical."""
    before = evaluation.status
    theses = [s.id for s in map.theses if before[s.id] is Status.GROUNDED]
    recheck = Recheck(map, evaluation)
    for sid in candidates:
        after = recheck.rejecting(sid)
        broken = tuple(
            t for t in theses if t != sid and after.get(t, before[t]) is not Status.GROUNDED
        )
        if broken:  # the candidate is grounded, so its own change is not counted
            carries = sum(1 for x, status in after.items() if status is not before[x]) - 1
            yield Critical(sid, broken, carries)
