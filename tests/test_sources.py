"""Where evidence comes from: ``by:`` and ``grade:`` as the loader reads them, what a grade lets
evidence earn, the per-source and per-grade counts, and the source findings of ``argmap check``."""

from __future__ import annotations

import textwrap

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import check
from argmap.analysis.confidence import given_level
from argmap.analysis.sources import (
    UNATTRIBUTED,
    depends_on,
    per_grade,
    per_source,
    sources_below,
)
from argmap.dump import dump_map
from argmap.errors import MapError
from argmap.graph import Graph
from argmap.load import loads
from argmap.model import Attribution, Code, Grade, Kind, Level, Map
from strategies import examples, shapes


def build(statements: str) -> Map:
    """A map from the YAML of its ``statements`` block."""
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    return loads(f"argmap: 1\ntitle: test\nstatements:\n{body}\n")


MAP = """
    t: {thesis: T, reasons: [[e1, e2, e3, e4]]}
    e1: {evidence: E1, by: {name: Xu Qiliang, role: CMC vice chairman}, grade: B2}
    e2: {evidence: E2, by: {unnamed: Chinese sources}, grade: f6}
    e3: {evidence: E3, by: xu  qiliang, grade: B2}
    e4: {evidence: E4}
"""


def test_by_and_grade_are_read_and_written_back() -> None:
    """A name, a name with a role, an unnamed source; the grade in either case, written in
    capitals; dumping and loading gives the same map."""
    argmap = build(MAP)
    assert argmap.statements["e1"].by == Attribution("Xu Qiliang", "CMC vice chairman")
    assert argmap.statements["e2"].by == Attribution("Chinese sources", unnamed=True)
    assert argmap.statements["e2"].grade == Grade("F", 6)
    assert loads(dump_map(argmap)) == argmap


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("e: {evidence: E, grade: G7}", "must be a reliability A-F and a credibility 1-6"),
        ("e: {evidence: E, by: {role: minister}}", "needs either a name or"),
        ("e: {evidence: E, by: {name: A, unnamed: B}}", "needs either a name or"),
        ("c: {claim: C, by: Xu}", "only evidence has a source ('by')"),
    ],
)
def test_bad_sources_are_refused_with_their_place(entry: str, message: str) -> None:
    """A grade out of the two scales, a source with no name or two, a source on a claim."""
    with pytest.raises(MapError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build(entry)


@pytest.mark.parametrize(
    ("grade", "level"),
    [
        (None, Level.ALMOST_CERTAIN),
        ("A1", Level.ALMOST_CERTAIN),
        ("B1", Level.VERY_LIKELY),
        ("A2", Level.LIKELY),
        ("C3", Level.EVEN_CHANCE),
        ("E5", Level.VERY_UNLIKELY),
        ("F6", Level.ALMOST_CERTAIN),
    ],
)
def test_a_grade_caps_what_evidence_earns(grade: str | None, level: Level) -> None:
    """The lower of the two parts counts; F and 6 (cannot be judged) cap nothing."""
    entry = f"e: {{evidence: E, grade: {grade}}}" if grade else "e: {evidence: E}"
    argmap = build(entry)
    assert given_level(argmap.statements["e"]) is level
    assert check(argmap).earned["e"] is level


def test_evidence_is_counted_per_source_and_per_grade() -> None:
    """Sources are told apart by name, case and spacing ignored; the evidence with no source
    comes last; grades in order, ungraded last."""
    graph = Graph(build(MAP))
    rows = per_source(graph)
    assert [(r.source, r.evidence) for r in rows] == [
        ("Xu Qiliang", ("e1", "e3")),
        ("Chinese sources", ("e2",)),
        (UNATTRIBUTED, ("e4",)),
    ]
    assert str(rows[0]) == "Xu Qiliang, CMC vice chairman: 2 pieces of evidence"
    assert str(rows[1]) == "Chinese sources (unnamed): 1 piece of evidence"
    assert per_grade(graph) == {"B2": 2, "F6": 1, "ungraded": 1}


def test_evidence_without_a_source_keeps_a_thesis_from_the_source_findings() -> None:
    """A source not given may be another: one source or unnamed-only is not claimed then."""
    found = {
        f.code
        for f in check(build(MAP.replace("e2, e3, e4", "e3, e4").replace("e2,", ""))).findings
    }
    assert Code.SINGLE_SOURCE not in found


def test_an_answer_from_an_unnamed_source_is_a_dependency() -> None:
    """Evidence that answers an objection against the thesis is something it depends on."""
    found = [
        (f.statement, f.message)
        for f in check(
            build("""
                t: {thesis: T, reasons: [e], objections: [{id: o, premises: e2, objections: [u]}]}
                e: {evidence: E, at: 1, by: Xu}
                e2: {evidence: E2, at: 2, by: Gabuev}
                u: {evidence: U, at: 3, by: {unnamed: insiders}}
            """)
        ).findings
        if f.code is Code.UNNAMED_SOURCE
    ]
    assert found == [
        (
            "u",
            "evidence u is from an unnamed source (\u201cinsiders\u201d) and thesis t depends "
            "on it",
        )
    ]


def test_a_thesis_resting_on_one_source_through_a_circle_is_found() -> None:
    """Support that runs in a circle with a way in still has that way's source."""
    found = [
        (f.statement, f.message)
        for f in check(
            build("""
                t: {thesis: T, reasons: [c1]}
                c1: {claim: C1, reasons: [c2, e]}
                c2: {claim: C2, reasons: [c1]}
                e: {evidence: E, at: 1, by: {name: The White Paper}}
            """)
        ).findings
        if f.code is Code.SINGLE_SOURCE
    ]
    assert found == [
        ("t", "all the evidence thesis t depends on comes from one source: The White Paper")
    ]


@examples(300)
@given(shapes(max_statements=10), st.lists(st.sampled_from([0, 1, 2, 3]), max_size=12))
def test_the_sources_below_a_statement_are_those_of_the_evidence_it_reaches(
    argmap: Map, picks: list[int]
) -> None:
    """On maps with circles and objections, each piece of evidence from source A, B, an unnamed
    one or none: what :func:`sources_below` says of each statement is what walking everything it
    depends on (:func:`depends_on`, itself included) finds: up to two distinct sources, named
    ones among them when there are any, and whether any evidence has no source."""
    names = [Attribution("A"), Attribution("B"), Attribution("u", unnamed=True), None]
    turn = iter(picks * 20 or [3] * 20)
    statements = {
        sid: attrs.evolve(s, by=names[next(turn)]) if s.kind is Kind.EVIDENCE else s
        for sid, s in argmap.statements.items()
    }
    graph = Graph(attrs.evolve(argmap, statements=statements))
    below = sources_below(graph)
    for node in range(graph.n_statements):
        seen, frontier = {node}, [node]
        while frontier:
            frontier = [p for n in frontier for p, _ in depends_on(graph, n) if p not in seen]
            seen.update(frontier)
        evidence = [graph.statements[n] for n in seen if graph.statements[n].kind is Kind.EVIDENCE]
        keys = {s.by.key for s in evidence if s.by is not None}
        found = below[node]
        assert set(found.keys) <= keys
        assert len(found.keys) == min(2, len(keys)) == len(set(found.keys))
        assert found.named == any(s.by is not None and not s.by.unnamed for s in evidence)
        assert found.unattributed == any(s.by is None for s in evidence)
