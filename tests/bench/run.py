"""Run every benchmark (tests/bench/bench_*.py) and print one table: what, target, median, met.

Each module has ``rows()`` returning ``(what, target, median, met)`` tuples; ``median`` is in
seconds, or a text already formatted (for memory). Run with
``make bench``; nothing here is part of the test suite, and no test asserts a time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    sys.path.insert(0, str(HERE))
    rows: list[tuple[str, str, str, str]] = []
    for path in sorted(HERE.glob("bench_*.py")):
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
    return 0 if all(r[3] == "yes" for r in rows) else 1


def _seconds(value: float | str) -> str:
    if isinstance(value, str):
        return value
    return f"{value:.3f} s" if value >= 0.01 else f"{value * 1000:.1f} ms"


if __name__ == "__main__":
    sys.exit(main())
