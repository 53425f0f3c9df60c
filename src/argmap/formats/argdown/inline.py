"""The text inside an Argdown file's lines: comments, front matter, and the tags and data
that an element's text holds."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from argmap.formats import tree as t
from argmap.formats.argdown.gathered import Part

_COMMENT = re.compile(
    r"\\.|\[[^\]\n]+?\]\([^)\n]+?\)|<!--.*?-->|/\*.*?\*/|//[^\n]*|<!--|/\*", re.DOTALL
)
_TAG_CHARS = r"[A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]"
_TAG = r"#\(([^)\n]*)\)|#(" + _TAG_CHARS + "+)"
_TEXT_TOKEN = re.compile(r"\\(.)|" + _TAG + r"|(\{)", re.DOTALL)
_TAGS = re.compile(_TAG)
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
"""A JSON string, escapes and all (the loop unrolled, which Python's matcher runs fastest)."""
_FLAT_DATA = re.compile(
    rf"\{{\s*(?:[A-Za-z_]+\s*:\s*(?:{_STRING}|-?(?:0|[1-9][0-9]{{0,8}})|true)\s*"
    r"(?:,\s*|(?=\})))*\}"
)
"""A data block of plain keys and JSON strings, numbers or true: what argmap writes."""
_SIMPLE = re.compile(
    rf"([^\\#{{]*+)((?>(?:\s*(?:#\([^)\n]*\)|#{_TAG_CHARS}++))*))\s*({_FLAT_DATA.pattern})?\s*\Z"
)
"""Text the way argmap writes it (and most people do): plain words, then tags, then a flat data
block, which :func:`clean` takes apart in one match; anything else is read token by token.
Nothing in it is matched twice (possessive words and tags, atomic tags), so that it takes
linear time on any line."""
_FLAT_ITEM = re.compile(rf"([A-Za-z_]+)\s*:\s*({_STRING}|-?[0-9]+|true)")

Report = Callable[[int, int, str], None]
"""Records a problem at a line and column."""


class Cleaned(NamedTuple):
    """An element's text without its tags and data, and what they were."""

    text: str
    data: dict[str, Any]
    tags: list[str]
    data_place: tuple[int, int] | None
    """Where the last data block starts, if there is one."""


def strip_comments(text: str, problem: Report) -> list[str | None]:
    """The lines with comments blanked out; a line that held only a comment becomes None,
    so that it neither ends a block nor adds text."""
    if "//" not in text and "/*" not in text and "<!--" not in text:
        return list(map(str.rstrip, text.split("\n")))  # no comment can start anywhere
    places = t.Places(text)
    out = []
    last = 0
    commented: set[int] = set()
    for match in _COMMENT.finditer(text):
        token = match.group()
        if token.startswith("\\") or token.startswith("["):
            continue
        if token in ("<!--", "/*"):
            line, column = places.of(match.start())
            closer = "-->" if token == "<!--" else "*/"
            problem(line, column, f"comment '{token}' is never closed with '{closer}'")
            out.append(text[last : match.start()])
            last = len(text)
            break
        first, _ = places.of(match.start())
        final, _ = places.of(match.end())
        commented.update(range(first, final + 1))
        out.append(text[last : match.start()])
        out.append(re.sub(r"[^\n]", " ", token))
        last = match.end()
    out.append(text[last:])
    blanked = "".join(out).split("\n")
    original = text.split("\n")
    lines: list[str | None] = []
    for number, (kept, before) in enumerate(zip(blanked, original, strict=False), start=1):
        if number in commented and not kept.strip() and before.strip():
            lines.append(None)
        else:
            lines.append(kept.rstrip())
    return lines


def front_matter(text: str, problem: Report) -> tuple[str, dict[str, Any] | None, int]:
    """Reads ``=== ... ===`` at the top, before comments are looked for (a URL in it holds
    ``//``): the text with those lines left empty, so that places stay the same; the front
    matter's mapping (None when there is none to keep); the number of lines it took (0 if none).
    """
    position = 0  # the lines are found, not split: the front matter is a file's first few
    while True:
        newline = text.find("\n", position)
        line = text[position:] if newline < 0 else text[position:newline]
        if newline < 0 or line.strip():
            break
        position = newline + 1
    if not line.startswith("==="):
        return text, None, 0
    start = text.count("\n", 0, position)
    closing = -1 if newline < 0 else text.find("\n===", newline)  # the next line opening ===
    if closing < 0:
        problem(start + 1, 1, "front matter '===' is never closed with '==='")
        return "\n" * text.count("\n"), None, 0
    end = start + 1 + text.count("\n", newline + 1, closing + 1)
    snippet = text[newline + 1 : closing]
    try:
        data = t.load_yaml(snippet) if snippet.strip() else {}
    except t.DataError as error:
        problem(start + 2, 1, f"front matter is not valid YAML: {error}")
        data = {}
    if not isinstance(data, dict):
        problem(start + 2, 1, "front matter must be a YAML mapping (title: ...)")
        data = None
    after = text.find("\n", closing + 1)
    return "\n" * (end + 1) + ("" if after < 0 else text[after + 1 :]), data, end + 1


@attrs.define
class Gathering:
    """What :func:`clean` has taken from the parts so far."""

    words: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    data: dict[str, Any] = attrs.Factory(dict)
    data_place: tuple[int, int] | None = None


def clean(parts: list[Part], problem: Report) -> Cleaned:
    """The text of ``parts`` without tags and data, with the tags and data it held."""
    if len(parts) == 1:  # the usual case, without gathering
        text = parts[0].text
        if "#" not in text and "{" not in text and "\\" not in text:  # as the loop below does
            return Cleaned(" ".join(text.split()), {}, [], None)
        taken = simple(parts[0])
        if taken is not None:
            return taken
    into = Gathering()
    for part in parts:
        text = part.text
        if "#" not in text and "{" not in text and "\\" not in text:
            into.words.append(text)  # most text has no escape, tag or data: kept as it is
        elif (taken := simple(part)) is not None:
            into.words.append(taken.text)
            into.tags.extend(taken.tags)
            for key, item in taken.data.items():
                into.data.setdefault(key, item)
            if taken.data_place is not None:
                into.data_place = taken.data_place
        else:
            tokens(part, problem, into)
        into.words.append(" ")
    return Cleaned(" ".join("".join(into.words).split()), into.data, into.tags, into.data_place)


def simple(part: Part) -> Cleaned | None:
    """A text as argmap writes it (words, then tags, then a flat data block) taken apart in one
    match, as :func:`tokens` would take it; None for any other text."""
    match = _SIMPLE.match(part.text)
    if match is None:
        return None
    block = match.group(3)
    data: dict[str, Any] = {}
    data_place = None
    if block is not None:
        value = _flat_items(block)
        if value is None:
            return None
        data, data_place = value, (part.line, part.column + match.start(3))
    tags = []
    written = match.group(2)
    if written:
        # '#' is no tag's character and '(' no plain tag's: plain tags are split off at '#'
        found = written.split("#")[1:] if "(" not in written else _tags(written)
        for name in found:
            tag = " ".join(name.split())
            if tag:
                tags.append(tag)
    return Cleaned(" ".join(match.group(1).split()), data, tags, data_place)


def _tags(written: str) -> list[str]:
    return [found.group(1) or found.group(2) or "" for found in _TAGS.finditer(written)]


def tokens(part: Part, problem: Report, into: Gathering) -> None:
    """Takes any text apart token by token: escapes, tags and data blocks (read by YAML when
    they are not flat), each problem reported at its place."""
    text, words, position = part.text, into.words, 0
    while position < len(text):
        match = _TEXT_TOKEN.search(text, position)
        if match is None:
            words.append(text[position:])
            break
        words.append(text[position : match.start()])
        position = match.end()
        if match.group(1) is not None:
            words.append(match.group(1))
        elif match.group(2) is not None or match.group(3) is not None:
            tag = " ".join((match.group(2) or match.group(3) or "").split())
            if tag:
                into.tags.append(tag)
        else:
            flat = _FLAT_DATA.match(text, match.start())
            end = flat.end() - 1 if flat else _closing_brace(text, match.start())
            column = part.column + match.start()
            if end < 0:
                problem(part.line, column, "data '{' is not closed by '}'")
                break
            try:
                value = _flat_data(text[match.start() : end + 1])
                if value is None:
                    value = t.load_yaml(text[match.start() : end + 1])
            except t.DataError as error:
                problem(part.line, column, f"data {{...}} is not valid YAML: {error}")
                value = {}
            if isinstance(value, dict):
                for key, item in value.items():
                    into.data.setdefault(str(key), item)
                into.data_place = (part.line, column)
            else:
                problem(part.line, column, "data {...} must be a mapping: {key: value}")
            position = end + 1


def _flat_data(snippet: str) -> dict[str, Any] | None:
    """A data block of plain keys and JSON strings, numbers or true (what argmap writes), read
    without YAML's parser; None for anything else, which YAML then reads."""
    return _flat_items(snippet) if _FLAT_DATA.fullmatch(snippet) else None


def _flat_items(snippet: str) -> dict[str, Any] | None:
    """The items of a data block known to be flat; None when a string of it is no JSON string."""
    out: dict[str, Any] = {}
    for key, raw in _FLAT_ITEM.findall(snippet):
        if raw == "true":
            out.setdefault(key, True)
        elif raw.startswith('"'):
            if "\\" not in raw and raw.isprintable():  # no escape, no control character
                out.setdefault(key, raw[1:-1])
                continue
            try:
                out.setdefault(key, json.loads(raw))
            except ValueError:  # an escape JSON lacks and YAML has, such as \x3d
                return None
        else:
            out.setdefault(key, int(raw))
    return out


def _closing_brace(text: str, start: int) -> int:
    """The index of the '}' that closes the '{' at ``start``, quotes respected; -1 if none.

    A '}' that closes a '[' ends the block too: YAML then says what is wrong inside it."""
    opened: list[str] = []
    quote, index = "", start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            opened.append(char)
        elif char == "]" and opened and opened[-1] == "[":
            opened.pop()
        elif char == "}":
            if opened.pop() == "{" and opened:
                index += 1
                continue
            return index
        index += 1
    return -1
