"""dump_map writes canonical YAML that loads back to the same map."""

from __future__ import annotations

from hypothesis import given

from argmap.dump import dump_map
from argmap.load import loads
from argmap.model import Map
from strategies import examples, hostile_maps, maps


@examples(150)
@given(maps())
def test_load_of_dump_is_the_same_map(original: Map) -> None:
    """load(dump(m)) == m for any valid map, whatever its texts contain."""
    assert loads(dump_map(original)) == original


@examples(100)
@given(hostile_maps())
def test_load_of_dump_keeps_every_hostile_text(original: Map) -> None:
    """load(dump(m)) == m when texts hold entities, backslashes, C1 controls and the characters
    YAML reads as line breaks (U+0085, U+2028, U+2029), which a dump writes as escapes."""
    assert loads(dump_map(original)) == original


def test_a_next_line_character_survives_dump_and_load() -> None:
    """U+0085 (NEL) and the Unicode line and paragraph separators stay the characters they are
    instead of turning into line breaks or spaces."""
    text = "a\x85b \u2028c\u2029d\nnext line"
    original = loads(
        'argmap: 1\ntitle: "x\\Ny"\nstatements:\n  t: {thesis: "a\\Nb \\Lc\\Pd\\nnext line"}\n'
    )
    assert original.statements["t"].text == text
    assert original.title == "x\x85y"
    dumped = dump_map(original)
    assert loads(dumped) == original


@given(maps())
def test_dump_is_canonical(original: Map) -> None:
    """Dumping a loaded dump gives the same text again: one canonical form per map."""
    text = dump_map(original)
    assert dump_map(loads(text)) == text


def test_dump_uses_the_short_forms() -> None:
    """A single premise is written as an id, co-premises as a flow list, auto ids are left out."""
    text = (
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t:\n    thesis: T\n    reasons:\n      - e\n      - [e, a]\n"
        "      - id: r-named\n        premises: e\n"
        "  e:\n    evidence: E\n  a:\n    assumption: A\n    hedge: true\n"
    )
    assert dump_map(loads(text)) == (
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t:\n    thesis: T\n    reasons:\n      - e\n      - [e, a]\n"
        "      - id: r-named\n        premises: e\n"
        "  e:\n    evidence: E\n  a:\n    assumption: A\n    hedge: true\n"
    )
