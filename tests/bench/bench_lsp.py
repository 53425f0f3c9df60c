"""The language server, measured through the protocol: a real client talks to ``argmap lsp`` over
stdio. Diagnostics are timed from sending a change to receiving the diagnostics of that version,
with the debounce set to 0 (so the time is what follows the debounce); completion and hover from
request to answer, once the map's analysis has settled.

The changes timed are edits a mapper makes, sent as an editor sends them (incremental changes of
a range), in a cycle of six on the statement nearest the middle of the file:

1. a word added to the end of the first line of its text;
2. a ``note:`` line inserted under its id, so that every position below moves down a line;
3. a premise changed: the first single-premise reason (``- id``) below the middle statement
   names the next statement in the file (other than its own premise) instead, a new link that
   changes the analysis (the bench checks that the findings change, or it stops);
4. to 6. the same three undone, in the same order, so positions move back up and the old link
   returns.

The seed map goes through the cycle three times, the 10,000-statement map twice.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import cast

from generate import generate
from lsprotocol import types
from pytest_lsp import LanguageClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from lspclient import SEED, SERVER, Session, initialize  # noqa: E402

SETTLE = 8.0
"""Seconds to let a large map's background analysis (index, critical) finish before timing
requests, so that what is measured is the answer, not a queue."""
_KEY = re.compile(r"^  ([A-Za-z0-9][A-Za-z0-9_.\-]*):[ \t]*(?:#.*)?$", re.MULTILINE)
_TEXT = re.compile(r"^    (?:thesis|claim|evidence|assumption):[ \t]*(\S.*)$", re.MULTILINE)
_PREMISE = re.compile(r"^      - ([A-Za-z0-9][A-Za-z0-9_.\-]*)[ \t]*$", re.MULTILINE)
Edit = tuple[int, int, str]
"""``text[start:end]`` replaced by a new text."""


def edits(text: str) -> list[Edit]:
    """The six edits of the cycle (see the module's docstring), each as it applies to the text
    that the edits before it leave."""
    keys = list(_KEY.finditer(text))
    middle = min(keys, key=lambda k: abs(k.start() - len(text) // 2))
    block_end = next((k.start() for k in keys if k.start() > middle.start()), len(text))
    kind = _TEXT.search(text, middle.end(), block_end)
    assert kind is not None, "no text line under the middle statement"
    line_end = text.index("\n", kind.start())
    if text[kind.start(1) : line_end].strip() in (">-", ">", "|", "|-"):  # a block scalar
        line_end = text.index("\n", line_end + 1)
    word = " as edited"
    note = "    note: a note added by an edit\n"
    note_at = middle.end() + 1
    premise = _PREMISE.search(text, block_end)
    assert premise is not None, "no single-premise reason below the middle"
    old = premise.group(1)
    new = next(k.group(1) for k in keys if k.start() > premise.start() and k.group(1) != old)
    shift = len(note) + len(word)  # the premise lies below the text and the note
    p_start = premise.start(1) + shift
    return [
        (line_end, line_end, word),
        (note_at, note_at, note),
        (p_start, p_start + len(old), new),
        (line_end + len(note), line_end + len(note) + len(word), ""),
        (note_at, note_at + len(note), ""),
        (premise.start(1), premise.start(1) + len(new), old),
    ]


def _findings(diagnostics: list[types.Diagnostic]) -> Counter[tuple[str, str]]:
    """What the diagnostics say, wherever they are: (code, first line of the message)."""
    return Counter((str(d.code), d.message.splitlines()[0]) for d in diagnostics)


async def _measure(path: Path, cycles: int, requests: int) -> tuple[float, float, float]:
    client = cast(LanguageClient, await SERVER.start())  # the config starts pytest-lsp's client
    try:
        await initialize(client, debounce_ms=0)
        session = Session(client, path)
        before = await session.open()
        cycle = edits(session.text)
        diagnostics = []
        for _ in range(cycles):
            for step, (first, last, new) in enumerate(cycle):
                waiting = session.waiter()
                await asyncio.sleep(0)
                began = time.perf_counter()
                session.change_range(first, last, new)
                after = await waiting
                diagnostics.append(time.perf_counter() - began)
                if step in (2, 5) and _findings(after) == _findings(before):
                    raise RuntimeError(f"{path.name}: changing a premise changed no finding")
                if any(d.code == "map-problem" for d in after):
                    raise RuntimeError(f"{path.name}: edit {step + 1} broke the map: {after[0]}")
                before = after
        await asyncio.sleep(SETTLE if "gen" in path.name else 0.5)
        line = next(i for i, text in enumerate(session.text.splitlines()) if "premises:" in text)
        column = session.text.splitlines()[line].index("premises:") + len("premises: [")
        where = types.Position(line, column)
        completion, hover = [], []
        for _ in range(requests):
            start = time.perf_counter()
            await client.text_document_completion_async(
                types.CompletionParams(session.document, where)
            )
            completion.append(time.perf_counter() - start)
            start = time.perf_counter()
            await client.text_document_hover_async(types.HoverParams(session.document, where))
            hover.append(time.perf_counter() - start)
        await client.shutdown_session()
    finally:
        await client.stop()  # type: ignore[no-untyped-call]  # pytest-lsp leaves it untyped
    return statistics.median(diagnostics), statistics.median(completion), statistics.median(hover)


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "gen10000.argmap.yaml"
        big.write_text(generate(10_000), encoding="utf-8")
        for name, path, limit, cycles in (
            ("seed map", SEED, 0.1, 3),
            ("10,000 statements", big, 1.0, 2),
        ):
            seen, completion, hover = asyncio.run(_measure(path, cycles, 15))
            what = f"lsp {name}:"
            out.append(
                (f"{what} diagnostics after a change", f"<= {limit:g} s", seen, seen <= limit)
            )
            out.append((f"{what} completion", "<= 0.05 s", completion, completion <= 0.05))
            out.append((f"{what} hover", "<= 0.05 s", hover, hover <= 0.05))
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
