"""The argmap command: version, help on every command, new, schema, and exit codes."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import COMMANDS, main, use_colour
from argmap.load import load_map

ROOT = Path(__file__).resolve().parents[1]
MAPS = sorted((ROOT / "maps").glob("*.argmap.yaml"))


def test_version_names_the_package_version() -> None:
    """`argmap --version` prints the version of pyproject.toml, which the build writes into the
    package (argmap.__version__) and into its metadata: all three agree, whether the command
    answers from its quick path or through click (`argmap --version check`)."""
    import tomllib
    from importlib.metadata import version

    import argmap

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert argmap.__version__ == version("argmap") == declared
    expected = f"argmap, version {declared}\n"
    result = CliRunner().invoke(main, ["--version"])
    assert (result.exit_code, result.output) == (0, expected)
    for arguments in (["--version"], ["--version", "check"]):
        quick = subprocess.run(
            [sys.executable, "-m", "argmap", *arguments], capture_output=True, text=True, check=True
        )
        assert quick.stdout == expected


def test_version_loads_neither_click_nor_typing() -> None:
    """`argmap --version` answers before loading the command line: click alone takes about three
    times as long as Python's own start, and the version needs nothing but the package."""
    code = (
        "import sys; before = set(sys.modules); sys.argv = ['argmap', '--version']; "
        "from argmap.__main__ import main; main(); "
        "print(sorted(m for m in set(sys.modules) - before if not m.startswith('argmap')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "['__future__', 'gc']"


def test_python_dash_m_runs_the_same_command() -> None:
    """`python -m argmap` is the argmap command."""
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "Usage: python -m argmap" in result.stdout or "Usage: argmap" in result.stdout


def test_the_table_of_commands_names_each_in_its_module() -> None:
    """The command line loads only the module of the command it runs, found in
    ``argmap.cli.COMMANDS``: the table names every command the modules define, each beside the
    module that defines it, so that none can be missing from ``argmap --help``."""
    import importlib

    for module in set(COMMANDS.values()):
        importlib.import_module(f"argmap.cli.{module}")
    assert set(main.commands) == set(COMMANDS)
    for name, command in main.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"argmap.cli.{COMMANDS[name]}", name
    assert main.list_commands(click.Context(main)) == sorted(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str) -> None:
    """`argmap COMMAND --help` describes the command and exits 0."""
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert f"Usage: main {command}" in result.output or f"Usage: argmap {command}" in result.output
    found = main.get_command(click.Context(main), command)
    assert found is not None
    summary = (found.help or "").split("\n")[0]
    assert " ".join(summary.split()) in " ".join(result.output.split())


def test_unknown_command_or_option_is_a_usage_error() -> None:
    """Usage errors exit with 2, as bad input does."""
    assert CliRunner().invoke(main, ["frobnicate"]).exit_code == 2
    assert CliRunner().invoke(main, ["schema", "--bogus"]).exit_code == 2


@pytest.mark.parametrize(
    "command", [["check"], ["render"], ["tree"], ["stats"], ["whatif", "--critical"]]
)
def test_a_missing_map_is_worded_alike_by_every_command(command: list[str]) -> None:
    """Every command that reads a map says of a missing file what check says, as
    ``FILE:1:1: no such file`` with exit code 2; a directory likewise."""
    result = CliRunner().invoke(main, [*command, "nosuch.argmap.yaml"])
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == "nosuch.argmap.yaml:1:1: no such file"
    folder = CliRunner().invoke(main, [*command, str(ROOT / "maps")])
    assert folder.exit_code == 2
    assert folder.output.splitlines()[0].endswith("maps:1:1: is a directory, not a map file")


def test_new_writes_a_starter_map_that_checks_clean(tmp_path: Path) -> None:
    """`argmap new` writes a commented map that loads and passes `argmap check` with exit 0."""
    path = tmp_path / "start.argmap.yaml"
    result = CliRunner().invoke(main, ["new", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text().startswith(
        "# yaml-language-server: $schema=argmap.schema.json\n# A starter argument map."
    )
    assert load_map(path).theses
    checked = CliRunner().invoke(main, ["check", str(path)])
    assert checked.exit_code == 0, checked.output


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    """What the user wrote is not lost: an existing file is kept unless --force is given."""
    path = tmp_path / "mine.argmap.yaml"
    path.write_text("my own work\n")
    result = CliRunner().invoke(main, ["new", str(path)])
    assert result.exit_code == 2
    assert result.output == f"{path}: already exists; choose another name or pass --force\n"
    assert path.read_text() == "my own work\n"
    assert CliRunner().invoke(main, ["new", "--force", str(path)]).exit_code == 0
    assert "# A starter argument map." in path.read_text()


def test_schema_is_valid_json_schema_and_stable() -> None:
    """`argmap schema` prints a draft-07 schema (the draft the YAML language server validates
    with), the same text on every run."""
    first = CliRunner().invoke(main, ["schema"])
    assert first.exit_code == 0
    schema = json.loads(first.output)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert CliRunner().invoke(main, ["schema"]).output == first.output


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_schema_accepts_the_example_maps(path: Path) -> None:
    """Every map the project ships validates against the published schema."""
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.get("source", {}).update(
        {k: str(v) for k, v in data.get("source", {}).items()}
    )  # YAML 1.1 reads bare dates as dates; argmap keeps them as written
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("fragment", "complaint"),
    [
        ({"t": {"thesis": "T", "qoute": "x"}}, "Additional properties"),
        ({"t": {"note": "no text"}}, "is not valid under any of the given schemas"),
        ({"t": {"thesis": "T", "ack": {"nonsense": "x"}}}, "is not one of"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    fragment: dict[str, object], complaint: str
) -> None:
    """An editor using the schema flags unknown fields, missing kinds and unknown codes."""
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    data = {"argmap": 1, "title": "T", "statements": fragment}
    messages = " ".join(e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data))
    assert complaint in messages


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour needs a terminal; NO_COLOR switches it off even there."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Stream(tty=True))
    assert not use_colour(_Stream(tty=False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(_Stream(tty=True))


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    """Files are written through a temporary file, but end up readable like any new file."""
    import os

    path = tmp_path / "start.argmap.yaml"
    umask = os.umask(0o022)
    try:
        assert CliRunner().invoke(main, ["new", str(path)]).exit_code == 0
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["start.argmap.yaml"]  # no temporary left


@pytest.mark.skipif(
    not Path("/dev/full").exists(), reason="needs /dev/full to fill standard output"
)
@pytest.mark.parametrize("command", [["schema"], ["check", "maps/tutorial.argmap.yaml"]])
def test_a_full_standard_output_is_one_line_and_exit_2(command: list[str]) -> None:
    """When standard output cannot take more (a full disk), argmap says so once: no traceback."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "argmap", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "argmap: cannot write the output: No space left on device\n"


# What ``argmap`` loads in any case, measured in the same interpreter: click (whose gettext loads
# locale when a group is defined), PyYAML and attrs.
FLOOR = "import sys, click, yaml, attrs; click.version_option('0'); before = set(sys.modules); "


# Every module of the standard library a small check or render may load beyond the floor: the
# entry point's gc; pathlib, for the paths the commands take, with what it imports (urllib.parse,
# which the source's address needs too); heapq, whose queue relabels what a what-if changes;
# render's subprocess, with what it imports; and difflib, which click loads to suggest an option
# for the short -o (it tries each as a long option first).
PATHLIB = {"pathlib", "fnmatch", "ntpath", "urllib", "urllib.parse", "ipaddress"}
CHECK_LOADS = {"gc", *PATHLIB, "heapq", "_heapq"}
RENDER_LOADS = CHECK_LOADS | {
    *("subprocess", "_posixsubprocess", "fcntl", "select", "selectors", "signal"),
    "difflib",
}


def loaded(command: list[str]) -> tuple[set[str], set[str]]:
    """The modules beyond the floor that running ``argmap COMMAND`` loads: argmap's own, and the
    others."""
    code = (
        FLOOR + f"sys.argv = ['argmap', *{command!r}]; from argmap.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(set(sys.modules) - before))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    modules = set(ast.literal_eval(result.stdout.splitlines()[-1]))
    own = {m for m in modules if m.split(".")[0] == "argmap"}
    return own, modules - own


def test_starting_the_command_loads_only_the_group() -> None:
    """Starting the command line loads, beyond click, only the package, its version, the names
    of the options and pathlib (for map paths, with what it imports): no command's module, no
    analysis, YAML, attrs or graphviz."""
    code = (
        FLOOR.replace(", yaml, attrs", "")
        + "import argmap.cli; print(sorted(set(sys.modules) - before))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    modules = set(ast.literal_eval(result.stdout))
    own = {m for m in modules if m.split(".")[0] == "argmap"}
    assert own == {"argmap", "argmap._version", "argmap.cli", "argmap.options"}
    assert modules - own <= PATHLIB, sorted(modules - own - PATHLIB)


def test_checking_a_map_loads_only_what_checking_needs() -> None:
    """`argmap check` of a YAML map loads only check's own command, the loader and the analysis:
    no logging, json, difflib (the closest passage to a missing quote), the source's layout,
    drawing, the other formats' readers or another command."""
    own, others = loaded(["check", "maps/china-russia-central-asia.argmap.yaml"])
    assert others <= CHECK_LOADS, sorted(others - CHECK_LOADS)
    assert {m for m in own if m.startswith("argmap.cli.")} == {"argmap.cli.checks"}
    elsewhere = ("argmap.dot", "argmap.render", "argmap.explore", "argmap.html", "argmap.files")
    needless = ("argmap.formats.", "argmap.analysis.places", *elsewhere)
    assert not {m for m in own if m.startswith(needless)}


@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_rendering_a_map_loads_only_what_drawing_needs(tmp_path: Path) -> None:
    """`argmap render` of a YAML map to SVG loads, beyond what check loads, the drawing and
    subprocess: no tempfile (nor its random and shutil), logging or json."""
    own, others = loaded(
        ["render", "maps/china-russia-central-asia.argmap.yaml", "-o", str(tmp_path / "a.svg")]
    )
    assert others <= RENDER_LOADS, sorted(others - RENDER_LOADS)
    assert {m for m in own if m.startswith("argmap.cli.")} == {"argmap.cli.pictures"}
    assert (tmp_path / "a.svg").read_bytes().startswith(b"<?xml")
