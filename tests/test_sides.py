"""Sides: which side of each thesis every statement, reason and objection is on, keeping the side
at each support and flipping it at each attack, at any depth and around cycles."""

from __future__ import annotations

import importlib
import textwrap

import pytest
from hypothesis import given

from argmap.analysis import Side, check, sides
from argmap.analysis.sides import Sides, side_map
from argmap.graph import Graph
from argmap.load import loads
from argmap.model import Map, Objection, Reason
from strategies import examples, shapes


def build(statements: str) -> Map:
    """A map from the YAML of its ``statements`` block."""
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    return loads(f"argmap: 1\ntitle: test\nstatements:\n{body}\n")


def test_an_answer_to_an_objection_is_on_the_thesis_side() -> None:
    """t <- r1 (e1) is for; rebuttal o1 and its premise c-obj are against; c-obj's own rebuttal
    o2 and its premise e-answer are for again; the undercut u1 of o1 and its premise e-u are for;
    an undercut u2 of the thesis's reason r1 is against."""
    m = build("""
        t:
          thesis: T
          reasons:
            - {id: r1, premises: [e1], objections: [{id: u2, premises: [e-u2]}]}
          objections:
            - {id: o1, premises: [c-obj], objections: [{id: u1, premises: [e-u]}]}
        e1: {evidence: E1}
        e-u2: {evidence: EU2}
        c-obj:
          claim: Obj
          reasons: [e-obj]
          objections: [{id: o2, premises: [e-answer]}]
        e-obj: {evidence: EO}
        e-answer: {evidence: EA}
        e-u: {evidence: EU}
    """)
    got = dict(sides(m).of("t"))
    assert got == {
        "t": Side.FOR,
        "e1": Side.FOR,
        "e-u2": Side.AGAINST,
        "c-obj": Side.AGAINST,
        "e-obj": Side.AGAINST,
        "e-answer": Side.FOR,
        "e-u": Side.FOR,
        "r1": Side.FOR,
        "u2": Side.AGAINST,
        "o1": Side.AGAINST,
        "u1": Side.FOR,
        "c-obj.r1": Side.AGAINST,
        "o2": Side.FOR,
    }


def test_a_premise_of_a_reason_and_of_an_objection_is_on_both_sides() -> None:
    """e-both supports t through r1 and is a premise of the rebuttal o1: both; e-other, a
    statement t does not reach, has no side."""
    m = build("""
        t:
          thesis: T
          reasons: [{id: r1, premises: [e-both]}]
          objections: [{id: o1, premises: [e-both, e-against]}]
        e-both: {evidence: B}
        e-against: {evidence: A}
        e-other: {evidence: O}
    """)
    got = sides(m).of("t")
    assert got["e-both"] is Side.BOTH
    assert got["e-against"] is Side.AGAINST
    assert "e-other" not in got


def test_a_cycle_with_an_odd_number_of_attacks_puts_its_members_on_both_sides() -> None:
    """t is rebutted by a, and a rests on t (one attack around the cycle): t is reached against
    itself, so t and a are both. A cycle of two attacks (t rebuts b, b rebuts t) keeps t for and b
    against; the support circle c1 <- c2 <- c1 under t keeps its side."""
    m = build("""
        t:
          thesis: T
          reasons: [c1]
          objections: [{id: o1, premises: [a]}, {id: o3, premises: [b]}]
        a: {claim: A, reasons: [t]}
        b:
          claim: B
          objections: [{id: o2, premises: [t]}]
        c1: {claim: C1, reasons: [c2]}
        c2: {claim: C2, reasons: [c1]}
    """)
    got = sides(m).of("t")
    assert got["t"] is Side.BOTH
    assert got["a"] is Side.BOTH
    assert got["b"] is Side.BOTH  # reached against from t, and through t's against side as well

    two = build("""
        t:
          thesis: T
          reasons: [c1]
          objections: [{id: o3, premises: [b]}]
        b:
          claim: B
          objections: [{id: o2, premises: [t]}]
        c1: {claim: C1, reasons: [c2]}
        c2: {claim: C2, reasons: [c1]}
    """)
    got = sides(two).of("t")
    assert (got["t"], got["b"], got["c1"], got["c2"]) == (
        Side.FOR,
        Side.AGAINST,
        Side.FOR,
        Side.FOR,
    )


def test_each_thesis_has_its_own_sides_and_overall_joins_them() -> None:
    """e is for t1 and against t2 (a premise of t2's rebuttal): overall it is both."""
    m = build("""
        t1: {thesis: T1, reasons: [e]}
        t2: {thesis: T2, reasons: [f], objections: [e]}
        e: {evidence: E}
        f: {evidence: F}
    """)
    result = sides(m)
    assert result.of("t1")["e"] is Side.FOR
    assert result.of("t2")["e"] is Side.AGAINST
    assert result.overall()["e"] is Side.BOTH
    assert result.overall()["f"] is Side.FOR


def test_a_theses_sides_are_worked_out_when_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report carries the sides of every thesis, but works out each only when it is read:
    checking a map walks no thesis's sides, reading one walks that one, once; the sides read
    are those worked out at once, and compare equal to them."""
    module = importlib.import_module("argmap.analysis.sides")  # the name is also the function's

    m = build("""
        t1: {thesis: T1, reasons: [e]}
        t2: {thesis: T2, reasons: [f], objections: [e]}
        e: {evidence: E}
        f: {evidence: F}
    """)
    walked: list[int] = []

    def counted(graph: Graph, thesis: int) -> dict[str, Side]:
        walked.append(thesis)
        return side_map(graph, thesis)

    monkeypatch.setattr(module, "side_map", counted)
    report = check(m)
    assert walked == []
    assert list(report.sides) == ["t1", "t2"]
    assert report.sides.of("t2") == {"t2": Side.FOR, "t2.r1": Side.FOR, "f": Side.FOR,
                                     "t2.o1": Side.AGAINST, "e": Side.AGAINST}  # fmt: skip
    report.sides.of("t2")
    assert walked == [1]
    assert report.sides == Sides({t: side_map(Graph.of(m), n) for n, t in enumerate(["t1", "t2"])})


def _edges(m: Map) -> list[tuple[str, str, bool]]:
    """Every edge of the map, read from the model itself (not the graph): (from, to, flips)."""
    edges: list[tuple[str, str, bool]] = []

    def inference(owner: str, inf: Reason | Objection) -> None:
        edges.extend((inf.id, p, False) for p in inf.premises if p in m.statements)
        for undercut in inf.objections:
            edges.append((inf.id, undercut.id, True))
            inference(owner, undercut)

    for statement in m.statements.values():
        for reason in statement.reasons:
            edges.append((statement.id, reason.id, False))
            inference(statement.id, reason)
        for rebuttal in statement.objections:
            edges.append((statement.id, rebuttal.id, True))
            inference(statement.id, rebuttal)
    return edges


@given(shapes(10))
@examples(300)
def test_sides_keep_at_each_support_flip_at_each_attack_and_nothing_else(m: Map) -> None:
    """For every thesis: the (node, side) pairs are exactly the least set that holds the thesis
    on its own side and is closed under the edges (keep at a support, flip at an attack),
    computed here by naive iteration over the model's own edges until nothing changes."""
    edges = _edges(m)
    result = sides(m)
    for thesis in (s.id for s in m.theses):
        reached = {(thesis, False)}
        changed = True
        while changed:
            changed = False
            for source, target, flips in edges:
                for against in (False, True):
                    if (source, against) in reached and (target, against ^ flips) not in reached:
                        reached.add((target, against ^ flips))
                        changed = True
        expected: dict[str, Side] = {}
        for node, against in reached:
            side = Side.AGAINST if against else Side.FOR
            expected[node] = expected[node] | side if node in expected else side
        assert dict(result.of(thesis)) == expected
