"""A real LSP client for the tests and benchmarks: starts ``argmap lsp`` as a process over stdio
(pytest-lsp's client) and waits for the diagnostics of a given document version."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "maps" / "tutorial.argmap.yaml"
SEED = ROOT / "maps" / "china-russia-central-asia.argmap.yaml"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"])
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
DEBOUNCE_MS = 50
"""The debounce the tests ask for, to keep them quick."""
TIMEOUT = 30.0


async def initialize(client: LanguageClient, debounce_ms: int = DEBOUNCE_MS) -> None:
    """Initialize as an editor with UTF-16 positions and the usual capabilities would."""
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True, version_support=True, code_description_support=True
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            rename=types.RenameClientCapabilities(prepare_support=True),
            document_symbol=types.DocumentSymbolClientCapabilities(
                hierarchical_document_symbol_support=True
            ),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(
                        value_set=[types.CodeActionKind.QuickFix]
                    )
                )
            ),
        )
    )
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities, initialization_options={"debounce": debounce_ms}
        )
    )


class Session:
    """One open document in a running server, and the diagnostics published for each version."""

    def __init__(self, client: LanguageClient, path: Path, text: str | None = None) -> None:
        self.client = client
        self.uri = path.as_uri()
        self.text = text if text is not None else path.read_text(encoding="utf-8")
        self.version = 0

    def waiter(self) -> asyncio.Task[Any]:
        async def wait() -> list[types.Diagnostic]:
            while True:
                params = await self.client.wait_for_notification(PUBLISH)
                if params.uri == self.uri and params.version == self.version:
                    return list(params.diagnostics)

        return asyncio.ensure_future(asyncio.wait_for(wait(), TIMEOUT))

    async def open(self) -> list[types.Diagnostic]:
        """Open the document; its first diagnostics."""
        self.version = 1
        waiting = self.waiter()
        await asyncio.sleep(0)
        item = types.TextDocumentItem(
            uri=self.uri, language_id="yaml", version=self.version, text=self.text
        )
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        found: list[types.Diagnostic] = await waiting
        return found

    def change(self, text: str) -> None:
        """Send the whole new text as the next version."""
        self.version += 1
        self.text = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    version=self.version, uri=self.uri
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def change_range(self, start: int, end: int, new: str) -> None:
        """Replace ``text[start:end]`` by ``new``, sent as an incremental change (columns in
        UTF-16 code units, lines split at ``\\n``)."""
        self.version += 1
        where = types.Range(self.position(start), self.position(end))
        self.text = self.text[:start] + new + self.text[end:]
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    version=self.version, uri=self.uri
                ),
                content_changes=[types.TextDocumentContentChangePartial(range=where, text=new)],
            )
        )

    def position(self, offset: int) -> types.Position:
        """The protocol position of a character offset of the text."""
        line = self.text.count("\n", 0, offset)
        prefix = self.text[self.text.rfind("\n", 0, offset) + 1 : offset]
        return types.Position(line, len(prefix.encode("utf-16-le")) // 2)

    async def edit(self, text: str) -> list[types.Diagnostic]:
        """Change the text; the diagnostics published for the new version."""
        waiting = self.waiter()
        await asyncio.sleep(0)
        self.change(text)
        found: list[types.Diagnostic] = await waiting
        return found

    def replace(self, old: str, new: str) -> str:
        """The current text with ``old`` (which must occur once) replaced."""
        assert self.text.count(old) == 1, old
        return self.text.replace(old, new)

    def at(self, needle: str, offset: int = 0) -> types.Position:
        """The position of the first occurrence of ``needle`` (plus ``offset`` characters)."""
        where = self.text.index(needle) + offset
        line = self.text.count("\n", 0, where)
        column = where - (self.text.rfind("\n", 0, where) + 1)
        return types.Position(line, column)

    @property
    def document(self) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(self.uri)


def short(diagnostics: list[types.Diagnostic]) -> list[tuple[str, str, str, str]]:
    """Each diagnostic as (range, code, severity, first line of the message)."""
    out = []
    for d in diagnostics:
        r = d.range
        where = f"{r.start.line}:{r.start.character}-{r.end.line}:{r.end.character}"
        severity = d.severity.name if d.severity is not None else "-"
        out.append((where, str(d.code), severity, d.message.splitlines()[0]))
    return out
