"""Start-up, measured as a user sees it (whole processes, bytecode present) and against its floors,
all taking turns in one run: ``argmap --version`` against ``python -c pass``; ``argmap check`` of
the seed map, beside what importing its dependencies (click, PyYAML, attrs) alone takes; the same
with ``PYTHONDONTWRITEBYTECODE`` set, against without; and ``argmap render`` of the seed map to
SVG against ``dot -Tsvg`` on the same DOT text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import interleaved_medians

ARGMAP = str(Path(sys.executable).with_name("argmap"))
SEED = Path(__file__).resolve().parents[2] / "maps" / "china-russia-central-asia.argmap.yaml"
ROUNDS = 21


def rows() -> list[tuple[str, str, float | str, bool]]:
    dot = shutil.which("dot")
    with tempfile.TemporaryDirectory() as folder:
        seed_dot = Path(folder) / "seed.gv"
        subprocess.run(
            [ARGMAP, "render", str(SEED), "-o", str(seed_dot)], check=True, capture_output=True
        )
        commands = {
            "pass": [sys.executable, "-c", "pass"],
            "dependencies": [sys.executable, "-c", "import click, yaml, attrs"],
            "version": [ARGMAP, "--version"],
            "check": [ARGMAP, "check", str(SEED)],
            "check-no-bytecode": [ARGMAP, "check", str(SEED)],
        }
        if dot is not None:
            commands["render"] = [ARGMAP, "render", str(SEED), "-o", str(Path(folder) / "a.svg")]
            commands["dot"] = [dot, "-Tsvg", str(seed_dot), "-o", str(Path(folder) / "b.svg")]
        usual = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        environments = dict.fromkeys(commands, usual)
        environments["check-no-bytecode"] = {**usual, "PYTHONDONTWRITEBYTECODE": "1"}
        medians = interleaved_medians(commands, ROUNDS, environments)
    floor = medians["pass"]
    version = medians["version"] / floor
    check = medians["check"]
    recompiled = medians["check-no-bytecode"] / check
    out: list[tuple[str, str, float | str, bool]] = [
        ("python -c pass (the floor)", "-", floor, True),
        (
            "importing click, PyYAML and attrs alone, whole process",
            "-",
            medians["dependencies"],
            True,
        ),
        (
            "argmap --version, whole process",
            "<= 4x python -c pass",
            f"{medians['version'] * 1000:.1f} ms ({version:.1f}x)",
            version <= 4,
        ),
        ("argmap check of the seed map, whole process", "<= 0.12 s", check, check <= 0.12),
        (
            "the same with PYTHONDONTWRITEBYTECODE=1",
            "<= 1.1x without",
            f"{medians['check-no-bytecode']:.3f} s ({recompiled:.2f}x)",
            recompiled <= 1.1,
        ),
    ]
    if dot is not None:
        over = medians["render"] - medians["dot"]
        out.append(
            (
                "argmap render of the seed map to SVG, whole process",
                f"<= dot -Tsvg ({medians['dot']:.3f} s) + 0.1 s",
                f"{medians['render']:.3f} s (+{over:.3f} s)",
                over <= 0.1,
            )
        )
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
