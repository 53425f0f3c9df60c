"""Question an argument: its outline (:func:`tree`), its figures (:func:`stats`), what changes when
statements are rejected or granted (:func:`whatif`), and its single points of failure
(:func:`critical`).

Pure functions over the model and its evaluation, all iterative; each returns data that the CLI only
formats. The formatters live in :mod:`argmap.text` (:func:`format_tree` in :mod:`argmap.text.tree`,
:func:`format_stats`, :func:`stats_json`, :func:`format_whatif` and :func:`format_critical` in
:mod:`argmap.text.answers`) and are named here too, loaded on first use.

The modules: :mod:`~argmap.explore.tree`, :mod:`~argmap.explore.stats`,
:mod:`~argmap.explore.whatif`, and the single points of failure in :mod:`~argmap.explore.critical`,
which rests on the derivation forest of :mod:`~argmap.explore.forest` and the exact check of
:mod:`~argmap.explore.recheck`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.options import StatsFormat
from argmap.util import loaded_on_use

from .critical import Critical, critical
from .stats import STATS_VERSION, Stats, stats
from .tree import Line, Outline, Role, outline, tree
from .whatif import Change, WhatIf, whatif

if TYPE_CHECKING:
    from argmap.text.answers import (
        format_critical,
        format_stats,
        format_stats_as,
        format_whatif,
        stats_json,
    )
    from argmap.text.tree import DEEPEST_INDENT, format_tree

_FORMATTERS = {
    "DEEPEST_INDENT": "argmap.text.tree",
    "format_tree": "argmap.text.tree",
    "format_stats": "argmap.text.answers",
    "format_stats_as": "argmap.text.answers",
    "stats_json": "argmap.text.answers",
    "format_whatif": "argmap.text.answers",
    "format_critical": "argmap.text.answers",
}

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


def __getattr__(name: str) -> Any:
    return loaded_on_use(__name__, _FORMATTERS, name)
