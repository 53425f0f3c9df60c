"""Where completion offers what: the place is read from the text around the cursor alone, so it
works in block and flow style, and while the YAML is half typed."""

from __future__ import annotations

import pytest

from argmap.lsp.completion import place

BLOCK = """\
statements:
  t:
    thesis: T
    section: bac
    reasons:
      - id: r1
        premises: [e1, e
        obj
      - e
    ack:
      unsu
    hed
  e1: {evidence: E, reasons: [a, b
  e2: {claim: C, ack: {orph
  e3: {claim: C, sec
"""

# (the line, up to the cursor at its end; expected place; the statement it is in; word typed)
CASES = [
    ("    section: bac", "section", "t", "bac"),
    ("        premises: [e1, e", "statement", "t", "e"),
    ("        obj", "inference", "t", "obj"),
    ("      - e", "statement", "t", "e"),
    ("      unsu", "code", "t", "unsu"),
    ("    hed", "field", "t", "hed"),
    ("  e1: {evidence: E, reasons: [a, b", "statement", "e1", "b"),
    ("  e2: {claim: C, ack: {orph", "code", "e2", "orph"),
    ("  e3: {claim: C, sec", "field", "e3", "sec"),
    ("    thesis: T", None, "t", "T"),
]


@pytest.mark.parametrize(
    ("line_text", "what", "owner", "word"), CASES, ids=[c[0].strip() for c in CASES]
)
def test_the_place_decides_what_is_offered(
    line_text: str, what: str | None, owner: str, word: str
) -> None:
    """Ids after reasons, premises and list dashes; sections after `section:`; codes under
    `ack`; fields at a statement's key position, a reason's fields in its full form; nothing in
    a statement's text."""
    lines = BLOCK.splitlines()
    number = lines.index(line_text)
    found = place(lines, number, len(line_text))
    assert found == (what, owner, word)
