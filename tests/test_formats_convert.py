"""The formats on the command line and in other tools: `argmap convert`, --from and --leaves, the
choice of reader by suffix and content, the real Argdown and AIF files of ../shared/corpus, and the
checks that Argdown's own CLI and arguebuf read what argmap writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given

from argmap import formats
from argmap.cli import LEAVES, MAP_FORMATS, main
from argmap.dump import dump_map, link_fields
from argmap.formats import Format, Leaves, aif, argdown
from argmap.graph import inferences
from argmap.load import load_map, loads
from argmap.model import Map, Objection
from strategies import examples, maps

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
EVERY_FINDING = FIXTURES / "check" / "every-finding" / "every-finding.argmap.yaml"
MAPS = sorted((ROOT / "maps").glob("*.argmap.yaml"))
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_ARGDOWN = sorted((CORPUS / "argdown").glob("*.argdown"))
CORPUS_AIF = sorted((CORPUS / "aif").glob("*.json"))
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the corpus of other tools' files is not at {CORPUS}"
)


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


# --- choosing the reader --------------------------------------------------------------------------


def test_the_cli_offers_every_format_and_leaves_choice() -> None:
    """The command line spells out the library's enums without importing them at start."""
    assert [f.value for f in Format] == list(MAP_FORMATS)
    assert [leaves.value for leaves in Leaves] == list(LEAVES)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("m.argmap.yaml", b"", Format.ARGMAP),
        ("m.argmap.yml", b"", Format.ARGMAP),
        ("m.argmap.json", b'{"nodes": [], "edges": []}', Format.ARGMAP),
        ("debate.argdown", b"", Format.ARGDOWN),
        ("debate.AD", b"", Format.ARGDOWN),
        ("nodeset.json", b' {"nodes": [], "edges": []}', Format.AIF),
        ("anything.txt", b'{"nodes": [], "edges": []}', Format.AIF),
        ("broken.json", b'{"nodes": [ , "edges": []}', Format.AIF),
        ("list.json", b'[{"nodes": []}]', Format.ARGMAP),
        ("map.yaml", b"argmap: 1\n", Format.ARGMAP),
    ],
)
def test_format_by_suffix_then_content(name: str, data: bytes, expected: Format) -> None:
    """Suffixes first; then a JSON object with nodes and edges is AIF; else argmap's YAML."""
    assert formats.format_of(name, data) is expected


def test_from_names_the_format_whatever_the_suffix(tmp_path: Path) -> None:
    """--from argdown reads a .txt file as Argdown; without it the file is argmap YAML."""
    path = tmp_path / "debate.txt"
    path.write_bytes((FIXTURES / "argdown" / "kinds.argdown").read_bytes())
    assert run("tree", "--from", "argdown", str(path)).exit_code == 0
    unread = run("check", str(path))
    assert unread.exit_code == 2
    assert "YAML syntax error" in unread.output


def test_leaves_switch_on_the_command_line() -> None:
    """--leaves evidence makes untagged leaves given, so check finds less unsupported."""
    path = str(FIXTURES / "argdown" / "kinds.argdown")
    plain = run("check", "--format", "json", path)
    given = run("check", "--format", "json", "--leaves", "evidence", path)
    codes = [
        [f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]] for r in (plain, given)
    ]
    assert "unsupported" in codes[0]
    assert "unsupported" not in codes[1]


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["render", "-f", "dot", "-o", "-"],
        ["tree"],
        ["stats"],
        ["whatif", "--critical"],
        ["convert", "-o", "-", "--to", "argmap"],
        ["report"],
    ],
)
def test_every_command_that_reads_maps_passes_from_and_leaves_to_the_reader(
    tmp_path: Path, command: list[str]
) -> None:
    """Each command hands its --from and --leaves to the reader itself: an Argdown file named .txt
    is read as Argdown by every one of them (without --from it is YAML and cannot be read)."""
    path = tmp_path / "debate.txt"
    path.write_bytes((FIXTURES / "argdown" / "kinds.argdown").read_bytes())
    name, *options = command
    read = run(name, "--from", "argdown", "--leaves", "evidence", *options, str(path))
    assert read.exit_code in (0, 1), read.output
    assert "YAML" not in read.output
    assert run(name, *options, str(path)).exit_code == 2


def test_check_files_takes_the_format_and_leaves_as_arguments(tmp_path: Path) -> None:
    """The library's check_files reads every map with the form and leaves it is given, and with
    the defaults (format from the suffix, leaves as claims) otherwise: no state is left behind."""
    from argmap.text.report import check_files

    path = tmp_path / "debate.txt"
    path.write_bytes((FIXTURES / "argdown" / "kinds.argdown").read_bytes())
    [as_argdown] = check_files([path], form="argdown")
    [as_evidence] = check_files([path], form="argdown", leaves="evidence")
    [as_yaml] = check_files([path])
    assert as_argdown.report is not None
    assert as_evidence.report is not None
    assert "unsupported" in [f.code.value for f in as_argdown.report.findings]
    assert "unsupported" not in [f.code.value for f in as_evidence.report.findings]
    assert as_yaml.report is None


def test_problems_in_argdown_are_one_line_each_with_exit_2() -> None:
    """A bad Argdown file gives FILE:LINE:COL: message and exit 2, like a YAML map."""
    path = FIXTURES / "argdown" / "bad" / "undercut-statement.argdown"
    result = run("tree", str(path))
    assert result.exit_code == 2
    assert result.output == (
        f"{path}:2:3: an undercut attacks an argument's inference, not a statement ([a])\n"
    )


def test_notices_go_to_standard_error() -> None:
    """What a reader leaves out is said on standard error, not mixed into the output."""
    path = FIXTURES / "aif" / "argument.json"
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "convert", str(path), "-o", "-", "--to", "aif"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    json.loads(result.stdout)
    assert f"{path}: note: left out the dialogue layer" in result.stderr


def test_starting_the_command_imports_no_reader() -> None:
    """`argmap --version` loads neither the formats nor logging; commands on YAML maps do not
    load the Argdown or AIF code."""
    code = (
        "import sys, argmap.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('argmap.formats') or m == 'logging'))"
        "; from argmap.load import load_map; load_map('maps/tutorial.argmap.yaml'); "
        "print(sorted(m for m in sys.modules if m.startswith('argmap.formats.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout == "[]\n[]\n"


# --- convert --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "form"),
    [(".argdown", Format.ARGDOWN), (".json", Format.AIF), (".argmap.yaml", Format.ARGMAP)],
)
def test_convert_takes_the_format_from_the_suffix(
    tmp_path: Path, suffix: str, form: Format
) -> None:
    """convert writes what formats.write gives, chosen by the output's suffix."""
    out = tmp_path / f"tutorial{suffix}"
    result = run("convert", str(MAPS[-1]), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text() == formats.write(load_map(MAPS[-1]), form)


def test_convert_to_standard_output_needs_to() -> None:
    """-o - writes to standard output in the --to format; without --to it is a usage error."""
    result = run("convert", str(MAPS[-1]), "-o", "-", "--to", "argmap")
    assert result.exit_code == 0
    assert result.stdout == dump_map(load_map(MAPS[-1]))
    refused = run("convert", str(MAPS[-1]), "-o", "-")
    assert refused.exit_code == 2
    assert "say which format to write with --to (argmap, argdown, aif)" in refused.output


def test_convert_argdown_to_aif_and_back(tmp_path: Path) -> None:
    """Both ways on the command line: Argdown -> AIF -> argmap YAML keeps the map."""
    source = FIXTURES / "argdown" / "relations.argdown"
    assert run("convert", str(source), "-o", str(tmp_path / "r.json")).exit_code == 0
    assert run("convert", str(tmp_path / "r.json"), "-o", str(tmp_path / "r.yaml")).exit_code == 0
    assert load_map(tmp_path / "r.yaml") == load_map(source)


def test_convert_writes_nothing_when_the_input_is_bad(tmp_path: Path) -> None:
    """A map that cannot be read leaves the output as it was, and exits 2."""
    out = tmp_path / "out.argdown"
    out.write_text("kept\n")
    result = run("convert", str(FIXTURES / "aif" / "bad" / "ca-ring.json"), "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text() == "kept\n"


# --- the real files of other tools ----------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_ARGDOWN + CORPUS_AIF, ids=lambda p: p.name)
def test_corpus_files_load_check_and_render(path: Path) -> None:
    """Each real Argdown and AIF file loads, is checked (exit 0 or 1, never 2) and drawn."""
    m = load_map(path)
    assert m.statements
    checked = run("check", str(path))
    assert checked.exit_code in (0, 1), checked.output
    drawn = run("render", str(path), "-o", "-", "-f", "dot")
    assert drawn.exit_code == 0, drawn.output
    assert drawn.stdout.startswith("digraph")


@needs_corpus
def test_corpus_argdown_keeps_what_it_says() -> None:
    """Counts of the real files, as read: statements, reasons and objections per file."""
    counted = {}
    for path in CORPUS_ARGDOWN:
        m = load_map(path)
        statements = m.statements.values()
        counted[path.name] = (
            len(m.statements),
            sum(len(s.reasons) for s in statements),
            sum(len(s.objections) for s in statements),
        )
    assert counted == {
        "Populism-Core-Argument-Argdown-Example.argdown": (62, 41, 0),
        "argdown-primer.argdown": (12, 6, 5),
        "greenspan-schefczyk_hardwrap.argdown": (23, 9, 2),
        "intro.argdown": (9, 3, 5),
        "legalisation-softdrugs.argdown": (18, 9, 8),
        "veggie_debate.argdown": (43, 35, 23),
    }


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_ARGDOWN, ids=lambda p: p.name)
def test_argdown_to_argmap_to_argdown_keeps_everything(path: Path) -> None:
    """Argdown -> argmap -> Argdown keeps every statement, argument and relation: read again,
    the Argdown argmap writes gives the same map."""
    m = load_map(path)
    assert argdown.read("again.argdown", argdown.write(m).encode()) == m


@needs_corpus
def test_corpus_aif_as_read() -> None:
    """The AIFdb file's dialogue layer is left out; its nine I-nodes and five RA-nodes stay."""
    m = load_map(CORPUS / "aif" / "aifdb_nodeset6064.json")
    assert len(m.statements) == 9
    assert sum(len(s.reasons) for s in m.statements.values()) == 5
    araucaria = load_map(CORPUS / "aif" / "araucariadb_nodeset21.json")
    assert aif.counts(araucaria) == {"I": 6, "RA": 2, "CA": 1, "edges": 8}


# --- outside tools --------------------------------------------------------------------------------


def _argdown_cli() -> str | None:
    local = ROOT / ".tools" / "node_modules" / ".bin" / "argdown"
    return shutil.which("argdown") or (str(local) if local.exists() else None)


HOSTILE = r"""argmap: 1
title: "=== a title\nthat ends the front matter? // no"
source:
  url: "https://example.org/a?b=c#d"
sections:
  s1: "#  A heading   {with: data}  "
  s2: {title: Later, starts: "<r.2>: {assumed: false} // starts here"}
statements:
  t:
    thesis: "[x]: <y> #tag @[m] {kind: evidence} // not a comment /* nor */ <!-- it --> \\ a_b *c*"
    hedge: "} {"
    level: very likely
    note: "+ [z]: no relation\n\n- nor this -> <q>"
    tags: [plain, "two words", "(odd)", "thesis"]
    reasons:
      - id: "r.1"
        premises: [e, "e-2"]
        quote: "Hence {assumed: true} <r.2>"
        note: "a note\nover lines"
        objections:
          - id: u1
            premises: [e]
            objections: [e-2]
      - assumed: e-3
    objections:
      - id: o1
        premises: [e, e-2]
        note: "--- {uses: [1]} ---"
      - assumed: e-3
  e:
    evidence: "  spaced   text  "
    section: s1
    certainty: "it is clear} {"
    by: {name: "[Someone] #x", role: "{role: 1}"}
    grade: B2
    quote: '"quoted" and \escaped'
    at: "p. 1: {a}"
  e-2:
    assumption: "(1) not a premise number"
  e-3:
    evidence: "-- three --"
    section: s2
    by: {unnamed: "<sources> ==="}
    grade: F6
"""


def _maps_to_write() -> list[tuple[str, Map]]:
    out = [(p.name.split(".")[0], load_map(p)) for p in MAPS]
    out.append(("hostile", loads(HOSTILE)))
    out.append(("every-finding", load_map(EVERY_FINDING)))
    out.append(("relations", load_map(FIXTURES / "argdown" / "relations.argdown")))
    if CORPUS.is_dir():
        out += [(p.stem, load_map(p)) for p in CORPUS_ARGDOWN + CORPUS_AIF]
    return out


def _expected_argdown(m: Map) -> dict[str, Any]:
    """What Argdown's tools should find in what argmap writes for ``m``."""
    statements = set(m.statements)
    arguments: dict[str, tuple[list[str], str]] = {}
    relations = set()

    def objections(items: tuple[Any, ...], parent: str, target: str, kind: str, to: str) -> None:
        for number, objection in enumerate(items, start=1):
            simple = (
                len(objection.premises) == 1
                and objection.id == f"{parent}.o{number}"
                and objection.note is None
                and not objection.objections
                and not objection.assumed
                and objection.quote is None
            )
            if simple:
                relations.add((kind, objection.premises[0], target, to))
            else:
                statements.add(objection.id)  # the conclusion that says the objection holds
                arguments[objection.id] = (list(objection.premises), objection.id)
                relations.add((kind, objection.id, target, to))
                objections(
                    objection.objections, objection.id, objection.id, "undercut", "inference"
                )

    for statement in m.statements.values():
        for reason in statement.reasons:
            arguments[reason.id] = (list(reason.premises), statement.id)
            objections(reason.objections, reason.id, reason.id, "undercut", "inference")
        objections(statement.objections, statement.id, statement.id, "attack", "equivalence-class")
    marks = {
        inference.id: link_fields(inference)
        for statement in m.statements.values()
        for inference in inferences(statement)
        if link_fields(inference)
    }
    starts = {s.title: s.starts for s in m.sections if s.starts is not None}
    return {
        "statements": statements,
        "arguments": arguments,
        "relations": relations,
        "marks": marks,
        "starts": starts,
    }


def _found_argdown(document: dict[str, Any]) -> dict[str, Any]:
    arguments = {}
    for title, argument in document["arguments"].items():
        pcs = argument["pcs"]
        arguments[title] = ([s["title"] for s in pcs[:-1]], pcs[-1]["title"])
    relations = {
        (r["relationType"], r["from"], r["to"], r["toType"])
        for r in document["relations"]
        if r["relationType"] in ("attack", "undercut")
    }
    marks = {
        title: {key: argument["data"][key] for key in ("assumed", "quote") if key in data}
        for title, argument in document["arguments"].items()
        if any(key in (data := argument.get("data") or {}) for key in ("assumed", "quote"))
    }
    headings, starts = list(document.get("sections") or []), {}
    while headings:
        heading = headings.pop()
        headings.extend(heading.get("children") or [])
        if "starts" in (heading.get("data") or {}):
            starts[heading["data"].get("title", heading["title"])] = heading["data"]["starts"]
    return {
        "statements": set(document["statements"]),
        "arguments": arguments,
        "relations": relations,
        "marks": marks,
        "starts": starts,
    }


def test_argdowns_own_cli_reads_what_argmap_writes(tmp_path: Path) -> None:
    """`argdown json` parses the Argdown argmap writes without errors or warnings, and finds the
    same statements, arguments (premises and conclusion) and attack and undercut relations, and
    in the data of arguments and headings the marks Argdown has no syntax for: each link the
    mapper assumed, each connective the author draws a link with, each section's first words."""
    cli = _argdown_cli()
    if cli is None:
        pytest.skip("Argdown's CLI is not on PATH (npm install @argdown/cli, or make argdown-cli)")
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    written = _maps_to_write()
    for name, m in written:
        (source / f"{name}.argdown").write_text(argdown.write(m), encoding="utf-8")
    result = subprocess.run(
        [cli, "json", str(source / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    said = (result.stdout + result.stderr).lower()
    assert "error" not in said
    assert "warn" not in said
    for name, m in written:
        document = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert _found_argdown(document) == _expected_argdown(m), name


def test_arguebuf_reads_what_argmap_writes(tmp_path: Path) -> None:
    """arguebuf loads the AIF argmap writes with no warning, finding as many I-nodes, RA-nodes
    (its Support schemes), CA-nodes (its Attack schemes) and edges as the map has."""
    import arguebuf

    for name, m in _maps_to_write():
        path = tmp_path / f"{name}.json"
        path.write_text(aif.write(m), encoding="utf-8")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            graph = arguebuf.load.file(path)
        assert [str(w.message) for w in caught] == [], name
        schemes = [type(node.scheme).__name__ for node in graph.scheme_nodes.values()]
        assert {
            "I": len(graph.atom_nodes),
            "RA": schemes.count("Support"),
            "CA": schemes.count("Attack"),
            "edges": len(graph.edges),
        } == aif.counts(m), name
        assert len(schemes) == aif.counts(m)["RA"] + aif.counts(m)["CA"]


def test_counts_match_the_model() -> None:
    """aif.counts counts every objection, undercuts of undercuts included."""
    m = load_map(FIXTURES / "aif" / "argument.json")
    every = [o for s in m.statements.values() for o in inferences(s) if isinstance(o, Objection)]
    assert aif.counts(m)["CA"] == len(every) == 3


def test_hostile_text_survives_both_writers() -> None:
    """Text that looks like Argdown syntax, JSON or front matter comes back exactly."""
    m = loads(HOSTILE)
    assert argdown.read("h.argdown", argdown.write(m).encode()) == m
    assert aif.read("h.json", aif.write(m).encode()) == m


@examples(150)
@given(maps())
def test_any_map_survives_argdown_and_aif(m: Map) -> None:
    """argmap -> Argdown -> argmap and argmap -> AIF -> argmap give an equal map, whatever the
    texts (markup, quotes, line breaks, right-to-left script), the shape and the fields: every
    field of the model is drawn, the mapper's `assumed:` links, a reason's quote, a section's
    `starts`, certainty, level, by and grade among them."""
    assert argdown.read("any.argdown", argdown.write(m).encode()) == m
    assert aif.read("any.json", aif.write(m).encode()) == m
