"""What the language server publishes after each change of a document, which it works out
reusing what it worked out for the version before, is exactly what a fresh load and check of
the same text give: the same diagnostics, with the same ranges, codes, messages, severities,
tags, data and related information, in the same order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generate import generate
from hypothesis import given
from hypothesis import strategies as st
from pygls.workspace import TextDocument

from argmap.lsp import diagnostics
from argmap.lsp.server import _convert, diagnostic_json, split_lines
from edits import apply, edits
from strategies import examples

MAPS = Path(__file__).resolve().parent.parent / "maps"
TUTORIAL = (MAPS / "tutorial.argmap.yaml").read_text(encoding="utf-8")
SEED = (MAPS / "china-russia-central-asia.argmap.yaml").read_text(encoding="utf-8")
GENERATED = generate(150)
URI = "file:///work/m.argmap.yaml"


def published(text: str, memory: diagnostics.Memory | None) -> list[dict[str, Any]]:
    """The diagnostics of a text as the server sends them (in UTF-16 units, written as the
    protocol's JSON), worked out afresh or with the document's memory of its last version."""
    found = diagnostics.safe_diagnose(text, "m.argmap.yaml", URI, None, (), memory)
    lines, codec = split_lines(text), TextDocument(URI, text).position_codec
    return [diagnostic_json(_convert(d, lines, codec)) for d in found.diagnostics]


def test_the_seed_maps_diagnostics_are_the_same_either_way() -> None:
    """The seed map opened, then a premise changed: the same diagnostics as worked out afresh,
    and the change does change them."""
    memory = diagnostics.Memory()
    assert published(SEED, memory) == published(SEED, None)
    changed = SEED.replace("      - e-decree\n", "      - c-ca-involved\n", 1)
    assert published(changed, memory) == published(changed, None)
    assert published(changed, None) != published(SEED, None)


def test_a_diagnostic_kept_for_the_next_version_stays_in_characters() -> None:
    """A diagnostic after a character beyond the basic plane is sent in UTF-16 units as a copy:
    the one kept, reused for the next version, is still in characters."""
    text = "argmap: 1\ntitle: T\nstatements: {a: {thesis: \U0001f600 A}, b: {claim: B}}\n"
    memory = diagnostics.Memory()
    fresh = published(text, None)
    # b, after the emoji (two UTF-16 units) and " A}, "
    assert fresh[-1]["range"]["start"]["character"] == len("statements: {a: {thesis: ") + 2 + 5
    assert published(text, memory) == fresh
    assert published(text + "\n", memory) == fresh  # the same diagnostics, reused


@examples(40)
@given(st.sampled_from([TUTORIAL, SEED, GENERATED]), st.data())
def test_after_any_sequence_of_edits_the_diagnostics_are_those_of_a_fresh_check(
    start: str, data: st.DataObject
) -> None:
    """Random edits one after another on the tutorial, the seed map and a generated map
    (typing, lines added and removed, statements moved, copied and deleted, premises renamed,
    YAML broken and often repaired at the next step): after each, what the document's memory
    of the version before gives is what a fresh load and check give."""
    memory = diagnostics.Memory()
    text = start
    assert published(text, memory) == published(text, None)
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        before = text
        text = apply(text, data.draw(edits(text)))
        assert published(text, memory) == published(text, None)
        if data.draw(st.booleans(), label="repair"):
            text = before
            assert published(text, memory) == published(text, None)
