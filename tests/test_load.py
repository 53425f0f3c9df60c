"""The loader builds the model from a map file and reports every problem with its place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.errors import MapError
from argmap.load import MAX_BYTES, load_map, loads
from argmap.model import Code, Kind

HEADER = "argmap: 1\ntitle: T\nstatements:\n"


def problems(text: str | bytes) -> list[str]:
    """The messages the loader gives for a map text, in file order."""
    with pytest.raises(MapError) as caught:
        loads(text, "m.yaml")
    return [str(p) for p in caught.value.problems]


# --- what a map holds -----------------------------------------------------------------------------


def test_short_and_full_forms_build_the_same_model() -> None:
    """A premise id, a list of co-premises and the full form are three spellings of a reason."""
    m = loads(
        HEADER + "  t:\n    thesis: T\n    reasons:\n"
        "      - e\n"
        "      - [e, a]\n"
        "      - id: r3\n        premises: [a]\n        note: why\n        objections: [u]\n"
        "  e: {evidence: E, quote: q, at: 2}\n"
        "  a: {assumption: A}\n"
        "  u: {claim: U}\n"
    )
    t = m.statements["t"]
    assert t.kind is Kind.THESIS
    assert [(r.id, r.premises, r.linked) for r in t.reasons] == [
        ("t.r1", ("e",), False),
        ("t.r2", ("e", "a"), True),
        ("r3", ("a",), False),
    ]
    assert t.reasons[2].note == "why"
    assert [(o.id, o.premises) for o in t.reasons[2].objections] == [("r3.o1", ("u",))]
    assert m.statements["e"].at == 2
    assert m.theses == (t,)


def test_rebuttals_and_their_answers_get_derived_ids() -> None:
    """Objections under a statement are rebuttals numbered `<statement>.o<n>`."""
    m = loads(
        HEADER + "  c:\n    claim: C\n    objections:\n      - x\n"
        "      - premises: [y]\n        objections: [z]\n"
        "  x: {claim: X}\n  y: {claim: Y}\n  z: {claim: Z}\n"
    )
    first, second = m.statements["c"].objections
    assert (first.id, second.id, second.objections[0].id) == ("c.o1", "c.o2", "c.o2.o1")


def test_statement_fields() -> None:
    """Hedges, sections, locators, notes, tags and acknowledgements all reach the model."""
    m = loads(
        "argmap: 1\ntitle: T\nsource: {title: S, date: 2019-10-22}\n"
        "sections: {bg: Background}\nstatements:\n"
        "  c:\n    claim: C\n    hedge: most likely\n    section: bg\n    at: 3\n"
        "    note: n\n    tags: [a, b]\n    ack: {unsupported: the author gives none}\n"
        "  d:\n    claim: D\n    hedge: true\n    at: p. 12\n    reasons: c\n"
    )
    c, d = m.statements["c"], m.statements["d"]
    assert (c.hedge, c.section, c.at, c.note, c.tags) == ("most likely", "bg", 3, "n", ("a", "b"))
    assert [(a.code, a.why) for a in c.acks] == [(Code.UNSUPPORTED, "the author gives none")]
    assert (d.hedge, d.hedged, d.at) == ("", True, "p. 12")
    assert m.source.date == "2019-10-22"  # dates stay as written, never become date objects
    assert m.locator(c) == "Background, para. 3"
    assert m.locator(d) == "p. 12"
    assert c.position is not None
    assert (c.position.line, c.position.column) == (6, 3)


def test_json_maps_are_read_too(tmp_path: Path) -> None:
    """A .json file with the same structure loads like YAML."""
    path = tmp_path / "m.argmap.json"
    path.write_text(
        '{"argmap": 1, "title": "T", "statements": {"t": {"thesis": "T", "reasons": ["e"]},'
        ' "e": {"evidence": "E"}}}'
    )
    assert load_map(path).statements["t"].reasons[0].premises == ("e",)


def test_a_byte_order_mark_is_ignored() -> None:
    """Editors on some systems start UTF-8 files with a BOM."""
    assert loads(b"\xef\xbb\xbf" + (HEADER + "  t: {thesis: T}\n").encode()).title == "T"


# --- mistakes in a map, each reported with its place ----------------------------------------------


def test_every_problem_is_reported_in_one_pass() -> None:
    """All problems of a map come at once, in file order, each with line and column."""
    assert problems(
        "argmap: 1\ntitle: T\nsections: {bg: Background}\nstatements:\n"
        "  c1:\n    claim: One\n    reasons: [e9, [c1, e8]]\n    qoute: x\n    section: bgg\n"
        "  e8: {evidence: E8, ack: {unsuported: x}}\n"
    ) == [
        "m.yaml:7:15: reason c1.r1 names unknown statement 'e9' (did you mean 'e8'?)",
        "m.yaml:7:20: reason c1.r2 names its own claim 'c1'",
        "m.yaml:8:5: unknown field 'qoute' in statement 'c1' (did you mean 'quote'?)",
        "m.yaml:9:14: unknown section 'bgg' (did you mean 'bg'?)",
        "m.yaml:10:28: unknown finding code 'unsuported' in 'ack' (did you mean 'unsupported'?)",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: T\nstatements: {t: {thesis: T}}\n",
            "m.yaml:1:1: the map has no 'argmap'",
        ),
        (
            "argmap: 2\ntitle: T\nstatements: {t: {thesis: T}}\n",
            "m.yaml:1:9: 'argmap' must be the format version 1, not the number 2",
        ),
        (
            HEADER + "  t: {thesis: [a, b]}\n",
            "m.yaml:4:15: the text of statement 't' must be text, not a list",
        ),
        (
            HEADER + "  t: {note: hi}\n",
            "m.yaml:4:6: statement 't' has no text: give it one of thesis, claim, evidence, "
            "assumption",
        ),
        (
            HEADER + "  t: {claim: A, evidence: B}\n",
            "m.yaml:4:17: statement 't' has two kinds, claim and evidence: keep one",
        ),
        (
            HEADER + "  t: {thesis: T}\n  t: {claim: C}\n",
            "m.yaml:5:3: duplicate key 't' in 'statements' (first at line 4)",
        ),
        (
            HEADER + "  t: {thesis: T, reasons: [{id: t, premises: u}]}\n  u: {claim: U}\n",
            "m.yaml:4:28: id 't' is already a statement's (line 4)",
        ),
        (
            HEADER + "  t: {thesis: T, reasons: [{id: r, premises: u}, {id: r, premises: u}]}\n"
            "  u: {claim: U}\n",
            "m.yaml:4:50: duplicate id 'r' (first at line 4)",
        ),
        (
            HEADER + "  t: {thesis: T, objections: [t]}\n",
            "m.yaml:4:31: objection t.o1 names its own target 't'",
        ),
        (
            HEADER + "  t: {thesis: T, reasons: [t]}\n",
            "m.yaml:4:28: reason t.r1 names its own thesis 't'",
        ),
        (
            HEADER + "  t: {thesis: T, objections: [{id: o, premises: e, nots: x}]}\n",
            "m.yaml:4:52: unknown field 'nots' in an objection of 't' (did you mean 'note'?)",
        ),
        (
            HEADER + "  t: {thesis: T, type: claim}\n",
            "m.yaml:4:18: unknown field 'type' in statement 't' (the fields are thesis, claim, "
            "evidence, assumption, reasons, objections, quote, at, section, hedge, certainty, "
            "level, by, grade, note, tags, ack)",
        ),
        (
            HEADER
            + "  t: {thesis: T, reasons: [r1]}\n"
            + "  u: {claim: U, reasons: [{id: r1, premises: t}]}\n",
            "m.yaml:4:28: reason t.r1 names 'r1', which is a reason or objection, not a statement",
        ),
        (
            HEADER + "  bad id: {thesis: T}\n",
            "m.yaml:4:3: statement id 'bad id' is not a valid id: use letters, digits, '_', '-' "
            "and '.', starting with a letter or digit",
        ),
        (
            HEADER + "  t: {thesis: T, at: 0}\n",
            "m.yaml:4:22: the paragraph number of statement 't' must be 1 or more",
        ),
        (
            HEADER + "  t: {thesis: '  '}\n",
            "m.yaml:4:15: the text of statement 't' must not be empty",
        ),
        (
            HEADER + "  t: {thesis: T, reasons: [[]]}\n",
            "m.yaml:4:28: reason t.r1 has an empty list of premises",
        ),
        (
            "argmap: 1\ntitle: T\nstatements: {}\n",
            "m.yaml:3:13: 'statements' is empty: a map needs at least one statement",
        ),
    ],
)
def test_each_mistake_has_a_clear_message(text: str, message: str) -> None:
    """Wrong types, missing and unknown fields, duplicate and dangling ids name their place."""
    assert message in problems(text)


# --- bad input of any kind: a message and exit code 2, never a traceback -------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER + "\tt: {thesis: T}\n", "m.yaml:4:1: a tab indents this line"),
        (HEADER + "  t:\n    thesis: T\n\treasons: [e]\n", "m.yaml:6:1: a tab indents this line"),
        (
            HEADER + "  t:\n    thesis: T\n    reasons:\n    -\te\n  e: {evidence: E}\n",
            "m.yaml:7:6: a tab separates the parts of this line",
        ),
    ],
    ids=["statement", "field", "inside-a-line"],
)
def test_a_tab_where_yaml_refuses_one_is_called_a_tab(text: str, message: str) -> None:
    """YAML indents with spaces only; a tab there is named as a tab with the fix, not as
    PyYAML's "found character that cannot start any token"."""
    (found,) = problems(text)
    assert found.startswith(message)
    assert "replace" in found
    assert "cannot start any token" not in found


def test_a_tab_inside_quoted_text_is_text() -> None:
    """Where YAML takes a tab (inside quotes), it is part of the text."""
    assert loads(HEADER + '  t: {thesis: "a\tb"}\n').statements["t"].text == "a\tb"


def _deep(levels: int) -> str:
    return "argmap: 1\ntitle: T\nstatements: " + "[" * levels + "]" * levels + "\n"


def _alias_bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "m.argmap.yaml:1:1: empty map: expected a mapping with argmap, title and statements"),
        (b"# only a comment\n", "m.argmap.yaml:1:1: empty map"),
        (b"argmap: 1\n\x00\x01\x02", "m.argmap.yaml:2:1: binary file: it contains a NUL byte"),
        (b"title: caf\xe9\n", "m.argmap.yaml:1:11: not UTF-8 text: byte 0xe9 cannot be decoded"),
        (b"- a\n- b\n", "m.argmap.yaml:1:1: the top level of a map must be a mapping, not a list"),
        (b"just text\n", "m.argmap.yaml:1:1: the top level of a map must be a mapping, not 'just"),
        (
            b"argmap: !!python/object:os.system {}\n",
            "m.argmap.yaml:1:9: YAML tags are not allowed in a map: "
            "remove '!!python/object:os.system'",
        ),
        (_alias_bomb().encode(), "m.argmap.yaml:1:5: YAML anchors are not allowed in a map"),
        (b"a: *x\n", "m.argmap.yaml:1:4: YAML aliases are not allowed in a map"),
        (
            _deep(5000).encode(),
            "m.argmap.yaml:3:1012: YAML syntax error: exceeded maximum nesting depth",
        ),
        (_deep(100).encode(), "m.argmap.yaml:3:76: nested more than 64 levels deep"),
        (b"argmap: 1\ntitle: [unclosed\n", "m.argmap.yaml:3:1: YAML syntax error"),
        (b"a: 1\n---\nb: 2\n", "m.argmap.yaml:2:1: more than one YAML document"),
    ],
    ids=[
        "empty",
        "comment-only",
        "binary",
        "invalid-utf8",
        "top-level-list",
        "top-level-scalar",
        "python-tag",
        "alias-bomb",
        "undefined-alias",
        "nesting-5000-deep",
        "nesting-100-deep",
        "syntax-error",
        "two-documents",
    ],
)
def test_bad_input_ends_in_one_line_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, message: str
) -> None:
    """Through the command line, every kind of bad file gives FILE:LINE:COL: message, exit 2."""
    path = tmp_path / "m.argmap.yaml"
    path.write_bytes(data)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "m.argmap.yaml"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of hundreds of MB is refused by its size, in constant memory."""
    path = tmp_path / "huge.argmap.yaml"
    with path.open("wb") as file:
        file.truncate(300 * 2**20)  # sparse: takes no disk space
    with pytest.raises(MapError) as caught:
        load_map(path)
    message = "file too large: 300 MiB (a map may have at most 64 MiB)"
    assert MAX_BYTES == 64 * 2**20
    assert str(caught.value) == f"{path}:1:1: {message}"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "huge.argmap.yaml"])
    assert result.exit_code == 2
    assert f"huge.argmap.yaml:1:1: {message}" in result.output


def test_a_file_of_millions_of_tiny_values_is_refused_with_bounded_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading stops at the first value past the limit, so a small file of tiny values cannot
    take gigabytes of memory (the limit is lowered here to keep the test small)."""
    monkeypatch.setattr("argmap.load.nodes.MAX_NODES", 100)
    assert problems("x: [" + "1, " * 200 + "1]\n") == [
        "m.yaml:1:296: more than 100 values: too large for a map"
    ]


def test_a_pipe_is_refused_instead_of_waiting_for_it(tmp_path: Path) -> None:
    """A named pipe would block the reader forever; it is refused at once."""
    pipe = tmp_path / "map.argmap.yaml"
    os.mkfifo(pipe)
    with pytest.raises(MapError) as caught:
        load_map(pipe)
    assert str(caught.value) == (
        f"{pipe}:1:1: not a regular file (a pipe or a device); save it to a file"
    )


def test_a_directory_or_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    """Paths that are no readable file are reported, not raised as OSError."""
    with pytest.raises(MapError, match="is a directory"):
        load_map(tmp_path)
    with pytest.raises(MapError, match=r"missing.yaml:1:1: no such file\Z"):
        load_map(tmp_path / "missing.yaml")


def test_standard_input_is_not_a_map_file() -> None:
    """`argmap check -` says that maps are read from files, instead of 'no such file'."""
    with pytest.raises(MapError) as caught:
        load_map("-")
    assert str(caught.value) == (
        "-:1:1: a map is read from a file, not from standard input: name the file"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEADER + '  t: {thesis: "bell\\a"}\n',
            "m.yaml:4:15: the text of statement 't' contains the control character U+0007; "
            "a map holds printable text, tabs and line breaks",
        ),
        (
            HEADER + '  t: {thesis: "nul\\0"}\n',
            "m.yaml:4:15: the text of statement 't' contains the control character U+0000; "
            "a map holds printable text, tabs and line breaks",
        ),
        (
            HEADER + "  t: {thesis: T, at: " + "9" * 5000 + "}\n",
            "m.yaml:4:22: the paragraph number of statement 't' is too large",
        ),
        (
            HEADER + "  t: {thesis: T, reasons: [[e, e]]}\n  e: {evidence: E}\n",
            "m.yaml:4:32: reason t.r1 names 'e' twice",
        ),
    ],
    ids=["bell", "nul-escape", "huge-paragraph-number", "premise-twice"],
)
def test_texts_and_numbers_a_map_cannot_hold(text: str, message: str) -> None:
    """Control characters (which no picture or terminal can show), paragraph numbers of thousands
    of digits and a premise named twice are refused with their place."""
    assert problems(text) == [message]


def test_tabs_and_line_breaks_are_text() -> None:
    """Tabs and line breaks are ordinary parts of a text."""
    assert loads(HEADER + '  t: {thesis: "a\\tb\\nc"}\n').statements["t"].text == "a\tb\nc"
