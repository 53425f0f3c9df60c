"""Question an argument: its outline (:func:`tree`), its figures (:func:`stats`), what changes when
statements are rejected or granted (:func:`whatif`), and its single points of failure
(:func:`critical`).

Pure functions over the model and its evaluation, all iterative; each returns data that the CLI only
formats (:func:`format_tree`, :func:`format_stats`, :func:`format_whatif`, :func:`format_critical`).
"""

from __future__ import annotations

import contextlib
import enum
import gc
import json
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Final

import attrs

from argmap.analysis import (
    Evaluation,
    Finding,
    check,
    evaluate,
    evaluate_author_only,
    shares,
    strong_components,
)
from argmap.errors import QueryError, did_you_mean
from argmap.model import Code, Kind, Map, Objection, Reason, Statement, walk_objections
from argmap.options import StatsFormat as StatsFormat  # re-exported for stats callers
from argmap.status import Status

STATS_VERSION: Final = 1
"""Version of the JSON structure of ``argmap stats --format json``."""

_OUT: Final = frozenset({Status.NOT_GROUNDED, Status.DEFEATED})


def _require(map: Map, ids: Iterable[str], what: str = "statement") -> None:
    """Refuse ids the map does not have, with the closest one it does have."""
    for sid in ids:
        if sid not in map.statements:
            hint = did_you_mean(sid, map.statements)
            raise QueryError(f"no {what} '{sid}' in the map{hint}")


# --- tree ----------------------------------------------------------------------------------------


class Role(enum.Enum):
    """What a line of the outline shows, relative to the line it stands under."""

    ROOT = "root"
    """A thesis, the focus, or a statement under no thesis."""
    SUPPORT = "support"
    """A reason with one premise and no undercuts, shown as that premise."""
    REASON = "reason"
    """A reason with several (linked) premises or with undercuts; premises and undercuts follow."""
    PREMISE = "premise"
    """One premise of the reason or objection on the line above."""
    REBUTTAL = "rebuttal"
    """An objection against the statement above (shown as its premise when it has only one)."""
    UNDERCUT = "undercut"
    """An objection against the reason or objection above (shown as its premise when only one)."""
    MORE = "more"
    """Reasons and objections left out below the depth asked for."""
    HEADING = "heading"
    """The heading of the statements that no thesis rests on."""


@attrs.frozen
class Line:
    """One line of the outline: a statement, a reason or objection, or a note."""

    depth: int
    """Indentation level, 0 for roots."""
    role: Role
    """What the line shows."""
    statement: str | None = None
    """The statement shown, if any."""
    inference: str | None = None
    """The reason or objection shown (or whose single premise is shown), if any."""
    kind: Kind | None = None
    """The statement's kind."""
    text: str | None = None
    """The statement's text (None when it is shown above)."""
    hedge: str | None = None
    """The statement's hedge, as in :attr:`Statement.hedge`."""
    linked: bool = False
    """The reason or objection has several premises, all needed."""
    status: Status | None = None
    """The statement's status, when an evaluation is given."""
    applies: bool | None = None
    """Whether the reason or objection applies, when an evaluation is given."""
    findings: tuple[tuple[Code, bool], ...] = ()
    """Findings about the statement: code, and whether the map acknowledges it."""
    critical: bool = False
    """A single point of failure of a thesis."""
    quote: str | None = None
    """The statement's quote from the source."""
    locator: str | None = None
    """The statement's place in the source (:meth:`Map.locator`)."""
    seen: bool = False
    """The statement is shown in full above; this line only refers to it."""
    hidden: tuple[int, int] = (0, 0)
    """For :attr:`Role.MORE`: how many reasons and how many rebuttals are left out."""


@attrs.frozen
class Outline:
    """The argument as an indented outline, line by line, in map order."""

    title: str
    """The map's title."""
    lines: tuple[Line, ...]
    """The lines, top to bottom."""


def tree(
    map: Map,
    *,
    focus: str | None = None,
    depth: int | None = None,
    evaluation: Evaluation | None = None,
    findings: Iterable[Finding] = (),
    critical: Collection[str] = (),
) -> Outline:
    """The outline of the argument: each thesis (or only ``focus``), under it its reasons,
    objections and replies, down to the evidence; statements no thesis rests on come last.

    A statement reached a second time is referred to, not repeated, so shared premises and cycles
    show once. ``depth`` limits how many statements deep the outline goes below each root. Statuses
    and findings are shown when ``evaluation`` and ``findings`` are given (from
    :func:`argmap.analysis.check`); ``critical`` names statements to mark as single points of
    failure.
    Raises :class:`~argmap.errors.QueryError` for an unknown ``focus``.
    """
    if focus is not None:
        _require(map, [focus])
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    builder = _TreeBuilder(map, depth, evaluation, findings, critical)
    if focus is not None:
        builder.add_root(focus)
    else:
        for thesis in map.theses:
            builder.add_root(thesis.id)
        if depth is None:
            builder.add_rest()
    return Outline(map.title, tuple(builder.lines))


def outline(
    map: Map,
    *,
    focus: str | None = None,
    depth: int | None = None,
    with_critical: bool = False,
) -> Outline:
    """The outline as ``argmap tree`` shows it: :func:`tree` with the statuses and findings of
    :func:`argmap.analysis.check`, and with ``with_critical`` the single points of failure
    (:func:`critical`) marked. Raises :class:`~argmap.errors.QueryError` for an unknown ``focus``.
    """
    if focus is not None:
        _require(map, [focus])
    report = check(map)
    found = critical(map, report.evaluation) if with_critical else ()
    marked = [c.statement for c in found]
    return tree(
        map,
        focus=focus,
        depth=depth,
        evaluation=report.evaluation,
        findings=report.findings,
        critical=marked,
    )


class _TreeBuilder:
    """Walks the map depth first with an explicit stack, appending lines."""

    def __init__(
        self,
        map: Map,
        depth: int | None,
        evaluation: Evaluation | None,
        findings: Iterable[Finding],
        critical: Collection[str],
    ) -> None:
        self.map = map
        self.depth = depth
        self.evaluation = evaluation
        self.critical = frozenset(critical)
        self.findings: dict[str, list[tuple[Code, bool]]] = {}
        for finding in findings:
            marks = self.findings.setdefault(finding.statement, [])
            marks.append((finding.code, finding.acknowledged is not None))
        self.seen: set[str] = set()
        self.lines: list[Line] = []

    def applies(self, inference: str) -> bool | None:
        return None if self.evaluation is None else self.evaluation.applies.get(inference)

    def add_root(self, sid: str) -> None:
        # Stack items: (statement id, role, indentation, statement depth, inference id) to expand,
        # or a finished Line.
        stack: list[tuple[str, Role, int, int, str | None] | Line] = [(sid, Role.ROOT, 0, 0, None)]
        while stack:
            item = stack.pop()
            if isinstance(item, Line):
                self.lines.append(item)
                continue
            sid, role, indent, level, inference = item
            statement = self.map.statements[sid]
            if sid in self.seen:
                self.lines.append(
                    Line(indent, role, sid, inference, kind=statement.kind, seen=True)
                )
                continue
            self.seen.add(sid)
            self.lines.append(self.statement_line(statement, role, indent, inference))
            children = list(self.children(statement, indent + 1, level + 1))
            if not children:
                continue
            if self.depth is not None and level >= self.depth:
                hidden = (len(statement.reasons), len(statement.objections))
                stack.append(Line(indent + 1, Role.MORE, hidden=hidden))
                continue
            stack.extend(reversed(children))

    def add_rest(self) -> None:
        """Statements no thesis rests on: first those nothing rests on, then any left in cycles."""
        premises: set[str] = set()
        for statement in self.map.statements.values():
            premises.update(statement.premise_ids())
            for inference in _inferences(statement):
                if isinstance(inference, Objection):
                    premises.update(inference.premises)
        rest = [sid for sid in self.map.statements if sid not in self.seen]
        if not rest:
            return
        self.lines.append(Line(0, Role.HEADING))
        for sid in rest:
            if sid not in premises and sid not in self.seen:
                self.add_root(sid)
        for sid in rest:
            if sid not in self.seen:
                self.add_root(sid)

    def statement_line(
        self, statement: Statement, role: Role, indent: int, inference: str | None
    ) -> Line:
        sid = statement.id
        return Line(
            indent,
            role,
            sid,
            inference,
            kind=statement.kind,
            text=statement.text,
            hedge=statement.hedge,
            status=None if self.evaluation is None else self.evaluation.status.get(sid),
            findings=tuple(self.findings.get(sid, ())),
            critical=sid in self.critical,
            quote=statement.quote,
            locator=self.map.locator(statement),
        )

    def children(
        self, statement: Statement, indent: int, level: int
    ) -> Iterator[tuple[str, Role, int, int, str | None] | Line]:
        for reason in statement.reasons:
            if len(reason.premises) == 1 and not reason.objections:
                yield (reason.premises[0], Role.SUPPORT, indent, level, reason.id)
                continue
            yield Line(
                indent,
                Role.REASON,
                inference=reason.id,
                linked=reason.linked,
                applies=self.applies(reason.id),
            )
            for premise in reason.premises:
                yield (premise, Role.PREMISE, indent + 1, level, reason.id)
            for undercut in reason.objections:
                yield from self.objection(undercut, Role.UNDERCUT, indent + 1, level)
        for rebuttal in statement.objections:
            yield from self.objection(rebuttal, Role.REBUTTAL, indent, level)

    def objection(
        self, objection: Objection, role: Role, indent: int, level: int
    ) -> Iterator[tuple[str, Role, int, int, str | None] | Line]:
        # Undercuts of undercuts nest as deep as the map writes them; the model's tuples are finite.
        if len(objection.premises) == 1 and not objection.objections:
            yield (objection.premises[0], role, indent, level, objection.id)
            return
        yield Line(
            indent,
            role,
            inference=objection.id,
            linked=len(objection.premises) > 1,
            applies=self.applies(objection.id),
        )
        for premise in objection.premises:
            yield (premise, Role.PREMISE, indent + 1, level, objection.id)
        for undercut in objection.objections:
            yield from self.objection(undercut, Role.UNDERCUT, indent + 1, level)


# Formatting: each line is a list of (word, style) pairs, wrapped to the width, then coloured.

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


def _inferences(statement: Statement) -> Iterator[Reason | Objection]:
    """The statement's reasons, its rebuttals, and every undercut below them, in map order."""
    for reason in statement.reasons:
        yield reason
        yield from walk_objections(reason.objections)
    yield from walk_objections(statement.objections)


# --- stats ---------------------------------------------------------------------------------------


@attrs.frozen
class Stats:
    """Figures about one map."""

    statements: Mapping[str, int]
    """Statements per kind (every kind, in the order of :class:`Kind`)."""
    single_reasons: int
    """Reasons with one premise."""
    linked_reasons: int
    """Reasons with several premises, all needed."""
    rebuttals: int
    """Objections against a statement."""
    undercuts: int
    """Objections against a reason or another objection."""
    deepest_chain: int
    """Reasons in the longest chain of support; a circle of support counts as one step."""
    claims: int
    """Theses and claims."""
    grounded_claims: int
    """Theses and claims that are grounded."""
    evidence_per_thesis: Mapping[str, int]
    """For each thesis, the evidence statements its reasons rest on, directly or further down."""
    findings: Mapping[str, int]
    """Findings per code (codes found only, in the order of :class:`Code`)."""
    acknowledged: Mapping[str, int]
    """Of those, the findings that the map acknowledges."""
    assumed_links: int = 0
    """The mapper's reasons and objections (written with ``assumed:``); the mapper's other items
    are the assumptions, counted in :attr:`statements`."""
    authors_share: Mapping[str, float] = attrs.field(factory=dict)
    """For each thesis, the share (0 to 1) of what is on its side that is the author's, not the
    mapper's (see :func:`argmap.analysis.shares`)."""

    @property
    def total(self) -> int:
        """Statements in the map."""
        return sum(self.statements.values())

    def to_json(self) -> dict[str, object]:
        """The figures as plain JSON data."""
        return {
            "statements": dict(self.statements),
            "reasons": {"single": self.single_reasons, "linked": self.linked_reasons},
            "objections": {"rebuttals": self.rebuttals, "undercuts": self.undercuts},
            "deepest_chain": self.deepest_chain,
            "claims": {"total": self.claims, "grounded": self.grounded_claims},
            "evidence_per_thesis": dict(self.evidence_per_thesis),
            "findings": dict(self.findings),
            "mapper": {
                "assumptions": self.statements.get("assumption", 0),
                "assumed_links": self.assumed_links,
            },
            "authors_share": {t: round(v, 4) for t, v in self.authors_share.items()},
            "acknowledged": dict(self.acknowledged),
        }


def stats(map: Map) -> Stats:
    """Count statements, reasons and objections, measure the support, and tally the findings of
    :func:`argmap.analysis.check`. Linear in the size of the map."""
    report = check(map)
    mapper = shares(map)
    support = _Support(map)
    kinds = dict.fromkeys((kind.value for kind in Kind), 0)
    single = linked = rebuttals = undercuts = 0
    for statement in map.statements.values():
        kinds[statement.kind.value] += 1
        for reason in statement.reasons:
            if reason.linked:
                linked += 1
            else:
                single += 1
            undercuts += sum(1 for _ in walk_objections(reason.objections))
        rebuttals += len(statement.objections)
        undercuts += sum(len(list(walk_objections(o.objections))) for o in statement.objections)
    claims = [s.id for s in map.statements.values() if s.kind.is_claim]
    grounded = sum(1 for sid in claims if report.evaluation.status[sid] is Status.GROUNDED)
    counts = dict.fromkeys((code.value for code in Code), 0)
    acknowledged = dict(counts)
    for finding in report.findings:
        counts[finding.code.value] += 1
        if finding.acknowledged is not None:
            acknowledged[finding.code.value] += 1
    return Stats(
        statements=kinds,
        single_reasons=single,
        linked_reasons=linked,
        rebuttals=rebuttals,
        undercuts=undercuts,
        deepest_chain=_deepest_chain(support),
        claims=len(claims),
        grounded_claims=grounded,
        evidence_per_thesis=_evidence_per_thesis(map, support),
        findings={code: n for code, n in counts.items() if n},
        acknowledged={code: n for code, n in acknowledged.items() if n},
        assumed_links=mapper.assumed_links,
        authors_share=dict(mapper.authors_share),
    )


class _Support:
    """The support graph by statement index, as flat lists (statement ``n`` rests on
    ``targets[starts[n]:starts[n + 1]]``), and its strongly connected components: numbered so that
    a component reaches only components with smaller numbers. Flat lists of ints keep the garbage
    collector out of the way on maps of 100,000 statements."""

    def __init__(self, map: Map) -> None:
        index = {sid: n for n, sid in enumerate(map.statements)}
        self.starts = [0]
        self.targets: list[int] = []
        for statement in map.statements.values():
            self.targets.extend(index[p] for p in statement.premise_ids())
            self.starts.append(len(self.targets))
        self.component_of, self.count = strong_components(self.starts, self.targets)
        self.by_component = sorted(range(len(index)), key=self.component_of.__getitem__)
        """Statements by component, lowest first; map order within a component."""


def _deepest_chain(support: _Support) -> int:
    """Reasons in the longest chain of support, a circle of support counting as one step."""
    starts, targets, component_of = support.starts, support.targets, support.component_of
    height = [0] * support.count
    for node in support.by_component:  # every component after those it rests on
        c = component_of[node]
        best = height[c]
        for edge in range(starts[node], starts[node + 1]):
            other = component_of[targets[edge]]
            if other != c and height[other] + 1 > best:
                best = height[other] + 1
        height[c] = best
    return max(height, default=0)


def _evidence_per_thesis(map: Map, support: _Support) -> dict[str, int]:
    """Evidence below each thesis. Which theses rest on each component is a bit set over the
    theses, passed down from the top; the evidence is then tallied per thesis with bit-sliced
    counters (one bit set per binary digit of the counts), so no set of evidence is ever built."""
    statements = list(map.statements.values())
    starts, targets, component_of = support.starts, support.targets, support.component_of
    theses = [n for n, statement in enumerate(statements) if statement.kind is Kind.THESIS]
    above = [0] * support.count  # bit t: thesis number t rests on this component
    for t, n in enumerate(theses):
        above[component_of[n]] |= 1 << t
    for node in reversed(support.by_component):  # every component after all that rest on it
        c = component_of[node]
        if above[c]:
            for edge in range(starts[node], starts[node + 1]):
                other = component_of[targets[edge]]
                if other != c:
                    above[other] |= above[c]
    digits: list[int] = []  # digits[k]: bit t is digit k of thesis t's count
    for n, statement in enumerate(statements):
        if statement.kind is Kind.EVIDENCE:
            carry = above[component_of[n]]
            k = 0
            while carry:
                if k == len(digits):
                    digits.append(0)
                digits[k], carry = digits[k] ^ carry, digits[k] & carry
                k += 1
    return {
        statements[n].id: sum(((digit >> t) & 1) << k for k, digit in enumerate(digits))
        for t, n in enumerate(theses)
    }


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
        assumptions = figures.statements.get("assumption", 0)
        out.append(
            f"  mapper's items {assumptions + figures.assumed_links} (assumptions {assumptions}, "
            f"assumed links {figures.assumed_links})"
        )
        out.append("  author's share of each thesis's support")
        out += [
            f"    {thesis:<{pad}}  {100 * share:.0f}%"
            for thesis, share in figures.authors_share.items()
        ]
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


# --- whatif --------------------------------------------------------------------------------------


@attrs.frozen
class Change:
    """A statement whose status changes."""

    statement: str
    """The statement's id."""
    kind: Kind
    """The statement's kind."""
    before: Status
    """Its status in the map as written."""
    after: Status
    """Its status with the rejections and grants applied."""


@attrs.frozen
class WhatIf:
    """What changes when some statements are rejected and others granted."""

    reject: tuple[str, ...]
    """Statements treated as false."""
    accept: tuple[str, ...]
    """Statements treated as given."""
    changes: tuple[Change, ...]
    """Every statement whose status changes: theses first, then the rest, each in map order."""
    author_only: bool = False
    """Whether the mapper's reading (assumptions, assumed links) is taken away too."""

    @property
    def theses(self) -> tuple[Change, ...]:
        """The changes of theses."""
        return tuple(c for c in self.changes if c.kind is Kind.THESIS)


def whatif(
    map: Map,
    reject: Collection[str] = (),
    accept: Collection[str] = (),
    *,
    author_only: bool = False,
) -> WhatIf:
    """Evaluate the map again with ``reject`` treated as false and ``accept`` as given (and, with
    ``author_only``, on the author's words alone: every assumption and assumed link taken away),
    and list every statement whose status changes. Raises :class:`~argmap.errors.QueryError` for
    an id the map does not have."""
    reject = tuple(dict.fromkeys(reject))
    accept = tuple(dict.fromkeys(accept))
    _require(map, (*reject, *accept))
    both = sorted(set(reject) & set(accept))
    if both:
        raise QueryError(f"'{both[0]}' cannot be both rejected and accepted")
    before = evaluate(map).status
    reading = evaluate_author_only if author_only else evaluate
    after = reading(map, reject=reject, accept=accept).status
    changes = [
        Change(sid, statement.kind, before[sid], after[sid])
        for sid, statement in map.statements.items()
        if before[sid] is not after[sid]
    ]
    changes.sort(key=lambda c: c.kind is not Kind.THESIS)  # stable: map order within each group
    return WhatIf(reject, accept, tuple(changes), author_only)


def format_whatif(result: WhatIf) -> str:
    """The changes as text, theses first: ``c4: grounded → not-grounded``."""
    what = ["taking away the mapper's reading"] if result.author_only else []
    what += [f"rejecting {', '.join(result.reject)}"] if result.reject else []
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


# --- critical ------------------------------------------------------------------------------------


@attrs.frozen
class Critical:
    """A single point of failure: rejecting this statement alone leaves a grounded thesis without
    ground (not grounded, defeated or undecided)."""

    statement: str
    """The statement's id."""
    theses: tuple[str, ...]
    """The grounded theses that would be left without ground, in map order."""
    carries: int
    """Other statements whose status changes when this one alone is rejected."""


def critical(map: Map, evaluation: Evaluation | None = None) -> tuple[Critical, ...]:
    """The statements whose rejection alone leaves a grounded thesis no longer grounded, most load
    first (by :attr:`Critical.carries`), then in map order.

    Only a grounded statement can be critical: rejecting one that is out changes nothing, and one
    that is undecided takes part in no derivation of a grounded thesis. What rejecting a grounded
    statement brings down through support alone is read off a dominator forest of the grounded
    part of the map (:class:`_Falls`), for all statements at once and in near-linear time: the
    statements that fall are the subtrees of a few nodes, so the theses broken and the count
    carried come from the forest's numbering, without re-evaluating anything. When that fall can
    reach further than support (it takes down an objection, touches an undecided statement, or
    meets an alternative reason that only a circle grounds), the statement is checked exactly
    instead, by evaluating with it rejected the part of the map that rests on it (:class:`_Reach`).
    ``evaluation`` is the map's own, when already known.
    """
    evaluation = evaluation if evaluation is not None else evaluate(map)
    order = {sid: n for n, sid in enumerate(map.statements)}
    theses = [s.id for s in map.theses if evaluation.status[s.id] is Status.GROUNDED]
    with _collector_paused():  # the many small lists built here hold no cycles
        falls = _Falls(map, evaluation)
        found: list[Critical] = []
        inexact: list[str] = []
        for sid in map.statements:
            fall = falls.of(sid)
            if fall is None:  # not grounded: rejecting it cannot unground a thesis
                continue
            if not fall.exact:
                inexact.append(sid)
            elif fall.theses:
                found.append(Critical(sid, fall.theses, fall.statements - 1))
        if inexact:
            needs = _Needs(map, evaluation).solve()
            candidates: set[str] = set()
            for thesis in theses:
                candidates.update(set(needs[thesis] or map.statements) - {thesis})
            inexact = [sid for sid in inexact if sid in candidates]
        reach = _Reach(map, evaluation)
        before = evaluation.status
        for sid in inexact:
            after = reach.rejecting(sid)
            broken = tuple(
                t for t in theses if t != sid and after.get(t, before[t]) is not Status.GROUNDED
            )
            if broken:  # the candidate is grounded, so its own change is not counted
                carries = sum(1 for x, status in after.items() if status is not before[x]) - 1
                found.append(Critical(sid, broken, carries))
    found.sort(key=lambda c: (-c.carries, order[c.statement]))
    return tuple(found)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic lists are built: on a large map
    it would otherwise walk the whole map again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@attrs.frozen
class _Fall:
    """What rejecting one grounded statement brings down through support."""

    theses: tuple[str, ...]
    """The other grounded theses that fall, in map order."""
    statements: int
    """The statements that fall, the rejected one included."""
    exact: bool
    """Nothing else changes; when false the statement must be checked by evaluation."""


class _Falls:
    """Which grounded statements and applying inferences fall when one statement is rejected,
    counting support alone: a claim falls when all of its applying reasons fall, a reason or
    objection when one of its premises falls.

    The nodes (statements first, in map order, then reasons and objections) are visited in an
    order in which each grounded node comes after the inputs that ground it (those of its reasons
    that apply and come earlier, for a claim). The set of nodes in every derivation of node ``n``
    is ``{n}``, plus ``own[n]``, plus that of ``up[n]``: ``up`` is a forest, as in dominator
    trees. For a claim, ``up`` is the nearest common ancestor of its reasons (Cooper, Harvey and
    Kennedy's intersection) and ``own`` what the reasons share below it; for an inference, ``up``
    is its deepest premise and ``own`` the statements the other premises add. Rejecting ``x``
    then brings down exactly the subtrees of ``x`` and of the nodes whose ``own`` holds ``x``.

    A node is *open* when its fall could change more than support shows: it is an objection, an
    undecided inference rests on it, or it is a claim with an applying reason that comes after it
    (grounded only through a circle that may pass through the claim). A fall that reaches an open
    node is not exact."""

    def __init__(self, map: Map, evaluation: Evaluation) -> None:
        status, applies = evaluation.status, evaluation.applies
        statements = list(map.statements.values())
        self.count_statements = count_statements = len(statements)
        number = {s.id: n for n, s in enumerate(statements)}
        inferences: list[Reason | Objection] = []
        for statement in statements:
            for inference in _inferences(statement):
                number[inference.id] = count_statements + len(inferences)
                inferences.append(inference)
        count = count_statements + len(inferences)
        grounded = [status[s.id] is Status.GROUNDED for s in statements]
        undecided = [status[s.id] is Status.UNDECIDED for s in statements]
        for inference in inferences:
            grounded.append(applies.get(inference.id, False))
            undecided.append(
                not grounded[-1]
                and all(status[p] is not Status.NOT_GROUNDED for p in inference.premises)
                and all(status[p] is not Status.DEFEATED for p in inference.premises)
                and not any(applies.get(u.id, False) for u in inference.objections)
            )
        self.grounded = grounded
        opened = [False] * count
        # Support among grounded nodes: a claim's applying reasons, an inference's premises.
        users: list[list[int]] = [[] for _ in range(count)]
        waiting = [0] * count
        sources: list[list[int]] = [[] for _ in range(count)]
        ready: list[int] = []
        for n, statement in enumerate(statements):
            if undecided[n]:  # a reason that falls may leave it out
                for reason in statement.reasons:
                    opened[number[reason.id]] = True
            if not grounded[n]:
                continue
            if not statement.kind.is_claim:  # given: the fall of its reasons leaves it standing
                ready.append(n)
                continue
            for reason in statement.reasons:
                r = number[reason.id]
                if grounded[r]:
                    users[r].append(n)
        for k, inference in enumerate(inferences):
            n = count_statements + k
            premises = [number[p] for p in inference.premises]
            for p in premises:
                if undecided[n]:
                    opened[p] = True
                elif grounded[n]:
                    users[p].append(n)
            if grounded[n]:
                waiting[n] = len(premises)
                opened[n] = opened[n] or isinstance(inference, Objection)
                if not premises:
                    ready.append(n)
        # Visit in derivation order (Kahn's algorithm over support); a claim is ready with its
        # first reason, and the reasons it gathers before it is visited are its inputs.
        visited = [False] * count
        order: list[int] = []
        ready.reverse()
        while ready:
            n = ready.pop()
            if visited[n]:
                continue
            visited[n] = True
            order.append(n)
            for user in users[n]:
                if visited[user]:  # a claim already grounded by an earlier reason
                    opened[user] = True
                    continue
                sources[user].append(n)
                if user < count_statements:
                    if len(sources[user]) == 1:
                        ready.append(user)
                else:
                    waiting[user] -= 1
                    if waiting[user] == 0:
                        ready.append(user)
        # A claim with several applying reasons may owe one of them to a cycle through itself when
        # an objection lies anywhere below the reason that grounds it first: all are then open.
        attacked = [False] * count
        for k, inference in enumerate(inferences):
            n = count_statements + k
            if inference.objections:
                attacked[n] = True
        for n, statement in enumerate(statements):
            attacked[n] = bool(statement.objections)
        shaky = attacked
        for n in order:
            if any(shaky[m] for m in sources[n]):
                shaky[n] = True
        for n, statement in enumerate(statements):
            if not any(shaky[m] for m in sources[n]):
                continue
            reasons = [number[r.id] for r in statement.reasons if grounded[number[r.id]]]
            if len(reasons) > 1:
                opened[n] = True
                for r in reasons:
                    opened[r] = True
        self.opened = opened
        # The forest: up, own, depth, in derivation order.
        up = [-1] * count
        depth = [0] * (count + 1)  # depth[-1], the virtual root above every tree, is 0
        own: dict[int, frozenset[int]] = {}
        self.up, self.depth, self.own = up, depth, own
        for n in order:
            inputs = sources[n]
            if not inputs:
                pass
            elif n < count_statements:
                up[n], shared = self._meet(inputs)
                if shared:
                    own[n] = shared
            else:
                main = max(inputs, key=depth.__getitem__)
                extra: set[int] = set()
                for other in inputs:
                    if other != main:
                        extra |= self._below(other, self._ancestor(other, main))
                up[n] = main
                if extra:
                    own[n] = frozenset(extra)
            depth[n] = depth[up[n]] + 1
        self.ids = [s.id for s in statements]
        self.index = {sid: n for n, sid in enumerate(self.ids)}
        self._number(order, [n for n, s in enumerate(statements) if s.kind is Kind.THESIS])

    def _ancestor(self, a: int, b: int) -> int:
        """The nearest common ancestor of ``a`` and ``b`` in the forest, -1 if none."""
        up, depth = self.up, self.depth
        while a != b:
            if depth[a] >= depth[b]:
                a = up[a]
            else:
                b = up[b]
        return a

    def _below(self, node: int, stop: int) -> set[int]:
        """The statements needed by ``node`` but not by its ancestor ``stop``: those on the way up
        and those the nodes on the way hold."""
        found: set[int] = set()
        while node != stop:
            if node < self.count_statements:
                found.add(node)
            found |= self.own.get(node, frozenset())
            node = self.up[node]
        return found

    def _meet(self, inputs: list[int]) -> tuple[int, frozenset[int]]:
        """The nodes in every derivation through one of ``inputs``, as (ancestor, the rest)."""
        top = inputs[0]
        rest: set[int] = set()
        for other in inputs[1:]:
            common = self._ancestor(top, other)
            rest = (rest | self._below(top, common)) & self._below(other, common)
            top = common
        return top, frozenset(rest)

    def _number(self, order: list[int], theses: list[int]) -> None:
        """Number the forest depth first, with running counts of statements and open nodes, so
        that a subtree is a range of numbers."""
        count = len(self.up)
        children: list[list[int]] = [[] for _ in range(count)]
        roots: list[int] = []
        for n in order:
            (roots if self.up[n] < 0 else children[self.up[n]]).append(n)
        self.first = [0] * count
        self.last = [0] * count
        statements = [0]
        opened = [0]
        visit = 0
        stack = [(root, False) for root in reversed(roots)]
        while stack:
            n, done = stack.pop()
            if done:
                self.last[n] = visit
                continue
            self.first[n] = visit
            visit += 1
            is_statement = n < self.count_statements
            statements.append(statements[-1] + is_statement)
            opened.append(opened[-1] + self.opened[n])
            stack.append((n, True))
            stack.extend((child, False) for child in reversed(children[n]))
        self.statements_upto = statements
        grounded = sorted((self.first[t], t) for t in theses if self.grounded[t])
        self.thesis_at = [number for number, _ in grounded]
        self.theses = [t for _, t in grounded]
        self.opened_upto = opened
        self.holders: dict[int, list[int]] = {}
        for n in order:
            for x in self.own.get(n, ()):
                self.holders.setdefault(x, []).append(n)

    def of(self, sid: str) -> _Fall | None:
        """What rejecting ``sid`` brings down, or None when it is not grounded."""
        x = self.index[sid]
        if not self.grounded[x]:
            return None
        first, last = self.first, self.last
        holders = sorted({x, *self.holders.get(x, ())}, key=first.__getitem__)
        statements = 0
        exact = True
        ranges: list[tuple[int, int]] = []
        for h in holders:
            if ranges and first[h] < ranges[-1][1]:
                continue  # inside a subtree already counted
            ranges.append((first[h], last[h]))
            statements += self.statements_upto[last[h]] - self.statements_upto[first[h]]
            if self.opened_upto[last[h]] != self.opened_upto[first[h]]:
                exact = False
        broken: list[int] = []
        for a, b in ranges:
            start, end = bisect_left(self.thesis_at, a), bisect_left(self.thesis_at, b)
            broken += (self.theses[k] for k in range(start, end))
        theses = tuple(self.ids[t] for t in sorted(broken) if t != x)
        return _Fall(theses, statements, exact)


class _Reach:
    """Evaluates the map with one statement rejected, looking only at what can change."""

    def __init__(self, map: Map, evaluation: Evaluation) -> None:
        self.map = map
        self.status = evaluation.status
        self.rests_on: dict[str, list[str]] = {}
        self.dependents: dict[str, list[str]] = {sid: [] for sid in map.statements}
        for statement in map.statements.values():
            premises = list(
                dict.fromkeys(p for inference in _inferences(statement) for p in inference.premises)
            )
            self.rests_on[statement.id] = premises
            for premise in premises:
                self.dependents[premise].append(statement.id)

    def rejecting(self, rejected: str) -> dict[str, Status]:
        """The statuses, with ``rejected`` rejected, of every statement whose status rests on it;
        the others cannot change. They are evaluated as a map of their own, in which each
        statement they rest on from outside stands in with the same status: given if grounded, a
        claim without reasons if out, a claim supporting itself if undecided."""
        region = {rejected}
        todo = [rejected]
        while todo:
            for dependent in self.dependents[todo.pop()]:
                if dependent not in region:
                    region.add(dependent)
                    todo.append(dependent)
        statements: dict[str, Statement] = {}
        for sid in self.map.statements:  # map order, for a deterministic evaluation
            if sid in region:
                statements[sid] = self.map.statements[sid]
                for premise in self.rests_on[sid]:
                    if premise not in region and premise not in statements:
                        statements[premise] = self.stand_in(premise)
        part = attrs.evolve(self.map, statements=statements)
        after = evaluate(part, reject=[rejected]).status
        return {sid: after[sid] for sid in region}

    def stand_in(self, sid: str) -> Statement:
        status = self.status[sid]
        if status is Status.GROUNDED:
            return Statement(sid, Kind.EVIDENCE, "")
        if status is Status.UNDECIDED:  # "\0" cannot be in an id of a map
            return Statement(sid, Kind.CLAIM, "", reasons=(Reason(f"{sid}\0", (sid,)),))
        return Statement(sid, Kind.CLAIM, "")


_Need = frozenset[int] | None  # statement numbers; None: not yet known, the top of the lattice

NEEDS_BUDGET = 10_000_000
"""Most statement numbers the exact check of :func:`critical` may hold in its sets, about 500 MiB.
Only maps whose objections answer each other thousands deep come near it; a generated map of
100,000 statements needs far less."""


class _Needs:
    """For each statement and reason or objection with a decided label, the statements in every
    derivation of that label: grounded (or applies) for "in", not grounded or defeated (or does not
    apply) for "out".

    Nodes are numbers: statements first, in map order, then reasons and objections. The inputs of
    node ``n`` are ``inputs[starts[n]:starts[n + 1]]``: a statement's reasons then its rebuttals,
    an inference's premises then its undercuts, split at ``split[n]``. Flat lists of ints keep the
    garbage collector out of the way on large maps."""

    def __init__(self, map: Map, evaluation: Evaluation) -> None:
        status, applies = evaluation.status, evaluation.applies
        self.ids = list(map.statements)
        number = {sid: n for n, sid in enumerate(self.ids)}
        inferences: list[Reason | Objection] = []
        for statement in map.statements.values():
            for inference in _inferences(statement):
                number[inference.id] = len(self.ids) + len(inferences)
                inferences.append(inference)
        self.count_statements = len(self.ids)
        self.claim = [s.kind.is_claim for s in map.statements.values()]
        self.label: list[int] = []
        """1 in (grounded, applies), 2 out (not grounded, defeated, does not apply), 0 neither."""
        self.starts = [0]
        self.split: list[int] = []
        self.inputs: list[int] = []
        for statement in map.statements.values():
            state = status[statement.id]
            self.label.append(1 if state is Status.GROUNDED else 2 if state in _OUT else 0)
            self.inputs.extend(number[r.id] for r in statement.reasons)
            self.split.append(len(self.inputs))
            self.inputs.extend(number[o.id] for o in statement.objections)
            self.starts.append(len(self.inputs))
        for inference in inferences:
            if applies.get(inference.id, False):
                self.label.append(1)
            elif any(status[p] in _OUT for p in inference.premises) or any(
                applies.get(u.id, False) for u in inference.objections
            ):
                self.label.append(2)
            else:
                self.label.append(0)
            self.inputs.extend(number[p] for p in inference.premises)
            self.split.append(len(self.inputs))
            self.inputs.extend(number[u.id] for u in inference.objections)
            self.starts.append(len(self.inputs))

    def equation(self, n: int, need: list[_Need]) -> _Need:
        """The node's needed set from its inputs' current sets."""
        label, inputs = self.label, self.inputs
        first, middle, last = (
            inputs[self.starts[n] : self.split[n]],
            self.split[n],
            self.starts[n + 1],
        )
        second = inputs[middle:last]
        if n < self.count_statements:  # first: reasons, second: rebuttals
            if label[n] == 1:
                parts: list[_Need] = [frozenset((n,))]
                if self.claim[n]:
                    parts.append(_meet(need[r] for r in first if label[r] == 1))
                parts += [need[o] for o in second]
                return _join(parts)
            ways = [need[o] for o in second if label[o] == 1]
            if self.claim[n] and all(label[r] == 2 for r in first):
                ways.append(_join(need[r] for r in first))
            out = _meet(ways)
            return None if out is None else out - {n}  # rejecting it keeps it out
        if label[n] == 1:  # first: premises, second: undercuts
            return _join(need[m] for m in (*first, *second))
        either = _meet(
            [need[p] for p in first if label[p] == 2] + [need[u] for u in second if label[u] == 1]
        )
        # Rejecting one of its own premises keeps it from applying.
        return None if either is None else either - frozenset(first)

    def solve(self) -> dict[str, frozenset[str] | None]:
        """Iterate from the top (everything needed) down to the greatest fixpoint, inputs first;
        the needed sets of the statements, by id."""
        label, starts, inputs = self.label, self.starts, self.inputs
        count = len(label)
        users: list[list[int]] = [[] for _ in range(count)]
        for n in range(count):
            if label[n]:
                for m in inputs[starts[n] : starts[n + 1]]:
                    users[m].append(n)
        need: list[_Need] = [None] * count
        held = 0  # statement numbers held in the sets built so far: the memory this takes
        work = _postorder(label, starts, inputs)
        queued = [False] * count
        for n in work:
            queued[n] = True
        work.reverse()  # popped from the end
        while work:
            n = work.pop()
            queued[n] = False
            value = self.equation(n, need)
            if value != need[n]:
                held += len(value or ())
                if held > NEEDS_BUDGET:
                    raise QueryError(
                        "the map's objections are chained too deep to find its single points of "
                        "failure within memory; ask about one statement with --reject instead"
                    )
                need[n] = value
                for user in users[n]:
                    if not queued[user]:
                        queued[user] = True
                        work.append(user)
        ids = self.ids
        return {
            ids[n]: None if need[n] is None else frozenset(ids[m] for m in need[n] or ())
            for n in range(self.count_statements)
        }


def _meet(parts: Iterable[_Need]) -> _Need:
    """Needed by every one of several alternative derivations (none: nothing is needed)."""
    result: _Need = None
    empty = True
    for part in parts:
        empty = False
        if part is not None:
            result = part if result is None else result & part
    return frozenset() if empty else result


def _join(parts: Iterable[_Need]) -> _Need:
    """Needed by a derivation that needs all of several parts."""
    result: set[int] = set()
    for part in parts:
        if part is None:
            return None
        result |= part
    return frozenset(result)


def _postorder(label: list[int], starts: list[int], inputs: list[int]) -> list[int]:
    """The decided nodes in depth-first post-order of their inputs (iterative), so that one pass
    over an acyclic map settles every node the first time it is computed."""
    done = [not decided for decided in label]
    order: list[int] = []
    nodes: list[int] = []
    edges: list[int] = []
    for root in range(len(label)):
        if done[root]:
            continue
        done[root] = True
        nodes.append(root)
        edges.append(starts[root])
        while nodes:
            node, edge, end = nodes[-1], edges[-1], starts[nodes[-1] + 1]
            while edge < end and done[inputs[edge]]:
                edge += 1
            if edge < end:
                edges[-1] = edge + 1
                source = inputs[edge]
                done[source] = True
                nodes.append(source)
                edges.append(starts[source])
            else:
                nodes.pop()
                edges.pop()
                order.append(node)
    return order


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
