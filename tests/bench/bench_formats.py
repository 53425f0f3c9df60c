"""Reading Argdown and AIF: a generated map written in each format, loaded as argmap YAML loads.

Targets (issue 12): 10,000 statements in at most twice the YAML load time; 100,000 statements in
linear time (at most ten times the 10,000 time, with a quarter more for noise). The formats are
timed in turn, run after run, and by the CPU time of this process, so that other work on a shared
machine weighs on none of them more than on the others."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

from argmap.formats import Format, write
from argmap.load import load_map, loads

FORMS = {"YAML": ".argmap.yaml", "Argdown": ".argdown", "AIF": ".json"}


def _medians(paths: dict[str, Path], repeats: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {form: [] for form in paths}
    for _ in range(repeats):
        for form, path in paths.items():
            start = time.process_time()
            load_map(path)
            samples[form].append(time.process_time() - start)
    return {form: statistics.median(times) for form, times in samples.items()}


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    times: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for n, repeats in ((10_000, 7), (100_000, 3)):
            text = generate(n)
            argmap = loads(text)
            paths = {form: Path(folder) / f"gen{n}{suffix}" for form, suffix in FORMS.items()}
            paths["YAML"].write_text(text, encoding="utf-8")
            paths["Argdown"].write_text(write(argmap, Format.ARGDOWN), encoding="utf-8")
            paths["AIF"].write_text(write(argmap, Format.AIF), encoding="utf-8")
            times[n] = _medians(paths, repeats)
    yaml_time = times[10_000]["YAML"]
    for form in ("Argdown", "AIF"):
        small, big = times[10_000][form], times[100_000][form]
        out.append(
            (
                f"load {form} of 10,000 statements (CPU)",
                f"<= 2 x YAML's {yaml_time:.2f} s",
                small,
                small <= 2 * yaml_time,
            )
        )
        out.append(
            (
                f"load {form} of 100,000 statements (CPU)",
                f"<= 12.5 x its 10,000 ({12.5 * small:.1f} s)",
                big,
                big <= 12.5 * small,
            )
        )
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    for row in rows():
        print(row)
