"""The labels and findings of ``argmap check``, pinned on small hand-worked maps.

Each map is written as YAML and read with the loader, as a user's map would be. Labels follow
grounded semantics: a reason applies when all its premises are grounded and no undercut applies; a
claim is grounded when a reason applies and no rebuttal does; what the fixpoint cannot settle is
undecided.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import (
    SourceText,
    check,
    evaluate,
    normalise_quote,
    normalise_statement,
)
from argmap.errors import QueryError
from argmap.load import load_map, loads
from argmap.model import Code, Map, Objection
from argmap.status import Severity, Status
from strategies import examples, maps, shapes

G, N, D, U = Status.GROUNDED, Status.NOT_GROUNDED, Status.DEFEATED, Status.UNDECIDED


def build(statements: str) -> Map:
    """A map from the YAML of its ``statements`` block, with one section ``s`` that starts at
    the first words of :data:`SOURCE`."""
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    head = "sections: {s: {title: S, starts: In the spring}}\n"
    return loads(f"argmap: 1\ntitle: test\nstatements:\n{body}\n{head}")


def labels(statements: str, **kwargs: tuple[str, ...]) -> dict[str, Status]:
    return dict(evaluate(build(statements), **kwargs).status)


def codes(argmap: Map, source: str | None = None) -> list[tuple[str, Code]]:
    """The findings that are not acknowledged, as (statement, code)."""
    findings = check(argmap, source=source).findings
    return [(f.statement, f.code) for f in findings if f.acknowledged is None]


# --- labels: support -----------------------------------------------------------------------------


def test_evidence_and_assumptions_are_given() -> None:
    """Evidence and assumptions are grounded without reasons; a claim without reasons is not."""
    assert labels("""
        t: {thesis: T, reasons: [[e, a]]}
        e: {evidence: E}
        a: {assumption: A}
        c: {claim: C}
    """) == {"t": G, "e": G, "a": G, "c": N}


def test_linked_premises_are_all_needed() -> None:
    """Co-premises of one reason support only together: one ungrounded premise sinks the reason."""
    assert (
        labels("""
        t: {thesis: T, reasons: [[e, c]]}
        e: {evidence: E}
        c: {claim: C}
    """)["t"]
        is N
    )


def test_convergent_reasons_each_suffice() -> None:
    """Separate reasons are independent: one that applies is enough, whatever the others do."""
    assert (
        labels("""
        t: {thesis: T, reasons: [e, c]}
        e: {evidence: E}
        c: {claim: C}
    """)["t"]
        is G
    )


def test_support_is_transitive() -> None:
    """A claim grounded through a chain of claims grounds what rests on it."""
    assert labels("""
        t: {thesis: T, reasons: [c1]}
        c1: {claim: C1, reasons: [c2]}
        c2: {claim: C2, reasons: [e]}
        e: {evidence: E}
    """) == {"t": G, "c1": G, "c2": G, "e": G}


def test_applies_says_which_reasons_apply() -> None:
    """Every reason and objection id is in ``applies``: True exactly when it applies."""
    evaluation = evaluate(
        build("""
        t: {thesis: T, reasons: [e, c], objections: [c]}
        e: {evidence: E}
        c: {claim: C}
    """)
    )
    assert evaluation.applies == {"t.r1": True, "t.r2": False, "t.o1": False}


# --- labels: attack ------------------------------------------------------------------------------


def test_unanswered_rebuttal_defeats() -> None:
    """A rebuttal whose premises are grounded defeats its target, even a well-supported one."""
    assert (
        labels("""
        t: {thesis: T, reasons: [e1], objections: [e2]}
        e1: {evidence: E1}
        e2: {evidence: E2}
    """)["t"]
        is D
    )


def test_rebuttal_answered_by_attacking_its_premise() -> None:
    """An objection against the rebuttal's premise answers it: the target stands again."""
    assert labels("""
        t: {thesis: T, reasons: [e1], objections: [e2]}
        e1: {evidence: E1}
        e2: {evidence: E2, objections: [e3]}
        e3: {evidence: E3}
    """) == {"t": G, "e1": G, "e2": D, "e3": G}


def test_rebuttal_answered_by_undercutting_it() -> None:
    """An undercut of the rebuttal itself answers it, while the rebuttal's premise stays true."""
    assert labels("""
        t:
          thesis: T
          reasons: [e1]
          objections:
            - {id: o, premises: e2, objections: [e3]}
        e1: {evidence: E1}
        e2: {evidence: E2}
        e3: {evidence: E3}
    """) == {"t": G, "e1": G, "e2": G, "e3": G}


def test_rebuttal_with_ungrounded_premise_does_nothing() -> None:
    """An objection applies only when its premises are grounded."""
    assert (
        labels("""
        t: {thesis: T, reasons: [e1], objections: [c]}
        e1: {evidence: E1}
        c: {claim: C}
    """)["t"]
        is G
    )


def test_undercut_stops_a_reason_but_not_its_premise() -> None:
    """An undercut denies that the premises support the claim: the premise stays grounded, the
    claim loses that reason."""
    argmap = build("""
        t:
          thesis: T
          reasons:
            - {id: r, premises: e1, objections: [e2]}
        e1: {evidence: E1}
        e2: {evidence: E2}
    """)
    evaluation = evaluate(argmap)
    assert evaluation.status == {"t": N, "e1": G, "e2": G}
    assert evaluation.applies == {"r": False, "r.o1": True}


def test_undercut_answered() -> None:
    """Attacking the undercut's premise restores the reason."""
    assert (
        labels("""
        t:
          thesis: T
          reasons:
            - {id: r, premises: e1, objections: [e2]}
        e1: {evidence: E1}
        e2: {evidence: E2, objections: [e3]}
        e3: {evidence: E3}
    """)["t"]
        is G
    )


def test_undercut_of_one_reason_leaves_the_other() -> None:
    """A claim with two reasons survives the undercut of one of them."""
    assert (
        labels("""
        t:
          thesis: T
          reasons:
            - {id: r, premises: e1, objections: [e2]}
            - e3
        e1: {evidence: E1}
        e2: {evidence: E2}
        e3: {evidence: E3}
    """)["t"]
        is G
    )


def test_evidence_can_be_defeated() -> None:
    """Evidence is given unless an objection against it applies."""
    assert labels("""
        t: {thesis: T, reasons: [e1]}
        e1: {evidence: E1, objections: [e2]}
        e2: {evidence: E2}
    """) == {"t": N, "e1": D, "e2": G}


def test_even_attack_cycle_is_undecided() -> None:
    """Two statements that rebut each other, with nothing else to decide: both undecided, and so is
    what rests on them. Grounded semantics does not guess."""
    assert labels("""
        t: {thesis: T, reasons: [a]}
        a: {evidence: A, objections: [b]}
        b: {evidence: B, objections: [a]}
    """) == {"t": U, "a": U, "b": U}


def test_odd_attack_cycle_is_undecided() -> None:
    """Three statements attacking each other round a circle are all undecided."""
    assert labels("""
        a: {evidence: A, objections: [b]}
        b: {evidence: B, objections: [c]}
        c: {evidence: C, objections: [a]}
    """) == {"a": U, "b": U, "c": U}


def test_attack_cycle_broken_from_outside() -> None:
    """Defeating one side of an attack cycle from outside decides the cycle."""
    assert labels("""
        a: {evidence: A, objections: [b]}
        b: {evidence: B, objections: [a, x]}
        x: {evidence: X}
    """) == {"a": G, "b": D, "x": G}


def test_support_only_circle_is_undecided() -> None:
    """Claims whose support runs only in a circle are undecided: the cautious answer."""
    assert labels("""
        t: {thesis: T, reasons: [c1]}
        c1: {claim: C1, reasons: [c2]}
        c2: {claim: C2, reasons: [c1]}
    """) == {"t": U, "c1": U, "c2": U}


def test_support_circle_with_a_way_in_is_grounded() -> None:
    """A circle with one reason from outside it is grounded all round."""
    assert labels("""
        c1: {claim: C1, reasons: [c2, e]}
        c2: {claim: C2, reasons: [c1]}
        e: {evidence: E}
    """) == {"c1": G, "c2": G, "e": G}


def test_decided_out_beats_undecided() -> None:
    """A linked reason with one premise out fails even when the other is undecided."""
    assert (
        labels("""
        t: {thesis: T, reasons: [[a, c]]}
        a: {evidence: A, objections: [b]}
        b: {evidence: B, objections: [a]}
        c: {claim: C}
    """)["t"]
        is N
    )


def test_reject_and_accept() -> None:
    """What-if: rejecting a statement treats it as false; accepting one treats it as given. An id
    the map does not have is the project's QueryError, with the closest id when there is one."""
    statements = """
        t: {thesis: T, reasons: [c], objections: [e2]}
        c: {claim: C}
        e2: {evidence: E2}
    """
    assert labels(statements) == {"t": D, "c": N, "e2": G}
    assert labels(statements, accept=("c",), reject=("e2",)) == {"t": G, "c": G, "e2": N}
    with pytest.raises(QueryError, match=r"^no statement 'nope' in the map$"):
        evaluate(build(statements), reject=("nope",))
    with pytest.raises(QueryError, match=r"^no statement 'e' in the map \(did you mean 'e2'\?\)$"):
        evaluate(build(statements), accept=("e",))


# --- labels: scale -------------------------------------------------------------------------------


def test_long_chain_of_reasons(long_chain: int) -> None:
    """Evaluation, findings and verdicts are iterative: a chain of thousands of reasons works."""
    n = long_chain
    lines = [f"c{i}: {{claim: C{i}, reasons: [c{i + 1}]}}" for i in range(n)]
    lines[0] = "c0: {thesis: C0, reasons: [c1]}"
    lines.append(f"c{n}: {{evidence: E}}")
    report = check(build("\n".join(lines)))
    assert set(report.evaluation.status.values()) == {G}
    lines[-1] = f"c{n}: {{claim: E}}"
    report = check(build("\n".join(lines)))
    (verdict,) = report.verdicts
    assert verdict.status is N
    assert len(verdict.chain) == n + 1
    assert verdict.why == f"c{n} has no reasons"


def test_long_support_circle(long_chain: int) -> None:
    """A circle of thousands of claims is undecided, and reported once, with the circle
    shortened."""
    n = long_chain
    lines = [f"c{i}: {{claim: C{i}, reasons: [c{(i + 1) % n}]}}" for i in range(n)]
    report = check(build("\n".join(lines)))
    assert set(report.evaluation.status.values()) == {U}
    circular = [f for f in report.findings if f.code is Code.CIRCULAR]
    assert len(circular) == 1
    assert circular[0].statement == "c0"
    # n + 1 names (c0 again at the end), of which the first 12 and the last 3 are shown.
    assert f"c11 <- ... {n - 14:,} more ... <- c{n - 2} <- c{n - 1} <- c0" in circular[0].message


def test_long_attack_cycle(long_chain: int) -> None:
    """A ring of thousands of statements each attacking the next is undecided, odd length or not,
    and the verdict of a thesis resting on it names the ring."""
    n = long_chain + 1
    lines = [f"e{i}: {{evidence: E{i}, at: 1, objections: [e{(i + 1) % n}]}}" for i in range(n)]
    lines.append("t: {thesis: T, reasons: [e0]}")
    report = check(build("\n".join(lines)))
    assert set(report.evaluation.status.values()) == {U}
    (verdict,) = report.verdicts
    assert verdict.chain == ("t", "e0")
    assert verdict.why.startswith("attack cycle e0 <- e1 <- e2")
    assert verdict.why.endswith(f"... <- e{n - 2} <- e{n - 1} <- e0 cannot be decided")


def test_claim_with_10000_reasons() -> None:
    """A claim with 10,000 reasons, only the last of which applies, is grounded; without that
    one it is ungrounded, and the message names the first few reasons that fail."""
    n = 10_000
    reasons = ", ".join(f"c{i}" for i in range(n))
    lines = [f"t: {{thesis: T, reasons: [{reasons}, e]}}", "e: {evidence: E}"]
    lines += [f"c{i}: {{claim: C{i}}}" for i in range(n)]
    argmap = build("\n".join(lines))
    assert evaluate(argmap).status["t"] is G
    lines[0] = f"t: {{thesis: T, reasons: [{reasons}]}}"
    report = check(build("\n".join(lines)))
    ungrounded = report.findings[0]
    assert (ungrounded.statement, ungrounded.code) == ("t", Code.UNGROUNDED)
    assert ungrounded.message == (
        "thesis t: none of its 10,000 reasons applies: c0 is not grounded; c1 is not grounded; "
        "c2 is not grounded; ..."
    )


def test_reasons_failing_at_one_premise_give_one_cause() -> None:
    """Two reasons that fail at the same premise (the author's, and the mapper's linked reading
    of it) are one cause of the claim's failing, said once; a third cause follows it."""
    report = check(
        build(
            "t: {thesis: T, reasons: [c, {assumed: [c, e]}, d]}\n"
            "c: {claim: C}\nd: {claim: D}\ne: {evidence: E, at: 1}"
        )
    )
    ungrounded = report.findings[0]
    assert (ungrounded.statement, ungrounded.code) == ("t", Code.UNGROUNDED)
    assert ungrounded.message == (
        "thesis t: none of its 3 reasons applies: c is not grounded; d is not grounded"
    )


# --- verdicts ------------------------------------------------------------------------------------


def test_verdict_chain_goes_down_to_where_support_runs_out() -> None:
    """A thesis that is not grounded is explained by the chain to the claim with no reasons."""
    report = check(
        build("""
        t: {thesis: T, reasons: [c4]}
        c4: {claim: C4, reasons: [[e, c9]]}
        c9: {claim: C9}
        e: {evidence: E}
    """)
    )
    (verdict,) = report.verdicts
    assert (verdict.status, verdict.chain) == (N, ("t", "c4", "c9"))
    assert str(verdict) == "t: not-grounded: t <- c4 <- c9: c9 has no reasons"


def test_verdicts_explain_defeat_undercut_and_cycles() -> None:
    """Each kind of failure names its cause: the objection, the undercut, or the cycle."""
    report = check(
        build("""
        t1: {thesis: T1, reasons: [e], objections: [e2]}
        t2:
          thesis: T2
          reasons:
            - {id: r, premises: e, objections: [e2]}
        t3: {thesis: T3, reasons: [c1]}
        c1: {claim: C1, reasons: [c2]}
        c2: {claim: C2, reasons: [c1]}
        t4: {thesis: T4, reasons: [a]}
        a: {evidence: A, objections: [b]}
        b: {evidence: B, objections: [a]}
        t5: {thesis: T5, reasons: [e]}
        e: {evidence: E}
        e2: {evidence: E2}
    """)
    )
    assert [str(v) for v in report.verdicts] == [
        "t1: defeated: t1: t1 is defeated by objection t1.o1 (e2)",
        "t2: not-grounded: t2: reason r is undercut by objection r.o1 (e2)",
        "t3: undecided: t3 <- c1: support runs only in a circle: c1 <- c2 <- c1",
        "t4: undecided: t4 <- a: attack cycle a <- b <- a cannot be decided",
        "t5: grounded",
    ]


# --- the Carneades examples ----------------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"


@pytest.mark.parametrize("name", ["linked-convergent", "unsupported2"])
def test_carneades_examples_get_their_expected_labels(name: str) -> None:
    """Carneades' own examples, translated into argmap maps, get the labels its tests expect:
    ``in`` is grounded, ``undecided`` undecided, ``out`` anything out."""
    expected_file = SHARED / "corpus" / "carneades" / f"{name}.yml"
    if not expected_file.exists():
        pytest.skip(f"the shared corpus is not beside the checkout ({expected_file} is absent)")
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))["tests"]
    argmap = loads((FIXTURES / f"carneades-{name}.argmap.yaml").read_text(encoding="utf-8"))
    status = evaluate(argmap).status
    # Carneades names statements as p, ¬p, ¬app(a1); the translation spells them not-p, no-a1.
    rename = {"¬p": "not-p", "¬app(a1)": "no-a1"}
    seen = set()
    for label, wanted in (("in", {G}), ("out", {N, D}), ("undecided", {U})):
        for carneades_id in expected.get(label) or ():
            ours = rename.get(carneades_id, carneades_id)
            seen.add(ours)
            assert status[ours] in wanted, (carneades_id, label, status[ours])
    assert seen == set(status)


# --- findings: each triggered, and not by a near-identical map --------------------------------

CASES = {
    Code.UNSUPPORTED: (
        "t: {thesis: T, reasons: [e, c]}\ne: {evidence: E, at: 1}\nc: {claim: C}",
        "t: {thesis: T, reasons: [e, c]}\ne: {evidence: E, at: 1}\nc: {claim: C, reasons: [e]}",
        "c",
    ),
    Code.UNGROUNDED: (
        "t: {thesis: T, reasons: [c]}\nc: {claim: C, reasons: [[e, c2]]}\n"
        "e: {evidence: E, at: 1}\nc2: {claim: C2, ack: {unsupported: The text says so.}}",
        "t: {thesis: T, reasons: [c]}\nc: {claim: C, reasons: [[e, c2]]}\n"
        "e: {evidence: E, at: 1}\nc2: {claim: C2, reasons: [e]}",
        "c",
    ),
    Code.CIRCULAR: (
        "t: {thesis: T, reasons: [c1]}\nc1: {claim: C1, reasons: [c2, e]}\n"
        "c2: {claim: C2, reasons: [c1]}\ne: {evidence: E, at: 1}",
        "t: {thesis: T, reasons: [c1]}\nc1: {claim: C1, reasons: [c2, e]}\n"
        "c2: {claim: C2, reasons: [e]}\ne: {evidence: E, at: 1}",
        "c1",
    ),
    Code.DEFEATED: (
        "t: {thesis: T, reasons: [e], objections: [e2]}\ne: {evidence: E, at: 1}\n"
        "e2: {evidence: E2, at: 2}",
        "t: {thesis: T, reasons: [e], objections: [e2]}\ne: {evidence: E, at: 1}\n"
        "e2: {evidence: E2, at: 2, objections: [e3]}\ne3: {evidence: E3, at: 3}",
        "t",
    ),
    Code.CONTESTED: (
        "t:\n  thesis: T\n  reasons:\n    - {id: r, premises: e, objections: [e2]}\n"
        "e: {evidence: E, at: 1}\ne2: {evidence: E2, at: 2}",
        "t:\n  thesis: T\n  reasons:\n    - {id: r, premises: e, objections: [e2]}\n"
        "e: {evidence: E, at: 1}\ne2: {evidence: E2, at: 2, objections: [e3]}\n"
        "e3: {evidence: E3, at: 3}",
        "t",
    ),
    Code.ORPHAN: (
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, at: 1}\ne2: {evidence: E2, at: 2}",
        "t: {thesis: T, reasons: [e, e2]}\ne: {evidence: E, at: 1}\ne2: {evidence: E2, at: 2}",
        "e2",
    ),
    Code.UNTRACEABLE: (
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E}",
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, quote: e}",
        "e",
    ),
    Code.HEDGED_LOAD: (
        "t: {thesis: T, reasons: [c]}\nc: {claim: C, reasons: [e], hedge: most likely}\n"
        "e: {evidence: E, at: 1}",
        "t: {thesis: T, reasons: [c]}\nc: {claim: C, reasons: [e]}\ne: {evidence: E, at: 1}",
        "c",
    ),
    Code.UNKNOWN_HEDGE: (
        "t: {thesis: T, reasons: [e], hedge: arguably}\ne: {evidence: E, at: 1}",
        "t: {thesis: T, reasons: [e], hedge: arguably, level: likely}\ne: {evidence: E, at: 1}",
        "t",
    ),
    Code.OVERSTATED: (
        "t: {thesis: T, reasons: [e], certainty: it is clear}\n"
        "e: {evidence: E, at: 1, level: likely}",
        "t: {thesis: T, reasons: [e], hedge: likely}\ne: {evidence: E, at: 1, level: likely}",
        "t",
    ),
    Code.SINGLE_SOURCE: (
        "t: {thesis: T, reasons: [[e, e2]]}\ne: {evidence: E, at: 1, by: Xu}\n"
        "e2: {evidence: E2, at: 2, by: {name: ' xu', role: general}}",
        "t: {thesis: T, reasons: [[e, e2]]}\ne: {evidence: E, at: 1, by: Xu}\n"
        "e2: {evidence: E2, at: 2, by: {name: Gabuev, role: analyst}}",
        "t",
    ),
    Code.UNNAMED_ONLY: (
        "t: {thesis: T, reasons: [[e, e2]]}\n"
        "e: {evidence: E, at: 1, by: {unnamed: sources}, ack: {unnamed-source: as written}}\n"
        "e2: {evidence: E2, at: 2, by: {unnamed: officials}, ack: {unnamed-source: as written}}",
        "t: {thesis: T, reasons: [[e, e2]]}\n"
        "e: {evidence: E, at: 1, by: {unnamed: sources}, ack: {unnamed-source: as written}}\n"
        "e2: {evidence: E2, at: 2, by: Xu}",
        "t",
    ),
    Code.UNNAMED_SOURCE: (
        "t: {thesis: T, reasons: [[e, e2]]}\ne: {evidence: E, at: 1, by: {unnamed: sources}}\n"
        "e2: {evidence: E2, at: 2, by: Xu}",
        "t: {thesis: T, reasons: [[e, e2]]}\ne: {evidence: E, at: 1, by: Gabuev}\n"
        "e2: {evidence: E2, at: 2, by: Xu}",
        "e",
    ),
    Code.DUPLICATE: (
        "t: {thesis: T, reasons: [e, e2]}\ne: {evidence: 'Prices rose.', at: 1}\n"
        "e2: {evidence: '  prices   ROSE ', at: 2}",
        "t: {thesis: T, reasons: [e, e2]}\ne: {evidence: 'Prices rose.', at: 1}\n"
        "e2: {evidence: 'Prices fell.', at: 2}",
        "e2",
    ),
    Code.QUOTE_NOT_FOUND: (
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, quote: prices fell sharply}",
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, quote: prices rose sharply}",
        "e",
    ),
    Code.MISPLACED_QUOTE: (
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, quote: prices rose sharply, section: s, "
        "at: 2}\n",
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, quote: prices rose sharply, section: s, "
        "at: 1}\n",
        "e",
    ),
    Code.BEYOND_QUOTE: (
        "t: {thesis: T, reasons: [e]}\ne: {evidence: Prices rose in 2020., quote: prices rose}",
        "t: {thesis: T, reasons: [e]}\ne: {evidence: Prices rose in spring., quote: prices rose}",
        "e",
    ),
    Code.RESTS_ON_MAPPER: (
        "t: {thesis: T, reasons: [[e, a]]}\ne: {evidence: E, at: 1}\na: {assumption: A}",
        "t: {thesis: T, reasons: [e, a]}\ne: {evidence: E, at: 1}\na: {assumption: A}",
        "t",
    ),
    Code.UNUSED_ACK: (
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, at: 1, ack: {untraceable: why}}",
        "t: {thesis: T, reasons: [e]}\ne: {evidence: E, ack: {untraceable: why}}",
        "e",
    ),
}
SOURCE = "In the spring, prices rose sharply across the region."


def test_every_code_has_a_case() -> None:
    """The table below covers every finding code."""
    assert set(CASES) == set(Code)


@pytest.mark.parametrize("code", list(Code), ids=[c.value for c in Code])
def test_finding_triggered_and_not(code: Code) -> None:
    """Each finding appears on its map (on the right statement) and is the only finding there;
    a near-identical map does not trigger it."""
    triggering, clean, statement = CASES[code]
    found = codes(build(triggering), SOURCE)
    assert (statement, code) in found
    assert {c for _, c in found} == {code}
    assert codes(build(clean), SOURCE) == []


def test_quotes_are_checked_only_with_a_source() -> None:
    """Without the source text there is nothing to check quotes against."""
    assert codes(build(CASES[Code.QUOTE_NOT_FOUND][0])) == []


def test_unsupported_claim_is_not_also_ungrounded() -> None:
    """A claim with no reasons is reported once, as unsupported; evidence never is."""
    report = check(build("t: {thesis: T}"))
    assert [(f.code, f.severity) for f in report.findings] == [(Code.UNSUPPORTED, Severity.ERROR)]


def test_failing_findings_of_a_thesis_are_errors() -> None:
    """A thesis that does not stand is an error; the same finding on a claim is a warning."""
    report = check(build("t: {thesis: T, reasons: [c]}\nc: {claim: C}"))
    assert [(f.statement, f.code, f.severity) for f in report.findings] == [
        ("t", Code.UNGROUNDED, Severity.ERROR),
        ("c", Code.UNSUPPORTED, Severity.WARNING),
    ]


def test_circle_grounded_anyway_is_a_warning() -> None:
    """A circle whose claims are grounded by another reason is a warning; one that leaves them
    undecided is an error, reported once with the circle printed."""
    grounded = check(build(CASES[Code.CIRCULAR][0])).findings
    assert [(f.code, f.severity) for f in grounded] == [(Code.CIRCULAR, Severity.WARNING)]
    undecided = check(
        build(
            "t: {thesis: T, reasons: [c1]}\nc1: {claim: C1, reasons: [c2]}\n"
            "c2: {claim: C2, reasons: [c3]}\nc3: {claim: C3, reasons: [c1]}"
        )
    ).findings
    circular = [f for f in undecided if f.code is Code.CIRCULAR]
    assert [(f.statement, f.severity) for f in circular] == [("c1", Severity.ERROR)]
    assert circular[0].message.endswith("c1 <- c2 <- c3 <- c1")


def test_undecided_attack_is_contested() -> None:
    """A premise caught in an attack cycle is contested, and a claim resting on it ungrounded; the
    statement that serves only as the objection is not reported."""
    report = check(
        build("""
        t: {thesis: T, reasons: [a]}
        a: {evidence: A, at: 1, objections: [b]}
        b: {evidence: B, at: 2, objections: [a]}
    """)
    )
    assert [(f.statement, f.code) for f in report.findings] == [
        ("t", Code.UNGROUNDED),
        ("a", Code.CONTESTED),
    ]


def test_acknowledged_findings_are_listed_and_do_not_fail() -> None:
    """An acknowledgement keeps the finding in the report, with its why, out of the failing ones."""
    report = check(
        build("""
        t: {thesis: T, reasons: [e, c]}
        e: {evidence: E, at: 1}
        c:
          claim: C
          ack: {unsupported: The text gives no reason.}
    """)
    )
    (finding,) = report.findings
    assert (finding.code, finding.acknowledged) == (Code.UNSUPPORTED, "The text gives no reason.")
    assert report.failing(Severity.INFO) == ()


def test_ack_of_another_code_does_not_cover() -> None:
    """An acknowledgement covers only the code it names; one that names a code not found is
    itself a finding, written where the acknowledgement is."""
    report = check(build("t: {thesis: T, reasons: [e]}\ne: {evidence: E, ack: {orphan: why}}"))
    untraceable, unused = report.findings
    assert (untraceable.code, untraceable.acknowledged) == (Code.UNTRACEABLE, None)
    assert (unused.code, unused.severity) == (Code.UNUSED_ACK, Severity.WARNING)
    assert unused.message == (
        "the acknowledgement of orphan on evidence e matches no finding about it"
    )
    assert unused.position is not None
    assert untraceable.position is not None
    assert (untraceable.position.line, untraceable.position.column) == (5, 3)
    assert (unused.position.line, unused.position.column) == (5, 26)  # at `orphan`
    assert report.failing() == (untraceable, unused)


def test_ack_of_a_quote_code_is_unused_only_when_quotes_were_checked() -> None:
    """Without the source, quote findings are not tried, so their acknowledgements are not
    reported; with it, one that matches nothing is."""
    argmap = build("""
        t: {thesis: T, reasons: [e]}
        e: {evidence: E, quote: prices rose, ack: {quote-not-found: paraphrased}}
    """)
    assert codes(argmap) == []
    assert codes(argmap, SOURCE) == [("e", Code.UNUSED_ACK)]


def test_findings_in_map_order_then_code_order_with_positions() -> None:
    """Findings follow the statements' order in the file, then the order of the codes; each
    carries its statement's line and column."""
    argmap = build("""
        z: {claim: Z, hedge: true}
        t: {thesis: T, reasons: [z, a]}
        a: {evidence: E}
    """)
    report = check(argmap)
    assert [(f.statement, f.code) for f in report.findings] == [
        ("z", Code.UNSUPPORTED),
        ("z", Code.HEDGED_LOAD),
        ("a", Code.UNTRACEABLE),
    ]
    assert [(f.position.line, f.position.column) for f in report.findings if f.position] == [
        (4, 3),
        (4, 3),
        (6, 3),
    ]


def test_failing_respects_the_threshold() -> None:
    """``failing`` keeps findings at or above the threshold; severities are ordered."""
    report = check(build(CASES[Code.HEDGED_LOAD][0]))
    assert [f.severity for f in report.findings] == [Severity.INFO]
    assert report.failing(Severity.WARNING) == ()
    assert len(report.failing(Severity.INFO)) == 1
    assert Severity.INFO < Severity.WARNING < Severity.ERROR


def test_only_selects_and_ignores_codes() -> None:
    """``Report.only`` keeps the selected codes and drops the ignored ones."""
    report = check(build("t: {thesis: T, reasons: [e]}\ne: {evidence: E}\nx: {claim: X}"))
    assert {f.code for f in report.findings} == {Code.UNTRACEABLE, Code.UNSUPPORTED, Code.ORPHAN}
    only = report.only({Code.ORPHAN, Code.UNSUPPORTED}, ignore={Code.UNSUPPORTED})
    assert [f.code for f in only.findings] == [Code.ORPHAN]


def test_answered_objection_is_not_reported() -> None:
    """A statement used only as an objection fails when it is answered: that is no finding."""
    argmap = build(CASES[Code.DEFEATED][1])
    assert evaluate(argmap).status["e2"] is D
    assert codes(argmap) == []


def findings_of(statements: str, code: Code) -> list[tuple[str, Severity, str]]:
    """The findings of one code, as (statement, severity, message)."""
    report = check(build(statements))
    return [(f.statement, f.severity, f.message) for f in report.findings if f.code is code]


# A thesis rebutted by ``o`` (premise p); ``answer`` answers o. Rejecting the answer defeats t.
DEFENDED = """
t:
  thesis: T
  reasons: [e]
  objections: [{id: o, premises: p, objections: UNDERCUT}]
e: {evidence: E, at: 1}
p: {evidence: P, at: 2, objections: REBUTTAL}
c: {claim: C, hedge: likely, reasons: [e2]}
e2: {evidence: E2, at: 3}
"""


@pytest.mark.parametrize(
    ("undercut", "rebuttal"), [("[]", "[c]"), ("[c]", "[]")], ids=["rebuts-premise", "undercuts"]
)
def test_hedged_answer_to_an_objection_is_load(undercut: str, rebuttal: str) -> None:
    """A hedged claim that answers an objection against the thesis (by rebutting the objection's
    premise or by undercutting the objection) carries the thesis: rejecting it defeats the thesis,
    so it is hedged-load, naming the objection it answers."""
    statements = DEFENDED.replace("UNDERCUT", undercut).replace("REBUTTAL", rebuttal)
    assert evaluate(build(statements)).status["t"] is G
    assert evaluate(build(statements), reject=("c",)).status["t"] is D
    assert findings_of(statements, Code.HEDGED_LOAD) == [
        (
            "c",
            Severity.INFO,
            "claim c is hedged (likely) and thesis t depends on it, through the answer to "
            "objection o: rejecting it leaves t defeated",
        )
    ]


def test_hedged_support_of_an_answer_to_an_undercut_is_load() -> None:
    """The thesis depends on what answers an undercut of a reason it stands on, and on the
    support of that answer, however deep."""
    statements = """
    t:
      thesis: T
      reasons:
        - {id: r, premises: e, objections: [{id: u, premises: p}]}
    e: {evidence: E, at: 1}
    p: {evidence: P, at: 2, objections: [c0]}
    c0: {claim: C0, reasons: [c]}
    c: {claim: C, hedge: probably, reasons: [e2]}
    e2: {evidence: E2, at: 3}
    """
    assert evaluate(build(statements), reject=("c",)).status["t"] is Status.NOT_GROUNDED
    assert [s for s, _, _ in findings_of(statements, Code.HEDGED_LOAD)] == ["c"]


def test_hedged_statements_on_the_attacking_side_are_not_load() -> None:
    """A hedged premise of the objection itself, or of a counter to its answer, only weakens the
    attack on the thesis: the thesis does not depend on it."""
    statements = """
    t:
      thesis: T
      reasons: [e]
      objections: [{id: o, premises: p}]
    e: {evidence: E, at: 1}
    p: {claim: P, hedge: may, reasons: [e3], objections: [{id: a, premises: e2, objections: [c]}]}
    e2: {evidence: E2, at: 2}
    e3: {evidence: E3, at: 3}
    c: {claim: C, hedge: likely, reasons: [e4]}
    e4: {evidence: E4, at: 4}
    """
    assert evaluate(build(statements), reject=("p",)).status["t"] is G
    assert evaluate(build(statements), reject=("c",)).status["t"] is G
    assert findings_of(statements, Code.HEDGED_LOAD) == []


# A thesis with two reasons; r is undercut by u (premise e2), which ANSWER may answer.
UNDERCUT_ONE = """
t:
  thesis: T
  reasons:
    - {id: r, premises: e, objections: [{id: u, premises: e2}]}
    - e3
e: {evidence: E, at: 1}
e2: {evidence: E2, at: 2, objections: ANSWER}
e3: {evidence: E3, at: 3}
e4: {evidence: E4, at: 4}
"""


def test_unanswered_undercut_of_a_claim_that_stands_anyway_is_info() -> None:
    """An objection that applies and is not answered is reported even when the claim stands on
    another reason: contested, at info (also on a thesis), saying that it stands."""
    statements = UNDERCUT_ONE.replace("ANSWER", "[]").replace("e4: {evidence: E4, at: 4}\n", "")
    assert labels(statements)["t"] is G
    assert findings_of(statements, Code.CONTESTED) == [
        (
            "t",
            Severity.INFO,
            "thesis t: its reason r is undercut by objection u (e2), which is not answered; "
            "it stands on other reasons",
        )
    ]
    assert check(build(statements)).failing() == ()


def test_answered_undercut_of_a_claim_that_stands_anyway_is_not_reported() -> None:
    """Answering the undercut (rebutting its premise) leaves nothing to report."""
    statements = UNDERCUT_ONE.replace("ANSWER", "[e4]")
    assert codes(build(statements)) == []


def test_undercut_that_leaves_a_claim_not_grounded_stays_a_failure() -> None:
    """When the undercut is what leaves the claim without support, it is the one contested finding
    (an error on a thesis), not also an info."""
    statements = UNDERCUT_ONE.replace("ANSWER", "[]").replace("    - e3\n", "")
    found = findings_of(statements, Code.CONTESTED)
    assert [(s, severity) for s, severity, _ in found] == [("t", Severity.ERROR)]


def test_every_rebuttal_that_applies_is_named_and_undercuts_beside_a_defeat() -> None:
    """A defeated claim names every rebuttal that applies; an unanswered undercut of one of its
    reasons is reported beside it, at info."""
    statements = """
    t: {thesis: T, reasons: [c]}
    c:
      claim: C
      reasons: [{id: r, premises: e, objections: [{id: u, premises: e3}]}]
      objections: [{id: o1, premises: e1}, {id: o2, premises: e2}]
    e: {evidence: E, at: 1}
    e1: {evidence: E1, at: 2}
    e2: {evidence: E2, at: 3}
    e3: {evidence: E3, at: 4}
    """
    report = check(build(statements))
    on_c = [(f.code, f.severity, f.message) for f in report.findings if f.statement == "c"]
    assert on_c == [
        (
            Code.DEFEATED,
            Severity.WARNING,
            "claim c is defeated by objection o1 (e1) and objection o2 (e2), which are not "
            "answered",
        ),
        (
            Code.CONTESTED,
            Severity.INFO,
            "claim c: its reason r is undercut by objection u (e3), which is not answered",
        ),
    ]


def test_undercut_of_a_statement_serving_only_in_objections_is_not_reported() -> None:
    """An undercut of a reason for an objection's premise helps the thesis: no finding."""
    statements = """
    t: {thesis: T, reasons: [e], objections: [{id: o, premises: p}]}
    e: {evidence: E, at: 1}
    p:
      claim: P
      reasons: [{id: r, premises: e2, objections: [{id: u, premises: e3}]}, e4]
    e2: {evidence: E2, at: 2}
    e3: {evidence: E3, at: 3}
    e4: {evidence: E4, at: 4}
    """
    assert findings_of(statements, Code.CONTESTED) == []


def test_check_is_deterministic() -> None:
    """The same map gives the same report."""
    text = CASES[Code.UNGROUNDED][0]
    assert check(build(text), source=SOURCE) == check(build(text), source=SOURCE)


# --- quotes and text normalisation ---------------------------------------------------------------


def test_quote_normalisation() -> None:
    """Case, runs of whitespace, curly quotes and dash kinds do not matter in quotes."""
    assert normalise_quote("The \u201cbest\u201d  offer\u2014ever\u2019s\n") == (
        normalise_quote('the "best" offer-ever\'s')
    )
    source = SourceText("He called it \u201cthe  best\noffer \u2013 ever\u201d, they say.")
    assert source.contains('"The best offer - ever"')
    assert not source.contains("the worst offer")


def test_closest_passage_is_named() -> None:
    """A missed quote names the passage most like it, as written in the source, and how close."""
    words = " ".join(f"word{i}" for i in range(10_000))
    source = SourceText(f"{words} The council voted to close the centre to cars. {words}")
    passage = source.closest("the council decided to close the centre to cars")
    assert passage is not None
    assert passage.text.startswith("The council voted to close the centre")
    assert 0.8 < passage.similarity < 1


def test_quote_not_found_message_names_the_passage() -> None:
    """The finding carries the closest passage and its similarity in percent."""
    (finding,) = check(build(CASES[Code.QUOTE_NOT_FOUND][0]), source=SOURCE).findings
    assert finding.message == (
        "quote of e is not in the source; closest passage (84% similar): "
        "\u201cprices rose sharply\u201d"
    )


def test_the_authors_connective_on_a_reason_or_objection_is_checked_too() -> None:
    """A reason's or objection's ``quote:`` (the author's words for the link) must be in the
    source like a statement's: one that is not is reported at the statement it is written
    under, naming the link; one that is, is not."""
    statements = """
    t:
      thesis: T
      at: 1
      reasons: [{id: r, premises: e, quote: "In the spring"}]
      objections: [{id: o, premises: c, quote: "prices fell sharply"}]
    e: {evidence: E, at: 1}
    c: {claim: C, at: 1, reasons: [{id: rc, premises: e, quote: "across the world"}]}
    """
    found = [
        (f.statement, f.message)
        for f in check(build(statements), source=SOURCE).findings
        if f.code is Code.QUOTE_NOT_FOUND
    ]
    assert found == [
        (
            "t",
            "quote of objection o (under t) is not in the source; closest passage "
            "(84% similar): \u201cprices rose sharply\u201d",
        ),
        (
            "c",
            "quote of reason rc (under c) is not in the source; closest passage "
            "(77% similar): \u201cacross the\u201d",
        ),
    ]


def test_statement_normalisation_ignores_punctuation() -> None:
    """Duplicates are found up to case, spacing and punctuation."""
    assert normalise_statement("Prices -- rose!") == normalise_statement("prices rose")
    assert normalise_statement("Prices rose") != normalise_statement("Prices fell")


# --- properties ----------------------------------------------------------------------------------


def reference_labels(
    argmap: Map, reject: frozenset[str] = frozenset(), accept: frozenset[str] = frozenset()
) -> dict[str, Status]:
    """Grounded labels the slow, obvious way: apply the rules to every node at once, from nothing
    decided, until nothing changes (Kleene iteration to the least fixpoint). Rejected statements
    are out and accepted ones in from the start."""
    inferences: dict[str, tuple[tuple[str, ...], list[str]]] = {}
    reasons: dict[str, list[str]] = {}
    rebuttals: dict[str, list[str]] = {}

    def add_objections(objections: tuple[Objection, ...], attacked: list[str]) -> None:
        for objection in objections:
            attacked.append(objection.id)
            inferences[objection.id] = (objection.premises, [])
            add_objections(objection.objections, inferences[objection.id][1])

    for statement in argmap.statements.values():
        reasons[statement.id] = [r.id for r in statement.reasons]
        for reason in statement.reasons:
            inferences[reason.id] = (reason.premises, [])
            add_objections(reason.objections, inferences[reason.id][1])
        rebuttals[statement.id] = []
        add_objections(statement.objections, rebuttals[statement.id])

    label: dict[str, bool | None] = dict.fromkeys([*argmap.statements, *inferences])
    label.update(dict.fromkeys(reject, False))
    label.update(dict.fromkeys(accept, True))
    while True:
        new = dict(label)
        for sid, statement in argmap.statements.items():
            if sid in reject or sid in accept:
                continue
            given = not statement.kind.is_claim
            attacks = [label[o] for o in rebuttals[sid]]
            support = [label[r] for r in reasons[sid]]
            if any(a is True for a in attacks) or (not given and all(s is False for s in support)):
                new[sid] = False
            elif (given or any(s is True for s in support)) and all(a is False for a in attacks):
                new[sid] = True
        for iid, (premises, undercuts) in inferences.items():
            if any(label[p] is False for p in premises) or any(label[u] is True for u in undercuts):
                new[iid] = False
            elif all(label[p] is True for p in premises) and all(
                label[u] is False for u in undercuts
            ):
                new[iid] = True
        if new == label:
            break
        label = new
    out = {}
    for sid in argmap.statements:
        if label[sid] is None:
            out[sid] = U
        elif label[sid]:
            out[sid] = G
        else:
            out[sid] = D if any(label[o] is True for o in rebuttals[sid]) else N
    return out


@examples(300)
@given(shapes(max_statements=8))
def test_labels_agree_with_the_obvious_fixpoint(argmap: Map) -> None:
    """The worklist evaluation gives the labels of plain Kleene iteration on any map."""
    assert dict(evaluate(argmap).status) == reference_labels(argmap)


# Up to three positions in a list, drawn from one strategy built once.
FEW_INDEXES = st.lists(st.integers(0, 7), max_size=3)


@examples(300)
@given(st.data())
def test_what_if_labels_agree_with_the_obvious_fixpoint(data: st.DataObject) -> None:
    """Rejecting and accepting statements gives the labels of Kleene iteration with those
    statements fixed."""
    argmap = data.draw(shapes(max_statements=8))
    ids = sorted(argmap.statements)
    reject = frozenset(ids[n % len(ids)] for n in data.draw(FEW_INDEXES))
    accept = frozenset(ids[n % len(ids)] for n in data.draw(FEW_INDEXES)) - reject
    got = evaluate(argmap, reject=reject, accept=accept).status
    want = reference_labels(argmap, reject, accept)
    # A rejected statement is labelled out; whether "defeated" or "not grounded" follows its
    # rebuttals, as for any statement.
    assert dict(got) == want


@examples(300)
@given(shapes(max_statements=8))
def test_one_circular_finding_per_circle(argmap: Map) -> None:
    """Circular support is reported once per group of statements that support each other, at the
    group's first statement in map order."""
    ids = list(argmap.statements)
    edges = {s.id: set(s.premise_ids()) for s in argmap.statements.values()}
    reach = {sid: set(edges[sid]) for sid in ids}
    for middle in ids:  # Warshall's transitive closure
        for sid in ids:
            if middle in reach[sid]:
                reach[sid] |= reach[middle]
    groups = {frozenset(t for t in ids if t in reach[s] and s in reach[t]) for s in ids}
    firsts = sorted((min(group, key=ids.index) for group in groups if group), key=ids.index)
    findings = check(argmap).findings
    assert [f.statement for f in findings if f.code is Code.CIRCULAR] == firsts


@examples(200)
@given(maps(max_statements=8))
def test_findings_are_ordered_and_verdicts_cover_theses(argmap: Map) -> None:
    """Findings come in map order then code order, and every thesis has one verdict."""
    report = check(argmap)
    order = {sid: i for i, sid in enumerate(argmap.statements)}
    keys = [(order[f.statement], list(Code).index(f.code)) for f in report.findings]
    assert keys == sorted(keys)
    assert [v.thesis for v in report.verdicts] == [t.id for t in argmap.theses]
    assert all(v.status is report.evaluation.status[v.thesis] for v in report.verdicts)


@examples(200)
@given(st.data())
def test_any_passage_of_the_source_is_found_however_it_is_typed(data: st.DataObject) -> None:
    """A run of words from the source is found after changing its case, its whitespace, its
    quote marks and its dashes."""
    words = data.draw(
        st.lists(
            st.text(alphabet="abcXYZ'\"-\u2013\u201c\u201d\u2019", min_size=1, max_size=6),
            min_size=1,
            max_size=30,
        )
    )
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    source = SourceText(" ".join(words))
    retyped = "\n  ".join(words[start:end]).upper()
    retyped = retyped.replace('"', "\u201d").replace("'", "\u2018").replace("-", "\u2014")
    assert source.contains(retyped)


def test_a_very_long_missing_quote_is_compared_by_its_beginning() -> None:
    """The closest passage to a quote of thousands of words is sought for its first words only,
    so that the comparison stays quick; the passage found has about that many words."""
    from argmap.analysis import CLOSEST_WORDS, SourceText

    words = [f"w{n}" for n in range(5000)]
    source = SourceText(" ".join(words))
    quote = " ".join(words[100:2100]) + " not in the source"
    passage = source.closest(quote)
    assert passage is not None
    assert passage.text.split()[0] == "w100"
    assert len(passage.text.split()) <= CLOSEST_WORDS + 1


def test_hedged_load_says_whether_rejecting_the_statement_changes_the_thesis() -> None:
    """t stands on c (hedged) and on e alone: rejecting c leaves t grounded, as whatif --reject
    c shows, so the finding says that t keeps its label without it; with e gone from t's
    reasons, rejecting c leaves t not grounded, and the finding says so."""
    both = """
        t: {thesis: T, reasons: [c, e]}
        c: {claim: C, hedge: probably, reasons: [e2]}
        e: {evidence: E, at: 1}
        e2: {evidence: E2, at: 2}
    """
    assert evaluate(build(both), reject=("c",)).status["t"] is G
    assert findings_of(both, Code.HEDGED_LOAD) == [
        (
            "c",
            Severity.INFO,
            "claim c is hedged (probably) and lies under thesis t, which keeps its label "
            "without it",
        )
    ]
    alone = """
        t: {thesis: T, reasons: [c]}
        c: {claim: C, hedge: probably, reasons: [e2]}
        e2: {evidence: E2, at: 2}
    """
    assert findings_of(alone, Code.HEDGED_LOAD) == [
        (
            "c",
            Severity.INFO,
            "claim c is hedged (probably) and thesis t depends on it: rejecting it leaves t "
            "not grounded",
        )
    ]


def test_a_thesis_only_defended_says_that_nothing_supports_it() -> None:
    """t has no reasons; its one rebuttal o is undercut, so t is defended, not supported: the
    finding stays unsupported, an error (t is not grounded), and says what is missing."""
    statements = """
        t:
          thesis: T
          objections: [{id: o, premises: [e], objections: [u]}]
        e: {evidence: E, at: 1}
        u: {evidence: U, at: 2}
    """
    assert findings_of(statements, Code.UNSUPPORTED) == [
        (
            "t",
            Severity.ERROR,
            "thesis t has no reasons of its own: answering objection o defends it, but nothing "
            "supports it, so it cannot be grounded",
        )
    ]


@examples(200)
@given(maps(max_statements=8))
def test_a_findings_related_statements_are_other_statements_each_once(argmap: Map) -> None:
    """A finding's related ids are statements of the map, never its own, each once."""
    for finding in check(argmap).findings:
        related = finding.related
        assert finding.statement not in related
        assert len(set(related)) == len(related)
        assert all(sid in argmap.statements for sid in related)


def test_the_tutorials_findings_name_the_assumption_they_rest_on() -> None:
    """later-start rests on the mapper's start-caused-it, which it needs and which caps it:
    rests-on-mapper names it, and overstated names the statements down to it."""
    tutorial = Path(__file__).resolve().parent.parent / "maps" / "tutorial.argmap.yaml"
    report = check(load_map(tutorial))
    related = {f.code: f.related for f in report.findings if f.statement == "later-start"}
    assert related[Code.RESTS_ON_MAPPER] == ("start-caused-it",)
    assert related[Code.OVERSTATED] == ("fewer-late", "start-caused-it")
