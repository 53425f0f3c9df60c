"""The command examples in README.md are real: each shows what argmap prints today."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def examples() -> list[tuple[str, list[str]]]:
    """Each `$ argmap ...` line of a README console block that shows output, with that output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```console\n(.*?)```", readme, re.DOTALL):
        command: str | None = None
        output: list[str] = []
        for line in [*block.splitlines(), "$ end"]:
            if line.startswith("$ "):
                if command is not None and output:
                    found.append((command, output))
                command, output = line[2:], []
            else:
                output.append(line)
    return [(c, o) for c, o in found if c.startswith("argmap ")]


EXAMPLES = examples()


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_output_is_what_argmap_prints(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line the README shows is printed, in order; `...` stands for lines left out."""
    if "../shared/" in command and not SHARED.exists():
        pytest.skip(f"the example reads {SHARED}, which is absent")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, shlex.split(command)[1:], env={"NO_COLOR": "1"})
    printed = result.output.splitlines()
    if "..." not in shown:
        assert printed == shown
        return
    position = 0
    for line in (line for line in shown if line != "..."):
        assert line in printed[position:], line
        position = printed.index(line, position) + 1


def test_the_readme_has_examples_to_check() -> None:
    """The examples above are found at all: tree, whatif, stats and check."""
    assert {c.split()[1] for c, _ in EXAMPLES} >= {"check", "tree", "whatif", "stats"}
