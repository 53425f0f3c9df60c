"""How diagrams look, as a table of data keyed by the model's enums: shapes, colours, edge styles.

Colours come from the Okabe-Ito palette, which stays distinct for colour-blind readers. Nothing
relies on colour alone: kinds also differ in shape or border, relations in line pattern and arrow
head, findings carry a symbol and a word, so a grey-scale print still reads.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from argmap.model import Code, Kind
from argmap.status import Severity, Status

# Okabe & Ito (2008), "Color Universal Design"; tints are these mixed with white.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#666666"


class Relation(enum.Enum):
    """The kinds of line in a diagram."""

    SUPPORT = "support"
    """A reason reaching the claim it supports."""
    LINK = "link"
    """A co-premise reaching the junction of its linked reason or objection."""
    REBUTTAL = "rebuttal"
    """An objection reaching the statement it says is false."""
    UNDERCUT = "undercut"
    """An objection reaching the reason (or objection) whose bearing it denies."""


class Role(enum.Enum):
    """What a statement does in the map, beyond its kind."""

    SUPPORTING = "supporting"
    """A thesis, or a premise of some reason, or a statement used nowhere."""
    ATTACKING = "attacking"
    """On the side against the thesis: an objection's premise, or what supports one (an answer
    to an objection is on the thesis's side)."""


@attrs.frozen
class NodeStyle:
    """How one kind of statement is drawn."""

    name: str
    """What the legend calls it."""
    shape: str
    """Graphviz shape."""
    style: str
    """Graphviz style list: ``filled``, ``rounded``, ``dashed``..."""
    fillcolor: str
    """Background colour."""
    color: str
    """Border colour."""
    fontcolor: str = BLACK
    """Text colour."""
    penwidth: float = 1.0
    """Border width."""
    tag: str = ""
    """A word shown beside the id, above the text (``thesis``, ``assumed by the mapper``)."""
    small_color: str = "#555555"
    """Colour of the id, the locator and the marks: it must read on the fill."""
    fontsize: float = 11.0
    """Size of the statement's text."""
    bold: bool = False
    """Whether the statement's text is bold."""


@attrs.frozen
class EdgeStyle:
    """How one kind of relation is drawn."""

    name: str
    """What the legend calls it."""
    style: str
    """Graphviz line style: ``solid``, ``dashed``, ``dotted``."""
    color: str
    """Line colour."""
    arrowhead: str
    """Graphviz arrow head: ``normal``, ``tee``, ``none``..."""
    sample: str
    """A few characters that look like the line, for the legend."""
    penwidth: float = 1.2
    """Line width."""


@attrs.frozen
class Marker:
    """A mark added to a node: a finding, a status, or a critical statement."""

    symbol: str
    """A symbol put before the word, so the mark reads in grey-scale too."""
    word: str
    """The word shown in the node and the legend."""
    color: str
    """Colour of the mark's text (and of the border, for findings)."""


@attrs.frozen
class Theme:
    """Every visual choice of a diagram; pass another to :func:`argmap.dot.to_dot` to restyle."""

    fontname: str
    """Font family list, as Graphviz passes it on to SVG and Pango."""
    kinds: Mapping[Kind, NodeStyle]
    """Style of each kind of statement."""
    attacking: Mapping[Kind, NodeStyle]
    """Style of each kind of statement when it only attacks (a premise of objections)."""
    edges: Mapping[Relation, EdgeStyle]
    """Style of each relation."""
    junction: Mapping[Relation, str]
    """Colour of the junction dot where co-premises meet, by the relation leaving it."""
    unanswered_penwidth: float
    """Line width of an objection that nothing answers."""
    findings: Mapping[Severity, Marker]
    """Marks of findings by severity: each its own symbol and word, as the two oranges of error
    and warning are hard to tell apart."""
    finding_penwidth: float
    """Border width of a statement with an unacknowledged finding."""
    acknowledged: Marker
    """Mark of a finding the mapper acknowledged."""
    statuses: Mapping[Status, Marker]
    """Marks of the evaluation statuses, in the order the key lists them."""
    inactive_color: str
    """Colour of a reason or objection that does not apply, when statuses are shown."""
    assumed_color: str
    """Colour of a link the mapper assumed (drawn dashed), as of an assumption's border."""
    critical: Marker
    """Mark of a single point of failure; drawn with a double border as well."""
    small_fontsize: float
    """Size of ids, locators, hedges and marks."""
    small_color: str
    """Colour of ids and locators."""
    cluster_color: str
    """Border of the clusters drawn for sections of the source."""
    cluster_fontsize: float
    """Size of section titles."""
    title_fontsize: float
    """Size of the map's title."""
    link_color: str
    """Colour of the link to the source."""
    code_words: Mapping[Code, str]
    """How each finding is named on the diagram."""


def _kind_styles() -> dict[Kind, NodeStyle]:
    return {
        Kind.THESIS: NodeStyle(
            name="thesis",
            shape="box",
            style="filled,rounded,bold",
            fillcolor=BLUE,
            color="#00416A",
            fontcolor="#FFFFFF",
            tag="thesis",
            small_color="#E0EEF8",
            penwidth=2.5,
            fontsize=15.0,
            bold=True,
        ),
        Kind.CLAIM: NodeStyle(
            name="claim",
            shape="box",
            style="filled,rounded",
            fillcolor="#D4E7F5",
            color=BLUE,
        ),
        Kind.EVIDENCE: NodeStyle(
            name="evidence (from the source)",
            shape="note",
            style="filled",
            fillcolor="#FAF3BE",
            color="#8A7D00",
        ),
        Kind.ASSUMPTION: NodeStyle(
            name="assumption (supplied by the mapper)",
            shape="box",
            style="filled,dashed",
            fillcolor="#FFFFFF",
            color=GREY,
            tag="assumed by the mapper",
            penwidth=1.5,
        ),
    }


def _attacking_styles() -> dict[Kind, NodeStyle]:
    fill, border = "#F3C3A6", VERMILLION
    return {
        kind: attrs.evolve(
            style,
            name="against the thesis: an objection, or what supports one",
            fillcolor=fill,
            color=border,
            fontcolor=BLACK,
            small_color="#555555",
            tag="" if kind is Kind.THESIS else style.tag,
            style=style.style.replace(",bold", ""),
            penwidth=max(style.penwidth, 1.2) if kind is not Kind.THESIS else 1.2,
            fontsize=11.0,
            bold=False,
        )
        for kind, style in _kind_styles().items()
    }


def _default() -> Theme:
    return Theme(
        fontname="Helvetica,Arial,sans-serif",
        kinds=MappingProxyType(_kind_styles()),
        attacking=MappingProxyType(_attacking_styles()),
        edges=MappingProxyType(
            {
                Relation.SUPPORT: EdgeStyle(
                    name="supports",
                    style="solid",
                    color="#333333",
                    arrowhead="normal",
                    sample="───▶",
                ),
                Relation.LINK: EdgeStyle(
                    name="co-premises: they count only together",
                    style="solid",
                    color="#333333",
                    arrowhead="none",
                    sample="──●",
                ),
                Relation.REBUTTAL: EdgeStyle(
                    name="rebuts (says it is false)",
                    style="dashed",
                    color=VERMILLION,
                    arrowhead="tee",
                    sample="╌╌╌┤",
                    penwidth=1.5,
                ),
                Relation.UNDERCUT: EdgeStyle(
                    name="undercuts (denies the reason bears on it)",
                    style="dotted",
                    color=REDDISH_PURPLE,
                    arrowhead="tee",
                    sample="┈┈┈┤",
                    penwidth=1.8,
                ),
            }
        ),
        junction=MappingProxyType(
            {
                Relation.SUPPORT: "#333333",
                Relation.REBUTTAL: VERMILLION,
                Relation.UNDERCUT: REDDISH_PURPLE,
            }
        ),
        unanswered_penwidth=3.0,
        findings=MappingProxyType(
            {
                Severity.ERROR: Marker("✖", "error", VERMILLION),
                Severity.WARNING: Marker("⚠", "warning", ORANGE),
                Severity.INFO: Marker("•", "note", BLUE),
            }
        ),
        finding_penwidth=3.0,
        acknowledged=Marker("✓", "acknowledged", GREY),
        statuses=MappingProxyType(
            {
                Status.GROUNDED: Marker("✔", "grounded", BLUISH_GREEN),
                Status.NOT_GROUNDED: Marker("○", "not grounded", GREY),
                Status.DEFEATED: Marker("✘", "defeated", VERMILLION),
                Status.UNDECIDED: Marker("?", "undecided", ORANGE),
            }
        ),
        inactive_color="#AAAAAA",
        assumed_color=GREY,
        critical=Marker("★", "critical: a thesis falls without it", BLACK),
        small_fontsize=9.0,
        small_color="#555555",
        cluster_color="#BBBBBB",
        cluster_fontsize=12.0,
        title_fontsize=18.0,
        link_color=BLUE,
        code_words=MappingProxyType(
            {
                Code.UNSUPPORTED: "unsupported",
                Code.UNGROUNDED: "ungrounded",
                Code.CIRCULAR: "circular",
                Code.DEFEATED: "defeated",
                Code.CONTESTED: "contested",
                Code.ORPHAN: "orphan",
                Code.UNTRACEABLE: "untraceable",
                Code.HEDGED_LOAD: "hedged, yet a thesis rests on it",
                Code.UNKNOWN_HEDGE: "hedge not on the confidence scale",
                Code.OVERSTATED: "stated above what it earns",
                Code.SINGLE_SOURCE: "one source only",
                Code.UNNAMED_ONLY: "unnamed sources only",
                Code.UNNAMED_SOURCE: "unnamed source",
                Code.DUPLICATE: "duplicate",
                Code.QUOTE_NOT_FOUND: "quote not in the source",
                Code.MISPLACED_QUOTE: "quote not where the locator says",
                Code.BEYOND_QUOTE: "says more than its quote",
                Code.RESTS_ON_MAPPER: "grounded only through the mapper's reading",
                Code.UNUSED_ACK: "acknowledges what is not found",
            }
        ),
    )


DEFAULT_THEME = _default()
"""The theme argmap draws with unless told otherwise."""
