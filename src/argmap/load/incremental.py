"""Load successive versions of one map text, reading again only the statements whose text changed.

An editor's language server loads a map after every change, and in a large map nearly all of the
text is as it was. :class:`IncrementalLoader` splits the YAML text into its top-level statement
blocks (the line of a statement's id and the lines under it, up to the next id) and keeps, for
the text of each block, the nodes it was read into and the statement built from them; a block
whose text is unchanged is not read again, only moved when lines above it were added or removed
(its nodes' lines shifted), and its statement is reused (a copy with its places moved along,
when it moved). What is left of
the text (``argmap``, ``title``, ``source``, ``sections``) is read whole, with the statements'
lines blanked. The node tree so assembled is the one the whole text gives, so the map, and every
problem with its place, are what :func:`argmap.load.loads` gives.

Whenever that is not certain the text is loaded whole, as :func:`argmap.load.loads` does: JSON,
any tab, carriage return or other line break YAML counts (NEL, U+2028, U+2029), a byte-order
mark or NUL, no ``statements:`` at the start of a line or more than one, a top level that is
not a plain block mapping (flow style, ``{``), a statement id that is not a plain key at one
indentation, any line less indented than the ids, a block YAML cannot read alone (a syntax
error, an anchor, an alias, a tag), or the limits of :mod:`argmap.load.nodes` in reach.
"""

from __future__ import annotations

import re
from typing import Final, TypeVar

import attrs

from argmap.load.build import _Builder
from argmap.load.nodes import MAX_DEPTH, MAX_NODES, Mapping, Node, Scalar, Sequence, _Abort
from argmap.load.nodes import _Problems as Problems
from argmap.model import Map, Objection, Position, Reason, Statement
from argmap.util import collector_paused

_Inference = TypeVar("_Inference", Reason, Objection)

_UNSAFE: Final = "\t\r\x00\x85\u2028\u2029\ufeff"
"""Characters after which the split is not certain: tabs, line breaks other than ``\\n`` (YAML
counts lines at each), a byte-order mark, NUL."""
_STATEMENTS: Final = re.compile(r"^statements:(?:[ ]+#[^\n]*|[ ]*)$", re.MULTILINE)
_ANOTHER: Final = re.compile(r"\nstatements:(?:[ ]+#[^\n]*|[ ]*)(?=\n|\Z)")
"""A later line ``statements:``, found from the line break before it."""
_CONTENT: Final = re.compile(r"^ *[^ \n]", re.MULTILINE)
_TOP: Final = re.compile(r"\n[^ \n#]")
"""A line that starts at the first column and is not a comment, after its line break: the end of
the statements. (Patterns that search the whole text start with the line break, not ``^``: the
regular expression engine then skips from one to the next, several times faster.)"""
_KEY: Final = r"[A-Za-z0-9][A-Za-z0-9_.\-]*:(?=[ \n]|\Z)"
"""A statement's id as a plain key, then its colon."""


class _Block:
    """One statement's block: the nodes its text reads into and the statement built from them."""

    __slots__ = ("built", "built_line", "count", "depth", "key", "line", "nodes", "value")

    def __init__(self, key: Scalar, value: Node, nodes: list[Node], depth: int):
        self.key = key
        self.value = value
        self.nodes = nodes
        """Every node of the block, to shift its lines when the block moves."""
        self.count = len(nodes)
        self.depth = depth
        """The deepest nesting of a collection in the block, the statement's value at 1."""
        self.line = key.line
        """The line the nodes are at: the block's first line."""
        self.built: _Built | None = None
        """What building its statement did, when that reported no problem."""
        self.built_line = 0
        """The line its statement was built at (its places are for that line)."""


class _Built:
    """What building a block's statement did, to do again when the block is reused: the
    statement, the reasons and objections it registered, the references it left to resolve."""

    __slots__ = ("inferences", "references", "sections", "statement")

    def __init__(
        self,
        statement: Statement,
        inferences: list[tuple[str, Node]],
        references: list[tuple[str, str, Scalar, str]],
        sections: list[tuple[Scalar, str]],
    ) -> None:
        self.statement = statement
        self.inferences = inferences
        self.references = references
        self.sections = sections


class IncrementalLoader:
    """Loads the versions of one map text in turn, reusing what the last version read (see the
    module's docstring). One loader serves one document, from one thread at a time."""

    def __init__(self) -> None:
        self._blocks: dict[str, _Block] = {}
        self.reused = 0
        """How many statements the last load took from the one before (for tests)."""

    def loads(self, text: str, name: str = "<string>") -> Map:
        """The map of ``text``, exactly as :func:`argmap.load.loads` gives it (the same problems,
        raised as :class:`argmap.errors.MapError`)."""
        from argmap.load import loads

        self.reused = 0
        with collector_paused():
            problems = Problems(name)
            root = None if name.lower().endswith(".json") else self._assemble(text, problems)
            if root is None:
                return loads(text, name)
            builder = _Reusing(problems, self._blocks)
            built = builder.build(root)
            self.reused = builder.reused
        if built is None or problems.items:
            raise problems.error()
        return built

    def _assemble(self, text: str, problems: Problems) -> Node | None:
        """The node tree of the whole text, from the blocks read before and those read now;
        None when the split is not certain or a part cannot be read alone."""
        if any(character in text for character in _UNSAFE):
            return None
        found = _STATEMENTS.search(text)
        if found is None or _ANOTHER.search(text, found.end()) is not None:
            return None
        start = found.end() + 1  # the statements start on the line after their key
        if start > len(text):
            return None
        end_match = _TOP.search(text, start - 1)
        end = end_match.start() + 1 if end_match is not None else len(text)
        first_line = text.count("\n", 0, start) + 1
        starts = _block_starts(text, start, end)
        if not starts:
            return None
        statements_line = first_line - 1
        head = text[:start] + "\n" * text.count("\n", start, end) + text[end:]
        top = _read(head, problems)
        if top is None or not isinstance(top, Mapping) or not top.items:
            return None
        first_key = top.items[0][0]
        if (top.line, top.column) != (first_key.line, first_key.column) or top.column != 1:
            return None  # a flow mapping at the top: its braces start before its first key
        entry = next((n for n, (k, _) in enumerate(top.items) if k.line == statements_line), -1)
        if entry < 0:
            return None
        key, value = top.items[entry]
        if not (isinstance(key, Scalar) and key.plain and key.value == "statements"):
            return None
        if not (isinstance(value, Scalar) and value.is_null):
            return None
        count = _count(top)
        old, fresh = self._blocks, dict[str, _Block]()
        blocks: list[_Block] = []
        line = first_line + text.count("\n", start, starts[0])
        for piece in [text[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]:
            block = old.get(piece)
            if block is None or piece in fresh:
                block = _read_block(piece, line, problems)
                if block is None or block.depth + 1 >= MAX_DEPTH:
                    return None  # nested too deep for the whole text: let it say where
            elif block.line != line:
                delta = line - block.line
                for node in block.nodes:
                    node.line += delta
                block.line = line
            if piece not in fresh:
                fresh[piece] = block
            blocks.append(block)
            count += block.count - 1
            line += piece.count("\n")
        if count > MAX_NODES:
            return None
        self._blocks = fresh
        statements = Mapping(blocks[0].key.line, blocks[0].key.column)
        statements.items = [(block.key, block.value) for block in blocks]
        top.items[entry] = (key, statements)
        return top


def _block_starts(text: str, start: int, end: int) -> list[int]:
    """Where each statement's block starts in ``text[start:end]``; empty when any line that is
    not a comment is less indented than the first, or as indented and not a plain id key."""
    first = _CONTENT.search(text, start, end)
    while first is not None and text[first.end() - 1] == "#":
        after = text.find("\n", first.end(), end)
        first = _CONTENT.search(text, after + 1, end) if after >= 0 else None
    if first is None:
        return []
    indent = first.end() - 1 - first.start()
    if indent == 0:
        return []
    patterns = _patterns(indent)
    if patterns[1].search(text, start - 1, end) is not None:
        return []
    return [found.start() + 1 for found in patterns[0].finditer(text, start - 1, end)]


_PATTERNS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(indent: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For ids indented ``indent`` spaces: the line break before each id line, and before any
    line that is not a comment and is less indented, or as indented and not an id key."""
    found = _PATTERNS.get(indent)
    if found is None:
        key = re.compile(rf"\n(?= {{{indent}}}{_KEY})")
        odd = re.compile(rf"\n(?: {{0,{indent - 1}}}[^ \n#]| {{{indent}}}(?![ \n#]|{_KEY}))")
        found = _PATTERNS[indent] = (key, odd)
    return found


def _read(text: str, problems: Problems) -> Node | None:
    """The node tree of a text, or None when YAML cannot read it (the whole text will say why)."""
    from argmap.load.read_yaml import _parse

    try:
        root = _parse(text, problems)
    except _Abort:
        return None
    return None if problems.items else root


def _read_block(text: str, line: int, problems: Problems) -> _Block | None:
    """A statement's block read alone and moved to ``line``; None when it does not read as one
    plain key and its value."""
    root = _read(text, Problems(problems.name))
    if not isinstance(root, Mapping) or len(root.items) != 1:
        return None
    key, value = root.items[0]
    if not (isinstance(key, Scalar) and key.plain) or (key.line, key.column) != (1, root.column):
        return None
    nodes: list[Node] = []
    depth = 1
    stack: list[tuple[Node, int]] = [(key, 1), (value, 1)]
    shift = line - 1
    while stack:
        node, level = stack.pop()
        node.line += shift
        nodes.append(node)
        if isinstance(node, Mapping):
            depth = max(depth, level)
            stack.extend((item, level + 1) for pair in node.items for item in pair)
        elif isinstance(node, Sequence):
            depth = max(depth, level)
            stack.extend((item, level + 1) for item in node.items)
    block = _Block(key, value, nodes, depth)
    block.count = len(nodes) + 1  # and the block's own mapping, the statements' in the whole text
    return block


def _count(root: Node) -> int:
    """The number of nodes in a tree."""
    count, stack = 0, [root]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, Mapping):
            stack.extend(item for pair in node.items for item in pair)
        elif isinstance(node, Sequence):
            stack.extend(node.items)
    return count


class _Reusing(_Builder):
    """The builder of :mod:`argmap.load.build`, taking the statement of a block whose text has
    not changed from the last build (moved, when the block did), and doing again what building
    it did: registering its reasons and objections, leaving its references to resolve. A block
    whose build reported a problem is built again each time."""

    def __init__(self, problems: Problems, blocks: dict[str, _Block]) -> None:
        super().__init__(problems)
        self.by_value = {id(block.value): block for block in blocks.values()}
        self.registered: list[tuple[str, Node]] | None = None
        self.reused = 0

    def statement(self, sid: str, key: Scalar, node: Node) -> Statement | None:
        block = self.by_value.get(id(node))
        if block is None or block.key is not key:
            return super().statement(sid, key, node)
        done = block.built
        if done is not None:
            if block.built_line != key.line:  # moved by lines added or removed above it
                done.statement = _moved(done.statement, key.line - block.built_line)
                block.built_line = key.line
            for inference_id, where in done.inferences:
                self.register_inference(inference_id, where)
            self.references.extend(done.references)
            self.section_refs.extend(done.sections)
            self.reused += 1
            return done.statement
        problems, references = len(self.problems.items), len(self.references)
        sections = len(self.section_refs)
        self.registered = []
        try:
            statement = super().statement(sid, key, node)
        finally:
            registered, self.registered = self.registered, None
        if statement is None or len(self.problems.items) != problems:
            block.built = None
        else:
            block.built = _Built(
                statement,
                registered,
                self.references[references:],
                self.section_refs[sections:],
            )
            block.built_line = key.line
        return statement

    def register_inference(self, inference_id: str, node: Node) -> None:
        if self.registered is not None:
            self.registered.append((inference_id, node))
        super().register_inference(inference_id, node)


def _moved(statement: Statement, lines: int) -> Statement:
    """``statement`` as built from its block moved down by ``lines`` (up when negative): every
    place in it (its own, its reasons', objections' and acknowledgements') that many lines on."""
    return attrs.evolve(
        statement,
        position=_down(statement.position, lines),
        reasons=tuple(_moved_inference(r, lines) for r in statement.reasons),
        objections=tuple(_moved_inference(o, lines) for o in statement.objections),
        acks=tuple(attrs.evolve(a, position=_down(a.position, lines)) for a in statement.acks),
    )


def _moved_inference(inference: _Inference, lines: int) -> _Inference:
    """A reason or objection, and the undercuts below it, ``lines`` further down."""
    position = _down(inference.position, lines)
    if not inference.objections:
        return attrs.evolve(inference, position=position)
    # undercuts nest as deep as the loader allows (MAX_DEPTH levels): recursion stays shallow
    undercuts = tuple(_moved_inference(o, lines) for o in inference.objections)
    return attrs.evolve(inference, position=position, objections=undercuts)


def _down(position: Position | None, lines: int) -> Position | None:
    return None if position is None else Position(position.line + lines, position.column)
