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

from argmap import graph
from argmap.lsp import diagnostics
from argmap.lsp.server import _convert, diagnostic_json, split_lines
from edits import apply, edits
from strategies import examples

MAPS = Path(__file__).resolve().parent.parent / "maps"
TUTORIAL = (MAPS / "tutorial.argmap.yaml").read_text(encoding="utf-8")
SEED = (MAPS / "china-russia-central-asia.argmap.yaml").read_text(encoding="utf-8")
GENERATED = generate(150)
URI = "file:///work/m.argmap.yaml"


class Document:
    """An open document as the server keeps it: the memory of its last version, and that
    version's diagnosis (its map alive, so that the next version's graph can share its shape)."""

    def __init__(self) -> None:
        self.memory = diagnostics.Memory()
        self.diagnosis: diagnostics.Diagnosis | None = None

    def publish(self, text: str) -> list[dict[str, Any]]:
        """The diagnostics of the new version, worked out from the last."""
        self.diagnosis = diagnostics.safe_diagnose(
            text, "m.argmap.yaml", URI, None, (), self.memory
        )
        return sent(text, self.diagnosis)


def fresh(text: str) -> list[dict[str, Any]]:
    """The diagnostics of a text worked out afresh: no memory, no graph built before to share."""
    last = graph._LAST
    graph._LAST = None
    try:
        return sent(text, diagnostics.safe_diagnose(text, "m.argmap.yaml", URI, None, ()))
    finally:
        graph._LAST = last


def sent(text: str, diagnosis: diagnostics.Diagnosis) -> list[dict[str, Any]]:
    """A diagnosis as the server sends it: in UTF-16 units, written as the protocol's JSON."""
    lines, codec = split_lines(text), TextDocument(URI, text).position_codec
    return [diagnostic_json(_convert(d, lines, codec)) for d in diagnosis.diagnostics]


def test_the_seed_maps_diagnostics_are_the_same_either_way() -> None:
    """The seed map opened, a statement's text changed (its graph shares the last one's shape),
    then a premise changed (which changes the diagnostics): each time the same diagnostics as
    worked out afresh."""
    document = Document()
    assert document.publish(SEED) == fresh(SEED)
    assert document.diagnosis is not None
    assert document.diagnosis.map is not None
    before = graph.Graph.of(document.diagnosis.map)
    retexted = SEED.replace("Xu Qiliang", "Xu  Qiliang")
    assert document.publish(retexted) == fresh(retexted)
    assert document.diagnosis.map is not None
    assert graph.Graph.of(document.diagnosis.map).pos is before.pos
    changed = SEED.replace("      - e-decree\n", "      - c-ca-involved\n", 1)
    assert document.publish(changed) == fresh(changed)
    assert fresh(changed) != fresh(SEED)


def test_a_claim_made_evidence_is_labelled_anew() -> None:
    """A claim of the tutorial made evidence keeps every link, so its graph shares the edges of
    the last one, but not its labels (evidence stands without reasons): the diagnostics are
    those worked out afresh, and they change."""
    document = Document()
    document.publish(TUTORIAL)
    changed = TUTORIAL.replace("  fewer-late:\n    claim:", "  fewer-late:\n    evidence:")
    assert document.publish(changed) == fresh(changed)
    assert fresh(changed) != fresh(TUTORIAL)


def test_a_diagnostic_kept_for_the_next_version_stays_in_characters() -> None:
    """A diagnostic after a character beyond the basic plane is sent in UTF-16 units as a copy:
    the one kept, reused for the next version, is still in characters."""
    text = "argmap: 1\ntitle: T\nstatements: {a: {thesis: \U0001f600 A}, b: {claim: B}}\n"
    document = Document()
    first = fresh(text)
    # b, after the emoji (two UTF-16 units) and " A}, "
    assert first[-1]["range"]["start"]["character"] == len("statements: {a: {thesis: ") + 2 + 5
    assert document.publish(text) == first
    assert document.publish(text + "\n") == first  # the same diagnostics, reused


@examples(40)
@given(st.sampled_from([TUTORIAL, SEED, GENERATED]), st.data())
def test_after_any_sequence_of_edits_the_diagnostics_are_those_of_a_fresh_check(
    start: str, data: st.DataObject
) -> None:
    """Random edits one after another on the tutorial, the seed map and a generated map
    (typing, lines added and removed, statements moved, copied and deleted, premises renamed,
    YAML broken and often repaired at the next step): after each, what the document's memory
    of the version before gives is what a fresh load and check give."""
    document = Document()
    text = start
    assert document.publish(text) == fresh(text)
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        before = text
        text = apply(text, data.draw(edits(text)))
        assert document.publish(text) == fresh(text)
        if data.draw(st.booleans(), label="repair"):
            text = before
            assert document.publish(text) == fresh(text)
