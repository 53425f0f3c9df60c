"""argmap beside Argdown's command line, when Argdown is installed (``npm install @argdown/cli``;
point ``ARGDOWN`` at its ``argdown`` program, or put it on PATH). Without it, no rows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_seconds

ARGMAP = Path(sys.executable).with_name("argmap")
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "maps" / "china-russia-central-asia.argmap.yaml"
ARGDOWN_EXAMPLE = REPO.parent / "shared" / "corpus" / "argdown" / "veggie_debate.argdown"


def _run(*command: str | Path) -> None:
    subprocess.run([str(part) for part in command], check=True, capture_output=True)


def rows() -> list[tuple[str, str, float, bool]]:
    argdown = os.environ.get("ARGDOWN") or shutil.which("argdown")
    if argdown is None:
        print("  (Argdown not installed: no comparison rows)", file=sys.stderr)
        return []
    out = []
    ours = median_seconds(lambda: _run(ARGMAP, "--version"), 11)
    theirs = median_seconds(lambda: _run(argdown, "--version"), 11)
    out.append(("start-up: argdown --version", "-", theirs, True))
    out.append(("start-up: argmap --version", "several times faster", ours, ours * 3 <= theirs))
    if not ARGDOWN_EXAMPLE.exists():
        return out
    with tempfile.TemporaryDirectory() as folder:
        theirs = median_seconds(
            lambda: _run(argdown, "map", ARGDOWN_EXAMPLE, folder, "--format", "svg"), 7
        )
        svg = Path(folder) / "seed.svg"
        ours = median_seconds(lambda: _run(ARGMAP, "render", SEED, "-o", svg), 7)
    out.append(("argdown map veggie_debate (31 statements) to SVG", "-", theirs, True))
    faster = "several times faster"
    out.append(("argmap render seed map (59 statements) to SVG", faster, ours, ours * 3 <= theirs))
    return out
