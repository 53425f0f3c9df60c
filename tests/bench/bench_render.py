"""Drawing times: DOT text of a large generated map, and ``argmap render`` of the seed map to SVG
against Graphviz's own time on the same DOT."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import generate
from timing import cold, median_seconds

from argmap.dot import to_dot
from argmap.load import load_map, loads
from argmap.render import draw

ARGMAP = Path(sys.executable).with_name("argmap")
SEED = Path(__file__).resolve().parents[2] / "maps" / "china-russia-central-asia.argmap.yaml"


def rows() -> list[tuple[str, str, float, bool]]:
    out = []
    generated = loads(generate(10_000))
    seconds = median_seconds(lambda: to_dot(generated), 7)
    out.append(("DOT text of 10,000 statements", "<= 1 s", seconds, seconds <= 1.0))
    seconds = median_seconds(cold(lambda m: draw(m, status=True), generated), 5)
    out.append(
        ("DOT with findings and statuses, 10,000 statements", "<= 2 s", seconds, seconds <= 2.0)
    )
    dot = shutil.which("dot")
    if dot is None or not SEED.exists():
        return out
    source = draw(load_map(SEED)).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        graphviz_alone = median_seconds(
            lambda: subprocess.run(
                [dot, "-Tsvg", "-o", str(Path(folder) / "graphviz.svg")], input=source, check=True
            ),
            11,
        )
        whole = median_seconds(
            lambda: subprocess.run(
                [str(ARGMAP), "render", str(SEED), "-o", str(Path(folder) / "seed.svg")],
                check=True,
                capture_output=True,
            ),
            11,
        )
    limit = graphviz_alone + 0.25
    out.append(
        (
            "argmap render seed map to SVG (whole process)",
            f"<= dot -Tsvg ({graphviz_alone:.3f} s) + 0.25 s",
            whole,
            whole <= limit,
        )
    )
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
