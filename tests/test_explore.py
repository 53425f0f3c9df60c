"""Exploring a map as a library: the outline (``tree``), the figures (``stats``), what-if analysis
(``whatif``) and the single points of failure (``critical``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from argmap import explore
from argmap.analysis import Side, check, evaluate
from argmap.errors import ArgmapError, QueryError
from argmap.explore import Critical, Role
from argmap.load import load_map, loads
from argmap.model import Code, Kind, Map, Objection, Reason, Statement
from argmap.status import Status
from strategies import examples, maps, shapes

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "explore"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def fixture(name: str) -> Map:
    return load_map(FIXTURES / f"{name}.argmap.yaml")


def outline_of(argmap: Map, **options: object) -> explore.Outline:
    """The outline with statuses, findings and critical marks, as ``argmap tree`` shows it."""
    return explore.outline(argmap, with_critical=True, **options)  # type: ignore[arg-type]


def chain_map(length: int) -> Map:
    """A thesis at the top of a chain of ``length`` claims, each resting on the next."""
    lines = ["argmap: 1", "title: chain", "statements:"]
    lines += ["  c0:", "    thesis: top", "    reasons: [c1]"]
    for n in range(1, length):
        lines += [f"  c{n}:", f"    claim: step {n}", f"    reasons: [c{n + 1}]"]
    lines += [f"  c{length}:", "    evidence: bottom", "    quote: bottom", "    at: 1"]
    return loads("\n".join(lines) + "\n")


# --- tree ----------------------------------------------------------------------------------------


def test_tree_starts_each_thesis_at_the_left_in_map_order() -> None:
    """Theses are the roots, in the order of the file."""
    roots = [line.statement for line in outline_of(fixture("shared")).lines if line.depth == 0]
    assert roots[:2] == ["t1", "t2"]


def test_a_single_premise_reason_is_shown_as_its_premise() -> None:
    """A reason with one premise and no undercuts needs no line of its own."""
    lines = outline_of(fixture("chain")).lines
    unsafe = next(line for line in lines if line.statement == "c-unsafe")
    assert unsafe.role is Role.SUPPORT
    assert unsafe.inference == "t.r1"
    assert unsafe.depth == 1


def test_linked_premises_are_grouped_under_their_reason() -> None:
    """Co-premises stand one level below a line that names the reason and says it is linked."""
    lines = outline_of(fixture("chain")).lines
    header = next(n for n, line in enumerate(lines) if line.role is Role.REASON)
    assert lines[header].inference == "t.r2"
    assert lines[header].linked
    assert lines[header].applies is False
    premises = [line.statement for line in lines[header + 1 :] if line.role is Role.PREMISE]
    assert premises == ["c-cheap", "c-soon"]
    text = explore.format_tree(outline_of(fixture("chain")), 0)
    assert "  + linked reason t.r2 [does not apply]\n" in text


def test_the_outline_says_whose_each_link_is() -> None:
    """A link the mapper drew says so, on its own line or on the line of its one premise; one the
    author draws with his own words gives them; a premise under its reason's line repeats
    nothing."""
    argmap = loads(
        "argmap: 1\ntitle: Whose\nstatements:\n"
        "  t:\n"
        "    thesis: T\n"
        "    reasons:\n"
        "      - {premises: c, quote: Given C}\n"
        "      - {id: r2, assumed: [e, a]}\n"
        "    objections: [{assumed: o}]\n"
        "  c: {claim: C, reasons: [e]}\n"
        "  e: {evidence: E}\n"
        "  a: {assumption: A}\n"
        "  o: {claim: O}\n"
    )
    text = explore.format_tree(outline_of(argmap), 0)
    assert '  + (the author: "Given C") c (claim)' in text
    assert "  + linked reason r2 (the mapper's link) [applies]\n" in text
    assert "    (see above: e)\n" in text
    assert "  - rebuttal: (the mapper's link) o (claim)" in text
    premises = [line for line in outline_of(argmap).lines if line.role is Role.PREMISE]
    assert [(line.statement, line.assumed) for line in premises] == [("e", False), ("a", False)]


def test_rebuttals_and_undercuts_are_marked() -> None:
    """A rebuttal hangs under the statement it attacks; an undercut under the reason it attacks;
    a reply to an objection under the objection. The rebuttal's premise is against the thesis,
    and says so; the reply that answers it is on the thesis's side, and is unmarked."""
    lines = outline_of(fixture("answered")).lines
    roles = {line.statement or line.inference: line.role for line in lines}
    assert roles["c-cost"] is Role.REBUTTAL
    assert roles["e-grant"] is Role.REBUTTAL  # answers c-cost by rebutting it
    assert roles["u-old"] is Role.UNDERCUT  # shown as a header: it has an undercut of its own
    assert roles["e-recount"] is Role.UNDERCUT
    text = explore.format_tree(outline_of(fixture("answered")), 0)
    assert (
        "  - rebuttal: c-cost (claim) [defeated, against]: The town cannot afford a new school.\n"
        in text
    )
    assert {
        line.statement: line.side for line in lines if line.statement in ("c-cost", "e-grant")
    } == {
        "c-cost": Side.AGAINST,
        "e-grant": Side.FOR,
    }
    assert "    - undercut u-old [does not apply]\n" in text


def test_a_statement_reached_twice_is_shown_once_then_referred_to() -> None:
    """Shared premises are not repeated: the second time, the line refers to the first."""
    lines = outline_of(fixture("shared")).lines
    demand = [line for line in lines if line.statement == "c-demand"]
    assert [line.seen for line in demand] == [False, True]
    assert "  + (see above: c-demand)\n" in explore.format_tree(outline_of(fixture("shared")), 0)


def test_a_circle_of_support_ends_in_a_reference() -> None:
    """A claim that supports itself through a circle is walked once around, then referred to."""
    lines = outline_of(fixture("shared")).lines
    busy = [line for line in lines if line.statement == "c-busy"]
    assert [line.seen for line in busy] == [False, True]


def test_statements_under_no_thesis_come_last_under_a_heading() -> None:
    """An orphan still appears, after the theses, so the outline shows the whole map."""
    lines = outline_of(fixture("shared")).lines
    heading = next(n for n, line in enumerate(lines) if line.role is Role.HEADING)
    assert [line.statement for line in lines[heading + 1 :]] == ["e-stray"]
    shown = {line.statement for line in lines if line.statement}
    assert shown == set(fixture("shared").statements)


def test_every_statement_of_a_map_appears_in_its_tree() -> None:
    """Without --depth or --focus nothing is left out, shared premises and circles included."""
    for name in ("chain", "shared", "answered"):
        argmap = fixture(name)
        shown = {line.statement for line in explore.tree(argmap).lines if line.statement}
        assert shown == set(argmap.statements), name


def test_depth_stops_the_walk_and_says_what_is_left_out() -> None:
    """--depth 1 shows the thesis and its premises, and counts the reasons below them."""
    lines = outline_of(fixture("chain"), depth=1).lines
    assert max(line.depth for line in lines if line.statement) <= 2  # premises of a linked reason
    more = [line for line in lines if line.role is Role.MORE]
    assert [line.hidden for line in more] == [(1, 0), (2, 0)]  # c-unsafe's and c-cheap's reasons
    text = explore.format_tree(explore.Outline("x", tuple(more)), 0)
    assert "... 1 reason below" in text
    assert "... 2 reasons below" in text


def test_depth_zero_shows_only_the_roots() -> None:
    """Depth 0 keeps the roots and says how many reasons and rebuttals are left out."""
    lines = outline_of(fixture("answered"), depth=0).lines
    assert [line.role for line in lines] == [Role.ROOT, Role.MORE]
    assert lines[1].hidden == (2, 1)


def test_focus_shows_one_statement_and_what_is_below_it() -> None:
    """With a focus the outline starts at that statement and holds only what it rests on."""
    lines = outline_of(fixture("chain"), focus="c-cheap").lines
    assert [line.statement for line in lines] == ["c-cheap", "e-estimate", "e-tender"]
    assert lines[0].role is Role.ROOT


def test_an_unknown_focus_is_refused_with_the_closest_id() -> None:
    """A typo gets a one-line error with a suggestion, as an argmap error (exit 2 in the CLI)."""
    with pytest.raises(
        QueryError, match=r"no statement 'c-chep' in the map \(did you mean 'c-cheap'\?\)"
    ):
        explore.tree(fixture("chain"), focus="c-chep")
    assert issubclass(QueryError, ArgmapError)


def test_lines_carry_status_findings_and_critical_marks() -> None:
    """Each statement line carries its status, its findings and whether it is critical."""
    lines = {line.statement: line for line in outline_of(fixture("chain")).lines if line.statement}
    assert lines["t"].status is Status.GROUNDED
    assert lines["c-soon"].status is Status.NOT_GROUNDED
    assert lines["c-soon"].findings == ((Code.UNSUPPORTED, False),)
    assert lines["e-cracks"].critical
    assert not lines["e-tender"].critical
    assert lines["e-cracks"].quote == "cracks in two piers"
    assert lines["e-cracks"].locator == "Inspection report, para. 2"
    assert lines["e-estimate"].locator == "p. 4"


def test_acknowledged_findings_are_shown_as_such() -> None:
    """A finding the map acknowledges is shown, marked as acknowledged."""
    argmap = loads(
        "argmap: 1\ntitle: t\nstatements:\n  t:\n    thesis: A.\n"
        "    ack:\n      unsupported: The author gives no reason.\n"
    )
    text = explore.format_tree(outline_of(argmap), 0)
    assert "{unsupported (acknowledged)}" in text


def test_without_an_evaluation_the_outline_has_no_statuses() -> None:
    """The outline itself needs no analysis; statuses are added only when given."""
    lines = explore.tree(fixture("chain")).lines
    assert all(line.status is None and line.applies is None for line in lines)
    assert "[" not in explore.format_tree(explore.tree(fixture("chain")), 0).split("\n", 2)[2]


def test_evidence_shows_its_quote_and_locator_below_it() -> None:
    """Evidence is followed by its quote and its place in the source, indented below it."""
    text = explore.format_tree(outline_of(fixture("chain")), 0)
    assert (
        "    + e-cracks (evidence) [grounded, earns almost certain, critical]: Inspectors found"
        " cracks in two of its piers.\n"
        '        "cracks in two piers" (Inspection report, para. 2)\n'
    ) in text


def test_lines_wrap_at_the_width_with_a_hanging_indent() -> None:
    """No line is wider than asked (words are never split), and continuations are indented."""
    outline = outline_of(fixture("chain"))
    for width in (40, 60, 100):
        text = explore.format_tree(outline, width)
        for line in text.splitlines():
            assert len(line) <= width or " " not in line.strip(), line
    wrapped = explore.format_tree(outline, 40).splitlines()
    assert wrapped[2] == "t (thesis) [grounded,"
    assert wrapped[3] == "    earns almost certain]: The bridge"
    assert wrapped[4] == "    should be repaired this year."


def test_width_zero_never_wraps() -> None:
    """Width 0 gives one text line per outline line, plus the quote lines."""
    outline = outline_of(fixture("chain"))
    lines = explore.format_tree(outline, 0).splitlines()
    assert len(lines) == 2 + sum(1 for _ in outline.lines) + 3  # title, blank, lines, 3 quote lines


def test_colour_adds_only_escape_codes() -> None:
    """In colour the words are the same; without colour there is no escape code at all."""
    outline = outline_of(fixture("answered"))
    plain = explore.format_tree(outline, 70, colour=False)
    coloured = explore.format_tree(outline, 70, colour=True)
    assert "\x1b" not in plain
    assert "\x1b[32mgrounded" in coloured or "\x1b[32m[grounded" in coloured
    assert ANSI.sub("", coloured) == plain


def test_tree_of_a_very_deep_chain_needs_no_recursion() -> None:
    """A chain of 5,000 reasons is walked with an explicit stack."""
    argmap = chain_map(5000)
    outline = explore.tree(argmap, evaluation=evaluate(argmap))
    assert len(outline.lines) == 5001
    assert outline.lines[-1].depth == 5000


def test_tree_is_the_same_every_time() -> None:
    """The same map gives byte-identical outline text."""
    first = explore.format_tree(outline_of(fixture("shared")), 80)
    assert first == explore.format_tree(outline_of(fixture("shared")), 80)


# --- stats ---------------------------------------------------------------------------------------


def test_stats_counts_statements_by_kind_and_reasons_by_shape() -> None:
    """Stats count statements per kind and reasons as single or linked."""
    figures = explore.stats(fixture("chain"))
    assert dict(figures.statements) == {"thesis": 1, "claim": 3, "evidence": 3, "assumption": 0}
    assert figures.total == 7
    assert (figures.single_reasons, figures.linked_reasons) == (4, 1)
    assert (figures.rebuttals, figures.undercuts) == (0, 0)


def test_stats_counts_rebuttals_and_undercuts_at_any_depth() -> None:
    """A rebuttal of a rebuttal's premise is a rebuttal; undercuts of reasons and of objections
    are undercuts."""
    figures = explore.stats(fixture("answered"))
    assert (figures.rebuttals, figures.undercuts) == (2, 2)


def test_stats_measures_the_deepest_chain_of_support() -> None:
    """The deepest chain counts reasons from a thesis down, without recursion on long chains."""
    assert explore.stats(fixture("chain")).deepest_chain == 2  # t <- c-unsafe <- e-cracks
    assert explore.stats(chain_map(3000)).deepest_chain == 3000


def test_a_circle_of_support_counts_once_in_the_deepest_chain() -> None:
    """t2 <- c-busy <- c-queues <- c-busy: the circle is one step, so the depth stays finite."""
    assert explore.stats(fixture("shared")).deepest_chain == 2


def test_stats_share_of_grounded_claims() -> None:
    """Grounded claims are counted against all theses and claims."""
    figures = explore.stats(fixture("chain"))
    assert (figures.grounded_claims, figures.claims) == (3, 4)  # c-soon has no reasons


def test_evidence_per_thesis_counts_evidence_below_its_reasons() -> None:
    """Evidence reached through reasons, at any depth, each piece once; not through objections."""
    assert dict(explore.stats(fixture("chain")).evidence_per_thesis) == {"t": 3}
    assert dict(explore.stats(fixture("shared")).evidence_per_thesis) == {"t1": 1, "t2": 1}
    assert dict(explore.stats(fixture("answered")).evidence_per_thesis) == {"t": 2}


def test_stats_tallies_findings_per_code_and_acknowledged_ones() -> None:
    """Findings are tallied per code exactly as check reports them."""
    argmap = fixture("shared")
    figures = explore.stats(argmap)
    expected: dict[str, int] = {}
    for finding in check(argmap).findings:
        expected[finding.code.value] = expected.get(finding.code.value, 0) + 1
    assert dict(figures.findings) == expected
    assert figures.findings["orphan"] == 1
    assert dict(figures.acknowledged) == {}


def test_stats_json_is_sorted_and_stable() -> None:
    """Stats JSON carries its version, sorted keys, and is byte-identical across runs."""
    results = [("a.argmap.yaml", explore.stats(fixture("chain")))]
    text = explore.stats_json(results)
    data = json.loads(text)
    assert data["version"] == explore.STATS_VERSION
    assert data["maps"][0]["path"] == "a.argmap.yaml"
    assert data["maps"][0]["reasons"] == {"linked": 1, "single": 4}
    assert text == json.dumps(data, indent=2, sort_keys=True) + "\n"
    assert text == explore.stats_json([("a.argmap.yaml", explore.stats(fixture("chain")))])


# --- whatif --------------------------------------------------------------------------------------


def test_whatif_lists_every_change_theses_first() -> None:
    """whatif lists every status change, theses first, then the rest in map order."""
    result = explore.whatif(fixture("chain"), reject=["e-cracks"])
    assert [(c.statement, c.before, c.after) for c in result.changes] == [
        ("t", Status.GROUNDED, Status.NOT_GROUNDED),
        ("c-unsafe", Status.GROUNDED, Status.NOT_GROUNDED),
        ("e-cracks", Status.GROUNDED, Status.NOT_GROUNDED),
    ]
    assert [c.statement for c in result.theses] == ["t"]
    assert explore.format_whatif(result) == (
        "Rejecting e-cracks:\n"
        "  theses:\n"
        "    t: grounded → not-grounded; earns almost certain → nothing\n"
        "  other statements:\n"
        "    c-unsafe: grounded → not-grounded; earns almost certain → nothing\n"
        "    e-cracks: grounded → not-grounded; earns almost certain → nothing\n"
    )


def test_whatif_lists_a_change_of_earned_confidence_alone() -> None:
    """A statement that stays grounded but earns less is a change too, shown without a status
    arrow."""
    argmap = loads(
        "argmap: 1\ntitle: t\nstatements:\n  t: {thesis: T, reasons: [e, c]}\n"
        "  e: {evidence: E}\n  c: {claim: C, hedge: likely, reasons: [e2]}\n  e2: {evidence: E2}\n"
    )
    assert [str(c) for c in explore.whatif(argmap, reject=["e"]).changes] == [
        "t: grounded; earns almost certain → likely",
        "e: grounded → not-grounded; earns almost certain → nothing",
    ]


def test_whatif_accepting_a_claim_grounds_what_rests_on_it() -> None:
    """Granting the unsupported co-premise lets the linked reason apply."""
    result = explore.whatif(fixture("chain"), accept=["c-soon"])
    assert [(c.statement, c.after) for c in result.changes] == [("c-soon", Status.GROUNDED)]
    both = explore.whatif(fixture("chain"), reject=["c-unsafe"], accept=["c-soon"])
    assert [c.statement for c in both.changes] == ["c-unsafe", "c-soon"]  # t stays grounded


def test_whatif_rejecting_an_answer_revives_the_objection() -> None:
    """Rejecting the answer to a rebuttal lets the rebuttal defeat the thesis."""
    result = explore.whatif(fixture("answered"), reject=["e-grant"])
    assert [(c.statement, c.after) for c in result.changes] == [
        ("t", Status.DEFEATED),
        ("c-cost", Status.GROUNDED),
        ("e-grant", Status.NOT_GROUNDED),
    ]


def test_whatif_with_no_change_says_so() -> None:
    """A rejection that changes nothing else is reported as such."""
    result = explore.whatif(fixture("chain"), reject=["e-tender"])
    assert [c.statement for c in result.changes] == ["e-tender"]
    quiet = explore.whatif(fixture("chain"), reject=["c-soon"])
    assert quiet.changes == ()
    assert (
        explore.format_whatif(quiet)
        == "Rejecting c-soon:\n  no statement changes status or earned confidence\n"
    )


def test_whatif_refuses_unknown_and_contradictory_ids() -> None:
    """Unknown ids get a suggestion; one id both rejected and accepted is refused."""
    with pytest.raises(QueryError, match=r"'e-crack'.*did you mean 'e-cracks'"):
        explore.whatif(fixture("chain"), reject=["e-crack"])
    with pytest.raises(QueryError, match="both rejected and accepted"):
        explore.whatif(fixture("chain"), reject=["t"], accept=["t"])


# --- critical ------------------------------------------------------------------------------------


def brute_force_critical(argmap: Map) -> tuple[Critical, ...]:
    """The definition, evaluated naively: reject each statement in turn and compare."""
    before = evaluate(argmap).status
    theses = [s.id for s in argmap.theses if before[s.id] is Status.GROUNDED]
    found = []
    for sid in argmap.statements:
        after = evaluate(argmap, reject=[sid]).status
        broken = tuple(t for t in theses if t != sid and after[t] is not Status.GROUNDED)
        if broken:
            carries = sum(1 for x in before if x != sid and after[x] is not before[x])
            found.append(Critical(sid, broken, carries))
    order = list(argmap.statements)
    found.sort(key=lambda c: (-c.carries, order.index(c.statement)))
    return tuple(found)


def test_the_links_of_a_lone_chain_are_critical() -> None:
    """Each link of a chain with no alternative is critical, the lowest carrying the most."""
    assert explore.critical(fixture("chain")) == (
        Critical("e-cracks", ("t",), 2),
        Critical("c-unsafe", ("t",), 1),
    )


def test_evidence_given_reasons_is_not_carried_by_them() -> None:
    """Evidence stands as given whatever its reasons rest on: rejecting their premise does not
    change it, so it is not counted among what that premise carries."""
    argmap = loads(
        "argmap: 1\ntitle: T\nstatements:\n  z: {thesis: Z, reasons: [t]}\n"
        "  t: {evidence: T, at: 1}\n  y: {evidence: Y, at: 1, reasons: [t]}\n"
    )
    assert evaluate(argmap, reject=["t"]).status["y"] is Status.GROUNDED
    assert explore.critical(argmap) == (Critical("t", ("z",), 1),)


def test_a_claim_with_two_independent_reasons_has_no_single_point_of_failure() -> None:
    """Statements with an independent alternative, or not needed at all, are not critical."""
    names = [c.statement for c in explore.critical(fixture("chain"))]
    assert "e-estimate" not in names
    assert "e-tender" not in names
    assert "c-cheap" not in names  # its reason does not apply anyway


def test_the_answer_to_an_objection_can_be_critical() -> None:
    """Rejecting e-grant revives the rebuttal c-cost, which then defeats the thesis: a single
    point of failure outside the thesis's support."""
    found = {c.statement: c for c in explore.critical(fixture("answered"))}
    assert found["e-grant"] == Critical("e-grant", ("t",), 2)
    assert "e-recount" not in found  # r-pupils is not needed: e-pupils alone supports t


def test_a_shared_premise_breaks_every_thesis_on_it() -> None:
    """A premise shared by two theses breaks both, listed in map order."""
    found = explore.critical(fixture("shared"))
    assert found[0] == Critical("e-survey", ("t1", "t2"), 3)


def test_theses_that_are_not_grounded_have_nothing_to_lose() -> None:
    """A map whose theses are not grounded has no critical statement and says so."""
    argmap = loads(
        "argmap: 1\ntitle: t\nstatements:\n  t:\n    thesis: A.\n    reasons: [c]\n"
        "  c:\n    claim: B.\n"
    )
    assert explore.critical(argmap) == ()
    text = explore.format_critical(argmap, (), evaluate(argmap))
    assert "No single point of failure" in text
    assert "Not grounded as written: t." in text


def test_critical_on_a_long_chain() -> None:
    """Every link of a chain of 300 carries the thesis; the lowest carries the most."""
    found = explore.critical(chain_map(300))
    assert len(found) == 300
    assert found[0] == Critical("c300", ("c0",), 300)
    assert found[-1] == Critical("c1", ("c0",), 1)


@examples(300)
@given(shapes(max_statements=9))
def test_critical_agrees_with_rejecting_each_statement_in_turn(argmap: Map) -> None:
    """The fast computation gives exactly what the definition gives on any small map, attack
    cycles, circles of support and undercuts of undercuts included."""
    assert explore.critical(argmap) == brute_force_critical(argmap)


def test_critical_on_a_long_chain_completes_and_is_right(long_chain: int) -> None:
    """A chain of thousands of claims, which took minutes and gigabytes when each statement
    carried the set of all statements below it, is answered exactly (``make bench`` times one of
    10,000 and measures the memory of one of 50,000)."""
    n = long_chain
    found = explore.critical(chain_map(n))
    assert len(found) == n
    assert found[0] == Critical(f"c{n}", ("c0",), n)
    assert found[n // 2 - 1] == Critical(f"c{n // 2 + 1}", ("c0",), n // 2 + 1)
    assert found[-1] == Critical("c1", ("c0",), 1)


def test_critical_on_a_wide_and_deep_map_agrees_with_rejecting_each_in_turn() -> None:
    """Long chains with linked evidence, alternative reasons that rejoin, a second thesis on a
    shared claim, and an answered objection: the forest and the definition agree."""
    lines = ["argmap: 1", "title: wide and deep", "statements:"]
    lines += ["  t1:", "    thesis: T1.", "    reasons: [c0]", "    objections: [o]"]
    lines += ["  t2:", "    thesis: T2.", "    reasons: [[c20, e-side]]"]
    lines += ["  o:", "    claim: O.", "    reasons: [e-o]", "    objections: [e-answer]"]
    lines += ["  e-o:", "    evidence: EO.", "  e-answer:", "    evidence: EA.", "  e-side:"]
    lines += ["    evidence: ES."]
    for n in range(40):
        reasons = f"[[c{n + 1}, e{n}]]" if n % 3 else f"[c{n + 1}, [d{n}, e{n}]]"
        lines += [f"  c{n}:", f"    claim: C{n}.", f"    reasons: {reasons}"]
        lines += [f"  d{n}:", f"    claim: D{n}.", f"    reasons: [c{n + 1}]"]
        lines += [f"  e{n}:", f"    evidence: E{n}."]
    lines += ["  c40:", "    evidence: bottom."]
    argmap = loads("\n".join(lines) + "\n")
    found = explore.critical(argmap)
    assert found == brute_force_critical(argmap)
    assert found[0].statement == "c40"
    assert found[0].theses == ("t1", "t2")
    assert "e-answer" in [c.statement for c in found]


def test_a_reason_grounded_only_through_an_attack_cycle_does_not_save_a_claim() -> None:
    """t stands on e-b, and on r-main, whose undercut c-rival is defeated by t itself: rejecting
    e-b leaves t undecided, though r-main still looks applied in the map as written."""
    argmap = loads(
        "argmap: 1\ntitle: t\nstatements:\n"
        "  t:\n    thesis: T.\n    reasons:\n"
        "      - id: r-main\n        premises: e-a\n        objections: [c-rival]\n"
        "      - e-b\n"
        "  c-rival:\n    claim: R.\n    reasons: [e-a]\n    objections: [t]\n"
        "  e-a:\n    evidence: A.\n  e-b:\n    evidence: B.\n"
    )
    assert explore.critical(argmap) == (Critical("e-b", ("t",), 2),)
    assert explore.critical(argmap) == brute_force_critical(argmap)


def test_a_fall_that_settles_an_undecided_statement_counts_it() -> None:
    """c-odd is rebutted by c-echo, which rests on c-odd: both are undecided while a-base holds.
    Rejecting a-base makes them out too, and carries counts those changes as well."""
    argmap = loads(
        "argmap: 1\ntitle: t\nstatements:\n"
        "  c-side:\n    claim: S.\n    reasons: [c-pair, c-echo]\n"
        "  t:\n    thesis: T.\n    reasons: [c-odd, [e-one, a-base], [e-one, c-odd]]\n"
        "  c-echo:\n    claim: E.\n    reasons: [c-odd]\n"
        "  c-odd:\n    claim: O.\n    reasons: [[c-pair, a-base]]\n    objections: [c-echo]\n"
        "  a-base:\n    assumption: Base.\n"
        "  c-pair:\n    claim: P.\n    reasons: [[a-base, e-one]]\n"
        "  e-one:\n    evidence: One.\n"
    )
    assert evaluate(argmap).status["c-odd"] is Status.UNDECIDED
    assert explore.critical(argmap) == (
        Critical("a-base", ("t",), 5),
        Critical("e-one", ("t",), 5),
    )
    assert explore.critical(argmap) == brute_force_critical(argmap)


def test_the_critical_header_says_a_thesis_may_be_left_defeated() -> None:
    """Rejecting the answer to an objection leaves the thesis defeated, not "not grounded", so the
    header names every way a thesis can lose its ground."""
    argmap = fixture("answered")
    text = explore.format_critical(argmap, explore.critical(argmap), evaluate(argmap))
    header = text.splitlines()[0]
    assert "without ground (not grounded, defeated or undecided)" in header
    assert evaluate(argmap, reject=["e-grant"]).status["t"] is Status.DEFEATED


def test_outline_is_the_tree_with_check_and_critical_marks() -> None:
    """explore.outline does what ``argmap tree --critical`` needs in one call, earned levels
    included."""
    argmap = fixture("chain")
    report = check(argmap)
    marked = [c.statement for c in explore.critical(argmap, report.evaluation)]
    by_hand = explore.tree(
        argmap,
        evaluation=report.evaluation,
        findings=report.findings,
        critical=marked,
        earned=report.earned,
    )
    assert explore.outline(argmap, with_critical=True) == by_hand
    assert not any(line.critical for line in explore.outline(argmap).lines)
    with pytest.raises(QueryError, match="did you mean"):
        explore.outline(argmap, focus="e-crack")


def test_stats_formats_are_a_library_enum() -> None:
    """The stats formats the CLI offers come from StatsFormat, each with its formatter."""
    figures = [("m", explore.stats(fixture("chain")))]
    assert [f.value for f in explore.StatsFormat] == ["text", "json"]
    assert explore.format_stats_as(figures, explore.StatsFormat.TEXT) == explore.format_stats(
        figures
    )
    assert explore.format_stats_as(figures, explore.StatsFormat.JSON) == explore.stats_json(figures)


def test_critical_kinds_in_the_table() -> None:
    """The critical table gives each statement's kind, what it carries and what it breaks."""
    argmap = fixture("chain")
    text = explore.format_critical(argmap, explore.critical(argmap), evaluate(argmap))
    assert text.splitlines()[2:5] == [
        "  statement  kind      carries  breaks",
        "  e-cracks   evidence        2  t",
        "  c-unsafe   claim           1  t",
    ]
    assert argmap.statements["e-cracks"].kind is Kind.EVIDENCE


def reached_through_reasons(argmap: Map, start: str) -> list[Statement]:
    """Every statement reached from ``start`` through reasons, once, by a plain search."""
    seen = {start}
    todo = [start]
    while todo:
        for premise in argmap.statements[todo.pop()].premise_ids():
            if premise not in seen:
                seen.add(premise)
                todo.append(premise)
    return [argmap.statements[sid] for sid in seen]


# --- any map -------------------------------------------------------------------------------------


@examples(150, suppress_health_check=list(HealthCheck))
@given(maps(max_statements=10))
def test_any_map_shows_each_statement_in_full_exactly_once(argmap: Map) -> None:
    """Whatever the shape (circles, attack cycles, shared premises, odd texts), the outline shows
    every statement once in full and refers to it otherwise; colour changes no word."""
    report = check(argmap)
    outline = explore.tree(argmap, evaluation=report.evaluation, findings=report.findings)
    full = [line.statement for line in outline.lines if line.statement and not line.seen]
    assert sorted(full) == sorted(argmap.statements)
    text = explore.format_tree(outline, 60)
    assert ANSI.sub("", explore.format_tree(outline, 60, colour=True)) == text


@examples(300)
@given(shapes(max_statements=10))
def test_any_map_has_consistent_figures(argmap: Map) -> None:
    """On any map the figures add up: totals, evidence per thesis, grounded claims."""
    figures = explore.stats(argmap)
    assert figures.total == len(argmap.statements)
    evidence = figures.statements["evidence"]
    assert all(0 <= n <= evidence for n in figures.evidence_per_thesis.values())
    assert dict(figures.evidence_per_thesis) == {
        s.id: sum(1 for r in reached_through_reasons(argmap, s.id) if r.kind is Kind.EVIDENCE)
        for s in argmap.theses
    }
    assert 0 <= figures.deepest_chain < max(1, len(argmap.statements))
    assert 0 <= figures.grounded_claims <= figures.claims


def test_control_characters_in_texts_are_shown_not_sent_to_the_terminal() -> None:
    """A map built in code can hold an escape character (the loader refuses one); the outline
    shows it as text."""
    loaded = loads("argmap: 1\ntitle: T\nstatements:\n  t:\n    thesis: A\n")
    thesis = attrs.evolve(loaded.statements["t"], text="A\x1b[31m red")
    argmap = attrs.evolve(loaded, title="T\x1b[2J", statements={"t": thesis})
    text = explore.format_tree(explore.tree(argmap), 0)
    assert "\x1b" not in text
    assert "t (thesis): A\\x1b[31m red\n" in text


def test_a_chain_of_thousands_of_steps_prints_in_linear_space(long_chain: int) -> None:
    """Past a quarter of the width, lines stop indenting further and say their depth instead, so
    a chain of thousands of steps prints lines no wider than the width allows, not twice as many
    spaces deep."""
    n = long_chain
    body = "".join(f"  s{i}:\n    claim: C{i}\n    reasons: [s{i + 1}]\n" for i in range(1, n))
    text = (
        "argmap: 1\ntitle: chain\nstatements:\n  s0:\n    thesis: T\n    reasons: [s1]\n"
        + body
        + f"  s{n}:\n    evidence: E\n    quote: q\n    at: 1\n"
    )
    printed = explore.format_tree(explore.outline(loads(text)), width=80)
    lines = printed.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any(line.lstrip().startswith(f"[{n}] + s{n} (evidence)") for line in lines)
    assert len(printed) < 200 * n


def test_objections_answering_each_other_thousands_deep_are_answered_exactly() -> None:
    """Objections that answer each other, each resting on the thesis's own evidence, chained
    thousands deep: the critical statements are those that rejecting each in turn gives (checked
    on a chain of 301), and a chain of 3,001, on which the exact check once held sets growing with
    the square of the depth and stopped at a memory budget, is answered in the same pattern."""

    def chained(n: int) -> Map:
        body = "".join(
            f"  o{i}:\n    claim: O{i}\n    reasons: [e]\n    objections: [o{i + 1}]\n"
            for i in range(n)
        )
        return loads(
            "argmap: 1\ntitle: T\nstatements:\n  t:\n    thesis: T\n    reasons: [e]\n"
            "    objections: [o0]\n  e: {evidence: E, quote: q, at: 1}\n"
            + body
            + f"  o{n}:\n    claim: O\n    reasons: [e]\n"
        )

    short = chained(301)
    assert evaluate(short).status["t"] is Status.GROUNDED
    assert explore.critical(short) == brute_force_critical(short)
    # Rejecting e brings everything down; rejecting an odd objection o1, o3, ... lets the one it
    # answers stand, which flips every objection above it, down to the thesis.
    assert explore.critical(short)[:2] == (
        Critical("e", ("t",), 303),
        Critical("o301", ("t",), 302),
    )
    deep = chained(3_001)
    odd = tuple(Critical(f"o{k}", ("t",), k + 1) for k in range(3_001, 0, -2))
    assert explore.critical(deep) == (Critical("e", ("t",), 3_003), *odd)


@st.composite
def attacked_maps(draw: st.DrawFn, size: int = 10) -> Map:
    """Small maps full of objections: every statement may be rebutted, every reason undercut, and
    objections answered or undercut in turn, two levels deep, with premises drawn from the whole
    map (so circles of support and attack cycles come up too). Texts are one letter: the property
    is about structure."""
    ids = [f"s{n}" for n in range(draw(st.integers(2, size)))]
    kinds = [draw(st.sampled_from(Kind)) for _ in ids]
    names = iter(range(10**6))

    def premises(owner: str) -> tuple[str, ...]:
        others = [sid for sid in ids if sid != owner]
        return tuple(draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True)))

    def objections(owner: str, depth: int) -> tuple[Objection, ...]:
        count = draw(st.integers(0, 2 if depth < 2 else 0))
        return tuple(
            Objection(f"o{next(names)}", premises(owner), objections(owner, depth + 1))
            for _ in range(count)
        )

    statements = {}
    for sid, kind in zip(ids, kinds, strict=True):
        reasons = tuple(
            Reason(f"r{next(names)}", premises(sid), objections(sid, 1))
            for _ in range(draw(st.integers(0 if not kind.is_claim else 1, 2)))
        )
        statements[sid] = Statement(sid, kind, "x", reasons, objections(sid, 0))
    return Map("attacked", statements)


@examples(300)
@given(attacked_maps())
def test_critical_agrees_with_rejecting_each_statement_in_turn_on_attack_heavy_maps(
    argmap: Map,
) -> None:
    """On small maps where objections, undercuts and answers are the rule, the forest of
    derivations and the definition agree: attacks change what a rejection brings down, and the
    fast answer must still be exact."""
    assert explore.critical(argmap) == brute_force_critical(argmap)
