"""Read a YAML text into positioned nodes.

The text is read as a stream of parser events (libyaml's C parser where present) and built into
the node tree without recursion, so that deep nesting, aliases, tags and huge files are refused
with a message instead of a crash.
"""

from __future__ import annotations

import yaml

from argmap.load import nodes as tree
from argmap.load.nodes import MAX_DEPTH, Mapping, Node, Scalar, Sequence, _Abort, _Problems

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _tab_message(text: str, offset: int) -> str:
    """What to say of a tab where YAML refuses one: in the indentation of a line, or between
    the parts of one (PyYAML only says it "cannot start any token")."""
    start = text.rfind("\n", 0, offset) + 1
    if text[start:offset].strip(" \t") == "":
        return "a tab indents this line: YAML indents with spaces only, so replace it with spaces"
    return "a tab separates the parts of this line: YAML needs spaces there, so replace it"


def _parse(text: str, problems: _Problems) -> Node:
    """Build the node tree of a YAML text without recursion, refusing what maps never use.

    The parser's events are taken one at a time (as :func:`yaml.parse` does, without its
    generator) and told apart by their exact type, the commonest first: at 10,000 statements
    there are about 125,000 of them, and this loop is most of what reading costs."""
    # The open collections: the innermost one as local variables (what it is, its items, the key
    # waiting for its value), each outer one saved on the stack the same way.
    stack: list[tuple[Mapping | Sequence | None, Node | None]] = []
    container: Mapping | Sequence | None = None
    in_sequence = False
    sequence_items: list[Node] = []
    mapping_items: list[tuple[Node, Node]] = []
    key: Node | None = None
    root: Node | None = None
    documents = nodes = 0
    limit = tree.MAX_NODES
    scalar_event, mapping_start = yaml.ScalarEvent, yaml.MappingStartEvent
    sequence_start, stream_end = yaml.SequenceStartEvent, yaml.StreamEndEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    skipped = (yaml.StreamStartEvent, yaml.DocumentEndEvent)
    loader = None
    try:
        loader = _Parser(text)
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            node: Node
            if kind is scalar_event or kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                anchor = event.anchor
                if anchor is not None:
                    problems.add(
                        line, column, f"YAML anchors are not allowed in a map: remove '&{anchor}'"
                    )
                    raise _Abort
                tag = event.tag
                if tag is not None and tag != "!":
                    shown = tag.replace("tag:yaml.org,2002:", "!!")
                    problems.add(
                        line, column, f"YAML tags are not allowed in a map: remove '{shown}'"
                    )
                    raise _Abort
                nodes += 1
                if nodes > limit:
                    problems.add(line, column, f"more than {limit:,} values: too large for a map")
                    raise _Abort
                if kind is scalar_event:
                    node = Scalar(event.value, event.implicit[0], line, column)
                else:
                    if len(stack) >= MAX_DEPTH:
                        problems.add(line, column, f"nested more than {MAX_DEPTH} levels deep")
                        raise _Abort
                    stack.append((container, key))
                    key = None
                    if kind is mapping_start:
                        container = Mapping(line, column)
                        mapping_items, in_sequence = container.items, False
                    else:
                        container = Sequence(line, column)
                        sequence_items, in_sequence = container.items, True
                    continue
            elif kind in ends:
                assert container is not None
                node = container
                container, key = stack.pop()
                if isinstance(container, Sequence):
                    sequence_items, in_sequence = container.items, True
                elif container is not None:
                    mapping_items, in_sequence = container.items, False
            elif kind is stream_end or event is None:
                break
            elif kind in skipped:
                continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    problems.add(
                        mark.line + 1,
                        mark.column + 1,
                        "more than one YAML document: a map is one document",
                    )
                    raise _Abort
                continue
            else:  # an alias, the one event left
                mark = event.start_mark
                problems.add(
                    mark.line + 1,
                    mark.column + 1,
                    "YAML aliases are not allowed in a map: write the value out",
                )
                raise _Abort
            if container is None:
                root = node
            elif in_sequence:
                sequence_items.append(node)
            elif key is None:
                key = node
            else:
                mapping_items.append((key, node))
                key = None
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
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        problems.add(1, 1, "empty map: expected a mapping with argmap, title and statements")
        raise _Abort
    return root
