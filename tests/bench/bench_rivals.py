"""argmap beside Argdown's command line on the same content, when Argdown is installed
(``make bench-peers`` installs it into .tools/ through ``make argdown-cli``; or point ``ARGDOWN``
at an ``argdown`` program, or put one on PATH). Without it, no rows.

The same content: the seed map, and a generated map of 1,000 statements, each written in Argdown
by argdown_text.to_argdown (its statements and a relation for each premise). The two programs take
turns in one run, so that the ratios hold on a loaded machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from argdown_text import to_argdown
from generate import generate
from timing import interleaved_medians

from argmap.load import load_map

ARGMAP = str(Path(sys.executable).with_name("argmap"))
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "maps" / "china-russia-central-asia.argmap.yaml"
LOCAL = REPO / ".tools" / "node_modules" / ".bin" / "argdown"


def argdown_program() -> str | None:
    """Argdown's CLI: $ARGDOWN, the one make bench-peers installs, or one on PATH."""
    if os.environ.get("ARGDOWN"):
        return os.environ["ARGDOWN"]
    return str(LOCAL) if LOCAL.exists() else shutil.which("argdown")


def argdown_version(program: str) -> str:
    done = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def rows() -> list[tuple[str, str, float | str, bool]]:
    argdown = argdown_program()
    if argdown is None:
        print(
            "  (Argdown not installed, see make bench-peers: no comparison rows)", file=sys.stderr
        )
        return []
    out: list[tuple[str, str, float | str, bool]] = []
    versions = {"argmap": [ARGMAP, "--version"], "argdown": [argdown, "--version"]}
    medians = interleaved_medians(versions, 11)
    ratio = medians["argdown"] / medians["argmap"]
    out.append(
        (
            f"start-up: argdown --version ({medians['argdown']:.3f} s) / argmap --version",
            "-",
            f"{medians['argmap']:.3f} s ({ratio:.1f}x quicker)",
            True,
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "generated.argmap.yaml"
        generated.write_text(generate(1_000), encoding="utf-8")
        for index, (name, source, rounds) in enumerate(
            (("the seed map", SEED, 7), ("a generated map", generated, 3))
        ):
            argmap = load_map(source)
            text = Path(folder) / f"map{index}.argdown"
            text.write_text(to_argdown(argmap), encoding="utf-8")
            svg = str(Path(folder) / f"map{index}.svg")
            medians = interleaved_medians(
                {
                    "argmap": [ARGMAP, "render", str(source), "-o", svg],
                    "argdown": [argdown, "map", str(text), folder, "--format", "svg"],
                },
                rounds,
            )
            ratio = medians["argdown"] / medians["argmap"]
            out.append(
                (
                    f"to SVG, {name} ({len(argmap.statements):,} statements): "
                    f"argdown map ({medians['argdown']:.2f} s) / argmap render",
                    "-",
                    f"{medians['argmap']:.2f} s ({ratio:.1f}x quicker)",
                    True,
                )
            )
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
