"""The choices argmap offers its callers: severities, output formats, layout directions and
programs. They live here, apart from the code that uses them, so that the command line can offer
them without loading the analysis or the drawing code at start-up."""

from __future__ import annotations

import enum
from typing import Literal


class CheckFormat(enum.Enum):
    """How ``argmap check`` prints its reports."""

    HUMAN = "human"
    """Text for people: findings and verdicts grouped per map, then a summary."""
    JSON = "json"
    """A stable, versioned JSON document."""
    GITHUB = "github"
    """GitHub Actions workflow commands that annotate the map's lines."""


class StatsFormat(enum.Enum):
    """How ``argmap stats`` writes its figures."""

    TEXT = "text"
    """A block of aligned figures per map, for people."""
    JSON = "json"
    """Sorted, byte-stable JSON, for tools."""


PictureFormat = Literal["svg", "png", "pdf", "dot"]
PICTURE_FORMATS: tuple[PictureFormat, ...] = ("svg", "png", "pdf", "dot")
"""Output formats of ``argmap render``: Graphviz's SVG, PNG and PDF, or the DOT text itself."""

Engine = Literal["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"]
ENGINES: tuple[Engine, ...] = (
    "dot",
    "neato",
    "fdp",
    "sfdp",
    "circo",
    "twopi",
    "osage",
    "patchwork",
)
"""Graphviz layout programs; ``dot`` draws the layered picture the others are alternatives to."""

Direction = Literal["TB", "BT", "LR"]
DIRECTIONS: tuple[Direction, ...] = ("TB", "BT", "LR")
"""Where the thesis goes: top (premises below), bottom, or left (premises to the right)."""

DEFAULT_WRAP = 32
"""Default label width, in characters."""


class Layout(enum.Enum):
    """How much of a map a picture shows and how hard Graphviz works at it (:mod:`argmap.layout`
    says when ``auto`` picks which)."""

    AUTO = "auto"
    """Chosen by the number of statements drawn: ``exact``, then ``fast``, then ``rough``, then
    ``overview``."""
    EXACT = "exact"
    """Graphviz's full search for few crossings and straight lines, however long it takes."""
    FAST = "fast"
    """Every statement, with Graphviz's search cut short: a rougher picture in a fraction of the
    time."""
    ROUGH = "rough"
    """Every statement, laid out in seconds even at ten thousand: no search for where to place the
    nodes, few passes against crossings, straight edges, no section boxes, and the pieces that
    hang together with nothing else stacked in columns on the left."""
    OVERVIEW = "overview"
    """The theses (or the focus) and as many levels below as fit in a picture that lays out in
    seconds; each statement whose support is folded away says how much."""
