"""The incremental loader (argmap.load.incremental) gives, version after version of a text, what
loading each version whole gives: the same map with every place in it, or the same problems at
the same places; and it reads again only the statements whose text changed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from generate import generate
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import MapError
from argmap.load import MAX_DEPTH, loads
from argmap.load.incremental import IncrementalLoader
from argmap.model import Position
from edits import apply, edits
from strategies import examples

MAPS = Path(__file__).resolve().parent.parent / "maps"
TUTORIAL = (MAPS / "tutorial.argmap.yaml").read_text(encoding="utf-8")
SEED = (MAPS / "china-russia-central-asia.argmap.yaml").read_text(encoding="utf-8")
GENERATED = generate(150)
SMALL = """argmap: 1
title: T
statements:
  t:
    thesis: T holds.
    reasons: [e]
  e:
    evidence: E was seen.
    at: 1
  f:
    evidence: F was seen.
    at: 2
"""


def places(value: Any, path: str = "") -> Iterator[tuple[str, Position]]:
    """Every place held anywhere in a model value, with the path to it: model equality leaves
    places out, so they are compared apart."""
    if isinstance(value, Position):
        yield path, value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from places(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for n, item in enumerate(value):
            yield from places(item, f"{path}[{n}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from places(item, f"{path}[{key}]")


def result(load: Any, text: str) -> tuple[object, ...]:
    """What loading gives, all of it compared: the map and its places, or the problems."""
    try:
        argmap = load(text, "m.argmap.yaml")
    except MapError as error:
        return ("problems", [(p.line, p.column, p.message) for p in error.problems])
    return ("map", argmap, list(places(argmap)))


def test_a_changed_text_reads_only_its_statement_again() -> None:
    """After a statement's text changes, every other statement is the very object built for the
    last version."""
    loader = IncrementalLoader()
    first = loader.loads(SMALL)
    second = loader.loads(SMALL.replace("E was seen.", "E was heard."))
    assert loader.reused == 2
    assert second.statements["e"].text == "E was heard."
    assert second.statements["t"] is first.statements["t"]
    assert second.statements["f"] is first.statements["f"]


def test_lines_added_above_move_what_follows() -> None:
    """A line added above a statement moves it and its reasons down, as loading whole does."""
    loader = IncrementalLoader()
    loader.loads(SMALL)
    moved = SMALL.replace("    reasons: [e]\n", "    note: n\n    reasons: [e]\n")
    assert result(loader.loads, moved) == result(loads, moved)
    assert loader.reused == 2
    assert loader.loads(moved).statements["e"].position == Position(8, 3)


def test_problems_come_with_the_places_loading_whole_gives() -> None:
    """A premise renamed to an unknown id, and a duplicate id, are reported exactly as by a
    whole load, though the statements that did not change are reused."""
    loader = IncrementalLoader()
    loader.loads(SMALL)
    broken = SMALL.replace("reasons: [e]", "reasons: [g]").replace("  f:", "  e:")
    assert result(loader.loads, broken) == result(loads, broken)
    assert result(loads, broken)[0] == "problems"


def test_ids_of_reused_reasons_still_count() -> None:
    """A reason id that a reused statement registered is taken: a changed statement giving the
    same id to its own reason gets the whole load's duplicate."""
    text = SMALL.replace("reasons: [e]", "reasons: [{id: r1, premises: [e]}]")
    loader = IncrementalLoader()
    loader.loads(text)
    taken = text.replace(
        "    at: 2\n", "    at: 2\n  g:\n    claim: G.\n    reasons: [{id: r1, premises: [f]}]\n"
    )
    assert result(loader.loads, taken) == result(loads, taken)
    assert result(loads, taken)[0] == "problems"


@pytest.mark.parametrize(
    "edit",
    [
        ("    at: 2\n", "    at: 2\n\tx\n"),  # a tab
        ("T holds.", "T holds.\r"),  # a carriage return
        ("statements:\n", "statements:\n  # c\n"),  # still split: a comment
        ("statements:\n", "statements: {}\n"),  # flow style where the statements are
        ("argmap: 1\n", "{argmap: 1,\n"),  # flow style at the top
        ("  f:\n", " f:\n"),  # an id less indented than the first
        ("  f:\n", "  - f:\n"),  # not a key
        ("  f:\n", "  &a f:\n"),  # an anchor
        ("E was seen.", "*a"),  # an alias
        ("E was seen.", "'E was"),  # an unclosed quote, which YAML reads on past the block
    ],
)
def test_whatever_the_split_cannot_be_sure_of_is_loaded_whole(edit: tuple[str, str]) -> None:
    """Texts the split is not certain for, or whose blocks YAML cannot read alone, give what
    loading whole gives."""
    loader = IncrementalLoader()
    loader.loads(SMALL)
    text = SMALL.replace(*edit)
    assert result(loader.loads, text) == result(loads, text)


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028", "\u2029"])
def test_line_breaks_other_than_newline_are_loaded_whole(brk: str) -> None:
    """YAML counts a line at a carriage return, NEL and the Unicode line and paragraph
    separators; a text holding one is read whole, so every place after it is where YAML says."""
    loader = IncrementalLoader()
    loader.loads(SMALL)
    text = SMALL.replace("    at: 1\n", f"    at: 1{brk}    note: n\n")
    assert result(loader.loads, text) == result(loads, text)


def test_broken_yaml_then_repaired_reuses_again() -> None:
    """YAML broken in the middle of a statement gives the whole load's syntax error; once it is
    repaired, the statements read before are reused again."""
    loader = IncrementalLoader()
    loader.loads(SMALL)
    broken = SMALL.replace("reasons: [e]", "reasons: [e")
    assert result(loader.loads, broken) == result(loads, broken)
    repaired = SMALL.replace("E was seen.", "E was seen again.")
    assert result(loader.loads, repaired) == result(loads, repaired)
    assert loader.reused == 2


def test_a_flow_mapping_at_the_top_is_loaded_whole() -> None:
    """Statements inside a flow mapping (``{...}``) are not a block of YAML: the text is read
    whole and its syntax error given, though the text without them would read."""
    text = "{argmap: 1, title: T,\nstatements:\n  t:\n    thesis: T holds.\n}\n"
    assert result(IncrementalLoader().loads, text) == result(loads, text)
    assert result(loads, text)[0] == "problems"


def test_nesting_counts_as_in_the_whole_text() -> None:
    """A statement nested just deep enough to be refused in the whole text is refused, though
    alone it would read: its depth counts the two levels above it."""
    deep = MAX_DEPTH - 2  # the statement's own mapping, then nested lists down to the limit
    value = "[" * deep + "x" + "]" * deep
    text = SMALL.replace("    at: 2\n", f"    at: 2\n    tags: {value}\n")
    loader = IncrementalLoader()
    loader.loads(SMALL)
    assert result(loader.loads, text) == result(loads, text)
    shallower = text.replace("[x]", "x")
    assert result(loader.loads, shallower) == result(loads, shallower)


def test_json_is_loaded_whole() -> None:
    """A map in JSON is read by JSON's rules, never split."""
    text = '{"argmap": 1, "title": "T", "statements": {"t": {"thesis": "T"}}}'
    loader = IncrementalLoader()
    assert result(lambda t, _: loader.loads(t, "m.argmap.json"), text) == result(
        lambda t, _: loads(t, "m.argmap.json"), text
    )


@examples(60)
@given(st.sampled_from([TUTORIAL, SEED, GENERATED, SMALL]), st.data())
def test_any_sequence_of_edits_loads_as_a_whole_load_does(start: str, data: st.DataObject) -> None:
    """Random edits one after another (typing, lines added and removed, statements moved, copied
    and deleted, premises renamed, YAML broken and repaired): after each, the incremental
    loader's map and places, or its problems, are those of a whole load of the same text."""
    loader = IncrementalLoader()
    text = start
    assert result(loader.loads, text) == result(loads, text)
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        before = text
        text = apply(text, data.draw(edits(text)))
        assert result(loader.loads, text) == result(loads, text)
        if data.draw(st.booleans(), label="repair"):
            text = before
            assert result(loader.loads, text) == result(loads, text)


def test_a_second_statements_key_is_loaded_whole() -> None:
    """A second ``statements:`` further down is the whole load's duplicate key, not a split."""
    text = SMALL + "statements:\n  g: {claim: G}\n"
    assert result(IncrementalLoader().loads, text) == result(loads, text)
    assert result(loads, text)[0] == "problems"
