"""The ids a question names (a focus, statements to reject or accept), checked against the map."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.errors import QueryError, did_you_mean
from argmap.model import Map


def require(map: Map, ids: Iterable[str], what: str = "statement") -> None:
    """Refuse ids the map does not have, with the closest one it does have."""
    for sid in ids:
        if sid not in map.statements:
            hint = did_you_mean(sid, map.statements)
            raise QueryError(f"no {what} '{sid}' in the map{hint}")
