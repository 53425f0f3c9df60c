"""`argmap check`: the output formats, the choice of findings, and the exit codes."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import attrs
import click
import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.cli import checks, main
from argmap.model import Code
from argmap.status import Severity
from argmap.text import report
from golden import assert_golden

HEAD = "argmap: 1\ntitle: test\nstatements:\n"

# A thesis resting on a claim with no reasons (line 6) and on traceable evidence.
WEAK = """\
t:
  thesis: Schools should start later.
  reasons:
    - [c, e]
c:
  claim: Teenagers sleep more when school starts later.
e:
  evidence: A trial moved the start by an hour.
  quote: moved the start by an hour
"""
# The same map with the claim supported: nothing to report.
SOUND = WEAK.replace(
    "  claim: Teenagers sleep more when school starts later.\n",
    "  claim: Teenagers sleep more when school starts later.\n  reasons: [e]\n",
)
# Only an info finding: a hedged claim the thesis depends on.
HEDGED = SOUND.replace("  reasons: [e]\n", "  reasons: [e]\n  hedge: probably\n", 1)
# The weak map, with the unsupported claim acknowledged.
ACKED = WEAK.replace(
    "  claim: Teenagers sleep more when school starts later.\n",
    "  claim: Teenagers sleep more when school starts later.\n"
    "  ack:\n    unsupported: The report asserts it.\n",
)


def write(folder: Path, name: str, statements: str) -> str:
    path = folder / name
    path.write_text(HEAD + textwrap.indent(statements, "  "), encoding="utf-8")
    return str(path)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def test_human_output_lines_verdicts_and_summary(tmp_path: Path) -> None:
    """One line per finding as FILE:LINE:COL: CODE message [severity], the hint below it, the
    verdict of each thesis and a summary; a failing run exits 1."""
    path = write(tmp_path, "weak.argmap.yaml", WEAK)
    result = run(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:4:3: ungrounded thesis t: its only reason does not apply: c is not grounded "
        "[error]",
        "    hint: support the premises where support runs out, or answer the objections that "
        "undercut its reasons",
        f"{path}:8:3: unsupported claim c has no reasons [warning]",
        "    hint: add the reasons the text gives, or acknowledge that it gives none "
        "(ack: {unsupported: why})",
        f"{path}: thesis t is not grounded: t <- c: c has no reasons",
        "",
        "1 map: 1 error, 1 warning, 0 info, 0 acknowledged; fails at warning and above",
    ]


def test_clean_map_passes(tmp_path: Path) -> None:
    """A map with nothing to report exits 0 and says so."""
    result = run(write(tmp_path, "sound.argmap.yaml", SOUND))
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "thesis t is grounded (earned: almost certain)\n\n"
        "1 map: 0 errors, 0 warnings, 0 info, 0 acknowledged; passes at warning and above\n"
    )


@pytest.mark.parametrize(
    ("statements", "fail_on", "code"),
    [
        (HEDGED, "warning", 0),
        (HEDGED, "info", 1),
        (WEAK, "error", 1),
        (SOUND, "info", 0),
    ],
)
def test_fail_on_sets_the_threshold(
    tmp_path: Path, statements: str, fail_on: str, code: int
) -> None:
    """Exit 1 only when a finding at or above --fail-on is left unacknowledged."""
    result = run(write(tmp_path, "m.argmap.yaml", statements), "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_acknowledged_findings_are_listed_and_pass(tmp_path: Path) -> None:
    """An acknowledged finding is printed with the map's reason and does not fail the run; the
    thesis it sinks still does."""
    path = write(tmp_path, "acked.argmap.yaml", ACKED)
    result = run(path, "--select", "unsupported")
    assert result.exit_code == 0
    assert (
        f"{path}:8:3: unsupported claim c has no reasons [acknowledged: The report asserts it.]"
        in result.stdout.splitlines()
    )
    assert "0 errors, 0 warnings, 0 info, 1 acknowledged" in result.stdout
    assert run(path).exit_code == 1


def test_select_and_ignore_take_commas_and_repeat(tmp_path: Path) -> None:
    """--select and --ignore take comma-separated codes and may be given several times."""
    path = write(tmp_path, "weak.argmap.yaml", WEAK)
    selected = run(path, "--select", "orphan,unsupported", "--select", "duplicate")
    assert [line.split(": ")[1].split()[0] for line in selected.stdout.splitlines()[:1]] == [
        "unsupported"
    ]
    assert "1 warning" in selected.stdout
    ignored = run(path, "--ignore", "ungrounded", "--ignore", "unsupported")
    assert ignored.exit_code == 0
    assert "0 errors, 0 warnings" in ignored.stdout


@pytest.mark.parametrize(
    ("select", "said"),
    [
        ("unsuported", ("unknown finding code 'unsuported'", "known: unsupported, ")),
        (",", ("names no finding code",)),
    ],
    ids=["misspelt", "empty"],
)
def test_select_that_names_no_known_code_is_a_usage_error(
    tmp_path: Path, select: str, said: tuple[str, ...]
) -> None:
    """A misspelt code is refused with the list of codes, exit 2; so is ``--select ,``, which
    would otherwise silently report nothing and pass in CI."""
    result = run(write(tmp_path, "m.argmap.yaml", SOUND), "--select", select)
    assert result.exit_code == 2
    for words in said:
        assert words in result.output


def test_unreadable_map_is_reported_in_its_place_and_others_still_checked(tmp_path: Path) -> None:
    """Every problem of an unreadable map is printed as FILE:LINE:COL: message, one per line, in
    that map's block on standard output: blocks come in the order the maps are given, whether
    they could be read or not. The other maps are still checked; the exit code is 2."""
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text(HEAD + "  t: {thesis: T, reasons: [nope]}\n  u: {thesis: U, qoute: q}\n")
    good = write(tmp_path, "good.argmap.yaml", SOUND)
    missing = str(tmp_path / "missing.argmap.yaml")
    result = run(good, str(bad), missing)
    assert result.exit_code == 2
    assert result.stderr == ""
    blocks = result.stdout.split("\n\n")
    assert blocks[0] == f"{good}: thesis t is grounded (earned: almost certain)"
    first, second = blocks[1].splitlines()
    assert first.startswith(f"{bad}:4:")
    assert "nope" in first
    assert second.startswith(f"{bad}:5:")
    assert blocks[2] == f"{missing}:1:1: no such file"
    assert "\n" not in blocks[2]
    assert blocks[3].startswith("1 map: 0 errors")
    assert "2 maps could not be read" in blocks[3]


def test_when_no_map_can_be_read_the_summary_says_so(tmp_path: Path) -> None:
    """With every map unreadable there are no counts to give: the summary says how many could
    not be read and that nothing was checked, instead of "0 maps: 0 errors, ..."."""
    result = run(str(tmp_path / "missing.argmap.yaml"))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == (
        "1 map could not be read, so nothing was checked; unreadable input"
    )
    two = run(str(tmp_path / "a.argmap.yaml"), str(tmp_path / "b.argmap.yaml"))
    assert two.stdout.splitlines()[-1].startswith("2 maps could not be read, so nothing")


def test_several_maps_are_grouped_per_file(tmp_path: Path) -> None:
    """Each map's findings and verdicts stay together, in the order the maps are given."""
    first = write(tmp_path, "a.argmap.yaml", WEAK)
    second = write(tmp_path, "b.argmap.yaml", HEDGED)
    lines = run(first, second).stdout.splitlines()
    files = [line.split(":")[0] for line in lines if line.endswith("]")]
    assert files == [first, first, second]
    assert lines[-1].startswith("2 maps: 1 error, 1 warning, 1 info")


def test_json_is_documented_structure_and_byte_stable(tmp_path: Path) -> None:
    """--format json gives the documented structure, with the same bytes on every run."""
    path = write(tmp_path, "weak.argmap.yaml", WEAK)
    first = run(path, "--format", "json")
    assert first.exit_code == 1
    assert first.stdout == run(path, "--format", "json").stdout
    document = json.loads(first.stdout)
    assert document["version"] == 1
    assert document["fail_on"] == "warning"
    (entry,) = document["files"]
    assert entry["path"] == path
    assert entry["readable"] is True
    assert entry["labels"] == {"t": "not-grounded", "c": "not-grounded", "e": "grounded"}
    assert entry["applies"] == {"t.r1": False}
    assert entry["earned"] == {"t": None, "c": None, "e": "almost certain"}
    assert entry["verdicts"] == [
        {
            "thesis": "t",
            "status": "not-grounded",
            "chain": ["t", "c"],
            "why": "c has no reasons",
            "stated": None,
            "earned": None,
            "author": None,
            "needs": [],
        }
    ]
    assert entry["sides"] == {"t": {"t": "for", "t.r1": "for", "c": "for", "e": "for"}}
    assert [f["code"] for f in entry["findings"]] == ["ungrounded", "unsupported"]
    assert entry["findings"][0]["related"] == ["c"]  # t fails at c
    assert entry["findings"][1] == {
        "code": "unsupported",
        "severity": "warning",
        "statement": "c",
        "line": 8,
        "column": 3,
        "message": "claim c has no reasons",
        "hint": "add the reasons the text gives, or acknowledge that it gives none "
        "(ack: {unsupported: why})",
        "acknowledged": None,
        "related": [],
    }
    assert document["summary"] == {
        "error": 1,
        "warning": 1,
        "info": 0,
        "acknowledged": 0,
        "failing": 2,
        "maps": 1,
        "unreadable": 0,
    }


def test_json_lists_unreadable_maps(tmp_path: Path) -> None:
    """An unreadable map appears in the JSON with its problems, and the exit code is 2."""
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\n")
    result = run(str(bad), "--format", "json")
    assert result.exit_code == 2
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["readable"] is False
    assert entry["problems"]
    assert entry["findings"] == []


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--format github prints workflow commands on the findings' lines, escaping what GitHub
    needs escaped; info becomes a notice."""
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "elsewhere"))
    path = write(tmp_path, "m,weak.argmap.yaml", WEAK)
    lines = run(path, "--format", "github").stdout.splitlines()
    escaped = path.replace(",", "%2C")
    assert lines[0] == (
        f"::error file={escaped},line=4,col=3,title=argmap ungrounded::thesis t: its only reason "
        "does not apply: c is not grounded%0Ahint: support the premises where support runs out, "
        "or answer the objections that undercut its reasons"
    )
    assert lines[1].startswith(f"::warning file={escaped},line=8,col=3,title=argmap unsupported::")
    hedged = run(write(tmp_path, "h.argmap.yaml", HEDGED), "--format", "github").stdout
    assert hedged.startswith("::notice ")


def test_github_names_files_relative_to_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A map under $GITHUB_WORKSPACE is named relative to it, so that GitHub attaches the
    annotation to the file in the pull request; `:` and `,` in the name are escaped as %3A and
    %2C. Problems of an unreadable map and the verdict lines use the same name."""
    folder = tmp_path / "ci:run,1"
    folder.mkdir()
    path = write(folder, "weak.argmap.yaml", WEAK)
    bad = folder / "bad.argmap.yaml"
    bad.write_text(HEAD + "  t: {thesis: T, reasons: [nope]}\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(folder)  # the workspace wins over the current directory
    lines = run(path, str(bad), "--format", "github").stdout.splitlines()
    assert lines[0].startswith(
        "::error file=ci%3Arun%2C1/weak.argmap.yaml,line=4,col=3,title=argmap ungrounded::"
    )
    assert "ci:run,1/weak.argmap.yaml: thesis t is not grounded: t <- c: c has no reasons" in lines
    assert any(
        line.startswith("::error file=ci%3Arun%2C1/bad.argmap.yaml,line=4,") for line in lines
    )


def test_github_without_workspace_is_relative_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without $GITHUB_WORKSPACE, an absolute path under the current directory is written
    relative to it; a path outside it stays as given."""
    inside = tmp_path / "repo"
    inside.mkdir()
    path = write(inside, "weak.argmap.yaml", WEAK)
    outside = write(tmp_path, "out.argmap.yaml", WEAK)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.chdir(inside)
    lines = run(path, outside, "--format", "github").stdout.splitlines()
    assert lines[0].startswith("::error file=weak.argmap.yaml,line=4,")
    escaped = outside.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert any(line.startswith(f"::error file={escaped},line=4,") for line in lines)


def test_relative_to_keeps_paths_outside_the_root(tmp_path: Path) -> None:
    """Paths under the root become relative with forward slashes; others stay as given."""
    inside = str(tmp_path / "a" / "b.argmap.yaml")
    assert report.relative_to(inside, tmp_path) == "a/b.argmap.yaml"
    assert report.relative_to(inside, tmp_path / "elsewhere") == inside
    assert report.relative_to("../x.argmap.yaml", tmp_path / "elsewhere") == "../x.argmap.yaml"


def test_choices_come_from_the_library() -> None:
    """--format and --fail-on offer exactly the library's formats and severities."""
    command = main.get_command(click.Context(main), "check")
    assert command is not None
    params = {p.name: p for p in command.params}
    assert list(params["form"].type.choices) == [f.value for f in report.Format]  # type: ignore[attr-defined]
    assert list(params["fail_on"].type.choices) == [s.value for s in Severity]  # type: ignore[attr-defined]
    result = run("x.argmap.yaml", "--format", "xml")
    assert result.exit_code == 2
    assert "'human', 'json', 'github'" in result.output


def test_source_checks_quotes(tmp_path: Path) -> None:
    """--source FILE checks every quote against the source text."""
    path = write(tmp_path, "sound.argmap.yaml", SOUND)
    source = tmp_path / "source.txt"
    source.write_text("In the trial, the school Moved  the start by an\nhour.", encoding="utf-8")
    assert run(path, "--source", str(source)).exit_code == 0
    source.write_text("In the trial, the school moved the bell by an hour.", encoding="utf-8")
    result = run(path, "--source", str(source))
    assert result.exit_code == 1
    assert "quote-not-found quote of e is not in the source; closest passage" in result.stdout


def test_colour_only_when_wanted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain text when output is not a terminal; ANSI colour when use_colour() says so."""
    path = write(tmp_path, "weak.argmap.yaml", WEAK)
    assert "\x1b[" not in run(path).stdout
    monkeypatch.setattr(checks, "use_colour", lambda stream=None: True)
    assert "\x1b[" in run(path).stdout


def test_library_call_gives_what_the_cli_prints(tmp_path: Path) -> None:
    """`argmap.check` is exported and gives the findings the command prints."""
    path = write(tmp_path, "weak.argmap.yaml", WEAK)
    report = argmap.check(argmap.load_map(path))
    printed = json.loads(run(path, "--format", "json").stdout)["files"][0]["findings"]
    assert [(f.code.value, f.statement, f.message) for f in report.findings] == [
        (f["code"], f["statement"], f["message"]) for f in printed
    ]


def test_source_that_is_not_text_is_a_usage_error(tmp_path: Path) -> None:
    """A --source file that is not UTF-8 is refused with exit 2, not read with replacements."""
    source = tmp_path / "source.txt"
    source.write_bytes(b"caf\xe9 au lait")
    result = run(write(tmp_path, "m.argmap.yaml", SOUND), "--source", str(source))
    assert result.exit_code == 2
    assert f"{source}:1:4: not UTF-8 text: byte 0xe9 cannot be decoded" in result.output


def test_a_source_that_is_a_pipe_or_too_large_is_refused(tmp_path: Path) -> None:
    """--source reads only regular files of at most 64 MiB: a pipe would block, /dev/zero never
    ends."""

    pipe = tmp_path / "source.txt"
    os.mkfifo(pipe)
    result = run(write(tmp_path, "m.argmap.yaml", SOUND), "--source", str(pipe))
    assert result.exit_code == 2
    assert f"{pipe}:1:1: not a regular file (a pipe or a device); save it to a file" in (
        result.output
    )
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(65 * 2**20)
    result = run(write(tmp_path, "m.argmap.yaml", SOUND), "--source", str(huge))
    assert result.exit_code == 2
    assert "file too large: 65 MiB (a source may have at most 64 MiB)" in result.output


EVERY = Path(__file__).resolve().parent / "fixtures" / "check" / "every-finding"


@pytest.mark.parametrize(
    ("form", "golden"),
    [("human", "check.txt"), ("json", "check.json"), ("github", "check.github.txt")],
)
def test_every_finding_matches_its_golden_output(
    form: str, golden: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A map with every finding, checked against its source, prints exactly the reviewed output
    in each format; set ARGMAP_UPDATE_GOLDEN=1 to rewrite the files after an intended change, and
    review the diff."""
    monkeypatch.chdir(EVERY)
    result = run("every-finding.argmap.yaml", "--source", "source.txt", "--format", form)
    assert result.exit_code == 1
    assert_golden(EVERY / golden, result.stdout)
    found = {
        f["code"]
        for f in json.loads(
            run("every-finding.argmap.yaml", "--source", "source.txt", "--format", "json").stdout
        )["files"][0]["findings"]
    }
    assert found == {code.value for code in Code}


def test_a_finding_stays_on_one_line_whatever_the_map_says(tmp_path: Path) -> None:
    """An acknowledgement written over several lines is shown on the finding's one line."""
    path = write(
        tmp_path,
        "m.argmap.yaml",
        "t:\n  thesis: T\n  ack:\n    unsupported: |\n      first line\n      second\n",
    )
    result = run(path)
    line = HEAD.count("\n") + 1
    expected = "unsupported thesis t has no reasons [acknowledged: first line second]"
    assert f"{path}:{line}:3: {expected}" in result.output


def test_control_characters_of_a_map_are_shown_not_sent_to_the_terminal() -> None:
    """The loader refuses control characters, but a map built in Python may hold them: an escape
    code in a finding's message or an acknowledgement reaches the terminal as ``\\x1b``, so that a
    map cannot colour or clear the reader's terminal."""
    loaded = argmap.loads(HEAD + textwrap.indent(ACKED, "  "))
    claim = loaded.statements["c"]
    ack = attrs.evolve(claim.acks[0], why="Asserted \x1b[2J.")
    hedged = attrs.evolve(claim, hedge="\x1b[31m", acks=(ack,))
    hostile = attrs.evolve(loaded, statements={**loaded.statements, "c": hedged})
    checked = [report.Checked("hostile.argmap.yaml", argmap.check(hostile))]
    for colour in (False, True):
        output = report.to_human(checked, Severity.WARNING, colour=colour)
        assert "\x1b[2J" not in output
        assert "\x1b[31m)" not in output
        assert "Asserted \\x1b[2J." in output
        assert "is hedged (\\x1b[31m)" in output
