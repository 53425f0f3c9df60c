"""Start-up and loading times: ``argmap --version`` and load_map on generated maps."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from generate import generate

from argmap.load import load_map

ARGMAP = Path(sys.executable).with_name("argmap")


def _median(run: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    version = _median(
        lambda: subprocess.run([str(ARGMAP), "--version"], check=True, capture_output=True), 21
    )
    out.append(("argmap --version (whole process)", "<= 0.15 s", version, version <= 0.15))
    with tempfile.TemporaryDirectory() as folder:
        for n, limit, times in ((1_000, 0.1, 11), (10_000, 1.0, 7), (100_000, 10.0, 3)):
            path = Path(folder) / f"gen{n}.argmap.yaml"
            path.write_text(generate(n), encoding="utf-8")
            seconds = _median(partial(load_map, path), times)
            out.append((f"load {n:,} statements", f"<= {limit:g} s", seconds, seconds <= limit))
    return out
