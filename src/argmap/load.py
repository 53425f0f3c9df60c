"""Read a map file into the model, reporting every problem in one pass with its line and column.

The YAML is read as a stream of parser events (libyaml's C parser where present) and built into a
small tree of positioned nodes without recursion, so that deep nesting, aliases, tags and huge files
are refused with a message instead of a crash. The tree is then validated against the format and
turned into :class:`argmap.model.Map`.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import stat
from collections.abc import Iterable
from typing import Final, TypeVar

import yaml

from argmap import links
from argmap.errors import MapError, Problem, did_you_mean
from argmap.model import (
    FORMAT_VERSION,
    Ack,
    Code,
    Kind,
    Map,
    Objection,
    Position,
    Reason,
    Section,
    Source,
    Statement,
)
from argmap.util import collector_paused

MAX_BYTES: Final = 64 * 1024 * 1024
"""Largest map file read; a map of 100,000 statements takes about 15 MB."""
MAX_NODES: Final = 3_000_000
"""Most YAML values read from one file, which bounds memory (a map of 100,000 statements has
about 1.1 million); a file of 64 MiB of tiny values would otherwise take gigabytes."""
MAX_DEPTH: Final = 64
"""Deepest nesting of YAML collections accepted; the format itself needs fewer than ten levels."""

ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*\Z")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
"""Characters no text of a map may hold: they cannot be shown, printed or drawn."""
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Halves of a UTF-16 surrogate pair, which an escape (``\\ud83d``) can give alone."""
MAX_ID_CHARS: Final = 200
"""Longest id; Graphviz cannot draw a name of more than about 16,000 characters."""
MAX_PARAGRAPH_DIGITS: Final = 9
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})

_Inference = TypeVar("_Inference", Reason, Objection)

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KIND_KEYS: Final = tuple(kind.value for kind in Kind)
TOP_KEYS: Final = ("argmap", "title", "source", "sections", "statements")
SOURCE_KEYS: Final = ("title", "author", "publisher", "date", "url")
STATEMENT_FIELDS: Final = (
    "reasons",
    "objections",
    "quote",
    "at",
    "section",
    "hedge",
    "note",
    "tags",
    "ack",
)
INFERENCE_KEYS: Final = ("id", "premises", "objections", "note")
FIELD_CUTOFF: Final = 0.75
"""How alike a misspelt field must be to a real one to be suggested: 'qoute' for 'quote', not
'note' for 'type' (field names are few and short, so a loose match suggests nonsense)."""


# --- positioned YAML nodes -----------------------------------------------------------------------


class Node:
    """A YAML node with the place it starts (1-based)."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class Scalar(Node):
    """A scalar as written; quoted and block scalars (``plain`` False) are always text."""

    __slots__ = ("plain", "value")

    def __init__(self, value: str, plain: bool, line: int, column: int) -> None:
        super().__init__(line, column)
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


# --- reading bytes into nodes --------------------------------------------------------------------


class _Abort(Exception):
    """Stops reading: the file cannot be made into a tree at all."""


def _decode(data: bytes, problems: _Problems) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        problems.at_offset(data, nul, "binary file: it contains a NUL byte; a map is UTF-8 text")
        raise _Abort
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.at_offset(
            data, error.start, f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded"
        )
        raise _Abort from None


def _tab_message(text: str, offset: int) -> str:
    """What to say of a tab where YAML refuses one: in the indentation of a line, or between
    the parts of one (PyYAML only says it "cannot start any token")."""
    start = text.rfind("\n", 0, offset) + 1
    if text[start:offset].strip(" \t") == "":
        return "a tab indents this line: YAML indents with spaces only, so replace it with spaces"
    return "a tab separates the parts of this line: YAML needs spaces there, so replace it"


def _parse(text: str, problems: _Problems) -> Node:
    """Build the node tree of a YAML text without recursion, refusing what maps never use."""
    stack: list[Mapping | Sequence] = []
    pending_key: list[Node | None] = []
    root: Node | None = None
    documents = nodes = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            mark = event.start_mark
            assert mark is not None  # the parser marks every event
            line, column = mark.line + 1, mark.column + 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problems.add(line, column, "more than one YAML document: a map is one document")
                    raise _Abort
                continue
            if isinstance(
                event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)
            ):
                continue
            if isinstance(event, yaml.AliasEvent):
                problems.add(
                    line, column, "YAML aliases are not allowed in a map: write the value out"
                )
                raise _Abort
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node: Node = stack.pop()
                pending_key.pop()
            else:
                anchor = getattr(event, "anchor", None)
                if anchor is not None:
                    problems.add(
                        line, column, f"YAML anchors are not allowed in a map: remove '&{anchor}'"
                    )
                    raise _Abort
                tag = getattr(event, "tag", None)
                if tag is not None and tag != "!":
                    shown = tag.replace("tag:yaml.org,2002:", "!!")
                    problems.add(
                        line, column, f"YAML tags are not allowed in a map: remove '{shown}'"
                    )
                    raise _Abort
                nodes += 1
                if nodes > MAX_NODES:
                    problems.add(
                        line, column, f"more than {MAX_NODES:,} values: too large for a map"
                    )
                    raise _Abort
                if isinstance(event, yaml.ScalarEvent):
                    node = Scalar(event.value, event.implicit[0], line, column)
                else:
                    if len(stack) >= MAX_DEPTH:
                        problems.add(line, column, f"nested more than {MAX_DEPTH} levels deep")
                        raise _Abort
                    collection: Mapping | Sequence = (
                        Mapping(line, column)
                        if isinstance(event, yaml.MappingStartEvent)
                        else Sequence(line, column)
                    )
                    stack.append(collection)
                    pending_key.append(None)
                    continue
            if not stack:
                root = node
                continue
            parent = stack[-1]
            if isinstance(parent, Sequence):
                parent.items.append(node)
            elif pending_key[-1] is None:
                pending_key[-1] = node
            else:
                key = pending_key[-1]
                assert key is not None
                parent.items.append((key, node))
                pending_key[-1] = None
    except yaml.reader.ReaderError as error:
        offset = error.position
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        problems.add(
            line,
            column,
            f"the control character U+{error.character:04X} cannot stand in a YAML map as it "
            f"is: write it as the escape \\u{error.character:04x} in a double-quoted text",
        )
        raise _Abort from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if mark and text[mark.index : mark.index + 1] == "\t":
            problems.add(line, column, _tab_message(text, mark.index))
            raise _Abort from None
        what = error.problem or "cannot parse"
        context = f" ({error.context})" if error.context else ""
        problems.add(line, column, f"YAML syntax error: {what}{context}")
        raise _Abort from None
    except yaml.YAMLError as error:
        problems.add(1, 1, f"YAML error: {error}")
        raise _Abort from None
    if root is None:
        problems.add(1, 1, "empty map: expected a mapping with argmap, title and statements")
        raise _Abort
    return root


# --- reading JSON into nodes ---------------------------------------------------------------------

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_JSON_WORDS = ("true", "false", "null")
_JSON_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"', re.S)
_JSON_STRING_START = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*')


def _is_json(name: str) -> bool:
    """Whether the file is read by JSON's rules rather than YAML's: by its name."""
    return name.lower().endswith(".json")


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
        if self.nodes > MAX_NODES:
            raise self.fail(offset, f"more than {MAX_NODES:,} values: too large for a map")
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


# --- problems ------------------------------------------------------------------------------------


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


# --- validating nodes into the model -------------------------------------------------------------


class _Builder:
    """Turns the node tree into a Map, recording every problem instead of stopping at the first."""

    def __init__(self, problems: _Problems) -> None:
        self.problems = problems
        self.statement_nodes: dict[str, Node] = {}
        self.inference_ids: dict[str, Node] = {}
        self.references: list[tuple[str, str, Scalar, str]] = []
        """(what, owner statement, premise node, context) to resolve once all ids are known."""
        self.section_refs: list[tuple[Scalar, str]] = []

    # small typed readers: each reports and returns None on a wrong type

    def mapping(self, node: Node, what: str) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        self.problems.at(node, f"{what} must be a mapping, not {_describe(node)}")
        return None

    def fields(
        self, node: Mapping, allowed: tuple[str, ...], what: str
    ) -> dict[str, tuple[Scalar, Node]]:
        """The mapping's keys, checked: text keys, no duplicates, no unknown fields."""
        seen: dict[str, tuple[Scalar, Node]] = {}
        for key, value in node.items:
            if not isinstance(key, Scalar) or key.is_null:
                self.problems.at(key, f"keys of {what} must be text, not {_describe(key)}")
                continue
            name = key.value
            if name in seen:
                first = seen[name][0]
                self.problems.at(
                    key, f"duplicate key '{name}' in {what} (first at line {first.line})"
                )
                continue
            if allowed and name not in allowed:
                hint = did_you_mean(name, allowed, cutoff=FIELD_CUTOFF) or (
                    f" (the fields are {', '.join(allowed)})"
                )
                self.problems.at(key, f"unknown field '{name}' in {what}{hint}")
                continue
            seen[name] = (key, value)
        return seen

    def text(self, node: Node, what: str) -> str | None:
        if isinstance(node, Scalar) and not node.is_null:
            if not node.value.strip():
                self.problems.at(node, f"{what} must not be empty")
                return None
            surrogate = _SURROGATE.search(node.value)
            if surrogate is not None:
                self.problems.at(
                    node,
                    f"{what} holds U+{ord(surrogate.group()):04X}, half of a surrogate pair "
                    "without its other half, which is no character",
                )
                return None
            control = _CONTROL.search(node.value)
            if control is not None:
                self.problems.at(
                    node,
                    f"{what} contains the control character U+{ord(control.group()):04X}; "
                    "a map holds printable text, tabs and line breaks",
                )
                return None
            return node.value
        self.problems.at(node, f"{what} must be text, not {_describe(node)}")
        return None

    def ident(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if len(value) > MAX_ID_CHARS:
            self.problems.at(
                node,
                f"{what} '{_shorten(value)}' is {len(value):,} characters long; "
                f"an id has at most {MAX_ID_CHARS}",
            )
            return None
        if not ID_PATTERN.match(value):
            self.problems.at(
                node,
                f"{what} '{_shorten(value)}' is not a valid id: use letters, digits, '_', '-' "
                "and '.', starting with a letter or digit",
            )
            return None
        return value

    def texts(self, node: Node, what: str) -> tuple[str, ...]:
        """A list of texts, or one text standing for a list of one."""
        if isinstance(node, Sequence):
            out = [self.text(item, f"each of {what}") for item in node.items]
            return tuple(t for t in out if t is not None)
        single = self.text(node, what)
        return (single,) if single is not None else ()

    # the map

    def build(self, root: Node) -> Map | None:
        top = self.mapping(root, "the top level of a map")
        if top is None:
            return None
        fields = self.fields(top, TOP_KEYS, "the map")
        for required in ("argmap", "title", "statements"):
            if required not in fields:
                self.problems.at(top, f"the map has no '{required}'")
        version = FORMAT_VERSION
        if "argmap" in fields:
            node = fields["argmap"][1]
            if not (isinstance(node, Scalar) and node.plain and node.value == str(FORMAT_VERSION)):
                self.problems.at(
                    node,
                    f"'argmap' must be the format version {FORMAT_VERSION}, not {_describe(node)}",
                )
        title = self.text(fields["title"][1], "'title'") if "title" in fields else None
        source = self.source(fields["source"][1]) if "source" in fields else Source()
        sections = self.sections(fields["sections"][1]) if "sections" in fields else ()
        statements: dict[str, Statement] = {}
        if "statements" in fields:
            statements = self.statements(fields["statements"][1])
        self.resolve(statements, sections)
        if self.problems.items or title is None:
            return None
        return Map(
            title=title, statements=statements, source=source, sections=sections, version=version
        )

    def source(self, node: Node) -> Source:
        mapping = self.mapping(node, "'source'")
        if mapping is None:
            return Source()
        fields = self.fields(mapping, SOURCE_KEYS, "'source'")
        values = {name: self.text(value, f"source '{name}'") for name, (_, value) in fields.items()}
        url = values.get("url")
        why = links.problem(url) if url is not None else None
        if why is not None:
            self.problems.at(fields["url"][1], why)
            values["url"] = None
        return Source(**values)

    def sections(self, node: Node) -> tuple[Section, ...]:
        mapping = self.mapping(node, "'sections'")
        if mapping is None:
            return ()
        out = []
        for name, (key, value) in self.fields(mapping, (), "'sections'").items():
            section_id = self.ident(key, "section id")
            title = self.text(value, f"the heading of section '{name}'")
            if section_id is not None and title is not None:
                out.append(Section(section_id, title, position=Position(key.line, key.column)))
        return tuple(out)

    def statements(self, node: Node) -> dict[str, Statement]:
        mapping = self.mapping(node, "'statements'")
        out: dict[str, Statement] = {}
        if mapping is None:
            return out
        if not mapping.items:
            self.problems.at(mapping, "'statements' is empty: a map needs at least one statement")
        for key, value in self.fields(mapping, (), "'statements'").values():
            statement_id = self.ident(key, "statement id")
            if statement_id is None:
                continue
            self.statement_nodes[statement_id] = key
            statement = self.statement(statement_id, key, value)
            if statement is not None:
                out[statement_id] = statement
        return out

    def statement(self, sid: str, key: Scalar, node: Node) -> Statement | None:
        what = f"statement '{sid}'"
        mapping = self.mapping(node, what)
        if mapping is None:
            return None
        fields = self.fields(mapping, KIND_KEYS + STATEMENT_FIELDS, what)
        kinds = [name for name in KIND_KEYS if name in fields]
        if not kinds:
            self.problems.at(
                mapping if mapping.items else key,
                f"{what} has no text: give it one of {', '.join(KIND_KEYS)}",
            )
            return None
        if len(kinds) > 1:
            self.problems.at(
                fields[kinds[1]][0], f"{what} has two kinds, {kinds[0]} and {kinds[1]}: keep one"
            )
            return None
        kind = Kind(kinds[0])
        text = self.text(fields[kinds[0]][1], f"the text of {what}")
        get = fields.get
        reasons: tuple[Reason, ...] = ()
        if (entry := get("reasons")) is not None:
            reasons = self.inferences(entry[1], sid, sid, "reason", Reason)
        objections: tuple[Objection, ...] = ()
        if (entry := get("objections")) is not None:
            objections = self.inferences(entry[1], sid, sid, "objection", Objection)
        quote = self.text(entry[1], f"the quote of {what}") if (entry := get("quote")) else None
        note = self.text(entry[1], f"the note of {what}") if (entry := get("note")) else None
        at = self.locator(entry[1], what) if (entry := get("at")) else None
        hedge = self.hedge(entry[1], what) if (entry := get("hedge")) else None
        tags = self.texts(entry[1], f"the tags of {what}") if (entry := get("tags")) else ()
        acks = self.acks(entry[1], what) if (entry := get("ack")) else ()
        section = None
        if (entry := get("section")) is not None:
            section = self.ident(entry[1], f"the section of {what}")
            if section is not None:
                assert isinstance(entry[1], Scalar)
                self.section_refs.append((entry[1], section))
        if text is None:
            return None
        return Statement(
            id=sid,
            kind=kind,
            text=text,
            reasons=reasons,
            objections=objections,
            quote=quote,
            at=at,
            section=section,
            hedge=hedge,
            note=note,
            tags=tags,
            acks=acks,
            position=Position(key.line, key.column),
        )

    def locator(self, node: Node, what: str) -> int | str | None:
        if isinstance(node, Scalar) and node.plain and _INT.match(node.value):
            if len(node.value.lstrip("+-0")) > MAX_PARAGRAPH_DIGITS:
                self.problems.at(node, f"the paragraph number of {what} is too large")
                return None
            number = int(node.value)
            if number < 1:
                self.problems.at(node, f"the paragraph number of {what} must be 1 or more")
                return None
            return number
        return self.text(node, f"the locator 'at' of {what}")

    def hedge(self, node: Node, what: str) -> str | None:
        if isinstance(node, Scalar) and node.plain:
            if node.value in _TRUE:
                return ""
            if node.value in _FALSE:
                return None
        return self.text(node, f"the hedge of {what}")

    def acks(self, node: Node, what: str) -> tuple[Ack, ...]:
        mapping = self.mapping(node, f"the 'ack' of {what}")
        if mapping is None:
            return ()
        codes = [code.value for code in Code]
        out = []
        for name, (key, value) in self.fields(mapping, (), f"the 'ack' of {what}").items():
            why = self.text(value, f"the reason for acknowledging '{name}'")
            if name not in codes:
                self.problems.at(
                    key, f"unknown finding code '{name}' in 'ack'{did_you_mean(name, codes)}"
                )
                continue
            if why is not None:
                out.append(Ack(Code(name), why, position=Position(key.line, key.column)))
        return tuple(out)

    def inferences(
        self,
        node: Node,
        statement: str,
        parent: str,
        role: str,
        cls: type[_Inference],
    ) -> tuple[_Inference, ...]:
        """The reasons (or objections) listed under a statement, reason or objection."""
        if not isinstance(node, Sequence):
            # a single premise written without the list: `reasons: e1`
            items: list[Node] = [node]
        else:
            items = node.items
        suffix = "r" if cls is Reason else "o"
        out = []
        for number, item in enumerate(items, start=1):
            built = self.inference(item, statement, f"{parent}.{suffix}{number}", role, cls)
            if built is not None:
                out.append(built)
        return tuple(out)

    def inference(
        self,
        node: Node,
        statement: str,
        auto_id: str,
        role: str,
        cls: type[_Inference],
    ) -> _Inference | None:
        what = f"{role} {auto_id}"
        position = Position(node.line, node.column)
        inference_id = auto_id
        note = None
        undercuts: tuple[Objection, ...] = ()
        if isinstance(node, Mapping):
            article = "an" if role[0] in "aeiou" else "a"
            fields = self.fields(node, INFERENCE_KEYS, f"{article} {role} of '{statement}'")
            if "id" in fields:
                given = self.ident(fields["id"][1], f"the id of {what}")
                if given is not None:
                    inference_id = given
            what = f"{role} '{inference_id}'"
            if "premises" not in fields:
                self.problems.at(node, f"{what} has no 'premises'")
                premise_nodes: list[Node] = []
            else:
                premise_nodes = self.premise_nodes(fields["premises"][1], what)
            if "note" in fields:
                note = self.text(fields["note"][1], f"the note of {what}")
            if "objections" in fields:
                undercuts = self.inferences(
                    fields["objections"][1], statement, inference_id, "objection", Objection
                )
        else:
            premise_nodes = self.premise_nodes(node, what)
        self.register_inference(inference_id, node)
        premises = []
        for premise in premise_nodes:
            name = self.text(premise, f"a premise of {what}")
            if name is None:
                continue
            assert isinstance(premise, Scalar)
            if name in premises:
                self.problems.at(premise, f"{what} names '{name}' twice")
                continue
            premises.append(name)
            self.references.append((role, statement, premise, what))
        if not premise_nodes:
            return None
        return cls(inference_id, tuple(premises), undercuts, note, position=position)

    def premise_nodes(self, node: Node, what: str) -> list[Node]:
        if isinstance(node, Sequence):
            if not node.items:
                self.problems.at(node, f"{what} has an empty list of premises")
            nested = [item for item in node.items if not isinstance(item, Scalar)]
            for item in nested:
                self.problems.at(
                    item, f"a premise of {what} must be a statement id, not {_describe(item)}"
                )
            return [item for item in node.items if isinstance(item, Scalar)]
        if isinstance(node, Scalar):
            return [node]
        self.problems.at(
            node, f"{what} must be a statement id, a list of ids, or a mapping with 'premises'"
        )
        return []

    def register_inference(self, inference_id: str, node: Node) -> None:
        if inference_id in self.inference_ids:
            first = self.inference_ids[inference_id]
            self.problems.at(node, f"duplicate id '{inference_id}' (first at line {first.line})")
        else:
            self.inference_ids[inference_id] = node

    def resolve(self, statements: dict[str, Statement], sections: tuple[Section, ...]) -> None:
        """Check every reference now that all ids are known."""
        for inference_id, node in self.inference_ids.items():
            if inference_id in self.statement_nodes:
                first = self.statement_nodes[inference_id]
                self.problems.at(
                    node, f"id '{inference_id}' is already a statement's (line {first.line})"
                )
        known = self.statement_nodes
        for role, owner, premise, what in self.references:
            name = premise.value
            if name in known:
                if name == owner:
                    supported = statements[owner].kind.value if owner in statements else "claim"
                    self.problems.at(
                        premise,
                        f"{what} names its own {supported if role == 'reason' else 'target'} "
                        f"'{owner}'",
                    )
            elif name in self.inference_ids:
                self.problems.at(
                    premise,
                    f"{what} names {name!r}, which is a reason or objection, not a statement",
                )
            else:
                self.problems.at(
                    premise, f"{what} names unknown statement '{name}'{did_you_mean(name, known)}"
                )
        section_ids = [s.id for s in sections]
        for node, name in self.section_refs:
            if name not in section_ids:
                hint = (
                    did_you_mean(name, section_ids)
                    if section_ids
                    else " (declare it under 'sections')"
                )
                self.problems.at(node, f"unknown section '{name}'{hint}")


# --- entry points --------------------------------------------------------------------------------


def loads(text: str | bytes, name: str = "<string>") -> Map:
    """Build a map from the text of a map file; ``name`` is used in messages.

    Raises :class:`argmap.errors.MapError` listing every problem found.
    """
    with collector_paused():  # the tree holds no cycles: loading large maps stays linear
        return _loads(text, name)


def _loads(text: str | bytes, name: str) -> Map:
    problems = _Problems(name)
    try:
        if isinstance(text, bytes):
            text = _decode(text, problems)
        elif "\x00" in text:
            problems.at_offset(
                text.encode("utf-8", "replace"),
                text.index("\x00"),
                "binary file: it contains a NUL byte; a map is UTF-8 text",
            )
            raise _Abort
        root = _parse_json(text, problems) if _is_json(name) else _parse(text, problems)
    except _Abort:
        raise problems.error() from None
    built = _Builder(problems).build(root)
    if built is None or problems.items:
        raise problems.error()
    return built


def read_source(path: str | os.PathLike[str]) -> str:
    """The plain text of a source, for checking quotes against it.

    Raises :class:`argmap.errors.MapError` for a file that is not UTF-8 text or cannot be read.
    """
    name = os.fspath(path)
    data = _read(name, "source")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems = _Problems(name)
        problems.at_offset(
            data, error.start, f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded"
        )
        raise problems.error() from None


def load_map(
    path: str | os.PathLike[str], *, form: str | None = None, leaves: str | None = None
) -> Map:
    """Read and validate the map file at ``path``: argmap's YAML, or Argdown or AIF JSON.

    The format is ``form`` when given (``argmap``, ``argdown``, ``aif``), else taken from the
    file's suffix and content (:mod:`argmap.formats`); ``leaves`` (``claim`` or ``evidence``)
    says what the Argdown and AIF readers make of untagged statements without reasons.
    Raises :class:`argmap.errors.MapError` listing every problem found, each with its place.
    """
    from argmap import formats  # small; the readers themselves are imported only when used

    name = os.fspath(path)
    return formats.read(name, _read(name, "map"), form=form, leaves=leaves)


def build(root: Node, name: str, problems: Iterable[Problem] = ()) -> Map:
    """Validate a tree of positioned nodes shaped like a map file, as :func:`loads` does.

    The readers of other formats build such a tree, with the places of their own file, so that
    ids, duplicates and references are checked here, once, for every format. ``problems`` are
    those the reader found itself; all are raised together, in file order.
    """
    collected = _Problems(name)
    collected.items.extend(problems)
    with collector_paused():
        built = _Builder(collected).build(root)
    if built is None or collected.items:
        raise collected.error()
    return built


def decode(data: bytes, name: str) -> str:
    """The text of a map file's bytes, or a MapError at the first NUL or undecodable byte."""
    problems = _Problems(name)
    try:
        return _decode(data, problems)
    except _Abort:
        raise problems.error() from None


def _read(name: str, what: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES, or a one-line error naming it."""

    def refuse(message: str) -> MapError:
        return MapError([Problem(name, 1, 1, message)])

    if name == "-":
        raise refuse(f"a {what} is read from a file, not from standard input: name the file")
    try:
        status = os.stat(name)
        if stat.S_ISDIR(status.st_mode):
            raise refuse(f"is a directory, not a {what} file")
        if not stat.S_ISREG(status.st_mode):
            raise refuse("not a regular file (a pipe or a device); save it to a file")
        if status.st_size > MAX_BYTES:
            raise refuse(
                f"file too large: {status.st_size / 2**20:.0f} MiB "
                f"(a {what} may have at most {MAX_BYTES // 2**20} MiB)"
            )
        with open(name, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise refuse("no such file") from None
    except OSError as error:
        raise refuse(f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise refuse(f"file too large (a {what} may have at most {MAX_BYTES // 2**20} MiB)")
    return data
