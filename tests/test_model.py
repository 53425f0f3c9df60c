"""The model is frozen through and through: a map, once built, cannot be changed by anyone who
holds it, and it can be a dictionary key or a set member like any value."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from argmap.load import load_map, loads
from argmap.model import FrozenMapping, Kind, Map, Reason, Statement
from strategies import examples, shapes

MAPS = Path(__file__).resolve().parents[1] / "maps"


def every_value(value: Any) -> Iterator[Any]:
    """``value`` and everything inside it: attrs fields, items of tuples and mappings."""
    todo = [value]
    while todo:
        value = todo.pop()
        yield value
        if attrs.has(type(value)):
            todo.extend(getattr(value, field.name) for field in attrs.fields(type(value)))
        elif isinstance(value, FrozenMapping):
            todo.extend(value.items())
        elif isinstance(value, tuple):
            todo.extend(value)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.argmap.yaml")), ids=lambda p: p.name)
def test_a_loaded_map_holds_no_collection_that_can_change(path: Path) -> None:
    """Everything in a loaded map is a frozen attrs class, a tuple, a read-only mapping or a plain
    value: there is no list, dict or set anywhere to change."""
    argmap = load_map(path)
    one_of_each = {type(value): value for value in every_value(argmap)}
    assert not [k for k in one_of_each if issubclass(k, list | dict | set | bytearray)]
    assert {Map, Statement, Reason, FrozenMapping, tuple, str} <= set(one_of_each)
    for kind, value in one_of_each.items():
        if attrs.has(kind):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(value, attrs.fields(kind)[0].name, None)
    assert isinstance(argmap.statements, FrozenMapping)


def test_statements_cannot_be_added_replaced_or_removed() -> None:
    """``Map.statements`` offers no way to change it, not even through its own attributes; a map
    built from a dict keeps no link to that dict."""
    given_statements = {"t": Statement("t", Kind.THESIS, "T")}
    argmap = Map(title="T", statements=given_statements)
    given_statements["x"] = Statement("x", Kind.THESIS, "X")
    assert list(argmap.statements) == ["t"]
    statements: Any = argmap.statements
    with pytest.raises(TypeError):
        statements["x"] = statements["t"]
    with pytest.raises(TypeError):
        del statements["t"]
    for name in ("pop", "update", "clear", "setdefault", "popitem"):
        assert not hasattr(statements, name), name
    with pytest.raises(AttributeError):
        statements._items = {}
    with pytest.raises(TypeError):
        statements._items["x"] = statements["t"]  # the view inside is read-only too
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        argmap.statements = {}  # type: ignore[misc]


def test_equal_maps_hash_alike_and_serve_as_keys() -> None:
    """Two loads of one map are equal and hash alike, so a map can key a cache; a map built from
    a dict equals the same map loaded from text; copies and pickles are the same map."""
    text = (MAPS / "tutorial.argmap.yaml").read_text(encoding="utf-8")
    first, second = loads(text), loads(text)
    assert first == second
    assert hash(first) == hash(second)
    assert {first: "cached"}[second] == "cached"
    rebuilt = attrs.evolve(first, statements=dict(first.statements))
    assert rebuilt == first
    assert hash(rebuilt) == hash(first)
    assert copy.deepcopy(first) == first
    assert pickle.loads(pickle.dumps(first)) == first
    changed = attrs.evolve(
        first, statements={**first.statements, "t2": Statement("t2", Kind.THESIS, "T2")}
    )
    assert changed != first


@examples(100)
@given(shapes())
def test_any_map_is_hashable_and_equal_to_its_rebuilt_self(argmap: Map) -> None:
    """Whatever its shape, a map hashes, and one rebuilt from its parts is equal and hashes the
    same."""
    rebuilt = Map(
        title=argmap.title,
        statements={sid: attrs.evolve(s) for sid, s in argmap.statements.items()},
        source=argmap.source,
        sections=argmap.sections,
    )
    assert rebuilt == argmap
    assert hash(rebuilt) == hash(argmap)
