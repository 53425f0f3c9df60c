"""The one colour path of argmap's terminal text: what escape codes it writes, that it writes none
when colour is off, and that a map's own control characters never reach the terminal."""

from __future__ import annotations

from argmap.status import Severity, Status
from argmap.text.colour import SEVERITY_INKS, STATUS_INKS, Ink, paint, painter, visible


def test_paint_wraps_text_in_its_inks_and_resets() -> None:
    """Several inks make one escape sequence; the text is followed by a reset."""
    assert paint("error", Ink.RED, Ink.BOLD) == "\x1b[31;1merror\x1b[0m"
    assert paint("hint", Ink.DIM) == "\x1b[2mhint\x1b[0m"


def test_paint_without_inks_leaves_text_alone() -> None:
    """No inks, no escape codes."""
    assert paint("plain") == "plain"


def test_painter_paints_only_when_colour_is_on() -> None:
    """Formatters take ``colour`` and ask :func:`painter` once, instead of testing it each time."""
    assert painter(True)("x", Ink.GREEN) == "\x1b[32mx\x1b[0m"
    assert painter(False)("x", Ink.GREEN) == "x"


def test_every_status_and_severity_has_an_ink() -> None:
    """A new status or severity cannot be printed without a colour chosen for it."""
    assert set(STATUS_INKS) == set(Status)
    assert set(SEVERITY_INKS) == set(Severity)


def test_visible_shows_control_characters_instead_of_sending_them() -> None:
    """An escape character written in a map (YAML's ``"\\e"``) is shown, not obeyed; whitespace
    and printable text, non-ASCII included, are left alone."""
    assert visible("A\x1b[31m red\x07") == "A\\x1b[31m red\\x07"
    assert visible("tab\tand\nline, caf\u00e9") == "tab\tand\nline, caf\u00e9"
    assert visible("\x9b") == "\\x9b"
