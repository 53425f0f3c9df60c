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
                if nodes > tree.MAX_NODES:
                    problems.add(
                        line, column, f"more than {tree.MAX_NODES:,} values: too large for a map"
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
