"""The layout policy: which pictures get Graphviz's full search, which a shortened one, and which
an overview of their top levels; and what an overview draws and says about what it leaves out."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from generate import attacked, generate

from argmap import layout
from argmap.cli import main
from argmap.dot import DrawOptions, to_dot
from argmap.dot.stack import Piece, pieces, stacking
from argmap.layout import (
    EXACT_STATEMENTS,
    FAST_GRAPH,
    FAST_STATEMENTS,
    FULL_STATEMENTS,
    ROUGH_GRAPH,
    ROUGH_WORDS,
    effort,
    folds,
    manner,
    overview_depth,
)
from argmap.load import load_map, loads
from argmap.options import Layout
from argmap.render import draw, picture
from dotreader import label_text, read_dot, words

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "maps" / "china-russia-central-asia.argmap.yaml"


def tree_map(fanout: int, depth: int) -> str:
    """One thesis over ``depth`` levels of claims, each with ``fanout`` single-premise reasons;
    the lowest level is evidence. Level ``d`` has ``fanout ** d`` statements."""
    lines = ["argmap: 1", "title: A tree", "statements:"]
    level = ["t"]
    for d in range(depth + 1):
        below = [f"{name}-{i}" for name in level for i in range(fanout)] if d < depth else []
        for index, name in enumerate(level):
            kind = "thesis" if d == 0 else "evidence" if d == depth else "claim"
            lines += [f"  {name}:", f"    {kind}: Statement {name}."]
            if below:
                premises = below[index * fanout : (index + 1) * fanout]
                lines.append(f"    reasons: [{', '.join(premises)}]")
        level = below
    return "\n".join(lines) + "\n"


def test_small_pictures_keep_the_full_search_and_large_ones_get_a_shorter_one() -> None:
    """Up to EXACT_STATEMENTS statements nothing is added to the graph, so every small map is laid
    out exactly as before; past it the shortened search's attributes; past FAST_STATEMENTS the
    rough layout; past FULL_STATEMENTS an overview, which is itself laid out by the size it
    has."""
    assert manner(1) is manner(EXACT_STATEMENTS) is Layout.EXACT
    assert effort(1) == effort(EXACT_STATEMENTS) == ()
    assert manner(EXACT_STATEMENTS + 1) is manner(FAST_STATEMENTS) is Layout.FAST
    assert effort(EXACT_STATEMENTS + 1) == effort(FAST_STATEMENTS) == FAST_GRAPH
    assert manner(FAST_STATEMENTS + 1) is manner(FULL_STATEMENTS) is Layout.ROUGH
    assert effort(FAST_STATEMENTS + 1) == effort(FULL_STATEMENTS) == ROUGH_GRAPH
    assert not folds(EXACT_STATEMENTS)
    assert not folds(FULL_STATEMENTS)
    assert folds(FULL_STATEMENTS + 1)


def test_a_chosen_layout_holds_whatever_the_size() -> None:
    """``exact`` never shortens the search nor folds; ``fast`` and ``rough`` always lay out their
    way and never fold; ``overview`` folds even a small map, and lays it out as its size says."""
    assert effort(10**6, Layout.EXACT) == ()
    assert not folds(10**6, Layout.EXACT)
    assert effort(1, Layout.FAST) == FAST_GRAPH
    assert not folds(10**6, Layout.FAST)
    assert manner(1, Layout.ROUGH) is Layout.ROUGH
    assert effort(1, Layout.ROUGH) == ROUGH_GRAPH
    assert not folds(10**6, Layout.ROUGH)
    assert folds(1, Layout.OVERVIEW)
    assert effort(1, Layout.OVERVIEW) == ()
    assert effort(EXACT_STATEMENTS + 1, Layout.OVERVIEW) == FAST_GRAPH
    assert effort(FAST_STATEMENTS + 1, Layout.OVERVIEW) == ROUGH_GRAPH


def test_the_overview_keeps_as_many_whole_levels_as_fit() -> None:
    """The depth is the deepest whose levels all fit in the budget; the roots are kept even when
    they alone are more."""
    levels = {"t": 0, "a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    assert overview_depth(levels, budget=100) == 2
    assert overview_depth(levels, budget=5) == 1
    assert overview_depth(levels, budget=3) == 1
    assert overview_depth(levels, budget=2) == 0
    assert overview_depth({"t": 0, "u": 0, "v": 0}, budget=1) == 0


def test_the_seed_map_is_drawn_as_before() -> None:
    """The seed map is far below every threshold: ``auto`` gives the DOT of ``exact``, with none of
    the shortened search's attributes (the golden DOT files pin the rest)."""
    argmap = load_map(SEED)
    source = to_dot(argmap)
    assert source == to_dot(argmap, DrawOptions(layout=Layout.EXACT))
    graph = read_dot(source).attributes
    assert not {name for name, _ in FAST_GRAPH} & graph.keys()


def test_a_large_picture_gets_the_shortened_search() -> None:
    """Past EXACT_STATEMENTS statements the DOT's graph carries the shortened search's attributes,
    and every statement is still drawn."""
    argmap = loads(tree_map(fanout=32, depth=2))  # 1 + 32 + 1,024 statements
    assert len(argmap.statements) > EXACT_STATEMENTS
    graph = read_dot(to_dot(argmap, DrawOptions(legend=False)))
    assert all(graph.attributes[name] == value for name, value in FAST_GRAPH)
    assert set(argmap.statements) <= set(graph.nodes)


def test_an_overview_draws_the_top_levels_and_counts_what_it_folds() -> None:
    """An overview of a map whose last level would pass the budget draws the levels above it: each
    statement whose reasons are cut off says how many, and the title says what is shown."""
    argmap = loads(tree_map(fanout=13, depth=3))  # 1 + 13 + 169 + 2,197 statements
    assert len(argmap.statements) > layout.OVERVIEW_STATEMENTS
    graph = read_dot(to_dot(argmap, DrawOptions(layout=Layout.OVERVIEW, legend=False)))
    drawn = {name for name in graph.nodes if name in argmap.statements}
    assert drawn == {name for name in argmap.statements if name.count("-") <= 2}
    assert "▾ 13 more below, not shown" in label_text(graph.nodes["t-0-0"]["label"])
    title = words(label_text(graph.attributes["label"]))
    assert title.endswith(
        "Overview: the theses and 2 levels below them, 183 of the map's 2,380 statements; "
        "▾ counts what is folded away"
    )


def test_an_overview_that_fits_draws_everything_below_its_roots() -> None:
    """When all that bears on the theses fits, the overview draws it whole and says so."""
    argmap = loads(tree_map(fanout=3, depth=2))
    graph = read_dot(to_dot(argmap, DrawOptions(layout=Layout.OVERVIEW, legend=False)))
    assert set(argmap.statements) <= set(graph.nodes)
    title = words(label_text(graph.attributes["label"]))
    assert title.endswith(
        "Overview: the theses and all that bears on them, 13 of the map's 13 statements"
    )


def test_an_overview_of_a_focus_counts_from_the_focus() -> None:
    """With a focus, the overview's levels count from that statement; a depth the caller gives is
    said as levels, not as all that bears on the roots."""
    argmap = loads(tree_map(fanout=13, depth=3))
    graph = read_dot(to_dot(argmap, DrawOptions(focus="t-0", layout=Layout.OVERVIEW, legend=False)))
    title = words(label_text(graph.attributes["label"]))
    assert title.endswith(
        "Overview: the statement t-0 and all that bears on it, 183 of the map's 2,380 statements"
    )
    graph = read_dot(to_dot(argmap, DrawOptions(depth=1, layout=Layout.OVERVIEW, legend=False)))
    title = words(label_text(graph.attributes["label"]))
    assert title.endswith(
        "Overview: the theses and 1 level below them, 14 of the map's 2,380 statements; "
        "▾ counts what is folded away"
    )


def test_the_command_line_offers_the_layouts() -> None:
    """``argmap render --layout overview`` draws the overview; an unknown layout is a usage error
    (exit 2), and the library refuses one where the options are made."""
    result = CliRunner().invoke(
        main, ["render", str(SEED), "--layout", "overview", "-f", "dot", "-o", "-"]
    )
    assert result.exit_code == 0
    assert "Overview: the theses and all that bears on them" in words(
        label_text(read_dot(result.output).attributes["label"])
    )
    assert CliRunner().invoke(main, ["render", str(SEED), "--layout", "huge"]).exit_code == 2
    with pytest.raises(
        ValueError, match="layout must be one of auto, exact, fast, rough, overview"
    ):
        draw(load_map(SEED), layout="huge")


def sections_map(trees: int, fanout: int, orphans: int) -> str:
    """``trees`` theses, each over one level of ``fanout`` claims, each claim over ``fanout``
    pieces of evidence, and ``orphans`` pieces of evidence that bear on nothing; the statements
    are spread over two sections, and each claim is rebutted by an objection of its own."""
    lines = ["argmap: 1", "title: Trees and orphans", "sections:", "  a: A", "  b: B"]
    lines.append("statements:")
    for t in range(trees):
        claims = [f"c{t}-{i}" for i in range(fanout)]
        lines += [f"  t{t}:", f"    thesis: Thesis {t}.", f"    reasons: [{', '.join(claims)}]"]
        for i, claim in enumerate(claims):
            evidence = [f"e{t}-{i}-{j}" for j in range(fanout)]
            lines += [f"  {claim}:", f"    claim: Claim {claim}.", f"    section: {'ab'[i % 2]}"]
            lines += [f"    reasons: [{', '.join(evidence)}]", f"    objections: [o{t}-{i}]"]
            lines += [f"  o{t}-{i}:", f"    claim: Against {claim}.", "    reasons: [given]"]
            for name in evidence:
                lines += [f"  {name}:", f"    evidence: Evidence {name}.", "    section: a"]
    lines += ["  given:", "    evidence: What every objection rests on."]
    for o in range(orphans):
        lines += [f"  orphan{o}:", f"    evidence: Evidence {o} that bears on nothing."]
    return "\n".join(lines) + "\n"


def test_a_rough_picture_draws_everything_without_section_boxes_and_stacks_what_hangs_apart() -> (
    None
):
    """The rough layout keeps every statement and edge, leaves out the section boxes, carries
    ROUGH_GRAPH and says so under the title; the orphans, which Graphviz would put side by side in
    one row, are stacked by invisible edges and declared first, so that they stand in columns on
    the left, apart from the argument."""
    argmap = loads(sections_map(trees=1, fanout=4, orphans=30))
    source = to_dot(argmap, DrawOptions(layout=Layout.ROUGH))
    graph = read_dot(source)
    assert not [name for name in graph.clusters if name.startswith("cluster:section")]
    assert all(graph.attributes[name] == value for name, value in ROUGH_GRAPH)
    assert words(label_text(graph.attributes["label"])).endswith(ROUGH_WORDS)
    assert set(argmap.statements) <= set(graph.nodes)
    exact = read_dot(to_dot(argmap, DrawOptions(layout=Layout.EXACT)))
    drawn = [(tail, head) for tail, head, pairs in graph.edges if pairs.get("style") != "invis"]
    assert drawn == [(tail, head) for tail, head, _ in exact.edges]
    stacked = [(tail, head) for tail, head, pairs in graph.edges if pairs.get("style") == "invis"]
    # 31 pieces: the argument (3 ranks above its lowest) stands alone; the orphans go in columns
    # of five, as isqrt(31) = 5 ranks is more than the argument's.
    assert len(stacked) == 30 - 6
    assert all(tail.startswith("orphan") and head.startswith("orphan") for tail, head in stacked)
    order = list(graph.nodes)
    assert order[:30] == [f"orphan{o}" for o in range(30)]
    assert source == to_dot(argmap, DrawOptions(layout=Layout.ROUGH))


def test_a_rough_picture_of_one_argument_adds_no_edges() -> None:
    """A map that hangs together gets no invisible edges and keeps its nodes' order."""
    argmap = loads(tree_map(fanout=3, depth=2))
    graph = read_dot(to_dot(argmap, DrawOptions(layout=Layout.ROUGH, legend=False)))
    assert all(pairs.get("style") != "invis" for _, _, pairs in graph.edges)
    assert [name for name in graph.nodes if name in argmap.statements] == list(argmap.statements)


def test_the_pieces_know_their_height_and_ends_even_around_a_circle() -> None:
    """A piece's height is its longest path once the edge that closes a circle (in a walk of the
    nodes in order) is left out, as Graphviz does; its bottom and top are the first nodes on its
    lowest and highest rank."""
    found = pieces(
        ["a", "b", "c", "d", "x", "y"],
        [("a", "b"), ("b", "c"), ("c", "a"), ("d", "c"), ("x", "y"), ("y", "nowhere")],
    )
    assert found == [
        Piece(nodes=("a", "b", "c", "d"), height=2, bottom="a", top="c"),
        Piece(nodes=("x", "y"), height=1, bottom="x", top="y"),
    ]


def piece(name: str, height: int) -> Piece:
    return Piece(nodes=(name,), height=height, bottom=f"{name}.bottom", top=f"{name}.top")


def test_pieces_are_stacked_tallest_first_into_columns_no_taller_than_the_tallest() -> None:
    """Each piece goes into the first column with room (a step of one rank between two pieces),
    by decreasing height; a piece as tall as the tallest stands alone, and one piece, or pieces
    all as tall, get no edges."""
    found = [piece("big", 10), piece("p", 4), piece("q", 5), piece("r", 4), piece("s", 0)]
    found += [piece("tall", 10)]
    # big (10) fills a column; q (5) and p (4) fill the next: 5 + 1 + 4 = 10; r (4) has no room
    # beside them, and s (0) goes on top of it: 4 + 1 + 0.
    assert stacking(found) == [("q.top", "p.bottom"), ("r.top", "s.bottom")]
    assert stacking([piece("only", 3)]) == []
    assert stacking([piece("a", 3), piece("b", 3), piece("c", 3)]) == []


def test_many_orphans_stack_into_a_block_not_a_column_or_a_row() -> None:
    """Pieces of one node each (height 0) stack into columns as tall as the square root of their
    number: 100 orphans make ten columns of ten."""
    found = [piece(f"o{i}", 0) for i in range(100)]
    edges = stacking(found)
    assert len(edges) == 100 - 10  # ten columns, each of ten pieces joined by nine edges
    assert edges[:2] == [("o0.top", "o1.bottom"), ("o1.top", "o2.bottom")]
    assert ("o9.top", "o10.bottom") not in edges


@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
@pytest.mark.parametrize(
    ("text", "options"),
    [
        (generate(2_000), DrawOptions(layout=Layout.ROUGH, status=True, critical=True)),
        (attacked(2_000), DrawOptions(layout=Layout.ROUGH, direction="LR", status=True)),
        (generate(2_000, seed=1), DrawOptions(layout=Layout.ROUGH, direction="BT", findings=False)),
    ],
    ids=["generated", "attacked-LR", "generated-BT"],
)
def test_graphviz_draws_the_rough_layout_of_large_maps_whole_and_the_same_each_time(
    text: str, options: DrawOptions
) -> None:
    """Graphviz 2.43 crashes on some attributes that cut its search short (curved edges with
    nslimit); the rough layout's do not, on a generated map with orphans and small pieces and on
    one with objections and undercuts at every level, in each direction: every statement is in
    the SVG under its own id, and the same map gives the same bytes."""
    argmap = loads(text)
    source = draw(argmap, options)
    svg = picture(source, "svg")
    ids = {element.get("id") for element in ElementTree.fromstring(svg).iter()}
    assert set(argmap.statements) <= ids
    assert picture(draw(argmap, options), "svg") == svg
