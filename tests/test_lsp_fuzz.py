"""The language server under random edits: whatever the text becomes, every request is answered
(a result, or for rename a refusal), within a time limit, and the server keeps publishing
diagnostics for the latest version."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from lspclient import SERVER, TUTORIAL, Session, initialize

pytestmark = pytest.mark.asyncio(loop_scope="module")

EDITS = 60
"""Random edits per seed; each is followed by a request of every kind."""
ANSWER_WITHIN = 20.0
"""Seconds any one request may take before the test calls it unanswered."""
PIECES = [
    "[", "]", "{", "}", ":", ": ", "- ", ",", "'", '"', "#", "&a", "*a", "!!str ", "\t", "\n",
    "\n  ", "\n    ", "reasons: [", "premises: ", "ack: {", "section: ", "thesis: x", "id: r1",
    "later-start", "more-sleep", "\x00", "\U0001f600", "é", "\r\n", "|", ">-", "~", "null",
    "---\n", "x" * 300, "[" * 70,
]  # fmt: skip
"""What random edits insert: YAML punctuation, ids, control and astral characters."""


@pytest_lsp.fixture(scope="module", config=SERVER)  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await initialize(lsp_client, debounce_ms=0)
    yield
    await lsp_client.shutdown_session()


def _position(text: str, rng: random.Random) -> types.Position:
    lines = text.split("\n")
    line = rng.randrange(len(lines) + 1)
    width = len(lines[line]) if line < len(lines) else 0
    return types.Position(line, rng.randrange(width + 3))


async def _every_request(client: LanguageClient, session: Session, rng: random.Random) -> None:
    """Ask each kind of question once at a random place; each must be answered in time."""
    doc = session.document
    where = _position(session.text, rng)
    span = types.Range(where, where)
    requests = [
        client.text_document_completion_async(types.CompletionParams(doc, where)),
        client.text_document_hover_async(types.HoverParams(doc, where)),
        client.text_document_definition_async(types.DefinitionParams(doc, where)),
        client.text_document_references_async(
            types.ReferenceParams(types.ReferenceContext(True), doc, where)
        ),
        client.text_document_document_symbol_async(types.DocumentSymbolParams(doc)),
        client.text_document_folding_range_async(types.FoldingRangeParams(doc)),
        client.text_document_code_action_async(
            types.CodeActionParams(doc, span, types.CodeActionContext(diagnostics=[]))
        ),
        client.text_document_prepare_rename_async(types.PrepareRenameParams(doc, where)),
    ]
    for request in requests:
        await asyncio.wait_for(request, ANSWER_WITHIN)
    refusal = ""
    try:
        await asyncio.wait_for(
            client.text_document_rename_async(types.RenameParams(doc, where, "renamed")),
            ANSWER_WITHIN,
        )
    except JsonRpcException as refused:
        refusal = str(refused)
    assert refusal == "" or " id" in refusal  # a refusal that says why, not a crash


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_edits_never_leave_a_request_unanswered(
    client: LanguageClient, tmp_path: Path, seed: int
) -> None:
    """Insertions, deletions and line shuffles, sent as incremental changes, with every request
    after each; at the end the diagnostics of the last version still arrive, and no handler had
    to fall back to an empty answer because of an error."""
    rng = random.Random(seed)
    path = tmp_path / f"fuzz-{seed}.argmap.yaml"
    path.write_text(TUTORIAL.read_text(encoding="utf-8"), encoding="utf-8")
    session = Session(client, path)
    await session.open()
    for _ in range(EDITS):
        text = session.text
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.choice([0, 0, 1, 5, 40, 400]))
        new = rng.choice(PIECES) if rng.random() < 0.8 else ""
        if rng.random() < 0.8:
            session.change_range(start, end, new)
        else:
            session.change(text[:start] + new + text[end:])
        await _every_request(client, session, rng)
    final = await session.edit(session.text + "\n")
    assert isinstance(final, list)
    failures = [m.message for m in client.log_messages if "failed" in m.message]
    assert failures == []  # no handler or check fell back to an empty answer
