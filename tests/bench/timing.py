"""Measures for the benchmarks: the median time of repeated runs, so that one slow run does not
count, and the peak memory of a fresh process."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from argmap.model import Map


def median_seconds(run: Callable[[], object], times: int) -> float:
    """The median wall-clock time of ``times`` calls of ``run``."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cold(function: Callable[[Map], object], argmap: Map) -> Callable[[], object]:
    """``function`` run on a new copy of ``argmap`` each time, so that what is built once per map
    and kept (its integer graph, :meth:`argmap.graph.Graph.of`) counts in every run, not only in
    the first."""
    return lambda: function(attrs.evolve(argmap))


def peak_memory_mib(script: str, map_text: str) -> float:
    """Peak resident memory (MiB) of a fresh Python process running ``script`` with the path of a
    map file holding ``map_text`` as its argument; the script prints its ``ru_maxrss``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.argmap.yaml"
        path.write_text(map_text, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True
        )
    return int(result.stdout.strip()) / 1024  # ru_maxrss is in KiB on Linux


def interleaved_medians(
    commands: dict[str, list[str]], times: int, env: dict[str, dict[str, str]] | None = None
) -> dict[str, float]:
    """The median wall-clock time of each command line (a whole process, output discarded; exit
    status 0 or 1, the findings of ``argmap check``), the commands taking turns ``times`` rounds
    over, so that a machine whose load changes during the run slows each alike and their ratios
    hold. ``env`` gives some commands their own environment."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(times):
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, env=(env or {}).get(name))
            samples[name].append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}: {done.stderr!r}")
    return {name: statistics.median(values) for name, values in samples.items()}


def run_seconds(command: list[str], env: dict[str, str] | None = None) -> float:
    """The wall-clock time of one whole process running ``command``, output discarded."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start
