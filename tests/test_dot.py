"""DOT generation: what the diagram shows, how text is quoted, and that the output is stable.

The DOT text is read back with the small reader in ``dotreader.py``, so tests assert on nodes,
edges and attributes rather than on the layout of the text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from argmap.analysis import Finding, check, evaluate
from argmap.dot import DrawOptions, select, to_dot
from argmap.dot.quoting import html, one_line, quote, wrap
from argmap.dot.theme import DEFAULT_THEME, Relation
from argmap.errors import QueryError
from argmap.load import loads
from argmap.model import Code, Kind, Map
from argmap.render import draw
from argmap.status import Severity
from dotreader import Graph, edge, label_text, read_dot, tooltip_text, unquote, words
from golden import assert_golden
from strategies import examples, maps, tricky_texts

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"


_DATA = ("findings", "evaluation", "critical", "theme")


def dot_of(text: str, **options: Any) -> Graph:
    """The DOT of the map ``text`` read back; ``options`` are the drawing's data (findings,
    evaluation, critical, theme) and fields of :class:`DrawOptions`."""
    data = {key: options.pop(key) for key in _DATA if key in options}
    return read_dot(to_dot(loads(text), DrawOptions(**options), **data))


MAP = """\
argmap: 1
title: Should the city close its centre to cars?
source:
  title: Car-free centres
  url: https://example.org/car-free
sections:
  background: Background
  conclusions: Conclusions
statements:
  close-centre:
    thesis: The city should close its centre to private cars.
    section: conclusions
    reasons:
      - cleaner-air
      - [fewer-crashes, crashes-matter]
      - id: r-noise
        premises: quieter
        objections: [noise-elsewhere]
    objections:
      - deliveries
  cleaner-air:
    evidence: Air pollution fell by about a third after a similar closure.
    quote: fell by almost a third
    section: background
    at: 2
  fewer-crashes:
    claim: Fewer cars in the centre means fewer crashes.
    hedge: probably
    reasons: [crash-data]
  crash-data:
    evidence: Crashes fell by half in the pilot street.
    at: p. 4
  crashes-matter:
    assumption: Preventing crashes is worth some inconvenience.
  quieter:
    evidence: Streets were quieter.
  noise-elsewhere:
    claim: The noise moved to the ring road.
  deliveries:
    claim: Shops could no longer receive deliveries.
    objections:
      - [delivery-windows, windows-enough]
  delivery-windows:
    evidence: Deliveries remain allowed before 10 a.m.
    section: background
    at: 4
  windows-enough:
    assumption: A morning window is enough for most shops.
"""


# --- the shape of the argument -------------------------------------------------------------------


def test_every_statement_is_a_node_named_and_identified_by_its_map_id() -> None:
    """Node names are the map ids, and ``id`` is set so SVG elements carry them too."""
    graph = dot_of(MAP)
    statements = loads(MAP).statements
    assert set(statements) <= set(graph.nodes)
    for statement_id in statements:
        assert unquote(graph.nodes[statement_id]["id"]) == statement_id


def test_a_reason_with_one_premise_goes_straight_to_its_claim() -> None:
    """A single premise is one support edge, identified by the reason's id, without a junction."""
    graph = dot_of(MAP)
    support = edge(graph, "cleaner-air", "close-centre")
    assert unquote(support["id"]) == "close-centre.r1"
    assert support["arrowhead"] == DEFAULT_THEME.edges[Relation.SUPPORT].arrowhead
    assert "close-centre.r1" not in graph.nodes


def test_co_premises_meet_in_one_junction_before_the_claim() -> None:
    """A linked reason's premises reach a junction named by the reason, and only it reaches the
    claim, so the reader sees the premises work together."""
    graph = dot_of(MAP)
    junction = "close-centre.r2"
    assert graph.nodes[junction]["shape"] == "point"
    for premise in ("fewer-crashes", "crashes-matter"):
        assert edge(graph, premise, junction)["arrowhead"] == "none"
        assert not [e for e in graph.edges if e[:2] == (premise, "close-centre")]
    assert edge(graph, junction, "close-centre")["arrowhead"] == "normal"


def test_separate_reasons_arrive_separately() -> None:
    """Each independent reason has its own way into the claim."""
    graph = dot_of(MAP)
    into_thesis = {t for t, h, _ in graph.edges if h == "close-centre"}
    assert into_thesis == {"cleaner-air", "close-centre.r2", "r-noise", "deliveries"}


def test_an_undercut_points_at_the_reason_not_the_claim() -> None:
    """An attacked single-premise reason gets a junction, and the undercut ends there."""
    graph = dot_of(MAP)
    assert graph.nodes["r-noise"]["shape"] == "point"
    assert edge(graph, "quieter", "r-noise")["arrowhead"] == "none"
    undercut = edge(graph, "noise-elsewhere", "r-noise")
    style = DEFAULT_THEME.edges[Relation.UNDERCUT]
    assert (undercut["style"], undercut["arrowhead"]) == (style.style, style.arrowhead)
    assert not [e for e in graph.edges if e[:2] == ("noise-elsewhere", "close-centre")]


def test_a_rebuttal_points_at_the_statement_in_its_own_style() -> None:
    """Support, rebuttal and undercut differ in line pattern, not only in colour."""
    graph = dot_of(MAP)
    rebuttal = edge(graph, "deliveries", "close-centre")
    assert rebuttal["style"] == DEFAULT_THEME.edges[Relation.REBUTTAL].style
    patterns = {DEFAULT_THEME.edges[r].style for r in (Relation.SUPPORT, Relation.REBUTTAL)}
    patterns.add(DEFAULT_THEME.edges[Relation.UNDERCUT].style)
    assert len(patterns) == 3


def test_an_objection_with_several_premises_gets_a_junction() -> None:
    """Co-premises of an objection meet before they attack, like those of a reason."""
    graph = dot_of(MAP)
    junction = "deliveries.o1"
    assert graph.nodes[junction]["shape"] == "point"
    assert {t for t, h, _ in graph.edges if h == junction} == {"delivery-windows", "windows-enough"}
    assert edge(graph, junction, "deliveries")["arrowhead"] == "tee"


def test_an_undercut_of_an_objection_points_at_that_objection() -> None:
    """A reply that denies an objection's bearing ends at the objection's junction."""
    graph = dot_of(
        """\
argmap: 1
title: t
statements:
  c:
    claim: C.
    objections:
      - id: o
        premises: x
        objections: [y]
  x:
    claim: X.
  y:
    claim: Y.
"""
    )
    assert graph.nodes["o"]["shape"] == "point"
    assert edge(graph, "x", "o")["arrowhead"] == "none"
    assert edge(graph, "o", "c")["arrowhead"] == "tee"
    assert edge(graph, "y", "o")["style"] == DEFAULT_THEME.edges[Relation.UNDERCUT].style


def test_sections_become_clusters_titled_by_their_headings() -> None:
    """Statements of a section sit in ``cluster:section:<id>``, labelled by the section's title."""
    graph = dot_of(MAP)
    assert graph.cluster_of["cleaner-air"] == "cluster:section:background"
    assert graph.cluster_of["delivery-windows"] == "cluster:section:background"
    assert graph.cluster_of["close-centre"] == "cluster:section:conclusions"
    assert "fewer-crashes" not in graph.cluster_of
    assert words(label_text(graph.clusters["cluster:section:background"]["label"])) == "Background"


# --- how statements look -------------------------------------------------------------------------


def _grey(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_each_kind_is_recognisable_in_grey_scale() -> None:
    """Kinds differ by shape, border pattern, or a clearly different grey; the thesis is darkest."""
    looks = {
        kind: (style.shape, style.style.replace("bold", ""), round(_grey(style.fillcolor) / 24))
        for kind, style in DEFAULT_THEME.kinds.items()
    }
    assert len(set(looks.values())) == len(Kind)
    thesis = _grey(DEFAULT_THEME.kinds[Kind.THESIS].fillcolor)
    others = [_grey(s.fillcolor) for k, s in DEFAULT_THEME.kinds.items() if k is not Kind.THESIS]
    assert thesis < min(others) - 80


def test_nodes_are_drawn_in_the_style_of_their_kind() -> None:
    """The thesis, claims, evidence and assumptions take their theme's shape and fill; a statement
    that only attacks takes the attacking fill."""
    graph = dot_of(MAP)
    for statement_id, kind in (
        ("close-centre", Kind.THESIS),
        ("fewer-crashes", Kind.CLAIM),
        ("cleaner-air", Kind.EVIDENCE),
        ("crashes-matter", Kind.ASSUMPTION),
    ):
        style = DEFAULT_THEME.kinds[kind]
        node = graph.nodes[statement_id]
        assert (node["shape"], unquote(node["fillcolor"])) == (style.shape, style.fillcolor)
    attacking = DEFAULT_THEME.attacking[Kind.CLAIM]
    assert unquote(graph.nodes["deliveries"]["fillcolor"]) == attacking.fillcolor


def test_statements_are_coloured_by_their_side_of_the_thesis() -> None:
    """The rebuttal's premise (deliveries) is against the thesis, and so is the survey that
    supports it; the answer to the rebuttal (delivery-windows, a premise of an objection to
    deliveries) is on the thesis's side and drawn as evidence, not as an attack."""
    text = (
        MAP.replace(
            "    claim: Shops could no longer receive deliveries.\n",
            "    claim: Shops could no longer receive deliveries.\n    reasons: [shop-survey]\n",
        )
        + "  shop-survey:\n    evidence: Two shops in three rely on deliveries.\n    at: 5\n"
    )
    graph = dot_of(text)
    evidence = DEFAULT_THEME.kinds[Kind.EVIDENCE].fillcolor
    against = DEFAULT_THEME.attacking[Kind.EVIDENCE].fillcolor
    assert unquote(graph.nodes["deliveries"]["fillcolor"]) == (
        DEFAULT_THEME.attacking[Kind.CLAIM].fillcolor
    )
    assert unquote(graph.nodes["shop-survey"]["fillcolor"]) == against
    assert unquote(graph.nodes["delivery-windows"]["fillcolor"]) == evidence


def test_assumptions_are_visibly_supplied_by_the_mapper() -> None:
    """An assumption has a dashed border and says who supplied it."""
    node = dot_of(MAP).nodes["crashes-matter"]
    assert "dashed" in unquote(node["style"])
    assert "assumed by the mapper" in label_text(node["label"])


def test_labels_show_id_text_hedge_and_locator_and_tooltips_add_the_quote() -> None:
    """Evidence shows where it comes from; the tooltip holds the full text, quote and locator."""
    graph = dot_of(MAP)
    label = words(label_text(graph.nodes["cleaner-air"]["label"]))
    assert label.startswith("cleaner-air Air pollution fell")
    assert label.endswith("¶ Background, para. 2")
    assert "hedged: “probably”" in label_text(graph.nodes["fewer-crashes"]["label"])
    assert unquote(graph.nodes["cleaner-air"]["tooltip"]) == (
        "Air pollution fell by about a third after a similar closure.\n"
        "“fell by almost a third”\n"
        "— Background, para. 2"
    )
    assert "¶ p. 4" in label_text(graph.nodes["crash-data"]["label"])


def test_wrap_sets_the_label_width() -> None:
    """No label line is longer than ``wrap`` characters unless one word is."""
    text = "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh " * 3
    for width in (8, 20, 40):
        lines = wrap(text, width)
        assert all(len(line) <= width or " " not in line for line in lines)
        assert words(" ".join(lines)) == words(text)
    assert wrap("one averyveryverylongword two", 5) == ["one", "averyveryverylongword", "two"]
    assert wrap("first\nsecond", 40) == ["first", "second"]
    narrow = label_text(dot_of(MAP, wrap=10).nodes["close-centre"]["label"])
    wide = label_text(dot_of(MAP, wrap=60).nodes["close-centre"]["label"])
    assert narrow.count("\n") == wide.count("\n") == 0  # breaks are <BR/> tags, not newlines
    assert to_dot(loads(MAP), DrawOptions(wrap=10)).count("<BR/>") > to_dot(
        loads(MAP), DrawOptions(wrap=60)
    ).count("<BR/>")


# --- legend, title, link -------------------------------------------------------------------------


def _legend(graph: Graph) -> str:
    return words(label_text(graph.nodes["_legend"]["label"]))


def test_the_legend_explains_what_is_used_and_only_that() -> None:
    """A map of one claim and its evidence shows those two kinds and support, nothing else."""
    graph = dot_of(
        """\
argmap: 1
title: t
statements:
  c:
    thesis: C.
    reasons: [e]
  e:
    evidence: E.
"""
    )
    legend = _legend(graph)
    assert "thesis" in legend
    assert "evidence" in legend
    assert "supports" in legend
    for unused in ("claim", "assumption", "rebuts", "undercuts", "co-premises", "finding"):
        assert unused not in legend
    full = _legend(dot_of(MAP, findings=()))
    for used in ("claim", "assumption", "rebuts", "undercuts", "co-premises", "unanswered"):
        assert used in full


def _legend_label(graph: Graph) -> str:
    return graph.nodes["_legend"]["label"]


def test_each_finding_severity_has_its_own_symbol_and_word() -> None:
    """Error and warning are told apart by more than two similar oranges: a symbol and a word of
    their own, also on a grey-scale print."""
    markers = list(DEFAULT_THEME.findings.values())
    assert len({m.symbol for m in markers}) == len(markers)
    assert len({m.word for m in markers}) == len(markers)
    assert len({m.color for m in markers}) == len(markers)


def test_the_legend_shows_a_finding_as_the_diagram_draws_it() -> None:
    """Each severity used gets a row with a miniature node in the border the diagram gives such a
    statement (its colour, the finding width) holding the severity's symbol; unused ones none."""
    findings = [
        Finding(Code.CIRCULAR, Severity.ERROR, "fewer-crashes", "supports itself", "", None),
        Finding(Code.ORPHAN, Severity.WARNING, "quieter", "used nowhere", "", None),
    ]
    graph = dot_of(MAP, findings=findings)
    label = _legend_label(graph)
    width = f"{DEFAULT_THEME.finding_penwidth:g}"
    for severity, statement in ((Severity.ERROR, "fewer-crashes"), (Severity.WARNING, "quieter")):
        marker = DEFAULT_THEME.findings[severity]
        node = graph.nodes[statement]
        assert unquote(node["color"]) == marker.color
        assert node["penwidth"] == width
        assert marker.symbol in label_text(node["label"])
        miniature = (
            f'<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" '
            f'BGCOLOR="{DEFAULT_THEME.kinds[Kind.CLAIM].fillcolor}" COLOR="{marker.color}" '
            f'STYLE="rounded"><TR><TD WIDTH="30" HEIGHT="14">'
            f'<FONT COLOR="{marker.color}">{marker.symbol}</FONT></TD></TR></TABLE>'
        )
        assert miniature in label
        assert f"finding: {marker.word} ({marker.symbol}, thick border)" in _legend(graph)
    note = DEFAULT_THEME.findings[Severity.INFO]
    assert note.word not in _legend(graph)
    assert note.symbol not in label


def test_the_legend_draws_each_kind_in_its_own_border_and_corners() -> None:
    """A kind's swatch has the node's fill and border colour, rounded corners where the node has
    them, a dashed border where the node's is dashed."""
    label = _legend_label(dot_of(MAP, findings=()))
    for kind, corners in (
        (Kind.THESIS, ' STYLE="rounded"'),
        (Kind.CLAIM, ' STYLE="rounded"'),
        (Kind.EVIDENCE, ""),
        (Kind.ASSUMPTION, ' STYLE="dashed"'),
    ):
        style = DEFAULT_THEME.kinds[kind]
        opening = f'BGCOLOR="{style.fillcolor}" COLOR="{style.color}"{corners}>'
        assert opening in label, kind


def test_the_legend_draws_the_double_border_of_a_critical_statement() -> None:
    """The critical row's swatch is a miniature inside a second border, as the node is drawn."""
    graph = dot_of(MAP, critical=["cleaner-air"])
    rows = _legend_label(graph).split('<TR><TD WIDTH="44">')
    row = next(r for r in rows if "double border" in r)
    assert row.count("<TABLE") == 2
    assert DEFAULT_THEME.critical.symbol in row


def test_no_legend_draws_none() -> None:
    """``legend=False`` leaves the key out."""
    assert "_legend" not in dot_of(MAP, legend=False).nodes


def test_the_source_link_is_drawn_for_its_web_address() -> None:
    """A web address becomes a link under the title (``test_hostile`` tries hostile ones)."""
    assert 'HREF="https://example.org/car-free"' in to_dot(loads(MAP))


def test_the_title_heads_the_diagram() -> None:
    """The map's title and its source are the graph's label."""
    graph = dot_of(MAP)
    assert words(label_text(graph.attributes["label"])) == (
        "Should the city close its centre to cars? Car-free centres"
    )


# --- findings, statuses, critical statements ------------------------------------------------------


UNSUPPORTED = """\
argmap: 1
title: t
statements:
  t:
    thesis: T.
    reasons: [c, d]
    objections: [x]
  c:
    claim: C has no reasons.
  d:
    claim: D has none either, knowingly.
    ack:
      unsupported: The text gives none.
  x:
    evidence: X.
"""


def test_findings_are_drawn_on_their_statements() -> None:
    """An unsupported claim gets a thick border in its severity's colour and names the finding."""
    report = check(loads(UNSUPPORTED))
    graph = dot_of(UNSUPPORTED, findings=report.findings)
    finding = next(f for f in report.findings if f.statement == "c")
    node = graph.nodes["c"]
    marker = DEFAULT_THEME.findings[finding.severity]
    assert f"{marker.symbol} unsupported" in label_text(node["label"])
    assert unquote(node["color"]) == DEFAULT_THEME.findings[finding.severity].color
    assert float(node["penwidth"]) == DEFAULT_THEME.finding_penwidth
    assert finding.message in unquote(node["tooltip"])
    assert f"finding: {DEFAULT_THEME.findings[finding.severity].word}" in _legend(graph)


def test_an_acknowledged_finding_is_shown_muted() -> None:
    """The mapper's acknowledgement shows, without the alarm border."""
    graph = dot_of(UNSUPPORTED, findings=check(loads(UNSUPPORTED)).findings)
    node = graph.nodes["d"]
    assert "✓ unsupported (acknowledged)" in label_text(node["label"])
    assert "penwidth" not in node
    assert "acknowledged" in _legend(graph)


def test_an_unanswered_objection_stands_out() -> None:
    """Nothing attacks ``x``: its rebuttal is drawn thick; an answered one is not."""
    graph = dot_of(UNSUPPORTED, findings=())
    assert float(edge(graph, "x", "t")["penwidth"]) == DEFAULT_THEME.unanswered_penwidth
    answered = dot_of(MAP, findings=())
    rebuttal = edge(answered, "deliveries", "close-centre")
    assert float(rebuttal["penwidth"]) < DEFAULT_THEME.unanswered_penwidth


def test_without_findings_nothing_is_marked() -> None:
    """``findings=None`` (``--no-findings``) draws no marks, thick borders or thick attacks."""
    graph = dot_of(UNSUPPORTED)
    for marker in DEFAULT_THEME.findings.values():
        assert marker.symbol not in label_text(graph.nodes["c"]["label"])
    assert float(edge(graph, "x", "t")["penwidth"]) < DEFAULT_THEME.unanswered_penwidth
    assert "finding" not in _legend(graph)
    assert "unanswered" not in _legend(graph)


def test_statuses_are_shown_and_reasons_that_do_not_apply_are_greyed() -> None:
    """With an evaluation, each statement names its status; a reason resting on an ungrounded
    premise is drawn in the inactive colour."""
    the_map = loads(UNSUPPORTED)
    evaluation = evaluate(the_map)
    graph = read_dot(to_dot(the_map, evaluation=evaluation))
    for statement_id, status in evaluation.status.items():
        marker = DEFAULT_THEME.statuses[status]
        assert f"{marker.symbol} {marker.word}" in label_text(graph.nodes[statement_id]["label"])
    assert evaluation.applies["t.r1"] is False
    assert unquote(edge(graph, "c", "t")["color"]) == DEFAULT_THEME.inactive_color
    assert "does not apply" in _legend(graph)


def test_critical_statements_get_a_double_border() -> None:
    """Statements passed as critical are marked; others are not."""
    graph = dot_of(MAP, critical=["cleaner-air"])
    assert graph.nodes["cleaner-air"]["peripheries"] == "2"
    assert "★ critical" in label_text(graph.nodes["cleaner-air"]["label"])
    assert "peripheries" not in graph.nodes["quieter"]
    assert "double border" in _legend(graph)


def test_findings_are_taken_as_plain_data() -> None:
    """Any finding about a statement is drawn, whatever produced it."""
    finding = Finding(
        code=Code.CIRCULAR,
        severity=Severity.ERROR,
        statement="fewer-crashes",
        message="supports itself",
        hint="",
        position=None,
    )
    node = dot_of(MAP, findings=[finding]).nodes["fewer-crashes"]
    assert "✖ circular" in label_text(node["label"])
    assert unquote(node["color"]) == DEFAULT_THEME.findings[Severity.ERROR].color


# --- options -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("direction", "rankdir"), [("TB", "BT"), ("BT", "TB"), ("LR", "RL")])
def test_direction_puts_the_thesis_on_top_bottom_or_left(direction: str, rankdir: str) -> None:
    """Edges run from premise to claim, so the thesis on top means Graphviz's bottom-to-top."""
    graph = dot_of(MAP, direction=direction)
    assert graph.attributes["rankdir"] == rankdir
    assert set(graph.nodes) == set(dot_of(MAP).nodes)


def test_focus_draws_only_what_supports_or_attacks_a_statement() -> None:
    """Focus on a claim: it, its reasons' premises and its attackers, all the way down."""
    graph = dot_of(MAP, focus="fewer-crashes", legend=False)
    assert set(graph.nodes) == {"fewer-crashes", "crash-data"}
    whole = dot_of(MAP, focus="close-centre", legend=False)
    assert set(loads(MAP).statements) <= set(whole.nodes)


def test_depth_limits_the_steps_down_and_says_what_is_left_out() -> None:
    """Depth 1 keeps the direct premises; a statement whose support is cut says so."""
    levels = select(loads(MAP), "close-centre", 1)
    assert levels["close-centre"] == 0
    assert levels["fewer-crashes"] == 1
    assert "crash-data" not in levels
    assert "delivery-windows" not in levels
    graph = dot_of(MAP, focus="close-centre", depth=1, legend=False)
    assert set(graph.nodes) - set(levels) == {"close-centre.r2", "r-noise"}
    assert "▾ 1 more below, not shown" in label_text(graph.nodes["fewer-crashes"]["label"])
    assert "more below" not in label_text(graph.nodes["close-centre"]["label"])
    assert set(dot_of(MAP, focus="close-centre", depth=0, legend=False).nodes) == {"close-centre"}


def test_depth_without_focus_counts_from_the_theses() -> None:
    """``depth`` alone shows the top of the whole argument."""
    graph = dot_of(MAP, depth=1, legend=False)
    assert "cleaner-air" in graph.nodes
    assert "crash-data" not in graph.nodes
    assert set(select(loads(MAP), None, 0)) == {"close-centre"}


def test_an_unknown_focus_names_the_closest_id() -> None:
    """A typo in ``--focus`` is a one-line error with a suggestion."""
    with pytest.raises(QueryError) as raised:
        to_dot(loads(MAP), DrawOptions(focus="fewer-crash"))
    assert (
        str(raised.value) == "no statement 'fewer-crash' in the map (did you mean 'fewer-crashes'?)"
    )


def test_a_theme_is_passed_in_not_looked_up() -> None:
    """Another theme restyles the diagram without touching the default."""
    claim = attrs.evolve(DEFAULT_THEME.kinds[Kind.CLAIM], fillcolor="#123456")
    theme = attrs.evolve(DEFAULT_THEME, kinds={**DEFAULT_THEME.kinds, Kind.CLAIM: claim})
    assert unquote(dot_of(MAP, theme=theme).nodes["fewer-crashes"]["fillcolor"]) == "#123456"
    assert unquote(dot_of(MAP).nodes["fewer-crashes"]["fillcolor"]) != "#123456"


# --- quoting -------------------------------------------------------------------------------------


def test_quote_and_html_escape_what_dot_would_read_as_syntax() -> None:
    """Quotes and backslashes are escaped (so ``\\N`` stays text); markup becomes entities."""
    assert quote('say "hi" \\N') == '"say \\"hi\\" \\\\N"'
    assert quote("a\nb") == '"a\\nb"'
    assert html('<b> & "x"') == "&lt;b&gt; &amp; &quot;x&quot;"


def _one_statement(text: str) -> str:
    return f"argmap: 1\ntitle: t\nstatements:\n  s:\n    claim: {quote_yaml(text)}\n"


def quote_yaml(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: every character escaped as ``\\U`` code."""
    return '"' + "".join(f"\\U{ord(c):08x}" for c in text) + '"'


@examples(300)
@given(tricky_texts)
def test_any_statement_text_appears_literally(text: str) -> None:
    """Quotes, backslashes, markup, braces, line breaks, emoji, right-to-left script: the tooltip
    decodes to the text exactly, and the label shows the same words."""
    the_map = loads(_one_statement(text))
    stored = the_map.statements["s"].text
    node = read_dot(to_dot(the_map)).nodes["s"]
    assert tooltip_text(node["tooltip"]) == stored
    assert words(stored) in words(label_text(node["label"]))


@examples(100)
@given(maps())
def test_any_map_gives_dot_that_reads_back_whole(the_map: Map) -> None:
    """Every statement is one node, every edge joins drawn nodes, element ids are unique, and the
    title survives."""
    graph = read_dot(to_dot(the_map, findings=()))
    assert set(the_map.statements) <= set(graph.nodes)
    for tail, head, _ in graph.edges:
        assert tail in graph.nodes
        assert head in graph.nodes
    assert tooltip_text(graph.attributes["tooltip"]) == one_line(the_map.title)
    assert len(_element_ids(graph)) == len(set(_element_ids(graph))), "SVG ids must be unique"


def _element_ids(graph: Graph) -> list[str]:
    """Every id the DOT gives an SVG element: the graph's, each box's, node's and edge's."""
    found = [unquote(graph.attributes["id"])]
    found += [unquote(a["id"]) for a in graph.clusters.values()]
    found += [unquote(a["id"]) for a in graph.nodes.values()]
    found += [unquote(a["id"]) for _, _, a in graph.edges]
    return found


# Ids a map may use that look like names the drawing gives its own parts.
LOOKALIKES = """\
argmap: 1
title: t
sections:
  a: A
  legend: Legend
  cluster_a: Cluster A
statements:
  cluster_a:
    thesis: Named like a section's box once was.
    section: a
    reasons:
      - id: cluster__legend
        premises: [to, a_to]
      - id: graph0
        premises: legend
  to:
    claim: Named like the edge from a junction.
    section: cluster_a
    objections:
      - id: a_graph0
        premises: [from, _x]
  a_to:
    claim: Named like a link around another element.
    section: legend
  legend:
    evidence: Named like the key.
    at: 1
  from:
    claim: Named like a part of an edge's id.
  _x:
    claim: Another premise.
"""


def test_no_map_id_can_repeat_an_id_of_the_drawing() -> None:
    """Boxes are ``cluster:section:<id>`` and ``cluster:legend``, junction edges
    ``<reason>:from:<premise>`` and ``<reason>:to``, the graph ``argmap:graph``: none of them is a
    map id, so statements, reasons and sections named like them keep every SVG id unique."""
    text = LOOKALIKES.replace("_x", "x-premise")
    graph = dot_of(text, findings=())
    ids = _element_ids(graph)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert set(graph.clusters) == {
        "cluster:section:a",
        "cluster:section:legend",
        "cluster:section:cluster_a",
        "cluster:legend",
    }
    assert {"cluster_a", "cluster__legend", "graph0", "to", "a_to", "legend"} <= set(ids)
    assert unquote(edge(graph, "to", "cluster__legend")["id"]) == "cluster__legend:from:to"
    assert unquote(edge(graph, "cluster__legend", "cluster_a")["id"]) == "cluster__legend:to"


@pytest.mark.dot
@examples(20)
@given(maps())
def test_graphviz_draws_any_map_without_a_warning(the_map: Map) -> None:
    """Every layer drawn at once (findings, statuses, a critical mark) is DOT Graphviz takes
    silently."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    report = check(the_map)
    source = to_dot(
        the_map,
        findings=report.findings,
        evaluation=report.evaluation,
        critical=list(the_map.statements)[:1],
    )
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=False)
    assert (done.returncode, done.stderr.decode()) == (0, "")


# --- stable output -------------------------------------------------------------------------------


def test_the_same_map_gives_the_same_dot_byte_for_byte() -> None:
    """Two loads of one map, drawn with every layer, give identical text."""
    first = draw(loads(MAP), status=True)
    second = draw(loads(MAP), status=True)
    assert first == second


def test_the_dot_does_not_depend_on_hash_order(tmp_path: Path) -> None:
    """Two processes with different hash seeds draw the same bytes (no set or hash ordering)."""
    path = tmp_path / "city.argmap.yaml"
    path.write_text(MAP, encoding="utf-8")
    program = (
        "import sys; from argmap.load import load_map; from argmap.render import draw; "
        "sys.stdout.write(draw(load_map(sys.argv[1]), status=True))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", program, str(path)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def _example_maps() -> list[Path]:
    found = sorted((REPO / "maps").glob("*.argmap.yaml"))
    found += sorted((REPO / "tests" / "fixtures" / "check").glob("*.argmap.yaml"))
    return found


@pytest.mark.parametrize("path", _example_maps(), ids=lambda p: p.name)
def test_example_maps_match_their_golden_dot(path: Path) -> None:
    """The DOT of each example map is reviewed in ``tests/golden/``; set ARGMAP_UPDATE_GOLDEN=1
    to rewrite the files after an intended change, and review the diff."""
    from argmap.load import load_map

    drawn = draw(load_map(path))
    assert_golden(GOLDEN / path.name.replace(".argmap.yaml", ".dot"), drawn)


def test_a_very_long_text_is_cut_in_its_box_and_kept_in_its_tooltip() -> None:
    """A box shows at most LABEL_CHARS characters, marked with an ellipsis; the tooltip keeps far
    more, and both stay within what Graphviz accepts in one string (about 16,000 bytes)."""
    from argmap.dot import LABEL_CHARS, TOOLTIP_CHARS

    text = "🙂 word " * 200_000
    source = to_dot(loads(f'argmap: 1\ntitle: T\nstatements:\n  x: {{thesis: "{text}"}}\n'))
    node = read_dot(source).nodes["x"]
    shown = label_text(node["label"])
    assert "…" in shown
    assert len(shown.replace(" ", "")) < LABEL_CHARS
    assert 2000 < len(tooltip_text(node["tooltip"])) <= TOOLTIP_CHARS
    assert max(len(line.encode()) for line in source.splitlines()) < 16_000


@pytest.mark.dot
def test_graphviz_draws_a_statement_of_a_megabyte() -> None:
    """A statement of a million characters still renders."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    text = "x" * 1_048_576
    source = to_dot(loads(f"argmap: 1\ntitle: T\nstatements:\n  x: {{thesis: {text}}}\n"))
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert 'id="x"' in done.stdout.decode()


def test_status_marks_show_what_a_statement_earns_and_states() -> None:
    """With statuses drawn, a grounded statement's mark says what it earns and, when it states a
    level, that level; without statuses nothing of it shows."""
    argmap = loads(
        "argmap: 1\ntitle: t\nstatements:\n"
        "  t: {thesis: T, certainty: it is clear, reasons: [c]}\n"
        "  c: {claim: C, hedge: likely, reasons: [e]}\n  e: {evidence: E}\n"
    )
    graph = read_dot(draw(argmap, status=True))
    assert "grounded, earns likely (states certain)" in label_text(graph.nodes["t"]["label"])
    assert "grounded, earns almost certain" in label_text(graph.nodes["e"]["label"])
    assert "earns almost certain" not in draw(argmap, findings=True)


def test_a_link_the_mapper_assumed_is_drawn_dashed_grey_and_the_key_says_so() -> None:
    """A reason written with `assumed:` is a dashed grey arrow in every picture, its tooltip says
    whose it is, and the key explains it; the author's own reason keeps the solid support line."""
    graph = dot_of(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t: {thesis: T, reasons: [{assumed: e}, f]}\n"
        "  e: {evidence: E, at: 1}\n  f: {evidence: F, at: 2}\n"
    )
    assumed = edge(graph, "e", "t")
    authors = edge(graph, "f", "t")
    assert unquote(assumed["style"]) == "dashed"
    assert unquote(assumed["color"]) == DEFAULT_THEME.assumed_color
    assert "assumed by the mapper" in unquote(assumed["tooltip"])
    assert unquote(authors["style"]) == DEFAULT_THEME.edges[Relation.SUPPORT].style
    assert "support assumed by the mapper" in label_text(graph.nodes["_legend"]["label"])


def test_the_key_shows_an_assumed_undercut_as_drawn_not_as_the_authors() -> None:
    """An undercut the mapper assumed is drawn dashed grey with the undercut's head: the key shows
    that line, and no row for the author's dotted undercut, which the picture does not draw; left
    unanswered, it is thick and grey, and so is its row in the key."""
    text = (
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t: {thesis: T, reasons: [{premises: e, objections: [{assumed: c}]}]}\n"
        "  e: {evidence: E, at: 1}\n  c: {claim: C}\n"
    )
    graph = dot_of(text, findings=check(loads(text)).findings)
    key = label_text(graph.nodes["_legend"]["label"])
    assert "undercut assumed by the mapper, not drawn by the author" in key
    assert "╌╌╌┤" in key
    assert DEFAULT_THEME.edges[Relation.UNDERCUT].name not in key
    assert "support assumed" not in key
    assert "unanswered objection the mapper assumed" in key
    assert "unanswered objection\n" not in key + "\n"
