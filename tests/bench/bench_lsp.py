"""The language server, measured through the protocol: a real client talks to ``argmap lsp`` over
stdio. Diagnostics are timed from sending a change to receiving the diagnostics of that version,
with the debounce set to 0 (so the time is what follows the debounce); completion and hover from
request to answer, once the map's analysis has settled."""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
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


async def _measure(path: Path, changes: int, requests: int) -> tuple[float, float, float]:
    client = cast(LanguageClient, await SERVER.start())  # the config starts pytest-lsp's client
    try:
        await initialize(client, debounce_ms=0)
        session = Session(client, path)
        await session.open()
        diagnostics = []
        for n in range(changes):
            waiting = session.waiter()
            await asyncio.sleep(0)
            start = time.perf_counter()
            session.change(session.text + f"# edit {n}\n")
            await waiting
            diagnostics.append(time.perf_counter() - start)
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
        for name, path, limit, changes in (
            ("seed map", SEED, 0.1, 15),
            ("10,000 statements", big, 1.0, 5),
        ):
            seen, completion, hover = asyncio.run(_measure(path, changes, 15))
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
