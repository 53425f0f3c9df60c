"""Hypothesis strategies for the edits a mapper makes to a map text in an editor, one after
another: typing into a line, adding and removing lines, moving, copying and deleting a
statement, renaming a premise, changing a statement's kind, and the punctuation that breaks
YAML on the way (tabs, quotes, brackets, anchors, carriage returns); a test undoes an edit as
often as not, as the edit that repairs it."""

from __future__ import annotations

import re
from typing import Final

from hypothesis import strategies as st

PIECES: Final = [
    "x", " word", ": ", ":", "- ", "-", ",", "[", "]", "{", "}", "'", '"', "#", " # note", "&a ",
    "*a", "!!str ", "\t", "\r\n", "\r", "\n", "\n  ", "\n    ", "|", ">-", "~", "null", "---\n",
    "\u2028", "\ufeff", "é", "\U0001f600", "? ", "  ", "premises: [", "statements:",
]  # fmt: skip
"""What typing inserts: YAML punctuation, the characters after which the loader reads the whole
text again, and ordinary words."""
LINES: Final = [
    "", "# a comment", "  # an indented comment", "    note: a note", "    tags: [t]",
    "  new-id:", "  new-id:\n    claim: A new claim.", "    claim: A second text.",
    "      - {id}", "    reasons: [{id}]", "    objections: [{id}]", " odd", "statements:",
    "title: T", "  {id}:\n    evidence: E.\n    at: 1", "    ack: {{orphan: known}}",
    "   three", "\t", "sections: {{a: A}}",
]  # fmt: skip
"""Whole lines an edit adds (``{id}`` stands for an id of the map)."""
_ID_LINE = re.compile(r"^  ([A-Za-z0-9][A-Za-z0-9_.\-]*):", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_KIND = re.compile(r"(?<=[ {,])(?:thesis|claim|evidence|assumption)(?=:)")
KINDS: Final = ["thesis", "claim", "evidence", "assumption"]

Edit = tuple[int, int, str]
"""``text[start:end]`` replaced by a new text."""


def ids(text: str) -> list[str]:
    """The statement ids of a map text, as its id lines spell them."""
    return _ID_LINE.findall(text) or ["x"]


def blocks(text: str) -> list[tuple[int, int]]:
    """Where each statement's block (its id line up to the next id line) starts and ends."""
    starts = [m.start() for m in _ID_LINE.finditer(text)]
    return list(zip(starts, [*starts[1:], len(text)], strict=True)) if starts else []


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


@st.composite
def edits(draw: st.DrawFn, text: str) -> Edit:
    """One edit of ``text``."""
    kind = draw(
        st.sampled_from(
            ["type", "type", "line", "drop-line", "premise", "kind", "move", "copy", "drop"]
        )
    )
    lines = _line_starts(text)
    if kind == "type":
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.sampled_from([0, 0, 1, 3, 12])))
        return start, end, draw(st.sampled_from(PIECES))
    if kind == "line":
        at = draw(st.sampled_from(lines))
        line = draw(st.sampled_from(LINES)).format(id=draw(st.sampled_from(ids(text))))
        return at, at, line + "\n"
    if kind == "drop-line":
        n = draw(st.integers(0, len(lines) - 1))
        end = lines[n + 1] if n + 1 < len(lines) else len(text)
        return lines[n], end, ""
    if kind == "kind":  # a statement of another kind: a claim made evidence, say
        kinds = list(_KIND.finditer(text))
        if not kinds:
            return 0, 0, ""
        found = draw(st.sampled_from(kinds))
        return found.start(), found.end(), draw(st.sampled_from(KINDS))
    if kind == "premise":  # any id-like word becomes the map's id: a link renamed or made
        words = list(_WORD.finditer(text))
        if not words:
            return 0, 0, ""
        word = draw(st.sampled_from(words))
        return word.start(), word.end(), draw(st.sampled_from(ids(text)))
    spans = blocks(text)
    if not spans:
        return 0, 0, ""
    start, end = draw(st.sampled_from(spans))
    if kind == "drop":
        return start, end, ""
    if kind == "copy":
        at = draw(st.sampled_from([s for s, _ in spans] + [len(text)]))
        return at, at, text[start:end]
    target = draw(st.sampled_from([s for s, _ in spans]))  # move: cut here, insert there
    if target == start:
        return 0, 0, ""
    piece = text[start:end]
    if target < start:
        return target, end, piece + text[target:start]
    return start, target, text[end:target] + piece


def apply(text: str, edit: Edit) -> str:
    start, end, new = edit
    return text[:start] + new + text[end:]
