"""Read a JSON text into positioned nodes by JSON's rules, with the same limits as for YAML."""

from __future__ import annotations

import bisect
import json
import re

from argmap.load import nodes as tree
from argmap.load.nodes import MAX_DEPTH, Mapping, Node, Scalar, Sequence, _Abort, _Problems

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_JSON_WORDS = ("true", "false", "null")
_JSON_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"', re.S)
_JSON_STRING_START = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*')


class _Json:
    """Reads a JSON text into positioned nodes by JSON's rules (``json``'s own string decoder, so
    every escape JSON allows, surrogate pairs included), with the same limits as for YAML."""

    def __init__(self, text: str, problems: _Problems) -> None:
        self.text = text
        self.problems = problems
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        self.nodes = 0

    def place(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_left(self.breaks, offset)
        start = self.breaks[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def fail(self, offset: int, message: str) -> _Abort:
        self.problems.add(*self.place(offset), f"JSON syntax error: {message}")
        return _Abort()

    def skip(self, offset: int) -> int:
        match = _JSON_SPACE.match(self.text, offset)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def document(self) -> Node:
        start = self.skip(0)
        if start == len(self.text):
            self.problems.add(
                1, 1, "empty map: expected a mapping with argmap, title and statements"
            )
            raise _Abort
        node, end = self.value(start, 0)
        end = self.skip(end)
        if end != len(self.text):
            raise self.fail(end, "more after the end of the JSON value")
        return node

    def value(self, offset: int, depth: int) -> tuple[Node, int]:
        self.nodes += 1
        if self.nodes > tree.MAX_NODES:
            raise self.fail(offset, f"more than {tree.MAX_NODES:,} values: too large for a map")
        char = self.text[offset : offset + 1]
        line, column = self.place(offset)
        if char in ("{", "["):
            if depth >= MAX_DEPTH:
                self.problems.add(line, column, f"nested more than {MAX_DEPTH} levels deep")
                raise _Abort
            return self.collection(offset, depth)
        if char == '"':
            return self.string(offset)
        number = _JSON_NUMBER.match(self.text, offset)
        if number is not None:
            return Scalar(number.group(), True, line, column), number.end()
        for word in _JSON_WORDS:
            if self.text.startswith(word, offset):
                return Scalar(word, True, line, column), offset + len(word)
        found = repr(char) if char else "the end of the file"
        raise self.fail(offset, f"expected a value, found {found}")

    def string(self, offset: int) -> tuple[Scalar, int]:
        match = _JSON_STRING.match(self.text, offset)
        if match is None:
            end = _JSON_STRING_START.match(self.text, offset)
            assert end is not None  # it matches at least the opening quote
            stop = end.end()
            if stop < len(self.text):
                raise self.fail(stop, f"U+{ord(self.text[stop]):04X} must be escaped in a string")
            raise self.fail(offset, "a string that is never closed")
        try:
            value = json.loads(match.group())
        except json.JSONDecodeError as error:
            raise self.fail(offset + error.pos, error.msg[0].lower() + error.msg[1:]) from None
        return Scalar(value, False, *self.place(offset)), match.end()

    def collection(self, offset: int, depth: int) -> tuple[Node, int]:
        line, column = self.place(offset)
        mapping = self.text[offset] == "{"
        node: Mapping | Sequence = Mapping(line, column) if mapping else Sequence(line, column)
        close = "}" if mapping else "]"
        position = self.skip(offset + 1)
        if self.text.startswith(close, position):
            return node, position + 1
        while True:
            if mapping:
                if not self.text.startswith('"', position):
                    raise self.fail(position, "expected a key in double quotes")
                key, position = self.string(position)
                position = self.skip(position)
                if not self.text.startswith(":", position):
                    raise self.fail(position, "expected ':' after the key")
                item, position = self.value(self.skip(position + 1), depth + 1)
                assert isinstance(node, Mapping)
                node.items.append((key, item))
            else:
                item, position = self.value(position, depth + 1)
                assert isinstance(node, Sequence)
                node.items.append(item)
            position = self.skip(position)
            if self.text.startswith(close, position):
                return node, position + 1
            if not self.text.startswith(",", position):
                raise self.fail(position, f"expected ',' or '{close}'")
            position = self.skip(position + 1)


def _parse_json(text: str, problems: _Problems) -> Node:
    return _Json(text, problems).document()
