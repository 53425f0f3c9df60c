"""Quick fixes for diagnostics: acknowledge a finding, write a stub for an unknown statement, and
take the "did you mean" suggestion of a problem."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from lsprotocol import types

from argmap.lsp.diagnostics import SOURCE
from argmap.lsp.index import Block, Index

WHY: Final = "TODO say why the map accepts this"
"""The placeholder an acknowledgement is written with, for the mapper to replace (plain YAML
text: no colon followed by a space)."""
STUB: Final = "TODO write the statement"
"""The placeholder text of a new statement."""


def actions(
    uri: str, diagnostics: Sequence[types.Diagnostic], index: Index, lines: list[str]
) -> list[types.CodeAction]:
    """The quick fixes for the diagnostics the client names."""
    out: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        if diagnostic.source != SOURCE or not isinstance(diagnostic.data, dict):
            continue
        data: dict[str, Any] = diagnostic.data
        edit: types.TextEdit | None
        if "suggestion" in data:
            new = str(data["suggestion"])
            edit = types.TextEdit(range=diagnostic.range, new_text=new)
            out.append(_fix(f"Change to '{new}'", uri, edit, diagnostic, preferred=True))
        if "unknown" in data and (edit := stub(index, lines, str(data["unknown"]))) is not None:
            out.append(_fix(f"Create statement '{data['unknown']}'", uri, edit, diagnostic))
        if "code" in data and types.DiagnosticTag.Unnecessary not in (diagnostic.tags or ()):
            block = index.blocks.get(str(data.get("statement")))
            if block is not None and (edit := acknowledge(block, lines, str(data["code"]))):
                title = f"Acknowledge '{data['code']}' for '{block.id}'"
                out.append(_fix(title, uri, edit, diagnostic))
    return out


def _fix(
    title: str,
    uri: str,
    edit: types.TextEdit,
    diagnostic: types.Diagnostic,
    preferred: bool = False,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def _insert(line: int, column: int, text: str) -> types.TextEdit:
    where = types.Position(line, column)
    return types.TextEdit(range=types.Range(where, where), new_text=text)


def _after_line(lines: list[str], line: int, text: str) -> types.TextEdit:
    """Insert whole lines after ``line`` (``text`` ends with a newline)."""
    if line + 1 < len(lines):
        return _insert(line + 1, 0, text)
    last = lines[line] if 0 <= line < len(lines) else ""
    return _insert(line, len(last), "\n" + text.rstrip("\n"))


def acknowledge(block: Block, lines: list[str], code: str) -> types.TextEdit | None:
    """Add ``code: why`` to the statement's ``ack``, writing the ``ack`` when it has none."""
    ack = block.ack
    if ack is not None and ack.pairs is not None:
        if ack.quoted:  # flow style: {a: why}
            end = ack.span
            separator = ", " if ack.pairs else ""
            return _insert(end.end_line, end.end_column - 1, f"{separator}{code}: {WHY}")
        indent = ack.pairs[0][0].span.column if ack.pairs else ack.span.column
        return _after_line(lines, ack.span.last_line, f"{' ' * indent}{code}: {WHY}\n")
    if ack is not None:
        return None  # an ack that is not a mapping: the loader reports it
    if block.flow:
        entry = block.entry
        return _insert(entry.end_line, entry.end_column - 1, f", ack: {{{code}: {WHY}}}")
    if block.field_column is None:
        return None
    pad = " " * block.field_column
    return _after_line(lines, block.entry.last_line, f"{pad}ack:\n{pad}  {code}: {WHY}\n")


def stub(index: Index, lines: list[str], sid: str) -> types.TextEdit | None:
    """A new claim with that id at the end of the statements, for the mapper to fill in."""
    node = index.statements_node
    if node is None or node.pairs is None or node.quoted or not node.pairs:
        return None
    indent = node.pairs[0][0].span.column
    pad = " " * indent
    return _after_line(lines, node.span.last_line, f"\n{pad}{sid}:\n{pad}  claim: {STUB}\n")
