"""Run every benchmark (tests/bench/bench_*.py) and print one table: what, target, median, met.

Each module (all of them, or those named on the command line: ``run.py bench_startup``) has
``rows()`` returning ``(what, target, median, met)`` tuples; ``median`` is in
seconds, or a text already formatted (for memory). Run with
``make bench``; nothing here is part of the test suite, and no test asserts a time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> list[str]:
    """What the figures were measured on: processor, cores, load, and the versions involved."""
    import os
    import platform
    import shutil
    import subprocess

    import argmap

    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    dot = shutil.which("dot")
    graphviz = "not installed"
    if dot is not None:
        done = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False)
        graphviz = done.stderr.strip().removeprefix("dot - ")
    lines = [
        f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"load average at start: {_load()}",
        f"argmap {argmap.__version__}, Python {platform.python_version()}, Graphviz {graphviz}",
    ]
    from bench_rivals import argdown_program, argdown_version

    argdown = argdown_program()
    if argdown is not None:
        lines.append(f"Argdown CLI {argdown_version(argdown)} ({argdown})")
    return lines


def _load() -> str:
    import os

    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    sys.path.insert(0, str(HERE))
    for line in machine():
        print(line)
    rows: list[tuple[str, str, str, str]] = []
    chosen = set(sys.argv[1:])  # run.py bench_startup bench_render: only those
    for path in sorted(HERE.glob("bench_*.py")):
        if chosen and path.stem not in chosen:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for what, target, seconds, met in module.rows():
            rows.append((what, target, _seconds(seconds), "yes" if met else "NO"))
            print(f"  {what}: {_seconds(seconds)}", file=sys.stderr, flush=True)
    header = ("benchmark", "target", "median", "met")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    print(line)
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if row is header:
            print(line)
    print(line)
    print(
        f"load average at end: {_load()} (medians are of whole runs; ratios were measured in turns)"
    )
    return 0 if all(r[3] == "yes" for r in rows) else 1


def _seconds(value: float | str) -> str:
    if isinstance(value, str):
        return value
    return f"{value:.3f} s" if value >= 0.01 else f"{value * 1000:.1f} ms"


if __name__ == "__main__":
    sys.exit(main())
