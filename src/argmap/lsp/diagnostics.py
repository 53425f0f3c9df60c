"""A map text's diagnostics: every problem that keeps it from loading, or else every finding of
``argmap check``, each at the place it is about.

Pure functions of the text (and the source text for quote checking); the server only publishes
what they return. Positions here are in characters; the server converts them to the client's units.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from lsprotocol import types

from argmap.analysis import Finding, Report, check
from argmap.errors import ArgmapError, MapError, Problem
from argmap.model import Code, Map, Position
from argmap.util import collector_paused

SOURCE: Final = "argmap"
"""The name diagnostics carry, so that an editor can tell them from other tools'."""

_SEVERITY: Final = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_SUGGESTION = re.compile(r"\(did you mean '([^']+)'\?\)")
_UNKNOWN_STATEMENT = re.compile(r"names unknown statement '([^']+)'")
PROBLEM_CODE: Final = "map-problem"
"""The code of diagnostics for problems that keep a map from loading."""


@attrs.frozen
class Diagnosis:
    """What one version of a map text gives: the map and its report, or the problems."""

    diagnostics: tuple[types.Diagnostic, ...]
    map: Map | None = None
    report: Report | None = None
    problems: tuple[Problem, ...] = ()


def diagnose(
    text: str, name: str, uri: str, source: str | None = None, notes: tuple[Problem, ...] = ()
) -> Diagnosis:
    """Load and check the text (``name`` in messages, ``uri`` in related locations); ``notes`` are
    problems of the configuration (an unreadable source) shown along with the map's own."""
    from argmap.load import loads

    # The map, its report and thousands of diagnostics hold no cycle: the collector waits until
    # all are built, instead of walking the freshly loaded map again and again meanwhile.
    with collector_paused():
        lines = text.splitlines()
        extra = tuple(problem_diagnostic(p, lines) for p in notes)
        try:
            argmap = loads(text, name)
        except MapError as error:
            found = tuple(problem_diagnostic(p, lines) for p in error.problems)
            return Diagnosis(found + extra, problems=error.problems)
        report = check(argmap, source=source)
        ranges: dict[str, types.Range] = {}
        findings = tuple(finding_diagnostic(f, argmap, lines, uri, ranges) for f in report.findings)
    return Diagnosis(findings + extra, argmap, report)


def problem_diagnostic(problem: Problem, lines: list[str]) -> types.Diagnostic:
    """A load problem as an error over the value it is about."""
    line, column = max(problem.line - 1, 0), max(problem.column - 1, 0)
    data: dict[str, str] = {}
    if (suggestion := _SUGGESTION.search(problem.message)) is not None:
        data["suggestion"] = suggestion.group(1)
    if (unknown := _UNKNOWN_STATEMENT.search(problem.message)) is not None:
        data["unknown"] = unknown.group(1)
    return types.Diagnostic(
        range=token_range(lines, line, column),
        message=problem.message,
        severity=types.DiagnosticSeverity.Error,
        code=PROBLEM_CODE,
        source=SOURCE,
        data=data or None,
    )


def finding_diagnostic(
    finding: Finding,
    argmap: Map,
    lines: list[str],
    uri: str,
    ranges: dict[str, types.Range] | None = None,
) -> types.Diagnostic:
    """A finding at its statement's id (an unused acknowledgement at its code, faded as
    unnecessary): the code as the diagnostic's, the hint after the message,
    the other statements it is about (:attr:`Finding.related`) as related information.
    Acknowledged findings are hints, faded as unnecessary, so the mapper still sees them.
    ``ranges`` keeps the range of each statement's id, shared by the diagnostics of one text
    (none changes a range it is given)."""
    ranges = {} if ranges is None else ranges

    def at(sid: str, position: Position | None) -> types.Range:
        found = ranges.get(sid)
        if found is None:
            found = ranges[sid] = id_range(lines, position, sid)
        return found

    where = at(finding.statement, finding.position)
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=at(other, statement.position)),
            message=f"{statement.kind.value} {other}",
        )
        for other in finding.related
        if (statement := argmap.statements.get(other)) is not None
    ]
    message = f"{finding.message}\nhint: {finding.hint}"
    severity = _SEVERITY[finding.severity.value]
    tags = None
    if finding.code is Code.UNUSED_ACK and finding.position is not None:
        # at the acknowledgement's code, faded: it is text that does nothing
        where = token_range(lines, finding.position.line - 1, finding.position.column - 1)
        tags = [types.DiagnosticTag.Unnecessary]
    if finding.acknowledged is not None:
        message += f"\nacknowledged: {finding.acknowledged}"
        severity = types.DiagnosticSeverity.Hint
        tags = [types.DiagnosticTag.Unnecessary]
    return types.Diagnostic(
        range=where,
        message=message,
        severity=severity,
        code=finding.code.value,
        source=SOURCE,
        related_information=related or None,
        tags=tags,
        data={"statement": finding.statement, "code": finding.code.value},
    )


def id_range(lines: list[str], position: Position | None, sid: str) -> types.Range:
    """The range of a statement's id where it is declared (its key, without quotes)."""
    if position is None:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    line, column = position.line - 1, position.column - 1
    text = lines[line] if 0 <= line < len(lines) else ""
    if text[column : column + 1] in ("'", '"'):
        column += 1
    end = column + len(sid) if text[column : column + len(sid)] == sid else column
    return types.Range(types.Position(line, column), types.Position(line, end))


def token_range(lines: list[str], line: int, column: int) -> types.Range:
    """The range of the YAML value that starts at a place: a quoted scalar to its closing quote,
    a plain one to where it ends on its line; at a key, the key; elsewhere one character."""
    text = lines[line] if 0 <= line < len(lines) else ""
    column = min(column, len(text))
    rest = text[column:]
    end = column
    if rest[:1] in ("'", '"'):
        quote = rest[0]
        closing = rest.find(quote, 1)
        while quote == "'" and 0 < closing < len(rest) - 1 and rest[closing + 1] == "'":
            closing = rest.find(quote, closing + 2)
        end = column + (closing + 1 if closing > 0 else len(rest.rstrip()))
    elif rest[:1] in ("[", "{", "-", ""):
        end = column + (1 if rest else 0)
    else:
        match = re.match(r"(?:[^\s,\[\]{}#:]|:(?=\S)|\s+(?=[^\s#,\]}:]))*", rest)
        end = column + max(len(match.group()) if match else 0, 1)
    return types.Range(types.Position(line, column), types.Position(line, end))


def safe_diagnose(
    text: str, name: str, uri: str, source: str | None, notes: tuple[Problem, ...]
) -> Diagnosis:
    """:func:`diagnose`, turning argmap's own errors on the way into one diagnostic at the top."""
    try:
        return diagnose(text, name, uri, source, notes)
    except ArgmapError as error:
        return Diagnosis(
            (
                types.Diagnostic(
                    range=types.Range(types.Position(0, 0), types.Position(0, 1)),
                    message=str(error),
                    severity=types.DiagnosticSeverity.Error,
                    code=PROBLEM_CODE,
                    source=SOURCE,
                ),
            )
        )
