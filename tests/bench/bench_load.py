"""Loading times: load_map on generated maps (start-up is in bench_startup)."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from generate import generate
from timing import median_seconds

from argmap.load import load_map


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for n, limit, times in ((1_000, 0.1, 11), (10_000, 1.0, 7), (100_000, 10.0, 3)):
            path = Path(folder) / f"gen{n}.argmap.yaml"
            path.write_text(generate(n), encoding="utf-8")
            seconds = median_seconds(partial(load_map, path), times)
            out.append((f"load {n:,} statements", f"<= {limit:g} s", seconds, seconds <= limit))
    return out
