"""Start-up and loading times: ``argmap --version`` and load_map on generated maps."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from generate import generate
from timing import median_seconds

from argmap.load import load_map

ARGMAP = Path(sys.executable).with_name("argmap")


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    version = median_seconds(
        lambda: subprocess.run([str(ARGMAP), "--version"], check=True, capture_output=True), 21
    )
    out.append(("argmap --version (whole process)", "<= 0.15 s", version, version <= 0.15))
    with tempfile.TemporaryDirectory() as folder:
        for n, limit, times in ((1_000, 0.1, 11), (10_000, 1.0, 7), (100_000, 10.0, 3)):
            path = Path(folder) / f"gen{n}.argmap.yaml"
            path.write_text(generate(n), encoding="utf-8")
            seconds = median_seconds(partial(load_map, path), times)
            out.append((f"load {n:,} statements", f"<= {limit:g} s", seconds, seconds <= limit))
    return out
