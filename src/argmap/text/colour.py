"""Colour in terminal text: the one place that writes ANSI escape codes.

A formatter names the inks of a piece of text (``paint("error", Ink.RED, Ink.BOLD)``) and decides
only whether to colour at all; the CLI decides that (:func:`argmap.cli.use_colour`: a terminal, and
no ``NO_COLOR``). Text from a map is passed through :func:`visible` first, so that a map can never
send its own escape codes to the terminal.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final, Protocol

from argmap.status import Severity, Status


class Ink(enum.Enum):
    """An ANSI select-graphic-rendition code."""

    BOLD = "1"
    DIM = "2"
    RED = "31"
    GREEN = "32"
    YELLOW = "33"
    BLUE = "34"
    MAGENTA = "35"
    CYAN = "36"


RESET: Final = "\x1b[0m"
"""Back to the terminal's own colours."""


def paint(text: str, /, *inks: Ink) -> str:
    """``text`` in the given inks (unchanged with none), reset after it."""
    if not inks:
        return text
    return f"\x1b[{';'.join(ink.value for ink in inks)}m{text}{RESET}"


class Paint(Protocol):
    """What :func:`painter` gives: :func:`paint`, or a function that leaves text as it is."""

    def __call__(self, text: str, /, *inks: Ink) -> str: ...


def painter(colour: bool) -> Paint:
    """:func:`paint` when ``colour`` is true, else a function that returns the text unchanged."""
    return paint if colour else _plain


def _plain(text: str, /, *inks: Ink) -> str:
    return text


STATUS_INKS: Final[Mapping[Status, tuple[Ink, ...]]] = {
    Status.GROUNDED: (Ink.GREEN,),
    Status.NOT_GROUNDED: (Ink.YELLOW,),
    Status.DEFEATED: (Ink.RED,),
    Status.UNDECIDED: (Ink.MAGENTA,),
}
"""How a statement's status is coloured in outlines and tables."""

SEVERITY_INKS: Final[Mapping[Severity, tuple[Ink, ...]]] = {
    Severity.ERROR: (Ink.RED,),
    Severity.WARNING: (Ink.YELLOW,),
    Severity.INFO: (Ink.BLUE,),
}
"""How a finding's severity is coloured."""


_CONTROLS: Final = {
    code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if not chr(code).isspace()
}


def visible(text: str) -> str:
    """Text from a map as it may reach a terminal: control characters (YAML's ``"\\e"`` makes an
    escape character) are shown as ``\\x1b``, never sent; whitespace is left as it is."""
    return text.translate(_CONTROLS)
