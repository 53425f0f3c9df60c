"""The outline of :func:`argmap.explore.tree` as terminal text (:func:`format_tree`): wrapped to a
width, indented by depth, coloured through :mod:`argmap.text.colour` when asked."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

from argmap.analysis import Side
from argmap.explore import Line, Outline, Role
from argmap.status import Status
from argmap.text.colour import STATUS_INKS, Ink, paint, visible
from argmap.util import plural


class _Style(enum.Enum):
    """What a word of the outline is, for its colour."""

    ID = enum.auto()
    MARKER = enum.auto()
    HEADING = enum.auto()
    QUOTE = enum.auto()
    FINDING = enum.auto()
    ACKNOWLEDGED = enum.auto()
    CRITICAL = enum.auto()
    APPLIES = enum.auto()
    DOES_NOT_APPLY = enum.auto()


_INKS: Final[Mapping[_Style, tuple[Ink, ...]]] = {
    _Style.ID: (Ink.BOLD,),
    _Style.MARKER: (Ink.DIM,),
    _Style.HEADING: (Ink.BOLD,),
    _Style.QUOTE: (Ink.CYAN,),
    _Style.FINDING: (Ink.YELLOW,),
    _Style.ACKNOWLEDGED: (Ink.DIM,),
    _Style.CRITICAL: (Ink.BOLD, Ink.RED),
    _Style.APPLIES: (Ink.GREEN,),
    _Style.DOES_NOT_APPLY: (Ink.YELLOW,),
}
"""The inks of each style; a status has those of :data:`argmap.text.colour.STATUS_INKS`."""

_Words = list[tuple[str, _Style | Status | None]]
"""Words of a line, each with its style (None: plain)."""


DEEPEST_INDENT = 40
"""Levels of indent shown when lines are not wrapped; wrapped lines indent at most a quarter of
the width. Deeper lines keep that indent and start with their depth, ``[57]``, so that a chain of
thousands of steps prints in linear space."""


def format_tree(outline: Outline, width: int = 80, colour: bool = False) -> str:
    """The outline as text, wrapped to ``width`` columns (0: no wrapping), in colour if asked."""
    out = [_paint(_split(outline.title, _Style.HEADING), colour), ""]
    for n, line in enumerate(outline.lines):
        if n and line.depth == 0 and outline.lines[n - 1].role is not Role.HEADING:
            out.append("")  # a blank line between roots
        levels = max(4, width // 4) if width else DEEPEST_INDENT
        indent = "  " * min(line.depth, levels)
        words = _line_words(line)
        if line.depth > levels:  # deeper lines keep one indent and say how deep they are
            words = [(f"[{line.depth}]", _Style.MARKER), *words]
        out.extend(_wrap(words, indent, indent + "    ", width, colour))
        if line.statement is not None and not line.seen and (line.quote or line.locator):
            extra: _Words = []
            if line.quote:
                extra += _split(f'"{line.quote}"', _Style.QUOTE)
            if line.locator:
                extra += _split(f"({line.locator})", None)
            out.extend(_wrap(extra, indent + "    ", indent + "    ", width, colour))
    return "\n".join(out) + "\n"


_MARKERS: Final[Mapping[Role, str]] = {
    Role.ROOT: "",
    Role.SUPPORT: "+",
    Role.REASON: "+",
    Role.PREMISE: "",
    Role.REBUTTAL: "- rebuttal",
    Role.UNDERCUT: "- undercut",
}


def _line_words(line: Line) -> _Words:
    if line.role is Role.HEADING:
        return [
            ("Not", _Style.HEADING),
            ("under", _Style.HEADING),
            ("any", _Style.HEADING),
            ("thesis:", _Style.HEADING),
        ]
    if line.role is Role.MORE:
        reasons, rebuttals = line.hidden
        what = [plural(reasons, "reason", grouped=False)] if reasons else []
        what += [plural(rebuttals, "rebuttal", grouped=False)] if rebuttals else []
        return _split(f"... {' and '.join(what)} below", _Style.MARKER)
    words: _Words = []
    marker = _MARKERS[line.role]
    if line.statement is None:  # a reason or objection with several premises or undercuts
        name = "reason" if line.role is Role.REASON else ""
        if line.role is Role.REASON:
            words += [("+", _Style.MARKER)]
        else:
            words += _split(marker, _Style.MARKER)
        if line.linked:
            words.append(("linked", _Style.MARKER))
        if name:
            words.append((name, _Style.MARKER))
        words.append((line.inference or "", _Style.ID))
        words += _whose(line)
        if line.applies is not None:
            label = "applies" if line.applies else "does not apply"
            style = _Style.APPLIES if line.applies else _Style.DOES_NOT_APPLY
            words += _split(f"[{label}]", style)
        return words
    if marker:
        words += _split(
            marker + (":" if line.role in (Role.REBUTTAL, Role.UNDERCUT) else ""), _Style.MARKER
        )
    words += _whose(line)
    if line.seen:
        return [
            *words,
            ("(see", _Style.MARKER),
            ("above:", _Style.MARKER),
            (line.statement + ")", _Style.ID),
        ]
    words.append((line.statement, _Style.ID))
    kind = line.kind.value if line.kind else ""
    if line.hedge is not None:
        kind += ", hedged" + (f": {line.hedge}" if line.hedge else "")
    if line.certainty is not None:
        kind += f", certainty: {line.certainty}"
    if line.level is not None:
        kind += f", stated: {line.level.term}"
    words += _split(f"({kind})", None)
    status: _Words = []
    if line.status is not None:
        status.append((line.status.value, line.status))
    if line.earned is not None:
        status.append((f"earns {line.earned.term}", None))
    if line.critical:
        status.append(("critical", _Style.CRITICAL))
    if line.side is not None and line.side is not Side.FOR:
        status.append((line.side.value, _Style.MARKER))
    words += _enclose(status, "[", "]")
    found: _Words = []
    for code, acknowledged in line.findings:
        if acknowledged:
            found += [(code.value, _Style.ACKNOWLEDGED), ("(acknowledged)", _Style.ACKNOWLEDGED)]
        else:
            found.append((code.value, _Style.FINDING))
    words += _enclose(found, "{", "}")
    last, last_style = words[-1]
    words[-1] = (last + ":", last_style)
    return words + _split(line.text or "", None)


def _enclose(words: _Words, left: str, right: str) -> _Words:
    """``[a, b (c)]``: the words in brackets, comma-separated except before a parenthesis."""
    out: _Words = []
    for n, (word, style) in enumerate(words):
        following = words[n + 1][0] if n + 1 < len(words) else None
        if n == 0:
            word = left + word
        if following is None:
            word += right
        elif not following.startswith("("):
            word += ","
        out.append((word, style))
    return out


def _split(text: str, style: _Style | Status | None) -> _Words:
    """The words of ``text``, control characters shown, never sent (:func:`visible`)."""
    return [(word, style) for word in visible(text).split()]


def _wrap(words: _Words, first: str, rest: str, width: int, colour: bool) -> list[str]:
    """Greedy word wrap on the words' visible length; a word longer than the width stands alone."""
    lines: list[_Words] = [[]]
    used = len(first)
    for word, style in words:
        current = lines[-1]
        needed = len(word) + (1 if current else 0)
        if current and width > 0 and used + needed > width:
            lines.append([(word, style)])
            used = len(rest) + len(word)
        else:
            current.append((word, style))
            used += needed
    return [(first if n == 0 else rest) + _paint(line, colour) for n, line in enumerate(lines)]


def _paint(words: _Words, colour: bool) -> str:
    if not colour:
        return " ".join(word for word, _ in words)
    runs: _Words = []
    for word, style in words:
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + " " + word, style)
        else:
            runs.append((word, style))
    return " ".join(text if style is None else paint(text, *_inks(style)) for text, style in runs)


def _inks(style: _Style | Status) -> tuple[Ink, ...]:
    return STATUS_INKS[style] if isinstance(style, Status) else _INKS[style]


def _whose(line: Line) -> _Words:
    """``(the mapper's link)``, or ``(the author: "Given ...")``, for the link a line shows."""
    if line.assumed:
        return _split("(the mapper's link)", _Style.MARKER)
    if line.connective is not None:
        return _split(f'(the author: "{line.connective}")', _Style.MARKER)
    return []
