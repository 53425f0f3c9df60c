"""What to offer at the cursor: statement ids where a reason, objection or premise list expects
one (nearest in the file first), section ids after ``section:``, finding codes under ``ack:``, and
field names and kind keys where a statement's field starts.

The place is read from the text around the cursor, line by line and by indentation, so that it
works in a map that does not parse while it is being typed.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from lsprotocol import types

from argmap.load import INFERENCE_KEYS, KIND_KEYS, STATEMENT_FIELDS
from argmap.lsp.index import Block, Index
from argmap.model import Code

_WORD = re.compile(r"[A-Za-z0-9_.\-]*\Z")
_KEY = re.compile(
    r"\s*(?:-\s+)*(?:\"([^\"]+)\"|'([^']+)'|([^\s:#\-\[{][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|\Z)"
)
_KEY_BEFORE = re.compile(r"(?:^|[\s{,\[])([A-Za-z0-9_.\-]+)\s*:\s*\Z")
MOST: Final = 50
"""Most statement ids offered at once, the nearest that match what is typed; the list is then
marked incomplete, so the editor asks again as more is typed."""
_ID_LISTS: Final = frozenset({"reasons", "objections", "premises"})
_CODE_HELP: Final = {
    Code.UNSUPPORTED: "a claim or thesis with no reasons",
    Code.UNGROUNDED: "a claim whose reasons all fail",
    Code.CIRCULAR: "a claim that supports itself",
    Code.DEFEATED: "a claim defeated by an unanswered objection",
    Code.CONTESTED: "a claim whose support is undercut or undecided",
    Code.ORPHAN: "neither a thesis nor a premise of anything",
    Code.UNTRACEABLE: "evidence without a quote or locator",
    Code.HEDGED_LOAD: "a hedged claim a thesis depends on",
    Code.UNKNOWN_HEDGE: "a hedge whose words are not on the confidence scale",
    Code.OVERSTATED: "stated more confidently than its support earns",
    Code.SINGLE_SOURCE: "a thesis whose evidence all comes from one source",
    Code.UNNAMED_ONLY: "a thesis whose evidence is all from unnamed sources",
    Code.UNNAMED_SOURCE: "evidence from an unnamed source a thesis depends on",
    Code.DUPLICATE: "two statements with the same text",
    Code.QUOTE_NOT_FOUND: "a quote not in the source",
    Code.MISPLACED_QUOTE: "a quote not where its locator says",
    Code.BEYOND_QUOTE: "evidence that says more than its quote",
    Code.RESTS_ON_MAPPER: "a thesis grounded only through the mapper's reading",
    Code.UNUSED_ACK: "an acknowledgement of a finding that is not found",
}


class Place(NamedTuple):
    """What the cursor is on: ``statement``, ``section``, ``code``, ``field``, ``inference`` (a
    field of a reason's full form) or ``None``; the statement it is in; the word typed so far."""

    what: str | None
    owner: str | None
    word: str


def place(lines: list[str], line: int, column: int) -> Place:
    """Read what is expected at the cursor from the text alone."""
    text = lines[line] if 0 <= line < len(lines) else ""
    prefix = text[:column]
    word = _WORD.search(prefix)
    typed = word.group() if word else ""
    before = prefix[: len(prefix) - len(typed)]
    chain = _parents(lines, line, text)
    owner = chain[chain.index("statements") - 1] if "statements" in chain[1:] else None
    flow = _open_brackets(before)
    inline = _KEY_BEFORE.search(before)
    if flow:
        bracket, key = flow[-1]
        keys = [k for _, k in flow if k is not None]
        if flow[0][1] is not None and chain and chain[0] == flow[0][1]:
            chain = chain[1:]  # the line's own key (`t: {...`) is already in the chain
        context = list(reversed(keys)) + chain
        if owner is None and "statements" in context[1:]:
            owner = context[context.index("statements") - 1]
        if inline is not None and before.rstrip().endswith(":"):
            return Place(_value_of(inline.group(1)), owner, typed)
        if bracket == "[":
            parent = key if key is not None else (context[0] if context else None)
            if parent in _ID_LISTS or (
                parent == "-" and len(context) > 1 and context[1] in _ID_LISTS
            ):
                return Place("statement", owner, typed)
            if key is None and context and context[0] in _ID_LISTS:
                return Place("statement", owner, typed)
            return Place(None, owner, typed)
        return Place(_key_of(context), owner, typed)
    if inline is not None:
        return Place(_value_of(inline.group(1)), owner, typed)
    stripped = before.strip()
    if stripped.startswith("-") and stripped.strip("- ") == "":
        return Place("statement" if chain and chain[0] in _ID_LISTS else None, owner, typed)
    if stripped == "":
        return Place(_key_of(chain), owner, typed)
    return Place(None, owner, typed)


def _value_of(key: str) -> str | None:
    if key in _ID_LISTS:
        return "statement"
    if key == "section":
        return "section"
    return None


def _key_of(chain: list[str]) -> str | None:
    """Which keys go at a key position whose enclosing keys are ``chain`` (nearest first)."""
    if chain and chain[0] == "ack":
        return "code"
    if len(chain) >= 2 and chain[1] == "statements" and "statements" not in chain[2:]:
        return "field"
    if chain and chain[0] == "-" and len(chain) >= 2 and chain[1] in ("reasons", "objections"):
        return "inference"
    return None


def _open_brackets(text: str) -> list[tuple[str, str | None]]:
    """The brackets still open in a line's text, each with the key written before it."""
    stack: list[tuple[str, str | None]] = []
    quote = ""
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"" and (i == 0 or text[i - 1] in " [{,:"):
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] == " "):
            break
        elif char in "[{":
            key = _KEY_BEFORE.search(text[:i])
            stack.append((char, key.group(1) if key else None))
        elif char in "]}" and stack:
            stack.pop()
    return stack


def _parents(lines: list[str], line: int, text: str) -> list[str]:
    """The keys enclosing a line by indentation, nearest first; ``-`` for a list item."""
    indent = len(text) - len(text.lstrip(" "))
    chain: list[str] = []
    for number in range(line - 1, -1, -1):
        above = lines[number]
        content = above.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        depth = len(above) - len(content)
        if depth >= indent:
            continue
        if content.startswith("- ") or content.rstrip() == "-":
            inner = content[1:].lstrip(" ")
            inner_depth = depth + len(content) - len(inner)
            if inner_depth < indent and (key := _KEY.match(inner)) is not None:
                chain.append(next(g for g in key.groups() if g))
            chain.append("-")
        elif (key := _KEY.match(content)) is not None:
            chain.append(next(g for g in key.groups() if g))
        else:
            break
        indent = depth
        if depth == 0:
            break
    return chain


def _nearest(blocks: list[Block], lines: list[int], line: int, found: Place) -> list[Block]:
    """The MOST statements nearest the line that match what is typed, nearest first, found by
    walking outwards from the line through the statements in file order (``lines`` ascending)."""
    typed = found.word.lower()
    after = bisect.bisect_left(lines, line)
    before = after - 1
    out: list[Block] = []
    while len(out) < MOST and (before >= 0 or after < len(blocks)):
        if after >= len(blocks) or (before >= 0 and line - lines[before] <= lines[after] - line):
            block, before = blocks[before], before - 1
        else:
            block, after = blocks[after], after + 1
        if block.id != found.owner and _fuzzy(typed, block.id.lower()):
            out.append(block)
    return out


def _fuzzy(typed: str, name: str) -> bool:
    """True when the letters typed occur in the name in order, as editors match."""
    position = 0
    for char in typed:
        position = name.find(char, position) + 1
        if position == 0:
            return False
    return True


def items(
    found: Place,
    indexes: list[Index],
    line: int,
    column: int,
    typed_from: int,
) -> list[types.CompletionItem]:
    """The completion items for a place, each replacing the word typed so far; ids come from the
    indexes given, the first (the latest text's) taking precedence."""
    where = types.Range(types.Position(line, typed_from), types.Position(line, column))

    def item(
        label: str, kind: types.CompletionItemKind, detail: str, doc: str | None, rank: int
    ) -> types.CompletionItem:
        return types.CompletionItem(
            label=label,
            kind=kind,
            detail=detail,
            label_details=types.CompletionItemLabelDetails(description=detail),
            documentation=doc,
            sort_text=f"{rank:07d}",
            filter_text=label,
            text_edit=types.TextEdit(range=where, new_text=label),
        )

    current = indexes[0] if indexes else None
    ordered = list(current.ordered) if current is not None else []
    block_lines = list(current.block_lines) if current is not None else []
    sections = dict.fromkeys(current.sections) if current is not None else {}
    for older in indexes[1:]:  # the last text that loaded, while this one is broken
        if len(older.blocks) > len(ordered):
            known = {b.id for b in ordered}
            ordered += [b for b in older.ordered if b.id not in known]
            ordered.sort(key=lambda b: b.key.line)
            block_lines = [b.key.line for b in ordered]
            sections.update(dict.fromkeys(older.sections))
    if found.what == "statement":
        nearest = _nearest(ordered, block_lines, line, found)
        return [
            item(b.id, types.CompletionItemKind.Reference, b.kind or "statement", b.text, rank)
            for rank, b in enumerate(nearest)
        ]
    if found.what == "section":
        return [
            item(s, types.CompletionItemKind.Module, "section", None, rank)
            for rank, s in enumerate(sections)
        ]
    if found.what == "code":
        return [
            item(c.value, types.CompletionItemKind.EnumMember, "finding", _CODE_HELP[c], rank)
            for rank, c in enumerate(Code)
        ]
    if found.what == "field":
        kinds = [
            item(k, types.CompletionItemKind.Class, "kind", "the statement's text, as this kind", n)
            for n, k in enumerate(KIND_KEYS)
        ]
        fields = [
            item(f, types.CompletionItemKind.Field, "field", None, len(KIND_KEYS) + n)
            for n, f in enumerate(STATEMENT_FIELDS)
        ]
        return kinds + fields
    if found.what == "inference":
        return [
            item(f, types.CompletionItemKind.Field, "field", None, n)
            for n, f in enumerate(INFERENCE_KEYS)
        ]
    return []
