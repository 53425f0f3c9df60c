"""The author's words alone: the mapper's items (assumptions, and links written with
``assumed:``) taken away, each thesis read a second time, and the mapper's items a thesis needs."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given

from argmap.analysis import check
from argmap.analysis.author import author_labelling, grounded_without, mapper_nodes, needs
from argmap.dump import dump_map
from argmap.errors import MapError
from argmap.graph import Graph, Label
from argmap.load import loads
from argmap.model import Code, Map
from argmap.status import Severity, Status
from argmap.text.report import author_reading
from strategies import examples, shapes


def build(statements: str) -> Map:
    """A map from the YAML of its ``statements`` block."""
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    return loads(f"argmap: 1\ntitle: test\nstatements:\n{body}\n")


TWO_ROUTES = """
    t:
      thesis: T
      reasons:
        - [e1, a1]
        - {assumed: e2}
        - {premises: e3, quote: "Given e3,"}
    e1: {evidence: E1}
    e2: {evidence: E2}
    e3: {claim: E3, reasons: [a3]}
    a1: {assumption: A1}
    a3: {assumption: A3}
"""


def test_assumed_and_quote_mark_whose_link_a_reason_is() -> None:
    """``assumed:`` in place of ``premises:`` marks the mapper's link; a ``quote`` on a reason is
    the author's connective, and it survives a dump and a load."""
    m = build(TWO_ROUTES)
    first, second, third = m.statements["t"].reasons
    assert (first.assumed, second.assumed, third.assumed) == (False, True, False)
    assert second.premises == ("e2",)
    assert third.quote == "Given e3,"
    assert loads(dump_map(m)) == m


def test_assumed_with_premises_or_with_a_quote_is_refused() -> None:
    """A reason cannot have both 'premises' and 'assumed', nor be the mapper's and quote the
    author."""
    with pytest.raises(MapError) as both:
        build("t: {thesis: T, reasons: [{premises: e, assumed: e}]}\ne: {evidence: E}")
    assert "both 'premises' and 'assumed'" in str(both.value)
    with pytest.raises(MapError) as quoted:
        build("t: {thesis: T, reasons: [{assumed: e, quote: Since}]}\ne: {evidence: E}")
    assert "cannot carry the author's words" in str(quoted.value)


def test_a_thesis_grounded_only_through_the_mapper_needs_one_of_its_routes() -> None:
    """t stands on three routes: (e1, a1) needs the assumption a1; the reason on e2 is the
    mapper's link; e3 rests on the assumption a3. On the author's words alone none applies, so t
    is not grounded; given back any one of a1, the link t.r2, or a3 grounds it: three sets of
    one, in node order (statements before links)."""
    report = check(build(TWO_ROUTES))
    (verdict,) = report.verdicts
    assert verdict.status is Status.GROUNDED
    assert verdict.author is Status.NOT_GROUNDED
    assert verdict.needs == (("a1",), ("a3",), ("t.r2",))
    (finding,) = [f for f in report.findings if f.code is Code.RESTS_ON_MAPPER]
    assert finding.severity is Severity.INFO
    assert finding.message == (
        "thesis t is grounded only through the mapper's reading: on the author's words alone it "
        "is not grounded; it needs a1 or a3 or t.r2"
    )
    assert author_reading(verdict) == (
        " (on the author's words alone: not grounded; it needs a1 or a3 or t.r2)"
    )


def test_a_thesis_that_needs_two_items_together_names_them_together() -> None:
    """t <- (c, a1); c <- (e, a2): both assumptions are needed at once, and nothing else will
    do, so there is one set of two."""
    report = check(
        build("""
        t: {thesis: T, reasons: [[c, a1]]}
        c: {claim: C, reasons: [[e, a2]]}
        e: {evidence: E}
        a1: {assumption: A1}
        a2: {assumption: A2}
    """)
    )
    (verdict,) = report.verdicts
    assert verdict.needs == (("a1", "a2"),)
    assert author_reading(verdict).endswith("it needs a1 and a2)")


def test_a_mapper_objection_taken_away_can_change_a_verdict_the_other_way() -> None:
    """The thesis is defeated by an objection the mapper assumed; on the author's words alone it
    is grounded. That is shown in the verdict, and is no rests-on-mapper finding."""
    report = check(
        build("""
        t: {thesis: T, reasons: [e], objections: [{assumed: f}]}
        e: {evidence: E}
        f: {evidence: F}
    """)
    )
    (verdict,) = report.verdicts
    assert (verdict.status, verdict.author) == (Status.DEFEATED, Status.GROUNDED)
    assert not [f for f in report.findings if f.code is Code.RESTS_ON_MAPPER]
    assert author_reading(verdict) == " (on the author's words alone: grounded)"


def test_a_map_without_the_mappers_items_gets_no_second_reading() -> None:
    """No assumption and no assumed link: the verdict says nothing about the author's words."""
    (verdict,) = check(build("t: {thesis: T, reasons: [e]}\ne: {evidence: E}")).verdicts
    assert verdict.author is None
    assert author_reading(verdict) == ""


def test_the_same_verdict_on_the_authors_words_is_said_so() -> None:
    """t stands on e alone, whatever the assumption a does."""
    (verdict,) = check(
        build("t: {thesis: T, reasons: [e, a]}\ne: {evidence: E}\na: {assumption: A}")
    ).verdicts
    assert verdict.author is Status.GROUNDED
    assert author_reading(verdict) == " (the same on the author's words alone)"


@given(shapes(10))
@examples(200)
def test_each_set_a_thesis_needs_grounds_it_and_none_of_its_items_can_be_dropped(m: Map) -> None:
    """For every thesis grounded only through the mapper's items: each set named, given back to
    the author's words alone, grounds it, and without any one of its items it does not."""
    graph = Graph.of(m)
    mapper = set(mapper_nodes(graph))
    labels = author_labelling(graph).label
    for thesis in graph.theses:
        if labels[thesis] == Label.IN or not grounded_without(graph, thesis, ()):
            continue
        sets = needs(graph, thesis)
        assert sets
        for kept in sets:
            assert grounded_without(graph, thesis, mapper - set(kept))
            for item in kept:
                assert not grounded_without(graph, thesis, mapper - set(kept) | {item})


def test_whatif_author_only_and_stats_show_the_mappers_share() -> None:
    """TWO_ROUTES on the author's words alone: t, e3 and the assumptions fall. Its support
    (for t) is r1 (e1, a1), r2 (e2), r3 (e3 <- e3.r1 <- a3): 9 items, of which a1, a3 and the
    assumed t.r2 are the mapper's, so the author's share is 6 of 9."""
    from argmap.analysis import shares
    from argmap.explore import whatif
    from argmap.text.answers import format_whatif

    m = build(TWO_ROUTES)
    result = whatif(m, author_only=True)
    assert [(c.statement, c.before, c.after) for c in result.changes] == [
        ("t", Status.GROUNDED, Status.NOT_GROUNDED),
        ("e3", Status.GROUNDED, Status.NOT_GROUNDED),
        ("a1", Status.GROUNDED, Status.NOT_GROUNDED),
        ("a3", Status.GROUNDED, Status.NOT_GROUNDED),
    ]
    assert format_whatif(result).startswith("Taking away the mapper's reading:\n")
    figures = shares(m)
    assert (figures.assumptions, figures.assumed_links) == (2, 1)
    assert figures.authors_share == {"t": pytest.approx(6 / 9)}


def test_whatif_author_only_recomputes_what_a_thesis_earns() -> None:
    """A thesis with a firm route the mapper drew and a hedged one the author gives stays grounded
    on the author's words alone, but earns only what the author's route earns: whatif reports
    the change of earned confidence though the status does not change."""
    from argmap.explore import whatif
    from argmap.model import Level

    m = build(
        """
        t:
          thesis: T
          reasons:
            - {assumed: e1}
            - [c2]
        e1: {evidence: E1}
        c2: {claim: C2, hedge: probably, reasons: [e2]}
        e2: {evidence: E2}
        """
    )
    result = whatif(m, author_only=True)
    assert [
        (c.statement, c.before, c.after, c.earned_before, c.earned_after) for c in result.changes
    ] == [
        ("t", Status.GROUNDED, Status.GROUNDED, Level.ALMOST_CERTAIN, Level.LIKELY),
    ]
