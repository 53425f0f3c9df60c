"""The examples in README.md are real: each command shows what argmap prints today, and each
command and Python example runs as written. They run in a scratch folder holding copies of the
example maps, so that the files they write (pictures, a starter map) never land in the
repository."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
README = (ROOT / "README.md").read_text(encoding="utf-8")
PICTURE = (".svg", ".png", ".pdf")


def console_blocks() -> list[list[tuple[str, list[str]]]]:
    """Each README console block as its `$ argmap ...` commands, each with the output shown under
    it (none for a command shown without output)."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", README, re.DOTALL):
        commands: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        argmap_commands = [(c, o) for c, o in commands if c.startswith("argmap ")]
        if argmap_commands:
            found.append(argmap_commands)
    return found


BLOCKS = console_blocks()
EXAMPLES = [(command, shown) for block in BLOCKS for command, shown in block if shown]
PYTHON = re.findall(r"```python\n(.*?)```", README, re.DOTALL)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder laid out as the repository is for the README's commands (``maps/`` with copies
    of the example maps, the Argdown fixtures, ``../shared`` when it exists), and the current
    directory."""
    work = tmp_path / "argmap"
    (work / "maps").mkdir(parents=True)
    for path in (ROOT / "maps").glob("*.argmap.yaml"):
        shutil.copy(path, work / "maps" / path.name)
    # the small Argdown files the README's examples of other formats read
    shutil.copytree(
        ROOT / "tests" / "fixtures" / "argdown", work / "tests" / "fixtures" / "argdown"
    )
    if SHARED.exists():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    monkeypatch.chdir(work)
    return work


def run(command: str) -> tuple[int, list[str]]:
    """The exit code and printed lines of an `argmap ...` command line, without colour."""
    result = CliRunner().invoke(
        main, shlex.split(command, comments=True)[1:], env={"NO_COLOR": "1"}
    )
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_output_is_what_argmap_prints(command: str, shown: list[str], scratch: Path) -> None:
    """Every line the README shows is printed, in order; `...` stands for lines left out."""
    if "../shared/" in command and not SHARED.exists():
        pytest.skip(f"the example reads {SHARED}, which is absent")
    _, printed = run(command)
    if "..." not in shown:
        assert printed == shown
        return
    position = 0
    for line in (line for line in shown if line != "..."):
        assert line in printed[position:], line
        position = printed.index(line, position) + 1


@pytest.mark.dot
@pytest.mark.parametrize("block", BLOCKS, ids=[b[0][0] for b in BLOCKS])
def test_readme_commands_run_one_after_another(
    block: list[tuple[str, list[str]]], scratch: Path
) -> None:
    """The commands of each console block, those shown without output too, run in order as a
    newcomer types them: none is refused (exit 2), and a picture written is one the block names."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    if any("../shared/" in command for command, _ in block) and not SHARED.exists():
        pytest.skip(f"the example reads {SHARED}, which is absent")
    for command, _ in block:
        code, printed = run(command)
        assert code in (0, 1), (command, printed)  # 1: the map has findings
    text = "\n".join(command for command, _ in block)
    for written in written_files(scratch):
        assert written.endswith(PICTURE) or written.endswith(".argmap.yaml"), written
        assert Path(written).name in text, written


@pytest.mark.dot
@pytest.mark.parametrize("code", PYTHON, ids=[f"python-{n}" for n in range(len(PYTHON))])
def test_readme_python_runs_and_writes_only_the_pictures_it_names(code: str, scratch: Path) -> None:
    """Each Python example runs as written; a file it leaves behind is a picture whose name it
    spells out, not a DOT file beside it."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "README.md", "exec"), {})
    for written in written_files(scratch):
        assert written.endswith(PICTURE), f"the example leaves {written} behind"
        assert f'"{written}"' in code, written


def written_files(work: Path) -> list[str]:
    """The files in ``work`` that are not the copied example maps, relative to it."""
    copied = {f"maps/{path.name}" for path in (ROOT / "maps").glob("*.argmap.yaml")}
    fixtures = ROOT / "tests" / "fixtures" / "argdown"
    copied |= {path.relative_to(ROOT).as_posix() for path in fixtures.rglob("*") if path.is_file()}
    found = {path.relative_to(work).as_posix() for path in work.rglob("*") if path.is_file()}
    return sorted(found - copied)


def test_the_readme_has_examples_to_check() -> None:
    """The examples above are found at all: tree, whatif, stats and check, commands shown without
    output, and Python."""
    assert {c.split()[1] for c, _ in EXAMPLES} >= {"check", "tree", "whatif", "stats"}
    assert {c.split()[1] for b in BLOCKS for c, shown in b if not shown} >= {"new", "render"}
    assert len(PYTHON) >= 3
