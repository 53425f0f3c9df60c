"""The positioned node tree that every reader builds and :mod:`argmap.load.build` validates, and
the problems of one file collected with their places."""

from __future__ import annotations

import re
from typing import Final

from argmap.errors import MapError, Problem

MAX_NODES: Final = 3_000_000
"""Most values read from one file, which bounds memory (a map of 100,000 statements has
about 1.1 million); a file of 64 MiB of tiny values would otherwise take gigabytes."""
MAX_DEPTH: Final = 64
"""Deepest nesting of collections accepted; the format itself needs fewer than ten levels."""

_INT = re.compile(r"[-+]?[0-9]+\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Node:
    """A node of a map file (YAML, JSON or another format read into this tree) with the place
    it starts (1-based)."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class Scalar(Node):
    """A scalar as written; quoted and block scalars (``plain`` False) are always text."""

    __slots__ = ("plain", "value")

    def __init__(self, value: str, plain: bool, line: int, column: int) -> None:
        self.line = line  # as Node.__init__ does, without the call: a map has 100,000s of them
        self.column = column
        self.value = value
        self.plain = plain

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in _NULLS


class Mapping(Node):
    """A mapping, keys in file order (duplicates kept, to be reported)."""

    __slots__ = ("items",)

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.items: list[tuple[Node, Node]] = []


class Sequence(Node):
    """A sequence."""

    __slots__ = ("items",)

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.items: list[Node] = []


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    assert isinstance(node, Scalar)
    if node.is_null:
        return "nothing"
    if node.plain and _INT.match(node.value):
        return f"the number {_shorten(node.value)}"
    return f"'{_shorten(node.value)}'"


def _shorten(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class _Abort(Exception):
    """Stops reading: the file cannot be made into a tree at all."""


class _Problems:
    """Collects problems of one file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Problem] = []

    def add(self, line: int, column: int, message: str) -> None:
        self.items.append(Problem(self.name, line, column, message))

    def at(self, node: Node, message: str) -> None:
        self.add(node.line, node.column, message)

    def at_offset(self, data: bytes, offset: int, message: str) -> None:
        line = data.count(b"\n", 0, offset) + 1
        start = data.rfind(b"\n", 0, offset) + 1
        column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
        self.add(line, column, message)

    def error(self) -> MapError:
        ordered = sorted(self.items, key=lambda p: (p.line, p.column))
        return MapError(ordered)
