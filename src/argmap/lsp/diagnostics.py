"""A map text's diagnostics: every problem that keeps it from loading, or else every finding of
``argmap check``, each at the place it is about.

Functions of the text (and the source text for quote checking); the server only publishes what
they return. A document's :class:`Memory` of its last version lets the next be worked out in a
fraction of the time, never differently (property tests compare the two ways). Positions here are
in characters; the server converts them to the client's units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs
from lsprotocol import types

from argmap.analysis import Finding, Report, check
from argmap.errors import ArgmapError, MapError, Problem
from argmap.graph import Graph
from argmap.model import Code, Map, Objection, Position, Reason
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
Span = tuple[int, int, int]
"""A range on one line: the line, its first character and the character after its last."""


@attrs.frozen
class Diagnosis:
    """What one version of a map text gives: the map and its report, or the problems."""

    diagnostics: tuple[types.Diagnostic, ...]
    map: Map | None = None
    report: Report | None = None
    problems: tuple[Problem, ...] = ()


class Memory:
    """What the diagnosis of one document keeps for its next version, which it then works out
    in a fraction of the time with the same result: a loader that reuses the statements whose
    text has not changed, and the diagnostics last given, by what each says and where. Used by
    one thread at a time."""

    def __init__(self) -> None:
        from argmap.load.incremental import IncrementalLoader

        self.loader = IncrementalLoader()
        self.previous: dict[tuple[object, ...], types.Diagnostic] = {}
        """The diagnostics of the findings of the last version that loaded."""
        self.kept: dict[tuple[object, ...], types.Diagnostic] = {}
        """Those of the version being diagnosed, as they are made or found in ``previous``."""


def diagnose(
    text: str,
    name: str,
    uri: str,
    source: str | None = None,
    notes: tuple[Problem, ...] = (),
    memory: Memory | None = None,
) -> Diagnosis:
    """Load and check the text (``name`` in messages, ``uri`` in related locations); ``notes`` are
    problems of the configuration (an unreadable source) shown along with the map's own. The
    document's ``memory`` of its last version makes this one quicker, not different."""
    from argmap.load import loads

    # The map, its report and thousands of diagnostics hold no cycle: the collector waits until
    # all are built, instead of walking the freshly loaded map again and again meanwhile.
    with collector_paused():
        lines = text.splitlines()
        extra = tuple(problem_diagnostic(p, lines) for p in notes)
        try:
            argmap = loads(text, name) if memory is None else memory.loader.loads(text, name)
        except MapError as error:
            found = tuple(problem_diagnostic(p, lines) for p in error.problems)
            return Diagnosis(found + extra, problems=error.problems)
        report = check(argmap, source=source)
        spans: dict[str, Span] = {}
        links = mapper_links(argmap, report)
        if memory is not None:
            memory.kept = {}
        findings = tuple(
            finding_diagnostic(
                f,
                argmap,
                lines,
                uri,
                spans,
                memory,
                links.get(f.statement, ()) if f.code is Code.RESTS_ON_MAPPER else (),
            )
            for f in report.findings
        )
        if memory is not None:
            memory.previous, memory.kept = memory.kept, {}
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
    spans: dict[str, Span] | None = None,
    memory: Memory | None = None,
    links: Sequence[Reason | Objection] = (),
) -> types.Diagnostic:
    """A finding at its statement's id (an unused acknowledgement at its code, faded as
    unnecessary): the code as the diagnostic's, the hint after the message,
    the other statements it is about (:attr:`Finding.related`) and then the reasons and
    objections (``links``: the mapper's links a rests-on-mapper finding says its thesis needs)
    as related information.
    Acknowledged findings are hints, faded as unnecessary, so the mapper still sees them.
    ``spans`` keeps the span of each statement's id, shared by the diagnostics of one text.
    With a document's ``memory``, a diagnostic that says the same at the same places as one
    of the version before is that very diagnostic (none is changed once made)."""
    spans = {} if spans is None else spans

    def at(sid: str, position: Position | None) -> Span:
        found = spans.get(sid)
        if found is None:
            found = spans[sid] = id_span(lines, position, sid)
        return found

    where = at(finding.statement, finding.position)
    related = tuple(
        (at(other, statement.position), f"{statement.kind.value} {other}")
        for other in finding.related
        if (statement := argmap.statements.get(other)) is not None
    ) + tuple((link_span(lines, link), _link_name(link)) for link in links)
    message = f"{finding.message}\nhint: {finding.hint}"
    severity = _SEVERITY[finding.severity.value]
    faded = False
    if finding.code is Code.UNUSED_ACK and finding.position is not None:
        # at the acknowledgement's code, faded: it is text that does nothing
        where = token_span(lines, finding.position.line - 1, finding.position.column - 1)
        faded = True
    if finding.acknowledged is not None:
        message += f"\nacknowledged: {finding.acknowledged}"
        severity = types.DiagnosticSeverity.Hint
        faded = True
    key = (where, message, severity, finding.code, finding.statement, faded, related, uri)
    if memory is not None:
        known = memory.previous.get(key)
        if known is not None:
            memory.kept[key] = known
            return known
    made = types.Diagnostic(
        range=_range(where),
        message=message,
        severity=severity,
        code=finding.code.value,
        source=SOURCE,
        related_information=[
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=_range(span)), message=text
            )
            for span, text in related
        ]
        or None,
        tags=[types.DiagnosticTag.Unnecessary] if faded else None,
        data={"statement": finding.statement, "code": finding.code.value},
    )
    if memory is not None:
        memory.kept[key] = made
    return made


def mapper_links(argmap: Map, report: Report) -> dict[str, tuple[Reason | Objection, ...]]:
    """For each thesis grounded only through the mapper's reading, the mapper's reasons and
    objections among the items it needs (:attr:`argmap.analysis.Verdict.needs`), each once, in
    the order named: what a rests-on-mapper finding is about besides statements."""
    out: dict[str, tuple[Reason | Objection, ...]] = {}
    named = [v for v in report.verdicts if any(v.needs)]
    if not named:
        return out
    graph = Graph.of(argmap)
    inference = {
        graph.ids[n]: graph.inferences[n - graph.n_statements]
        for n in range(graph.n_statements, len(graph.ids))
    }
    for verdict in named:
        ids = dict.fromkeys(i for items in verdict.needs for i in items if i in inference)
        if ids:
            out[verdict.thesis] = tuple(inference[i] for i in ids)
    return out


def link_span(lines: list[str], link: Reason | Objection) -> Span:
    """Where a reason or objection is written: its id, when it is given on its first line,
    else the value it starts with (its first key)."""
    if link.position is None:
        return (0, 0, 0)
    line, column = link.position.line - 1, link.position.column - 1
    text = lines[line] if 0 <= line < len(lines) else ""
    given = re.compile(rf"\bid:[ ]+(['\"]?){re.escape(link.id)}\1(?=[\s,}}]|$)")
    written = given.search(text, column)
    if written is not None:
        start = written.start() + len(written.group()) - len(link.id) - len(written.group(1))
        return (line, start, start + len(link.id))
    return token_span(lines, line, column)


def _link_name(link: Reason | Objection) -> str:
    role = "reason" if isinstance(link, Reason) else "objection"
    return f"{'assumed ' if link.assumed else ''}{role} {link.id}"


def id_span(lines: list[str], position: Position | None, sid: str) -> Span:
    """Where a statement's id is declared (its key, without quotes)."""
    if position is None:
        return (0, 0, 0)
    line, column = position.line - 1, position.column - 1
    text = lines[line] if 0 <= line < len(lines) else ""
    if text[column : column + 1] in ("'", '"'):
        column += 1
    end = column + len(sid) if text[column : column + len(sid)] == sid else column
    return (line, column, end)


def _range(span: Span) -> types.Range:
    line, start, end = span
    return types.Range(types.Position(line, start), types.Position(line, end))


def token_range(lines: list[str], line: int, column: int) -> types.Range:
    """The range of the YAML value that starts at a place (:func:`token_span`)."""
    return _range(token_span(lines, line, column))


def token_span(lines: list[str], line: int, column: int) -> Span:
    """The span of the YAML value that starts at a place: a quoted scalar to its closing quote,
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
    return (line, column, end)


def safe_diagnose(
    text: str,
    name: str,
    uri: str,
    source: str | None,
    notes: tuple[Problem, ...],
    memory: Memory | None = None,
) -> Diagnosis:
    """:func:`diagnose`, turning argmap's own errors on the way into one diagnostic at the top."""
    try:
        return diagnose(text, name, uri, source, notes, memory)
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
