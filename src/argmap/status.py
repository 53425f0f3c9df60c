"""What evaluation and checking say of a map: a statement's status, a finding's severity.

Both the analysis, which computes them, and the drawing, which colours by them, use these enums;
they live here so that neither needs the other.
"""

from __future__ import annotations

import enum


class Status(enum.Enum):
    """The label of a statement after evaluation."""

    GROUNDED = "grounded"
    """In: given (evidence, assumption) or supported by a reason that applies; not defeated."""
    NOT_GROUNDED = "not-grounded"
    """Out: none of its reasons can apply (or it has none), and no objection defeats it."""
    DEFEATED = "defeated"
    """Out: an objection against it applies and is not answered."""
    UNDECIDED = "undecided"
    """Neither: caught in (or resting on) a support circle or an attack cycle."""


class Severity(enum.Enum):
    """How much a finding matters; ordered ``INFO < WARNING < ERROR``."""

    ERROR = "error"
    """A thesis does not stand, the map supports a claim by itself, or it misquotes the source."""
    WARNING = "warning"
    """A weakness of the argument or the map that a reader should look at."""
    INFO = "info"
    """Worth knowing; fails a run only with ``--fail-on info``."""

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
