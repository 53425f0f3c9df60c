"""The protocol methods the server answers, each a thin call into the modules of this package;
positions are converted between the client's units and characters here and nowhere else."""

from __future__ import annotations

import asyncio
from typing import Any

from lsprotocol import types

from argmap.lsp import actions, completion, hover, navigation
from argmap.lsp.index import Span
from argmap.lsp.server import ArgmapServer, RequestFailed, critical_of, guarded

_TRIGGERS = [" ", "[", ",", "-", ":"]


def make_server() -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ArgmapServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(0.0, min(float(options["debounce"]) / 1000, 10.0))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        state = ls.documents.pop(uri, None)
        if state is not None and state.task is not None:
            state.task.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.SHUTDOWN)
    async def shutdown(ls: ArgmapServer, params: None) -> None:
        for state in ls.documents.values():
            if state.task is not None:
                state.task.cancel()
        if ls.poller is not None:
            ls.poller.cancel()
        ls.worker.shutdown(wait=False, cancel_futures=True)
        await asyncio.sleep(0)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=_TRIGGERS),
    )
    @guarded(lambda: None)
    def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        lines = ls.lines(document)
        where = document.position_codec.position_from_client_units(lines, params.position)
        found = completion.place(lines, where.line, where.character)
        if found.what is None:
            return None
        state = ls.documents.get(params.text_document.uri)
        known = [i for i in (state.index, state.good_index) if i is not None] if state else []
        if not known:  # just opened, not yet indexed
            known = [ls.current_index(params.text_document.uri)[1]]
        start = where.character - len(found.word)
        items = completion.items(found, known, where.line, where.character, start)
        codec = document.position_codec
        for item in items:
            if isinstance(item.text_edit, types.TextEdit):
                item.text_edit.range = codec.range_to_client_units(lines, item.text_edit.range)
        return types.CompletionList(is_incomplete=len(items) >= completion.MOST, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded(lambda: None)
    def on_hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        lines = ls.lines(document)
        where = document.position_codec.position_from_client_units(lines, params.position)
        line = lines[where.line] if where.line < len(lines) else ""
        word, start, end = hover.word_at(line, where.character)
        state = ls.documents.get(params.text_document.uri)
        if not word or state is None or state.diagnosis is None:
            return None
        diagnosis = state.diagnosis
        small = diagnosis.map is not None and len(diagnosis.map.statements) <= hover.WHATIF_LIMIT
        if state.critical is None and small:  # not computed yet in the background: quick here
            state.critical = critical_of(diagnosis.map, diagnosis.report)
        # a map that does not load is described from its index: that of this very text, which
        # the background check may not have built yet when the hover comes
        known = state.index if diagnosis.map is not None else ls.current_index(document.uri)[1]
        text = hover.hover_text(
            word,
            diagnosis.map,
            diagnosis.report,
            state.critical,
            known,
            len(diagnosis.problems),
        )
        if text is None:
            return None
        span = types.Range(types.Position(where.line, start), types.Position(where.line, end))
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=document.position_codec.range_to_client_units(lines, span),
        )

    def location(ls: ArgmapServer, uri: str, span: Span) -> types.Location:
        document = ls.workspace.get_text_document(uri)
        lines = ls.lines(document)
        found = document.position_codec.range_to_client_units(lines, navigation.to_range(span))
        return types.Location(uri=uri, range=found)

    def at(ls: ArgmapServer, uri: str, position: types.Position) -> tuple[Any, Any, int, int]:
        document, index = ls.current_index(uri)
        lines = ls.lines(document)
        where = document.position_codec.position_from_client_units(lines, position)
        return document, index, where.line, where.character

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded(lambda: None)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
        uri = params.text_document.uri
        _, index, line, column = at(ls, uri, params.position)
        span = navigation.definition(index, line, column)
        return location(ls, uri, span) if span is not None else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @guarded(list)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
        uri = params.text_document.uri
        _, index, line, column = at(ls, uri, params.position)
        spans = navigation.references(index, line, column, params.context.include_declaration)
        return [location(ls, uri, span) for span in spans]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded(lambda: None)
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
        uri = params.text_document.uri
        _, index, line, column = at(ls, uri, params.position)
        found = navigation.renameable(index, line, column)
        return location(ls, uri, found.span).range if found is not None else None

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    @guarded(lambda: None)
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        uri = params.text_document.uri
        document, index, line, column = at(ls, uri, params.position)
        try:
            edits = navigation.rename(index, line, column, params.new_name)
        except navigation.RenameRefused as refused:
            raise RequestFailed(str(refused)) from None
        lines = ls.lines(document)
        for edit in edits:
            edit.range = document.position_codec.range_to_client_units(lines, edit.range)
        return types.WorkspaceEdit(changes={uri: edits})

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(list)
    def symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        document, index = ls.current_index(params.text_document.uri)
        lines = ls.lines(document)
        codec = document.position_codec
        found = navigation.symbols(index)
        todo = list(found)
        while todo:
            symbol = todo.pop()
            symbol.range = codec.range_to_client_units(lines, symbol.range)
            symbol.selection_range = codec.range_to_client_units(lines, symbol.selection_range)
            todo.extend(symbol.children or ())
        return found

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @guarded(list)
    def folding(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        _, index = ls.current_index(params.text_document.uri)
        return navigation.folding(index)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    @guarded(list)
    def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document, index = ls.current_index(uri)
        lines = ls.lines(document)
        codec = document.position_codec
        found = actions.actions(uri, params.context.diagnostics, index, lines)
        for action in found:
            for edits in (action.edit.changes or {}).values() if action.edit else ():
                for edit in edits:
                    if edit.range.start == edit.range.end:  # our own insertions, in characters
                        edit.range = codec.range_to_client_units(lines, edit.range)
        return found

    return server


def serve() -> None:
    """Run the server on standard input and output until the client says exit."""
    make_server().start_io()
