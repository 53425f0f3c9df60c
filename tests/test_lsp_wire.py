"""What the language server sends: its own writer of diagnostics gives exactly the JSON values of
lsprotocol's converter, for the diagnostics of any map and for diagnostics with any of the
protocol's fields set, key for key in the same order."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.protocol import default_converter

from argmap.dump import dump_map
from argmap.lsp import diagnostics
from argmap.lsp.server import Written, converter, diagnostic_json
from argmap.model import Map
from lspclient import TUTORIAL
from strategies import examples, maps, texts

REFERENCE = default_converter()  # type: ignore[no-untyped-call]  # pygls leaves it untyped
URI = "file:///m.argmap.yaml"

_units = st.integers(0, 2**31 - 1)
_positions = st.builds(types.Position, _units, _units)
_ranges = st.builds(types.Range, _positions, _positions)
_related = st.builds(
    types.DiagnosticRelatedInformation,
    st.builds(types.Location, st.sampled_from(["file:///m.argmap.yaml", "untitled:1"]), _ranges),
    texts,
)
_diagnostics = st.builds(
    types.Diagnostic,
    range=_ranges,
    message=texts,
    severity=st.none() | st.sampled_from(types.DiagnosticSeverity),
    code=st.none() | texts | st.integers(-5, 5),
    code_description=st.none() | st.builds(types.CodeDescription, st.just("https://e.org/")),
    source=st.none() | texts,
    tags=st.none() | st.lists(st.sampled_from(types.DiagnosticTag), max_size=2),
    related_information=st.none() | st.lists(_related, max_size=3),
    data=st.none() | st.dictionaries(texts, texts, max_size=2),
)


@examples(300)
@given(_diagnostics)
def test_a_diagnostic_with_any_fields_is_written_as_lsprotocol_writes_it(
    diagnostic: types.Diagnostic,
) -> None:
    """Every combination of the fields a diagnostic may have, None left out, enums as numbers,
    the related locations and data as they are."""
    assert json.dumps(diagnostic_json(diagnostic)) == json.dumps(REFERENCE.unstructure(diagnostic))


@examples(100)
@given(maps(max_statements=8))
def test_the_diagnostics_of_any_map_are_sent_as_lsprotocol_writes_them(argmap: Map) -> None:
    """The findings of a map, and the problems of the same text cut short, written through the
    server's converter, are what lsprotocol's converter writes."""
    text = dump_map(argmap)
    ours = converter()
    for version in (text, text[: len(text) // 2]):
        found = diagnostics.safe_diagnose(version, "m", "file:///m.argmap.yaml", None, ())
        for diagnostic in found.diagnostics:
            sent = json.dumps(ours.unstructure(diagnostic))
            assert sent == json.dumps(REFERENCE.unstructure(diagnostic))


def test_a_diagnostic_kept_for_the_next_version_is_written_once() -> None:
    """The diagnostics a document keeps from one version to the next are written from the JSON
    of their last publication, which is what lsprotocol writes for them; a new one is written
    afresh."""
    text = TUTORIAL.read_text(encoding="utf-8")
    memory = diagnostics.Memory()
    written = Written()
    ours = converter(written)

    def publish(version: str, before: dict[int, Any]) -> tuple[str, dict[int, Any]]:
        found = diagnostics.safe_diagnose(version, "m", URI, None, (), memory).diagnostics
        params = types.PublishDiagnosticsParams(uri=URI, diagnostics=list(found))
        with written.reusing(before) as now:
            sent = json.dumps(ours.unstructure(params))
        assert sent == json.dumps(REFERENCE.unstructure(params))
        return sent, now

    first, kept = publish(text, {})
    again, now = publish(text + "# a comment\n", kept)
    assert again == first
    assert all(now[key][1] is kept[key][1] for key in now)
    changed, after = publish(text.replace("fewer-late", "fewer-later"), now)
    assert changed != first
    assert any(key not in now for key in after)
