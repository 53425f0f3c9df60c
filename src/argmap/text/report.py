"""``argmap check``'s output: the reports of several maps as human text, JSON or GitHub annotations.

The formatting functions are pure: reports in, a string out. :func:`check_files` is what the
command does before formatting: read each map, check it, keep going past maps that cannot be read;
:func:`workspace` is where GitHub annotations' paths are relative to. Human text and the summary
shared by every format are here; JSON is written by :mod:`argmap.text.report_json` (its structure
documented there) and GitHub annotations by :mod:`argmap.text.report_github`.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

import attrs

from argmap.analysis import Finding, Report, Verdict, check
from argmap.errors import MapError, Problem
from argmap.model import Code
from argmap.options import CheckFormat
from argmap.status import Severity, Status
from argmap.text.colour import SEVERITY_INKS, Ink, painter, visible
from argmap.util import plural

Format = CheckFormat
"""How ``argmap check`` prints its reports (see :class:`argmap.options.CheckFormat`)."""


@attrs.frozen
class Checked:
    """One map named on the command line: its report, or the problems that kept it from being
    read."""

    path: str
    """The file, as the user named it."""
    report: Report | None
    """The report; None when the map could not be read."""
    problems: tuple[Problem, ...] = ()
    """Why the map could not be read, in file order."""


@attrs.frozen
class Summary:
    """Counts over all maps checked."""

    counts: dict[Severity, int]
    """Findings not acknowledged, by severity."""
    acknowledged: int
    """Findings the maps acknowledge."""
    failing: int
    """Findings that fail the run (not acknowledged, at or above ``fail_on``)."""
    maps: int
    """Maps read."""
    unreadable: int
    """Maps that could not be read."""


def check_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    source: str | None = None,
    select: Collection[Code] | None = None,
    ignore: Collection[Code] = (),
    form: str | None = None,
    leaves: str | None = None,
) -> list[Checked]:
    """Read and check each map; a map that cannot be read gives its problems instead of a report.

    ``form`` and ``leaves`` are passed to :func:`argmap.load.load_map` for every map.
    """
    from argmap.load import load_map

    checked = []
    for path in paths:
        name = os.fspath(path)
        try:
            argmap = load_map(path, form=form, leaves=leaves)
        except MapError as error:
            checked.append(Checked(name, None, error.problems))
            continue
        report = check(argmap, source=source).only(select, ignore)
        checked.append(Checked(name, report))
    return checked


def exit_code(checked: Sequence[Checked], fail_on: Severity) -> int:
    """2 when a map could not be read, else 1 when a finding fails the run, else 0."""
    if any(item.report is None for item in checked):
        return 2
    return 1 if any(item.report.failing(fail_on) for item in checked if item.report) else 0


def summarise(checked: Sequence[Checked], fail_on: Severity) -> Summary:
    """Count the findings of every map read."""
    counts = dict.fromkeys(Severity, 0)
    acknowledged = failing = maps = 0
    for item in checked:
        if item.report is None:
            continue
        maps += 1
        for finding in item.report.findings:
            if finding.acknowledged is not None:
                acknowledged += 1
                continue
            counts[finding.severity] += 1
        failing += len(item.report.failing(fail_on))
    return Summary(counts, acknowledged, failing, maps, len(checked) - maps)


# --- human ---------------------------------------------------------------------------------------


def _place(path: str, finding: Finding) -> str:
    if finding.position is None:
        return path
    return f"{path}:{finding.position.line}:{finding.position.column}"


def verdict_line(verdict: Verdict, colour: bool) -> str:
    word = verdict.status.value.replace("-", " ")
    ink = Ink.GREEN if verdict.status is Status.GROUNDED else Ink.RED
    line = f"thesis {verdict.thesis} is {painter(colour)(word, ink, Ink.BOLD)}"
    if verdict.why:
        line += f": {visible(verdict.explanation)}"
    levels = [f"earned: {verdict.earned.term}"] if verdict.earned else []
    if verdict.stated:
        levels.append(f"stated: {verdict.stated.term}")
    if levels:
        line += f" ({'; '.join(levels)})"
    return line + author_reading(verdict)


def author_reading(verdict: Verdict) -> str:
    """`` (on the author's words alone: not grounded; it needs a1 or a2)``, or `` (the same on
    the author's words alone)``; empty for a map without the mapper's items."""
    if verdict.author is None:
        return ""
    if verdict.author is verdict.status:
        return " (the same on the author's words alone)"
    word = verdict.author.value.replace("-", " ")
    sets = verdict.needs
    several = any(len(s) > 1 for s in sets)
    joined = (", or " if several and len(sets) > 1 else " or ").join(" and ".join(s) for s in sets)
    it_needs = f"; it needs {joined}" if sets else ""
    return f" (on the author's words alone: {word}{it_needs})"


def to_human(checked: Sequence[Checked], fail_on: Severity, *, colour: bool = False) -> str:
    """One block per map, in the order given: its findings, one line each (``FILE:LINE:COL: CODE
    message [severity]``) with the hint on the next line, then each thesis's verdict; for a map
    that could not be read, its problems (``FILE:LINE:COL: message``) in its place. Finally one
    summary line."""
    paint = painter(colour)
    blocks: list[str] = []
    for item in checked:
        if item.report is None:
            if item.problems:
                blocks.append("\n".join(visible(str(problem)) for problem in item.problems))
            continue
        lines: list[str] = []
        for finding in item.report.findings:
            code = paint(finding.code.value, Ink.BOLD)
            if finding.acknowledged is not None:
                why = _one_line(finding.acknowledged)
                tag = paint(f"[acknowledged: {why}]", Ink.DIM)
            else:
                tag = paint(f"[{finding.severity.value}]", *SEVERITY_INKS[finding.severity])
            message = _one_line(finding.message)
            lines.append(f"{_place(item.path, finding)}: {code} {message} {tag}")
            if finding.acknowledged is None:
                lines.append(paint(f"    hint: {finding.hint}", Ink.DIM))
        lines.extend(
            f"{item.path}: {verdict_line(verdict, colour)}" for verdict in item.report.verdicts
        )
        if lines:
            blocks.append("\n".join(lines))
    blocks.append(summary_line(summarise(checked, fail_on), fail_on, colour=colour))
    return "\n\n".join(blocks) + "\n"


def summary_line(summary: Summary, fail_on: Severity, *, colour: bool = False) -> str:
    """``2 maps: 1 error, 2 warnings, 0 info, 1 acknowledged; fails at warning and above``, or
    ``1 map could not be read, so nothing was checked; unreadable input``."""
    counts = summary.counts
    paint = painter(colour)
    parts = [
        plural(counts[Severity.ERROR], "error", grouped=False),
        plural(counts[Severity.WARNING], "warning", grouped=False),
        plural(counts[Severity.INFO], "info", "info", grouped=False),
        f"{summary.acknowledged} acknowledged",
    ]
    text = f"{plural(summary.maps, 'map', grouped=False)}: {', '.join(parts)}"
    if summary.unreadable:
        unread = f"{plural(summary.unreadable, 'map', grouped=False)} could not be read"
        text = f"{text}; {unread}" if summary.maps else f"{unread}, so nothing was checked"
    if summary.unreadable:
        verdict = paint("unreadable input", Ink.RED, Ink.BOLD)
    elif summary.failing:
        verdict = paint(f"fails at {fail_on.value} and above", Ink.RED, Ink.BOLD)
    else:
        verdict = paint(f"passes at {fail_on.value} and above", Ink.GREEN, Ink.BOLD)
    return f"{text}; {verdict}"


def workspace() -> Path:
    """Where GitHub checked out the repository (``$GITHUB_WORKSPACE``), else the current
    directory: annotations name files relative to it."""
    return Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd())


def relative_to(path: str, root: str | os.PathLike[str]) -> str:
    """``path`` (relative to the current directory, or absolute) relative to ``root``, with
    forward slashes, when it lies under ``root``; else ``path`` as it is."""
    absolute = Path(os.path.abspath(path))
    for candidate, base in (
        (absolute, Path(os.path.abspath(root))),
        (absolute.resolve(), Path(root).resolve()),
    ):
        if candidate.is_relative_to(base) and candidate != base:
            return candidate.relative_to(base).as_posix()
    return path


def format_checked(
    form: Format,
    checked: Sequence[Checked],
    fail_on: Severity,
    *,
    colour: bool = False,
    root: str | os.PathLike[str] | None = None,
) -> str:
    """The reports in the chosen format; ``colour`` applies to human text, ``root`` (the
    workspace) to GitHub annotations."""
    # the two modules import this one's shared summary, so they are imported here, when used
    if form is Format.JSON:
        from argmap.text.report_json import to_json

        return to_json(checked, fail_on)
    if form is Format.GITHUB:
        from argmap.text.report_github import to_github

        return to_github(checked, fail_on, root=root)
    return to_human(checked, fail_on, colour=colour)


def parse_codes(values: Sequence[str]) -> frozenset[Code]:
    """Codes from ``--select``/``--ignore`` values, each a comma-separated list.

    Raises :class:`ValueError` naming an unknown code and the known ones."""
    known = {code.value: code for code in Code}
    codes = set()
    for value in values:
        for name in value.split(","):
            name = name.strip()
            if not name:
                continue
            if name not in known:
                raise ValueError(f"unknown finding code {name!r} (known: {', '.join(known)})")
            codes.add(known[name])
    return frozenset(codes)


def _one_line(text: str) -> str:
    """Text from the map shown on one line: its line breaks and runs of spaces become one space,
    and its control characters are shown, never sent to the terminal."""
    return visible(" ".join(text.split()))
