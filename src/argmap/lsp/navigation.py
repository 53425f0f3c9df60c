"""Moving around a map: definition and references of statement, reason and section ids, renaming
an id everywhere, the outline of statements with their reasons and objections, and folding."""

from __future__ import annotations

from lsprotocol import types

from argmap.load import ID_PATTERN
from argmap.lsp.index import Index, Occurrence, Span

_SYMBOL_KIND = {
    "thesis": types.SymbolKind.Class,
    "claim": types.SymbolKind.Interface,
    "evidence": types.SymbolKind.Constant,
    "assumption": types.SymbolKind.Variable,
}


class RenameRefused(ValueError):
    """A rename that would break the map: the new id is taken or not an id."""


def to_range(span: Span) -> types.Range:
    """A span as a protocol range (still in characters)."""
    return types.Range(
        types.Position(span.line, span.column), types.Position(span.end_line, span.end_column)
    )


def definition(index: Index, line: int, column: int) -> Span | None:
    """Where the id under the cursor is declared."""
    found = index.at(line, column)
    if found is None:
        return None
    declared = index.definition(found.what, found.name)
    return declared.span if declared is not None else None


def references(index: Index, line: int, column: int, declaration: bool) -> list[Span]:
    """Every place the id under the cursor is written, its declaration first when asked for."""
    found = index.at(line, column)
    if found is None:
        return []
    return [o.span for o in index.uses(found.what, found.name) if declaration or not o.definition]


def renameable(index: Index, line: int, column: int) -> Occurrence | None:
    """The id under the cursor, when it is one that can be renamed."""
    return index.at(line, column)


def rename(index: Index, line: int, column: int, new: str) -> list[types.TextEdit]:
    """The edits that rename the id under the cursor everywhere; raises :class:`RenameRefused`."""
    found = index.at(line, column)
    if found is None:
        raise RenameRefused("there is no statement, reason or section id here")
    if not ID_PATTERN.match(new):
        raise RenameRefused(
            f"'{new}' is not a valid id: use letters, digits, '_', '-' and '.', "
            "starting with a letter or digit"
        )
    if new == found.name:
        return []
    if new in _taken(index, found.what):
        raise RenameRefused(f"'{new}' is already an id in this map")
    return [
        types.TextEdit(range=to_range(o.span), new_text=new)
        for o in index.uses(found.what, found.name)
    ]


def _taken(index: Index, what: str) -> set[str]:
    if what == "section":
        return set(index.sections)
    taken = {o.name for o in index.occurrences if o.what in ("statement", "inference")}
    for block in index.blocks.values():
        taken.update(name for name, _, _ in block.reasons + block.objections)
    return taken


def symbols(index: Index) -> list[types.DocumentSymbol]:
    """Every statement in file order, theses as classes, each with its reasons and objections."""
    out = []
    for block in index.blocks.values():
        children = [
            types.DocumentSymbol(
                name=name,
                detail=f"{role}: {' + '.join(premises)}",
                kind=types.SymbolKind.Method if role == "reason" else types.SymbolKind.Event,
                range=to_range(span),
                selection_range=to_range(span),
            )
            for role, group in (("reason", block.reasons), ("objection", block.objections))
            for name, span, premises in group
        ]
        out.append(
            types.DocumentSymbol(
                name=block.id,
                detail=f"{block.kind or 'statement'}: {block.text or ''}".rstrip(": "),
                kind=_SYMBOL_KIND.get(block.kind or "", types.SymbolKind.Object),
                range=to_range(block.entry),
                selection_range=to_range(block.key),
                children=children or None,
            )
        )
    return out


def folding(index: Index) -> list[types.FoldingRange]:
    """One fold for each statement written on more than one line, and one for each top-level
    part (sections, statements)."""
    out = []
    node = index.statements_node
    start = index.statements_line
    if node is not None and start is not None and node.span.last_line > start:
        out.append(types.FoldingRange(start_line=start, end_line=node.span.last_line))
    for block in index.blocks.values():
        if block.entry.last_line > block.entry.line:
            end = block.entry.last_line
            out.append(types.FoldingRange(start_line=block.entry.line, end_line=end))
    return out
