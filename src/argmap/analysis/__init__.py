"""What ``argmap check`` computes: the label of every statement (:mod:`.labels`), the findings
about a map (:mod:`.findings`), the quotes checked against its source (:mod:`.quotes`), the
stated and earned confidence of every statement (:mod:`.confidence`), and where its evidence comes
from (:mod:`.sources`).

Everything is a pure function of the map, over the integer view of :mod:`argmap.graph`. Import
these names from ``argmap.analysis``, not from the modules inside it.
"""

from __future__ import annotations

from argmap.analysis.author import Shares, evaluate_author_only, shares
from argmap.analysis.confidence import Earned, earned_levels, stated
from argmap.analysis.findings import Finding, Report, check
from argmap.analysis.labels import Evaluation, Verdict, evaluate
from argmap.analysis.quotes import (
    CLOSEST_WORDS,
    Passage,
    SourceText,
    normalise_quote,
    normalise_statement,
)
from argmap.analysis.sides import Side, Sides, sides
from argmap.analysis.sources import UNATTRIBUTED, SourceCount, per_grade, per_source
from argmap.graph import strong_components

__all__ = [
    "CLOSEST_WORDS",
    "UNATTRIBUTED",
    "Earned",
    "Evaluation",
    "Finding",
    "Passage",
    "Report",
    "Shares",
    "Side",
    "Sides",
    "SourceCount",
    "SourceText",
    "Verdict",
    "check",
    "earned_levels",
    "evaluate",
    "evaluate_author_only",
    "normalise_quote",
    "normalise_statement",
    "per_grade",
    "per_source",
    "shares",
    "sides",
    "stated",
    "strong_components",
]
