"""Drawing times: the DOT text of a large generated map, and whole pictures of large maps, as
``argmap render`` draws them under its layout policy (argmap.layout): 10,000 generated statements
to SVG in full (the rough layout), against ``dot -Tsvg`` alone on the same DOT text, 10,000
statements with objections at every level, and 100,000 as an overview.

Each picture of a large map takes seconds to minutes, so it is drawn ``LARGE_ROUNDS`` times
(environment ``ARGMAP_BENCH_LARGE_ROUNDS``, default 1) and the median taken. The seed map's picture
is in bench_startup, against Graphviz on the same DOT."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import attacked, generate
from timing import cold, median_seconds, run_seconds

from argmap.dot import to_dot
from argmap.load import loads
from argmap.render import draw

ARGMAP = str(Path(sys.executable).with_name("argmap"))
LARGE_ROUNDS = int(os.environ.get("ARGMAP_BENCH_LARGE_ROUNDS", "1"))


def _median(command: list[str]) -> float:
    return sorted(run_seconds(command) for _ in range(LARGE_ROUNDS))[LARGE_ROUNDS // 2]


def _pictures(dot: str) -> list[tuple[str, str, float | str, bool]]:
    out: list[tuple[str, str, float | str, bool]] = []
    with tempfile.TemporaryDirectory() as folder:
        ten = Path(folder) / "ten.argmap.yaml"
        ten.write_text(generate(10_000), encoding="utf-8")
        gv = Path(folder) / "ten.gv"
        subprocess.run([ARGMAP, "render", str(ten), "-o", str(gv)], check=True, capture_output=True)
        svg = str(Path(folder) / "ten.svg")
        whole = _median([ARGMAP, "render", str(ten), "-o", svg])
        alone = _median([dot, "-Tsvg", str(gv), "-o", str(Path(folder) / "alone.svg")])
        share = alone / whole
        out.append(
            (
                "argmap render, 10,000 generated statements to SVG",
                "<= 15 s",
                f"{whole:.1f} s ({share:.0%} in dot)",
                whole <= 15,
            )
        )
        attack = Path(folder) / "attacked.argmap.yaml"
        attack.write_text(attacked(10_000), encoding="utf-8")
        seconds = _median([ARGMAP, "render", str(attack), "-o", str(Path(folder) / "at.svg")])
        out.append(
            (
                "argmap render, 10,000 statements attacked at every level, to SVG",
                "<= 15 s",
                seconds,
                seconds <= 15,
            )
        )
        hundred = Path(folder) / "hundred.argmap.yaml"
        hundred.write_text(generate(100_000), encoding="utf-8")
        svg = str(Path(folder) / "hundred.svg")
        seconds = _median([ARGMAP, "render", str(hundred), "-o", svg])
        text = Path(svg).read_text(encoding="utf-8")
        shown = re.search(r"Overview: [^<]*?([\d,]+) of the map\S*? ([\d,]+) statements", text)
        what = f"overview of {shown.group(1)} statements" if shown else "no overview"
        out.append(
            (
                f"argmap render, 100,000 generated statements to SVG ({what})",
                "<= 60 s",
                seconds,
                seconds <= 60 and shown is not None,
            )
        )
    return out


def rows() -> list[tuple[str, str, float | str, bool]]:
    out: list[tuple[str, str, float | str, bool]] = []
    generated = loads(generate(10_000))
    seconds = median_seconds(lambda: to_dot(generated), 7)
    out.append(("DOT text of 10,000 statements", "<= 1 s", seconds, seconds <= 1.0))
    seconds = median_seconds(cold(lambda m: draw(m, status=True), generated), 5)
    out.append(
        ("DOT with findings and statuses, 10,000 statements", "<= 2 s", seconds, seconds <= 2.0)
    )
    dot = shutil.which("dot")
    if dot is not None:
        out += _pictures(dot)
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
