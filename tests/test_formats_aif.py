"""Reading and writing AIF JSON: I-, RA-, CA-, MA- and PA-nodes and the dialogue layer on a small
hand-made file, every bad input with its place, and round trips through the AIF argmap writes."""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis import check
from argmap.errors import MapError
from argmap.formats import aif
from argmap.formats.json_scan import Scanned, scan
from argmap.load import load_map
from argmap.model import Code, Kind
from strategies import examples

FIXTURES = Path(__file__).parent / "fixtures" / "aif"
MAPS = sorted((Path(__file__).resolve().parents[1] / "maps").glob("*.argmap.yaml"))


def test_nodes_become_statements_reasons_and_objections() -> None:
    """I-nodes are statements with their nodeIDs as ids; an RA-node is a reason (its incoming
    I-nodes linked premises); a CA-node at an I-node is a rebuttal, at an RA-node an undercut, at
    a CA-node an objection to that objection; a scheme's name is kept as the reason's note."""
    m = load_map(FIXTURES / "argument.json")
    assert list(m.statements) == ["1", "2", "3", "5", "7", "9", "11", "13"]
    thesis = m.statements["1"]
    assert thesis.kind is Kind.THESIS
    (reason,) = thesis.reasons
    assert (reason.id, reason.premises, reason.linked) == ("4", ("2", "3"), True)
    assert [(o.id, o.premises) for o in reason.objections] == [("8", ("7",))]
    (rebuttal,) = thesis.objections
    assert (rebuttal.id, rebuttal.premises) == ("6", ("5",))
    assert [(o.id, o.premises) for o in rebuttal.objections] == [("10", ("9",))]
    example = m.statements["2"].reasons[0]
    assert (example.premises, example.note) == (("11",), "AIF scheme: Argument From Example")


def test_rephrase_and_preference_are_notes_and_dialogue_is_left_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """MA- and PA-nodes become notes on their source statement, each said in a notice; L-, YA-
    and TA-nodes and their edges are left out, and the notice counts them."""
    with caplog.at_level(logging.INFO, logger="argmap.formats"):
        m = load_map(FIXTURES / "argument.json")
    assert m.statements["13"].note == "AIF MA-node 14: rephrases '2'."
    assert m.statements["1"].note == "AIF PA-node 15: is preferred to '5'."
    name = FIXTURES / "argument.json"
    assert caplog.messages == [
        f"{name}: note: kept 1 MA-node (rephrase) as notes on statements",
        f"{name}: note: kept 1 PA-node (preference) as notes on statements",
        f"{name}: note: left out the dialogue layer: 3 nodes (1 L, 1 YA, 1 TA) and 3 edges",
    ]


def test_default_kinds_and_leaves_as_evidence() -> None:
    """Without argmap's own fields, a leaf is a claim (so check shows where support runs out), or
    evidence with leaves=evidence; what nothing rests on is a thesis."""
    assert load_map(FIXTURES / "argument.json").statements["3"].kind is Kind.CLAIM
    given = load_map(FIXTURES / "argument.json", leaves="evidence")
    assert given.statements["3"].kind is Kind.EVIDENCE
    assert given.statements["2"].kind is Kind.CLAIM


def test_a_support_cycle_loads_and_check_reports_it() -> None:
    """A ring of reasons is a map argmap can hold: check, not the reader, reports it."""
    report = check(load_map(FIXTURES / "circular.json"))
    assert Code.CIRCULAR in {finding.code for finding in report.findings}


BAD = [
    ("not-json", "1:56: not valid JSON: Expecting value"),
    ("not-an-object", "1:1: AIF JSON is an object with a list of 'nodes' and of 'edges'"),
    ("no-edges", "1:1: AIF JSON needs a list of 'edges' beside its 'nodes'"),
    ("no-nodes", "1:1: 'statements' is empty: a map needs at least one statement"),
    ("node-not-object", "1:12: each of 'nodes' must be an object with nodeID, type, text"),
    ("node-without-id", "1:12: node has no 'nodeID' (a string or a number)"),
    ("duplicate-id", "3:3: duplicate nodeID '1' (first at line 2)"),
    (
        "unknown-type",
        "1:12: node '1' has type 'X': AIF nodes are I, RA, CA, MA, PA (or the dialogue's L, YA, "
        "TA)",
    ),
    ("i-node-without-text", "1:12: I-node '1' has no text"),
    ("edge-names-missing-node", "3:3: RA-node '2' has no premise"),
    ("edge-without-ends", "1:77: edge needs a 'fromID' and a 'toID'"),
    ("edge-to-itself", "1:77: edge from node '1' to itself"),
    (
        "i-to-i",
        "1:111: edge from I-node '1' straight to I-node '2': in AIF an RA- or CA-node stands "
        "between two statements",
    ),
    ("ra-to-ra", "1:146: RA-node 'r2' has no premise"),
    ("ra-without-premise", "1:56: RA-node 'r' has no premise"),
    ("ra-two-conclusions", "1:144: RA-node 'r' has 2 conclusions: it needs one"),
    ("ca-without-target", "1:56: CA-node 'c' has no targets: it needs one"),
    (
        "ca-ring",
        "1:190: CA-nodes 'c2', 'c1' attack each other in a ring: argmap's objections form a tree",
    ),
    ("ra-concludes-its-premise", "1:100: reason 'r' names its own claim '1'"),
    (
        "assumed-not-a-flag",
        "1:100: the argmap 'assumed' of RA-node 'r' must be true or false, not 'yes'",
    ),
    (
        "assumed-with-quote",
        "1:100: objection 'c' is assumed by the mapper, so it cannot carry the author's words as "
        "its 'quote': write 'premises' for a link the author draws",
    ),
    ("section-starts-empty", "1:1: the start of section 's' must not be empty"),
    (
        "bad-argmap-field",
        "1:12: the argmap kind of I-node '1' must be one of thesis, claim, evidence, assumption, "
        "not 'fact'",
    ),
]


@pytest.mark.parametrize(("name", "expected"), BAD, ids=[name for name, _ in BAD])
def test_bad_aif_is_refused_with_its_place(name: str, expected: str) -> None:
    """Each bad input is a MapError whose first problem is FILE:LINE:COL: message."""
    path = FIXTURES / "bad" / f"{name}.json"
    with pytest.raises(MapError) as raised:
        load_map(path, form="aif")
    assert str(raised.value.problems[0]) == f"{path}:{expected}"


def test_every_problem_of_a_file_is_reported() -> None:
    """An edge to a missing node and the RA-node it leaves without premise: both, in order."""
    path = FIXTURES / "bad" / "edge-names-missing-node.json"
    with pytest.raises(MapError) as raised:
        load_map(path)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}:3:3: RA-node '2' has no premise",
        f"{path}:6:3: edge names node '9', which is not in 'nodes'",
    ]


def test_every_bad_fixture_is_tested() -> None:
    """No bad-input file lies in the folder untested."""
    assert sorted(p.stem for p in (FIXTURES / "bad").glob("*.json")) == sorted(n for n, _ in BAD)


# --- writing --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_argmap_to_aif_and_back_is_the_same_map(path: Path) -> None:
    """argmap -> AIF -> argmap gives an equal map: what AIF has no field for travels in the
    documented `argmap` objects."""
    original = load_map(path)
    assert aif.read("again.json", aif.write(original).encode()) == original


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_plain_aif_keeps_the_structure(path: Path) -> None:
    """Without the `argmap` objects (as another tool may drop them), the same statements,
    texts, reasons and objections come back; kinds follow the default rule."""
    original = load_map(path)
    document = json.loads(aif.write(original))
    for node in document["nodes"]:
        node.pop("argmap", None)
    del document["argmap"]
    again = aif.read("plain.json", json.dumps(document).encode())
    assert list(again.statements) == list(original.statements)
    for sid, statement in original.statements.items():
        back = again.statements[sid]
        assert back.text == statement.text
        assert [r.premises for r in back.reasons] == [r.premises for r in statement.reasons]
        assert [o.premises for o in back.objections] == [o.premises for o in statement.objections]


def test_writing_is_deterministic_json() -> None:
    """The same map gives the same bytes, and they are JSON with nodes and edges."""
    text = aif.write(load_map(MAPS[0]))
    assert text == aif.write(load_map(MAPS[0]))
    document = json.loads(text)
    assert set(document) == {"nodes", "edges", "locutions", "argmap"}


# --- reading the JSON once ------------------------------------------------------------------------

_SPACES = st.sampled_from(["", " ", "\n  ", "\t", "\r\n"])
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)
_KEYS = st.sampled_from(["nodes", "edges", "argmap", "nodes "]) | st.text(max_size=4)


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, dict[str, list[int]]]:
    """The text of a JSON object, its keys repeated at times and its white space anywhere, and
    where each element of its top-level arrays named nodes and edges starts (of the last array of
    each name: a later value that is no list leaves them, and the reader refuses that value)."""
    text, starts = draw(_SPACES) + "{", {}
    for number in range(draw(st.integers(0, 4))):
        key = draw(_KEYS)
        text += ("," if number else "") + draw(_SPACES) + json.dumps(key) + draw(_SPACES) + ":"
        text += draw(_SPACES)
        if key in ("nodes", "edges") and draw(st.booleans()):
            text, found = text + "[", []
            for index, item in enumerate(draw(st.lists(_VALUES, max_size=4))):
                text += ("," if index else "") + draw(_SPACES)
                found.append(len(text))
                text += json.dumps(item)
            text += draw(_SPACES) + "]"
            starts[key] = found
        else:  # any value but a list (whose elements would be placed)
            text += json.dumps(draw(_VALUES.filter(lambda value: not isinstance(value, list))))
        text += draw(_SPACES)
    return text + "}" + draw(_SPACES), starts


@examples(300)
@given(_documents())
def test_the_json_read_once_is_what_json_reads_with_its_places(
    document: tuple[str, dict[str, list[int]]],
) -> None:
    """One reading of an AIF file gives json's own value and where each node and edge starts."""
    text, starts = document
    scanned = scan(text)
    assert scanned.document == json.loads(text)
    assert scanned.starts == starts


@examples(300)
@given(_documents(), st.integers(0, 10**6), st.sampled_from(["", ",", "}", "]", '"', "x", "{"]))
def test_broken_json_read_once_gets_jsons_own_error(
    document: tuple[str, dict[str, list[int]]], where: int, put: str
) -> None:
    """Text cut or changed anywhere reads as json.loads reads it: the same value, or the same
    error at the same place."""
    text = document[0]
    where %= len(text) + 1
    text = text[:where] + put + text[where + 1 :]
    assert _outcome(scan, text) == _outcome(json.loads, text)


def _outcome(reader: Callable[[str], object], text: str) -> object:
    """The value ``reader`` reads from ``text`` (a Scanned's document), or its JSON error."""
    try:
        value = reader(text)
    except json.JSONDecodeError as error:
        return ("error", error.msg, error.pos)
    return value.document if isinstance(value, Scanned) else value


def test_an_aif_file_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sniffing that finds a .json file to be AIF reads it, and the reader takes what it read:
    the JSON of a large AIF file is parsed once, not once to sniff and again to read."""
    from argmap.formats import json_scan

    calls: list[int] = []

    def counted(text: str) -> json_scan.Scanned:
        calls.append(len(text))
        return scan(text)

    monkeypatch.setattr(json_scan, "scan", counted)
    monkeypatch.setattr(importlib.import_module("argmap.formats.aif.read"), "scan", counted)
    m = load_map(FIXTURES / "argument.json")
    assert list(m.statements)[:2] == ["1", "2"]
    assert len(calls) == 1
