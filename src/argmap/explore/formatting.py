"""The exploration's results as text and JSON: the outline (:func:`format_tree`), the figures
(:func:`format_stats`, :func:`stats_json`), what-if (:func:`format_whatif`) and the single points
of failure (:func:`format_critical`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Final

from argmap.analysis import Evaluation
from argmap.model import Map
from argmap.options import StatsFormat
from argmap.status import Status

from .critical import Critical
from .stats import STATS_VERSION, Stats
from .tree import Line, Outline, Role
from .whatif import WhatIf

_STYLES: Final[Mapping[str, str]] = {
    "id": "1",
    "marker": "2",
    "heading": "1",
    "quote": "36",
    "finding": "33",
    "acknowledged": "2",
    "critical": "1;31",
    Status.GROUNDED.value: "32",
    Status.NOT_GROUNDED.value: "33",
    Status.DEFEATED.value: "31",
    Status.UNDECIDED.value: "35",
    "applies": "32",
    "does-not-apply": "33",
}

_Words = list[tuple[str, str | None]]


DEEPEST_INDENT = 40
"""Levels of indent shown when lines are not wrapped; wrapped lines indent at most a quarter of
the width. Deeper lines keep that indent and start with their depth, ``[57]``, so that a chain of
thousands of steps prints in linear space."""


def format_tree(outline: Outline, width: int = 80, colour: bool = False) -> str:
    """The outline as text, wrapped to ``width`` columns (0: no wrapping), in colour if asked."""
    out = [_paint(_split(outline.title, "heading"), colour), ""]
    for n, line in enumerate(outline.lines):
        if n and line.depth == 0 and outline.lines[n - 1].role is not Role.HEADING:
            out.append("")  # a blank line between roots
        levels = max(4, width // 4) if width else DEEPEST_INDENT
        indent = "  " * min(line.depth, levels)
        words = _line_words(line)
        if line.depth > levels:  # deeper lines keep one indent and say how deep they are
            words = [(f"[{line.depth}]", "marker"), *words]
        out.extend(_wrap(words, indent, indent + "    ", width, colour))
        if line.statement is not None and not line.seen and (line.quote or line.locator):
            extra: _Words = []
            if line.quote:
                extra += _split(f'"{line.quote}"', "quote")
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
            ("Not", "heading"),
            ("under", "heading"),
            ("any", "heading"),
            ("thesis:", "heading"),
        ]
    if line.role is Role.MORE:
        reasons, rebuttals = line.hidden
        what = [_plural(reasons, "reason")] if reasons else []
        what += [_plural(rebuttals, "rebuttal")] if rebuttals else []
        return _split(f"... {' and '.join(what)} below", "marker")
    words: _Words = []
    marker = _MARKERS[line.role]
    if line.statement is None:  # a reason or objection with several premises or undercuts
        name = "reason" if line.role is Role.REASON else ""
        if line.role is Role.REASON:
            words += [("+", "marker")]
        else:
            words += _split(marker, "marker")
        if line.linked:
            words.append(("linked", "marker"))
        if name:
            words.append((name, "marker"))
        words.append((line.inference or "", "id"))
        if line.applies is not None:
            label = "applies" if line.applies else "does-not-apply"
            words += _split(f"[{label.replace('-', ' ')}]", label)
        return words
    if marker:
        words += _split(
            marker + (":" if line.role in (Role.REBUTTAL, Role.UNDERCUT) else ""), "marker"
        )
    if line.seen:
        return [*words, ("(see", "marker"), ("above:", "marker"), (line.statement + ")", "id")]
    words.append((line.statement, "id"))
    kind = line.kind.value if line.kind else ""
    if line.hedge is not None:
        kind += ", hedged" + (f": {line.hedge}" if line.hedge else "")
    words += _split(f"({kind})", None)
    status: _Words = []
    if line.status is not None:
        status.append((line.status.value, line.status.value))
    if line.critical:
        status.append(("critical", "critical"))
    words += _enclose(status, "[", "]")
    found: _Words = []
    for code, acknowledged in line.findings:
        if acknowledged:
            found += [(code.value, "acknowledged"), ("(acknowledged)", "acknowledged")]
        else:
            found.append((code.value, "finding"))
    words += _enclose(found, "{", "}")
    text, style = words[-1]
    words[-1] = (text + ":", style)
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


# Control characters in a map's texts (YAML's "\e" makes an escape character) are shown, never sent
# to the terminal; whitespace is left for splitting.
_CONTROLS: Final = {
    code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if not chr(code).isspace()
}


def _split(text: str, style: str | None) -> _Words:
    return [(word, style) for word in text.translate(_CONTROLS).split()]


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
    runs: list[tuple[str, str | None]] = []
    for word, style in words:
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + " " + word, style)
        else:
            runs.append((word, style))
    return " ".join(
        f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if style else text for text, style in runs
    )


def format_stats(results: Sequence[tuple[str, Stats]]) -> str:
    """Figures of each named map as text, one block per map."""
    out: list[str] = []
    for name, figures in results:
        if out:
            out.append("")
        kinds = ", ".join(f"{kind} {n}" for kind, n in figures.statements.items())
        share = f"{100 * figures.grounded_claims // figures.claims}%" if figures.claims else "none"
        out += [
            name,
            f"  statements     {figures.total} ({kinds})",
            f"  reasons        {figures.single_reasons + figures.linked_reasons}"
            f" (single {figures.single_reasons}, linked {figures.linked_reasons})",
            f"  objections     {figures.rebuttals + figures.undercuts}"
            f" (rebuttals {figures.rebuttals}, undercuts {figures.undercuts})",
            f"  deepest chain  {_plural(figures.deepest_chain, 'reason')}",
            f"  grounded       {figures.grounded_claims} of {figures.claims} theses and claims"
            f" ({share})",
        ]
        out.append("  evidence per thesis")
        pad = max(map(len, figures.evidence_per_thesis), default=0)
        out += [f"    {thesis:<{pad}}  {n}" for thesis, n in figures.evidence_per_thesis.items()]
        total = sum(figures.findings.values())
        details = ", ".join(
            f"{code} {n}"
            + (
                f" ({figures.acknowledged[code]} acknowledged)"
                if code in figures.acknowledged
                else ""
            )
            for code, n in figures.findings.items()
        )
        out.append(f"  findings       {total}" + (f" ({details})" if details else ""))
    return "\n".join(out) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_stats_as(results: Sequence[tuple[str, Stats]], form: StatsFormat) -> str:
    """Figures of each named map in the format asked for."""
    return format_stats(results) if form is StatsFormat.TEXT else stats_json(results)


def stats_json(results: Sequence[tuple[str, Stats]]) -> str:
    """Figures of each named map as JSON: ``{"version": 1, "maps": [{"path": ..., ...}]}``, keys
    sorted, byte-stable."""
    data = {
        "version": STATS_VERSION,
        "maps": [{"path": name, **figures.to_json()} for name, figures in results],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def format_whatif(result: WhatIf) -> str:
    """The changes as text, theses first: ``c4: grounded → not-grounded``."""
    what = [f"rejecting {', '.join(result.reject)}"] if result.reject else []
    what += [f"accepting {', '.join(result.accept)}"] if result.accept else []
    head = " and ".join(what) or "changing nothing"
    out = [head[0].upper() + head[1:] + ":"]
    if not result.changes:
        out.append("  no statement changes status")
    theses = result.theses
    others = result.changes[len(theses) :]
    for label, group in (("theses", theses), ("other statements", others)):
        if group:
            out.append(f"  {label}:")
            out += [f"    {c.statement}: {c.before.value} → {c.after.value}" for c in group]
    return "\n".join(out) + "\n"


def format_critical(map: Map, found: Sequence[Critical], evaluation: Evaluation) -> str:
    """The single points of failure as a table, most load first, then the theses that are not
    grounded as written (they have nothing to lose)."""
    out: list[str] = []
    if found:
        out += [
            "Single points of failure: rejecting any one alone leaves a thesis without ground"
            " (not grounded, defeated or undecided).",
            "",
        ]
        rows = [
            (
                c.statement,
                map.statements[c.statement].kind.value,
                str(c.carries),
                ", ".join(c.theses),
            )
            for c in found
        ]
        head = ("statement", "kind", "carries", "breaks")
        widths = [max(len(row[n]) for row in [head, *rows]) for n in range(3)]
        for row in [head, *rows]:
            out.append(
                f"  {row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}"
            )
        out += ["", "carries: how many other statements change status when it is rejected."]
    else:
        out.append(
            "No single point of failure: no one rejection leaves a grounded thesis without ground."
        )
    lost = [s.id for s in map.theses if evaluation.status[s.id] is not Status.GROUNDED]
    if lost:
        out.append(f"Not grounded as written: {', '.join(lost)}.")
    return "\n".join(out) + "\n"
