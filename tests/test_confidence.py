"""Stated and earned confidence, pinned on small hand-made maps: where words fall on the scale,
what evidence and assumptions earn, how linked and convergent reasons, answered objections and
circles pass confidence on, and the ``overstated`` and ``unknown-hedge`` findings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import check
from argmap.analysis.confidence import WORDS, Earned, gap_severity, stated, word_level
from argmap.analysis.labels import Labelling
from argmap.errors import MapError
from argmap.graph import Graph, Label
from argmap.load import loads
from argmap.model import Code, Level, Map
from argmap.status import Severity
from strategies import examples, shapes

ALMOST_CERTAIN, VERY_LIKELY, LIKELY = Level.ALMOST_CERTAIN, Level.VERY_LIKELY, Level.LIKELY


def build(statements: str) -> Map:
    """A map from the YAML of its ``statements`` block."""
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    return loads(f"argmap: 1\ntitle: test\nstatements:\n{body}\n")


def earned(statements: str) -> dict[str, Level | None]:
    """What each statement of the map earns."""
    return dict(check(build(statements)).earned)


def findings(statements: str, code: Code) -> list[tuple[str, str, Severity]]:
    """The findings with ``code``: statement, message, severity."""
    report = check(build(statements))
    return [(f.statement, f.message, f.severity) for f in report.findings if f.code is code]


# --- the scale -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "level"),
    [
        ("almost no chance", Level.ALMOST_NO_CHANCE),
        ("Very unlikely", Level.VERY_UNLIKELY),
        ("may", Level.EVEN_CHANCE),
        ("could", Level.EVEN_CHANCE),
        ("potentially", Level.EVEN_CHANCE),
        ("probably", Level.LIKELY),
        ("seemingly", Level.LIKELY),
        ("it currently seems", Level.LIKELY),
        ("most likely", Level.VERY_LIKELY),
        ("almost certainly", Level.ALMOST_CERTAIN),
        ("It is clear,", Level.CERTAIN),
        ("undoubtedly", Level.CERTAIN),
        ("arguably", None),
    ],
)
def test_words_fall_on_the_scale(words: str, level: Level | None) -> None:
    """Hedges and certainty markers are placed by the table, ignoring case, spacing, punctuation
    and filler words; words not in it have no level."""
    assert word_level(words) is level


def test_every_level_term_is_a_word_of_its_own_level() -> None:
    """Each term of the scale, written as a hedge, means its own level."""
    for level in Level:
        assert WORDS[level.term] is level
        assert Level.named(level.term.upper()) is level


def test_an_explicit_level_wins_over_the_words() -> None:
    """A ``level:`` is the mapper's reading, and is what the statement states."""
    statement = build("c: {claim: C, hedge: probably, level: very likely}").statements["c"]
    assert stated(statement) is VERY_LIKELY
    assert stated(build("c: {claim: C}").statements["c"]) is None  # a plain assertion


def test_an_unknown_level_is_a_load_error_with_a_suggestion() -> None:
    """``level:`` names a term of the scale; anything else is refused with the closest term."""
    with pytest.raises(MapError, match=r"not on the confidence scale \(did you mean 'likely'\?\)"):
        build("c: {claim: C, level: likly}")


def test_a_hedge_and_a_certainty_marker_together_are_refused() -> None:
    """A statement states one confidence: hedged and certain at once is a contradiction."""
    with pytest.raises(MapError, match="both a hedge and a certainty marker"):
        build("c: {claim: C, hedge: may, certainty: clearly}")


# --- the rule ------------------------------------------------------------------------------------


def test_evidence_and_assumptions_earn_their_defaults_capped_by_their_own_level() -> None:
    """Evidence earns almost certain, an assumption very likely, each at most what it states."""
    assert earned("""
        t: {thesis: T, reasons: [e, a, h]}
        e: {evidence: E}
        a: {assumption: A}
        h: {evidence: H, hedge: probably}
    """) == {"t": ALMOST_CERTAIN, "e": ALMOST_CERTAIN, "a": VERY_LIKELY, "h": LIKELY}


def test_a_linked_reason_earns_its_weakest_co_premise() -> None:
    """All co-premises are needed, so the reason is as firm as the weakest."""
    assert (
        earned("t: {thesis: T, reasons: [[e, a]]}\ne: {evidence: E}\na: {assumption: A}")["t"]
        is VERY_LIKELY
    )


def test_a_claim_earns_its_strongest_convergent_reason() -> None:
    """Any reason alone supports the claim, so the firmest one counts."""
    assert (
        earned("t: {thesis: T, reasons: [e, a]}\ne: {evidence: E}\na: {assumption: A}")["t"]
        is ALMOST_CERTAIN
    )


def test_a_statement_is_capped_by_its_own_stated_level() -> None:
    """A hedged claim earns no more than its hedge, and passes no more on."""
    assert earned("""
        t: {thesis: T, reasons: [c]}
        c: {claim: C, hedge: may, reasons: [e]}
        e: {evidence: E}
    """) == {"t": Level.EVEN_CHANCE, "c": Level.EVEN_CHANCE, "e": ALMOST_CERTAIN}


ANSWERED = """
    t: {thesis: T, reasons: [e], objections: [{id: o, premises: e2, objections: [c]}]}
    e: {evidence: E}
    e2: {evidence: E2}
    c: {claim: C, hedge: likely, reasons: [e3]}
    e3: {evidence: E3}
"""


def test_an_objection_answered_by_an_undercut_caps_at_the_answer() -> None:
    """The thesis survives o only through c, so it is no firmer than c."""
    assert earned(ANSWERED)["t"] is LIKELY


def test_an_objection_answered_by_a_rebuttal_of_its_premise_caps_at_the_answer() -> None:
    """Refuting the objection's premise answers it just as firmly as the refutation."""
    assert (
        earned("""
        t: {thesis: T, reasons: [e], objections: [c2]}
        e: {evidence: E}
        c2: {claim: C2, reasons: [e2], objections: [c]}
        e2: {evidence: E2}
        c: {claim: C, hedge: probably, reasons: [e3]}
        e3: {evidence: E3}
    """)["t"]
        is LIKELY
    )


def test_an_objection_on_an_unsupported_premise_caps_nothing() -> None:
    """An objection that rests on a claim with no reasons is not answered by anything: it fails
    outright, and the statement keeps what its support earns."""
    assert (
        earned("""
        t: {thesis: T, reasons: [e], objections: [c]}
        e: {evidence: E}
        c: {claim: C}
    """)["t"]
        is ALMOST_CERTAIN
    )


def test_a_circle_earns_only_what_comes_from_outside_it() -> None:
    """Claims supporting each other add nothing: the circle is as firm as its way in, and a
    circle with no way in is undecided and earns nothing."""
    levels = earned("""
        t: {thesis: T, reasons: [c1]}
        c1: {claim: C1, reasons: [c2, a]}
        c2: {claim: C2, reasons: [c1]}
        a: {assumption: A}
        d1: {claim: D1, reasons: [d2]}
        d2: {claim: D2, reasons: [d1]}
    """)
    assert (levels["t"], levels["c1"], levels["c2"]) == (VERY_LIKELY,) * 3
    assert (levels["d1"], levels["d2"]) == (None, None)


def test_what_is_not_grounded_earns_nothing() -> None:
    """A defeated or unsupported statement earns nothing, however firm its words."""
    assert earned("""
        t: {thesis: T, certainty: it is clear, reasons: [c]}
        c: {claim: C}
        d: {claim: D, reasons: [e], objections: [e2]}
        e: {evidence: E}
        e2: {evidence: E2}
    """) == {"t": None, "c": None, "d": None, "e": ALMOST_CERTAIN, "e2": ALMOST_CERTAIN}


def test_an_explicit_level_places_an_unknown_word() -> None:
    """``level:`` gives the words a place: the claim is capped there, and nothing is reported."""
    text = (
        "t: {thesis: T, reasons: [c]}\n"
        "c: {claim: C, hedge: arguably, level: likely, reasons: [e]}\ne: {evidence: E}"
    )
    assert earned(text)["t"] is LIKELY
    assert findings(text, Code.UNKNOWN_HEDGE) == []


def test_an_unknown_word_is_reported_and_not_guessed() -> None:
    """Words not on the scale cap nothing (the claim earns what its support earns) and are
    reported with the closest word of the scale."""
    text = (
        "t: {thesis: T, reasons: [c]}\nc: {claim: C, hedge: probabley, reasons: [e]}\n"
        "e: {evidence: E}"
    )
    assert earned(text)["t"] is ALMOST_CERTAIN
    [(statement, message, severity)] = findings(text, Code.UNKNOWN_HEDGE)
    assert (statement, severity) == ("c", Severity.WARNING)
    assert message == (
        "the hedge of claim c, \u201cprobabley\u201d, is not on the confidence scale "
        "(did you mean 'probably'?): its level is not guessed"
    )


# --- overstated ----------------------------------------------------------------------------------


def test_overstated_names_the_objection_and_the_answer_it_survives_through() -> None:
    """The seed's pattern: a certain thesis that survives an objection only through a "likely"
    answer is overstated by three steps, a warning."""
    text = ANSWERED.replace("{thesis: T,", "{thesis: T, certainty: it is clear,")
    assert findings(text, Code.OVERSTATED) == [
        (
            "t",
            "thesis t says \u201cit is clear\u201d (certain) but earns at most likely, 3 steps "
            "less: it survives objection o only through c (\u201clikely\u201d)",
            Severity.WARNING,
        )
    ]


def test_overstated_names_the_premise_it_rests_on() -> None:
    """Without an objection on the way, the weakest link is the premise whose level caps it."""
    [(_, message, _)] = findings(
        "t: {thesis: T, level: very likely, reasons: [[e, c]]}\n"
        "c: {claim: C, hedge: may, reasons: [e]}\ne: {evidence: E}",
        Code.OVERSTATED,
    )
    assert message.endswith(
        "is stated as very likely but earns at most roughly even chance, 2 steps less: "
        "it rests on c (\u201cmay\u201d)"
    )


def test_overstated_is_not_reported_when_the_support_earns_it() -> None:
    """Near-identical: the same thesis hedged as firmly as its answer is not overstated."""
    text = ANSWERED.replace("{thesis: T,", "{thesis: T, hedge: likely,")
    assert findings(text, Code.OVERSTATED) == []


@pytest.mark.parametrize(
    ("gap", "severity"),
    [(1, Severity.INFO), (2, Severity.WARNING), (3, Severity.WARNING), (4, Severity.ERROR)],
)
def test_overstated_severity_grows_with_the_gap(gap: int, severity: Severity) -> None:
    """One step is info, two or three a warning, four or more an error."""
    assert gap_severity(gap) is severity


# --- properties ----------------------------------------------------------------------------------


def _levels(argmap: Map) -> tuple[list[Label], list[int]]:
    graph = Graph(argmap)
    label = Labelling(graph, (), ()).label
    return label, Earned(graph, label).level


@given(shapes(), st.data())
@examples(200)
def test_earned_agrees_with_the_labels(argmap: Map, data: st.DataObject) -> None:
    """A node earns something exactly when it is in, and is refuted to some degree exactly when
    it is out: what is undecided gets nothing either way."""
    label, level = _levels(argmap)
    for node, value in enumerate(label):
        assert (level[node] > 0) == (value != Label.UNDECIDED), argmap


@given(shapes(), st.data())
@examples(200)
def test_raising_a_level_never_lowers_anything(argmap: Map, data: st.DataObject) -> None:
    """Monotone: stating any one statement more firmly never lowers what any statement earns
    (nor how firmly anything out is refuted); the labels do not change."""
    sid = data.draw(st.sampled_from(list(argmap.statements)))
    low, high = sorted(data.draw(st.lists(st.sampled_from(list(Level)), min_size=2, max_size=2)))
    levels = []
    for level in (low, high):
        statement = attrs.evolve(argmap.statements[sid], level=level)
        levels.append(
            _levels(attrs.evolve(argmap, statements={**argmap.statements, sid: statement}))
        )
    (label_low, lower), (label_high, higher) = levels
    assert label_low == label_high
    assert all(a <= b for a, b in zip(lower, higher, strict=True))


def test_the_format_documents_the_scale_as_the_code_has_it() -> None:
    """maps/README.md's table lists every word of the scale, each at its level, and no other."""
    readme = (Path(__file__).parent.parent / "maps" / "README.md").read_text(encoding="utf-8")
    documented: dict[str, Level] = {}
    for line in readme.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            level = Level(int(cells[0]))
            assert cells[1] == level.term
            documented[level.term] = level
            documented.update(dict.fromkeys(filter(None, cells[3].split(", ")), level))
    assert documented == WORDS


def test_certainty_and_level_are_written_back() -> None:
    """Dumping a map keeps its certainty markers and levels: loading it again gives the same map."""
    from argmap.dump import dump_map

    argmap = build(
        "t: {thesis: T, certainty: it is clear, level: Very Likely, reasons: [e]}\ne: {evidence: E}"
    )
    assert argmap.statements["t"].level is VERY_LIKELY
    assert "level: very likely" in dump_map(argmap)
    assert loads(dump_map(argmap)) == argmap
