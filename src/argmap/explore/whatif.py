"""What changes when some statements are rejected and others granted (:func:`whatif`)."""

from __future__ import annotations

from collections.abc import Collection

import attrs

from argmap.analysis import earned_levels, evaluate, evaluate_author_only
from argmap.errors import QueryError
from argmap.model import Kind, Level, Map
from argmap.status import Status

from .ids import require


@attrs.frozen
class Change:
    """A statement whose status or earned confidence changes."""

    statement: str
    """The statement's id."""
    kind: Kind
    """The statement's kind."""
    before: Status
    """Its status in the map as written."""
    after: Status
    """Its status with the rejections and grants applied."""
    earned_before: Level | None = None
    """What it earns in the map as written (None: nothing)."""
    earned_after: Level | None = None
    """What it earns with the rejections and grants applied."""

    @property
    def earns(self) -> str | None:
        """``earns likely → nothing``, or None when what it earns does not change."""
        if self.earned_before is self.earned_after:
            return None
        was, now = (
            level.term if level else "nothing" for level in (self.earned_before, self.earned_after)
        )
        return f"earns {was} → {now}"

    def __str__(self) -> str:
        """``c4: grounded → not-grounded; earns likely → nothing``."""
        line = f"{self.statement}: {self.before.value}"
        if self.after is not self.before:
            line += f" → {self.after.value}"
        if self.earns is not None:
            line += f"; {self.earns}"
        return line


@attrs.frozen
class WhatIf:
    """What changes when some statements are rejected and others granted."""

    reject: tuple[str, ...]
    """Statements treated as false."""
    accept: tuple[str, ...]
    """Statements treated as given."""
    changes: tuple[Change, ...]
    """Every statement whose status or earned confidence changes: theses first, then the rest,
    each in map order."""
    author_only: bool = False
    """Whether the mapper's reading (assumptions, assumed links) is taken away too."""

    @property
    def theses(self) -> tuple[Change, ...]:
        """The changes of theses."""
        return tuple(c for c in self.changes if c.kind is Kind.THESIS)


def whatif(
    map: Map,
    reject: Collection[str] = (),
    accept: Collection[str] = (),
    *,
    author_only: bool = False,
) -> WhatIf:
    """Evaluate the map again with ``reject`` treated as false and ``accept`` as given (and, with
    ``author_only``, on the author's words alone: every assumption and assumed link taken away),
    and list every statement whose status or earned confidence changes. Raises
    :class:`~argmap.errors.QueryError` for an id the map does not have."""
    reject = tuple(dict.fromkeys(reject))
    accept = tuple(dict.fromkeys(accept))
    require(map, (*reject, *accept))
    both = sorted(set(reject) & set(accept))
    if both:
        raise QueryError(f"'{both[0]}' cannot be both rejected and accepted")
    before = evaluate(map).status
    reading = evaluate_author_only if author_only else evaluate
    after = reading(map, reject=reject, accept=accept).status
    was = earned_levels(map)
    now = earned_levels(map, reject=reject, accept=accept, author_only=author_only)
    changes = [
        Change(sid, statement.kind, before[sid], after[sid], was[sid], now[sid])
        for sid, statement in map.statements.items()
        if before[sid] is not after[sid] or was[sid] is not now[sid]
    ]
    changes.sort(key=lambda c: c.kind is not Kind.THESIS)  # stable: map order within each group
    return WhatIf(reject, accept, tuple(changes), author_only)
