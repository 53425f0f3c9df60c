"""Walks over a map that every part of the exploration uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.errors import QueryError, did_you_mean
from argmap.model import Map, Objection, Reason, Statement, walk_objections


def require(map: Map, ids: Iterable[str], what: str = "statement") -> None:
    """Refuse ids the map does not have, with the closest one it does have."""
    for sid in ids:
        if sid not in map.statements:
            hint = did_you_mean(sid, map.statements)
            raise QueryError(f"no {what} '{sid}' in the map{hint}")


def inferences(statement: Statement) -> Iterator[Reason | Objection]:
    """The statement's reasons, its rebuttals, and every undercut below them, in map order."""
    for reason in statement.reasons:
        yield reason
        yield from walk_objections(reason.objections)
    yield from walk_objections(statement.objections)
