"""Question an argument: its outline (:func:`tree`), its figures (:func:`stats`), what changes when
statements are rejected or granted (:func:`whatif`), and its single points of failure
(:func:`critical`).

Pure functions over the model and its evaluation, all iterative; each returns data that the CLI only
formats (:func:`format_tree`, :func:`format_stats`, :func:`format_whatif`, :func:`format_critical`).
"""

from argmap.options import StatsFormat

from .critical import Critical, critical
from .formatting import (
    DEEPEST_INDENT,
    format_critical,
    format_stats,
    format_stats_as,
    format_tree,
    format_whatif,
    stats_json,
)
from .stats import STATS_VERSION, Stats, stats
from .tree import Line, Outline, Role, outline, tree
from .whatif import Change, WhatIf, whatif

__all__ = [
    "DEEPEST_INDENT",
    "STATS_VERSION",
    "Change",
    "Critical",
    "Line",
    "Outline",
    "Role",
    "Stats",
    "StatsFormat",
    "WhatIf",
    "critical",
    "format_critical",
    "format_stats",
    "format_stats_as",
    "format_tree",
    "format_whatif",
    "outline",
    "stats",
    "stats_json",
    "tree",
    "whatif",
]
