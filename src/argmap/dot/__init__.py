"""A map as Graphviz DOT text. Pure: no I/O, no Graphviz; :mod:`argmap.render` runs the program.

- :mod:`~argmap.dot.draw`: the nodes and edges, and :func:`to_dot`, which puts a picture together;
- :mod:`~argmap.dot.selection`: which statements a focus and depth show, and how they group;
- :mod:`~argmap.dot.frame`: the title, the section boxes and the key's box;
- :mod:`~argmap.dot.legend`: the key, worked out from what is drawn;
- :mod:`~argmap.dot.theme`: every colour and shape, keyed by the model's and the analysis' enums;
- :mod:`~argmap.dot.quoting`: how map text is written so that Graphviz shows it as written.
"""

from __future__ import annotations

from argmap.dot.draw import (
    CLUSTER_PREFIX,
    GRAPH_ID,
    LABEL_CHARS,
    LEGEND_CLUSTER,
    LEGEND_NODE,
    TOOLTIP_CHARS,
    DrawOptions,
    EvaluationLike,
    FindingLike,
    html,
    quote,
    select,
    to_dot,
    wrap,
)

__all__ = [
    "CLUSTER_PREFIX",
    "GRAPH_ID",
    "LABEL_CHARS",
    "LEGEND_CLUSTER",
    "LEGEND_NODE",
    "TOOLTIP_CHARS",
    "DrawOptions",
    "EvaluationLike",
    "FindingLike",
    "html",
    "quote",
    "select",
    "to_dot",
    "wrap",
]
