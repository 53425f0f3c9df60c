"""Where each id of a map text is written: the definitions and uses of statement, reason and
section ids, the statement blocks, and the ack codes, with start and end positions.

The index is built from the YAML parser's events, so it needs no valid map, only as much YAML as
parses: when the text breaks off in a syntax error, everything before the error is still indexed.
Positions are 0-based lines and columns counted in characters (code points); the server converts
them to the client's units.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple

import attrs
import yaml

from argmap.load import KIND_KEYS

MAX_DEPTH: Final = 64
"""Deeper nesting is not indexed (the loader refuses it too)."""

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Span(NamedTuple):
    """A range of the text: 0-based line and column of its start and of just past its end."""

    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def last_line(self) -> int:
        """The last line with text of the span (a block scalar's span ends on the next line)."""
        if self.end_column == 0 and self.end_line > self.line:
            return self.end_line - 1
        return self.end_line

    def contains(self, line: int, column: int) -> bool:
        """True when the place is inside the span or at its end (where a cursor after a word is)."""
        return (self.line, self.column) <= (line, column) <= (self.end_line, self.end_column)


class Node:
    """A YAML node with its span; ``items`` for collections, ``value`` for scalars."""

    __slots__ = ("items", "pairs", "quoted", "span", "value")

    def __init__(self, span: Span, value: str | None = None, quoted: bool = False) -> None:
        self.span = span
        self.value = value
        self.quoted = quoted
        self.items: list[Node] | None = None
        self.pairs: list[tuple[Node, Node]] | None = None


class Occurrence(NamedTuple):
    """One place an id is written."""

    what: str
    """``statement``, ``section`` or ``inference`` (a reason's or objection's id)."""
    name: str
    span: Span
    """The id itself, without quotes."""
    definition: bool
    """True where the id is declared (a key under statements or sections, a reason's ``id:``)."""
    owner: str | None
    """The statement under which it is written."""


@attrs.frozen
class Block:
    """A statement as written: its key, the whole entry, its kind and text where readable."""

    id: str
    key: Span
    entry: Span
    """From the id to the end of its value."""
    flow: bool
    """True when the statement's value is written ``{...}`` on its line."""
    field_column: int | None
    """Column of the statement's fields in block style."""
    kind: str | None
    text: str | None
    reasons: tuple[tuple[str, Span, tuple[str, ...]], ...]
    """(id, span, premises) of each reason."""
    objections: tuple[tuple[str, Span, tuple[str, ...]], ...]
    ack: Node | None
    """The ``ack`` mapping, when written."""


@attrs.frozen
class Index:
    """Everything the editor features need to know about where things are written."""

    occurrences: tuple[Occurrence, ...]
    """Every id written, in file order."""
    blocks: dict[str, Block]
    """Statements by id, in file order (first definition of a duplicate)."""
    ordered: tuple[Block, ...]
    """The statements in file order, for walking outwards from a line."""
    block_lines: tuple[int, ...]
    """The line of each of ``ordered``, ascending."""
    sections: dict[str, Span]
    """Where each section id is declared."""
    statements_node: Node | None
    """The value of the top-level ``statements`` key."""
    statements_line: int | None
    """The line of the ``statements`` key."""

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id occurrence under or just before the cursor."""
        for occurrence in self.occurrences:
            if occurrence.span.contains(line, column):
                return occurrence
        return None

    def uses(self, what: str, name: str) -> Iterator[Occurrence]:
        """Every occurrence of that id, definitions first."""
        found = [o for o in self.occurrences if o.what == what and o.name == name]
        found.sort(key=lambda o: not o.definition)
        yield from found

    def definition(self, what: str, name: str) -> Occurrence | None:
        """Where the id is declared."""
        return next((o for o in self.uses(what, name) if o.definition), None)


def build(text: str) -> Index:
    """Index a map text; never raises for any text."""
    root = parse(text)
    return _Indexer(root).index()


def parse(text: str) -> Node | None:
    """The node tree of the text, or as much of it as parses before the first error."""
    stack: list[Node] = []
    keys: list[Node | None] = []
    root: Node | None = None
    try:
        for event in yaml.parse(text, Loader=_Parser):
            start, end = event.start_mark, event.end_mark
            if start is None or end is None:
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                keys.pop()
                last = _last_child(done)
                if last is not None and not done.quoted:  # a block ends with its last value
                    end_line, end_column = last.span.end_line, last.span.end_column
                else:
                    end_line, end_column = end.line, end.column
                done.span = done.span._replace(end_line=end_line, end_column=end_column)
                continue
            if isinstance(event, yaml.ScalarEvent):
                node = Node(
                    Span(start.line, start.column, end.line, end.column),
                    event.value,
                    quoted=not event.implicit[0],
                )
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    break
                node = Node(Span(start.line, start.column, end.line, end.column))
                flow = bool(getattr(event, "flow_style", False))
                node.quoted = flow  # for collections: written in flow style
                if isinstance(event, yaml.MappingStartEvent):
                    node.pairs = []
                else:
                    node.items = []
                _attach(stack, keys, node)
                if root is None:
                    root = node
                stack.append(node)
                keys.append(None)
                continue
            elif isinstance(event, yaml.AliasEvent):
                node = Node(Span(start.line, start.column, end.line, end.column))
            else:
                continue
            if not stack:
                root = root or node
                continue
            _attach(stack, keys, node)
    except yaml.YAMLError:
        pass
    except (RecursionError, MemoryError):  # libyaml's limits; what was read is kept
        pass
    return root


def _last_child(node: Node) -> Node | None:
    if node.items:
        return node.items[-1]
    if node.pairs:
        return node.pairs[-1][1]
    return None


def _attach(stack: list[Node], keys: list[Node | None], node: Node) -> None:
    if not stack:
        return
    parent = stack[-1]
    if parent.items is not None:
        parent.items.append(node)
    elif keys[-1] is None:
        keys[-1] = node
    else:
        key = keys[-1]
        assert parent.pairs is not None
        assert key is not None
        parent.pairs.append((key, node))
        keys[-1] = None


def _id_span(node: Node) -> Span:
    """The span of the id in a scalar, without the quotes of a one-line quoted scalar."""
    span = node.span
    if node.quoted and span.line == span.end_line and span.end_column - span.column >= 2:
        return Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
    return span


def _pairs(node: Node | None) -> list[tuple[Node, Node]]:
    return node.pairs if node is not None and node.pairs is not None else []


def _scalar(node: Node | None) -> str | None:
    return node.value if node is not None and node.value is not None else None


class _Indexer:
    def __init__(self, root: Node | None) -> None:
        self.root = root
        self.occurrences: list[Occurrence] = []
        self.blocks: dict[str, Block] = {}
        self.sections: dict[str, Span] = {}
        self.statements_node: Node | None = None
        self.statements_line: int | None = None

    def index(self) -> Index:
        for key, value in _pairs(self.root):
            if key.value == "sections":
                for section, _ in _pairs(value):
                    if section.value is not None:
                        self.add("section", section, True, None)
                        self.sections.setdefault(section.value, _id_span(section))
            elif key.value == "statements":
                self.statements_node, self.statements_line = value, key.span.line
                for sid, body in _pairs(value):
                    if sid.value is not None:
                        self.statement(sid.value, sid, body)
        return Index(
            tuple(self.occurrences),
            self.blocks,
            tuple(self.blocks.values()),
            tuple(b.key.line for b in self.blocks.values()),
            self.sections,
            self.statements_node,
            self.statements_line,
        )

    def add(self, what: str, node: Node, definition: bool, owner: str | None) -> None:
        if node.value is not None:
            self.occurrences.append(Occurrence(what, node.value, _id_span(node), definition, owner))

    def statement(self, sid: str, key: Node, body: Node) -> None:
        self.add("statement", key, True, sid)
        kind = text = None
        reasons: list[tuple[str, Span, tuple[str, ...]]] = []
        objections: list[tuple[str, Span, tuple[str, ...]]] = []
        ack = None
        field_column = None
        for name, value in _pairs(body):
            field_column = name.span.column if field_column is None else field_column
            if name.value in KIND_KEYS and kind is None:
                kind, text = name.value, _scalar(value)
            elif name.value == "reasons":
                reasons = self.inferences(value, sid, "r", sid)
            elif name.value == "objections":
                objections = self.inferences(value, sid, "o", sid)
            elif name.value == "section" and value.value is not None:
                self.add("section", value, False, sid)
            elif name.value == "ack":
                ack = value
        if sid in self.blocks:
            return
        self.blocks[sid] = Block(
            id=sid,
            key=_id_span(key),
            entry=Span(key.span.line, key.span.column, body.span.end_line, body.span.end_column),
            flow=bool(body.pairs is not None and body.quoted),
            field_column=None if body.quoted else field_column,
            kind=kind,
            text=text,
            reasons=tuple(reasons),
            objections=tuple(objections),
            ack=ack,
        )

    def inferences(
        self, node: Node, owner: str, suffix: str, parent: str
    ) -> list[tuple[str, Span, tuple[str, ...]]]:
        items = node.items if node.items is not None else [node]
        out = []
        for number, item in enumerate(items, start=1):
            name = f"{parent}.{suffix}{number}"
            premises: list[Node] = []
            if item.pairs is not None:
                for field, value in item.pairs:
                    if field.value == "id" and value.value is not None:
                        name = value.value
                        self.add("inference", value, True, owner)
                    elif field.value == "premises":
                        premises = value.items if value.items is not None else [value]
                    elif field.value == "objections":
                        self.inferences(value, owner, "o", name)
            else:
                premises = item.items if item.items is not None else [item]
            for premise in premises:
                self.add("statement", premise, False, owner)
            ids = tuple(p.value for p in premises if p.value is not None)
            out.append((name, item.span, ids))
        return out
