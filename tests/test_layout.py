"""The layout policy: which pictures get Graphviz's full search, which a shortened one, and which
an overview of their top levels; and what an overview draws and says about what it leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import layout
from argmap.cli import main
from argmap.dot import DrawOptions, to_dot
from argmap.layout import (
    EXACT_STATEMENTS,
    FAST_GRAPH,
    FAST_STATEMENTS,
    effort,
    folds,
    overview_depth,
)
from argmap.load import load_map, loads
from argmap.options import Layout
from argmap.render import draw
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
    out exactly as before; past it the shortened search's attributes; past FAST_STATEMENTS an
    overview, which is itself laid out by the size it has."""
    assert effort(1) == effort(EXACT_STATEMENTS) == ()
    assert effort(EXACT_STATEMENTS + 1) == effort(FAST_STATEMENTS) == FAST_GRAPH
    assert not folds(EXACT_STATEMENTS)
    assert not folds(FAST_STATEMENTS)
    assert folds(FAST_STATEMENTS + 1)


def test_a_chosen_layout_holds_whatever_the_size() -> None:
    """``exact`` never shortens the search nor folds; ``fast`` always shortens it and never folds;
    ``overview`` folds even a small map, and lays it out as its size says."""
    assert effort(10**6, Layout.EXACT) == ()
    assert not folds(10**6, Layout.EXACT)
    assert effort(1, Layout.FAST) == FAST_GRAPH
    assert not folds(10**6, Layout.FAST)
    assert folds(1, Layout.OVERVIEW)
    assert effort(1, Layout.OVERVIEW) == ()
    assert effort(EXACT_STATEMENTS + 1, Layout.OVERVIEW) == FAST_GRAPH


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
    with pytest.raises(ValueError, match="layout must be one of auto, exact, fast, overview"):
        draw(load_map(SEED), layout="huge")
