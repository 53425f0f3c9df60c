"""What the readers of other formats share: ids made from titles, and the positioned tree of a map
file that :func:`argmap.load.build` validates, so that every format is checked by the same code."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml

from argmap.load import ID_PATTERN, Mapping, Node, Scalar, Sequence
from argmap.load.fields import FieldReader
from argmap.load.nodes import _Problems

Report = Callable[[int, int, str], None]
"""Records a problem at a line and column."""

_NOT_ID = re.compile(r"[^A-Za-z0-9_.\-]+")


class Places:
    """Turns offsets into a text into 1-based lines and columns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def of(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0]
            self._starts.extend(m.end() for m in re.finditer("\n", self.text))
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def of_all(self, offsets: list[int]) -> list[tuple[int, int]]:
        """The places of increasing offsets, in one pass over the text."""
        count, rfind, out = self.text.count, self.text.rfind, []
        line, previous, line_start = 1, 0, 0
        for offset in offsets:
            newlines = count("\n", previous, offset)
            if newlines:
                line += newlines
                line_start = rfind("\n", previous, offset) + 1
            out.append((line, offset - line_start + 1))
            previous = offset
        return out


class Ids:
    """Unique ids made from titles: a valid id is kept, anything else made into one."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, title: str, fallback: str = "s") -> str:
        return self.take_id(slug(title) or fallback)

    def take_id(self, base: str) -> str:
        """``base``, a valid id, or the first of ``base-2``, ``base-3``, ... not taken yet."""
        candidate, number = base, 1
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.used.add(candidate)
        return candidate


def slug(title: str) -> str:
    """An id for ``title``: itself when it is one, else its letters and digits joined by '-'."""
    if ID_PATTERN.match(title):
        return title
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return _NOT_ID.sub("-", ascii_title).strip("-._")


def text(value: str, line: int, column: int) -> Scalar:
    """A scalar that is always text, as a quoted YAML scalar is."""
    return Scalar(value, False, line, column)


def value(data: Any, line: int, column: int) -> Node:
    """A node for a plain value read from YAML data (a ``{...}`` block or front matter)."""
    if isinstance(data, str):  # the usual value, first
        return Scalar(data, False, line, column)
    if isinstance(data, dict):
        mapping = Mapping(line, column)
        mapping.items = [(value(k, line, column), value(v, line, column)) for k, v in data.items()]
        return mapping
    if isinstance(data, list):
        sequence = Sequence(line, column)
        sequence.items = [value(item, line, column) for item in data]
        return sequence
    if data is None:
        return Scalar("", True, line, column)
    if isinstance(data, bool):
        return Scalar("true" if data else "false", True, line, column)
    if isinstance(data, int | float):
        return Scalar(str(data), True, line, column)
    return Scalar(str(data), False, line, column)


def flag(data: Any, line: int, column: int, what: str, problem: Report) -> bool | None:
    """A yes-or-no mark read from data (``{assumed: true}``), checked by the map loader's own
    field reader; a value that is neither is reported through ``problem`` and gives None."""
    problems = _Problems("")
    given = FieldReader(problems).flag(value(data, line, column), what)
    for found in problems.items:
        problem(found.line, found.column, found.message)
    return given


def mapping(
    items: list[tuple[str, Node]],
    line: int,
    column: int,
    places: dict[str, tuple[int, int]] | None = None,
) -> Mapping:
    """A mapping of text keys, each key placed where the mapping is, or where ``places`` says
    (a key read from a data block belongs there, for the problems the loader finds with it)."""
    node = Mapping(line, column)
    if places:
        node.items = [(text(key, *places.get(key, (line, column))), item) for key, item in items]
    else:  # the usual case, built without a call for each key
        node.items = [(Scalar(key, False, line, column), item) for key, item in items]
    return node


def sequence(items: list[Node], line: int, column: int) -> Sequence:
    node = Sequence(line, column)
    node.items = items
    return node


class DataError(ValueError):
    """YAML data that cannot be read, or uses what maps never use (aliases, anchors, tags)."""


def load_yaml(snippet: str) -> Any:
    """The value of a small YAML text, refusing aliases, anchors and tags as map files do."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(snippet, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DataError("YAML aliases and anchors are not allowed")
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                raise DataError("YAML tags are not allowed")
        return yaml.load(snippet, Loader=loader)  # a safe loader, checked above
    except yaml.MarkedYAMLError as error:
        raise DataError(error.problem or "cannot parse") from None
    except yaml.YAMLError as error:
        raise DataError(str(error)) from None
