"""``argmap check --format github``: the reports of several maps as GitHub Actions workflow
commands, so that GitHub shows each finding on the lines of its map file."""

from __future__ import annotations

import os
from collections.abc import Sequence

from argmap.status import Severity
from argmap.text.report import Checked, relative_to, summarise, summary_line, verdict_line

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, path: str, line: int | None, column: int | None, title: str) -> str:
    props = [f"file={_escape_property(path)}"]
    if line is not None:
        props.append(f"line={line}")
    if column is not None:
        props.append(f"col={column}")
    props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::"


def to_github(
    checked: Sequence[Checked],
    fail_on: Severity,
    *,
    colour: bool = False,
    root: str | os.PathLike[str] | None = None,
) -> str:
    """GitHub Actions workflow commands, one per finding (errors, warnings, and info as notices;
    acknowledged findings as notices), one error per problem of an unreadable map, then the
    verdicts and the summary as plain log lines. A file under ``root`` (the workspace, see
    :func:`workspace`) is named relative to it, so that GitHub attaches the annotation to the
    file's lines; without ``root``, paths are printed as given. ``colour`` is ignored."""
    lines: list[str] = []
    for item in checked:
        path = relative_to(item.path, root) if root is not None else item.path
        for problem in item.problems:
            head = _annotation("error", path, problem.line, problem.column, "argmap")
            lines.append(head + _escape_data(problem.message))
        if item.report is None:
            continue
        for finding in item.report.findings:
            line = finding.position.line if finding.position else None
            column = finding.position.column if finding.position else None
            if finding.acknowledged is not None:
                head = _annotation(
                    "notice", path, line, column, f"argmap {finding.code.value} (acknowledged)"
                )
                body = f"{finding.message} (acknowledged: {finding.acknowledged})"
            else:
                level = _LEVELS[finding.severity]
                head = _annotation(level, path, line, column, f"argmap {finding.code.value}")
                body = f"{finding.message}\nhint: {finding.hint}"
            lines.append(head + _escape_data(body))
        lines.extend(f"{path}: {verdict_line(verdict, False)}" for verdict in item.report.verdicts)
    lines.append(summary_line(summarise(checked, fail_on), fail_on))
    return "\n".join(lines) + "\n"
