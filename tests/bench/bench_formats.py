"""Reading Argdown and AIF: a generated map written in each format, loaded as argmap YAML loads.

Targets (issue 12): 10,000 statements at most twice the YAML load time; 100,000 statements in
linear time (at most 10 times the 10,000 time, with a quarter more for noise)."""

from __future__ import annotations

import sys
import tempfile
from functools import partial
from pathlib import Path

from generate import generate
from timing import median_seconds

from argmap.formats import Format, write
from argmap.load import load_map, loads


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    with tempfile.TemporaryDirectory() as folder:
        times: dict[tuple[str, int], float] = {}
        for n, repeats in ((10_000, 5), (100_000, 3)):
            text = generate(n)
            argmap = loads(text)
            paths = {"YAML": Path(folder) / f"gen{n}.argmap.yaml"}
            paths["YAML"].write_text(text, encoding="utf-8")
            paths["Argdown"] = Path(folder) / f"gen{n}.argdown"
            paths["Argdown"].write_text(write(argmap, Format.ARGDOWN), encoding="utf-8")
            paths["AIF"] = Path(folder) / f"gen{n}.json"
            paths["AIF"].write_text(write(argmap, Format.AIF), encoding="utf-8")
            for form, path in paths.items():
                times[(form, n)] = median_seconds(partial(load_map, path), repeats)
        yaml_time = times[("YAML", 10_000)]
        for form in ("Argdown", "AIF"):
            seconds = times[(form, 10_000)]
            out.append(
                (
                    f"load {form} of 10,000 statements",
                    f"<= 2 x YAML ({2 * yaml_time:.3f} s)",
                    seconds,
                    seconds <= 2 * yaml_time,
                )
            )
            big = times[(form, 100_000)]
            limit = 12.5 * seconds
            out.append(
                (
                    f"load {form} of 100,000 statements",
                    f"<= 12.5 x 10,000 ({limit:.2f} s)",
                    big,
                    big <= limit,
                )
            )
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    for row in rows():
        print(row)
