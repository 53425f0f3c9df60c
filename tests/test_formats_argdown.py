"""Reading Argdown: each construct of Argdown 1.x on a small hand-made file, every bad input with
its place, and the Argdown that argmap writes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import MapError
from argmap.formats import Leaves, argdown
from argmap.formats.argdown import inline
from argmap.formats.argdown.gathered import Part
from argmap.load import load_map
from argmap.model import Kind, Map
from strategies import examples

FIXTURES = Path(__file__).parent / "fixtures" / "argdown"
MAPS = sorted((Path(__file__).resolve().parents[1] / "maps").glob("*.argmap.yaml"))


def load(name: str, leaves: str | None = None) -> Map:
    return load_map(FIXTURES / name, leaves=leaves)


def premises(m: Map, sid: str) -> list[tuple[str, ...]]:
    return [reason.premises for reason in m.statements[sid].reasons]


def attackers(m: Map, sid: str) -> list[tuple[str, ...]]:
    return [objection.premises for objection in m.statements[sid].objections]


def test_front_matter_gives_the_title_and_source() -> None:
    """title becomes the map's title; author (a list joined), date, url and sourceTitle the
    source's; a map without front matter is titled after its file."""
    m = load("front-matter.argdown")
    assert m.title == "School start times"
    assert m.source.title == "Northfield tries later bells"
    assert m.source.author == "A. Reporter, B. Editor"
    assert m.source.date == "2025-03-01"
    assert m.source.url == "https://example.org/bells"  # '//' in front matter is no comment
    assert load("kinds.argdown").title == "kinds"


def test_headings_become_sections_with_their_path() -> None:
    """Each heading is a section titled with the path of the headings above it; a statement
    belongs to the section it is first given its text in; {id: ...} names the section."""
    m = load("headings.argdown")
    assert [(s.id, s.title) for s in m.sections] == [
        ("Background", "Background"),
        ("trial", "Background / The trial"),
        ("Objections", "Objections"),
    ]
    assert m.statements["sleep"].section == "Background"
    assert m.statements["slept-more"].section == "trial"
    assert m.statements["buses"].section == "Objections"
    assert premises(m, "sleep") == [("slept-more",)]


def test_statements_titled_untitled_and_equivalent() -> None:
    """A title becomes the id; an untitled statement in a relation gets untitled-N; a title given
    again with other words keeps the first as text and the others in the note; prose that
    nothing uses is left out, with a notice."""
    m = load("statements.argdown")
    assert list(m.statements) == ["later", "untitled-1", "mood"]
    assert m.statements["untitled-1"].text == "Students would sleep longer."
    assert m.statements["mood"].text == "Students would be in a better mood."
    assert m.statements["mood"].note == "Also worded: Pupils would be more cheerful in class."


def test_prose_left_out_is_said(caplog: pytest.LogCaptureFixture) -> None:
    """The notice counts the untitled statements that nothing uses."""
    with caplog.at_level(logging.INFO, logger="argmap.formats"):
        load("statements.argdown")
    assert caplog.messages == [
        f"{FIXTURES / 'statements.argdown'}: note: left out 1 untitled statement that no relation "
        "or argument uses (prose; Argdown's own map leaves them out too)"
    ]


def test_a_reconstruction_gives_one_linked_reason_per_inference() -> None:
    """Numbered premises and inference lines: each step is a reason (linked when it has several
    premises) for the statement below it; `uses` picks the premises; a later step starts from the
    previous conclusion; the last step keeps the argument's title as its id and its description
    (and inference rule) as its note."""
    m = load("reconstruction.argdown")
    first = m.statements["more-sleep"].reasons[0]
    assert (first.id, first.premises) == ("Sleep-argument.1", ("start", "sleep-follows"))
    assert first.note == "Inference: Modus ponens"
    last = m.statements["learn"].reasons[0]
    assert (last.id, last.premises) == ("Sleep-argument", ("more-sleep", "sleep-helps"))
    assert last.linked
    assert last.note == (
        "Later starts mean more sleep, and sleep helps learning.\n\n"
        "Inference: Modus ponens, written over two lines"
    )
    short = m.statements["outside"].reasons[0]
    assert (short.id, short.premises, short.note) == ("Short-argument", ("sunny",), None)


def test_every_relation_marker_in_both_directions() -> None:
    """+ and <+ support the parent, +> is supported by it; - <- attack it, -> is attacked by it;
    >< is a rebuttal both ways; _ <_ undercut the parent argument, _> undercuts the child."""
    m = load("relations.argdown")
    reasons_of_a = m.statements["a"].reasons
    assert [r.premises for r in reasons_of_a] == [("b",), ("c",), ("Arg.gist",)]
    assert attackers(m, "a") == [("d",), ("e",), ("h",)]
    assert premises(m, "f") == [("a",)]
    assert attackers(m, "g") == [("a",)]
    assert attackers(m, "h") == [("a",)]
    arg = reasons_of_a[2]
    assert arg.id == "Arg"
    assert [o.premises for o in arg.objections] == [("Undercutter.gist",), ("i",)]
    other = m.statements["g"].reasons[0]
    assert [o.premises for o in other.objections] == [("j",)]


def test_relations_between_arguments_and_statements() -> None:
    """A sketched argument stands for its description (a statement `<title>.gist`); an argument
    with a reconstruction acts through its conclusion, and is attacked or supported at its first
    premise; its support of its own conclusion is not counted twice."""
    m = load("arguments-and-statements.argdown")
    thesis = m.statements["thesis"]
    assert [(r.id, r.premises) for r in thesis.reasons] == [
        ("Sketched", ("Sketched.gist",)),
        ("Reconstructed", ("p1", "p2")),
    ]  # in the file's order: the sketched relation is written before the reconstruction
    assert thesis.reasons[1].note == "Its description is kept as the note."
    assert m.statements["Sketched.gist"].text.startswith("A sketched argument")
    assert attackers(m, "Sketched.gist") == [("Attacker.gist",)]
    assert premises(m, "Sketched.gist") == [("p1",)]
    assert attackers(m, "rival") == [("thesis",)]


def test_tags_data_comments_and_emphasis() -> None:
    """#tag and #(tag words) become tags (kind tags become the kind); {data} gives kind, hedge,
    quote, at; comments of all three kinds are dropped; Markdown emphasis stays as written."""
    m = load("tags-data-comments.argdown")
    fact = m.statements["fact"]
    assert fact.kind is Kind.EVIDENCE
    assert fact.text == "Late arrivals fell from sixty to __twenty-five__ a week."
    assert fact.tags == ("trial term", "school")
    assert (fact.quote, fact.at) == ("from sixty to twenty-five", 3)
    fewer = m.statements["fewer-late"]
    assert (fewer.kind, fewer.hedge, fewer.text) == (
        Kind.CLAIM,
        "probably",
        "Fewer students would *arrive late*.",
    )
    assert m.statements["later"].text == "Northfield should start at nine."
    assert m.statements["later"].kind is Kind.THESIS
    assert m.statements["guess"].kind is Kind.ASSUMPTION
    assert premises(m, "guess") == [("fact",)]


def test_default_kinds_and_leaves_as_evidence() -> None:
    """Untagged: a statement nothing rests on is a thesis, one with reasons a claim, a leaf a
    claim, or evidence with leaves=evidence; a kind tag always wins."""
    kinds = {sid: s.kind for sid, s in load("kinds.argdown").statements.items()}
    assert kinds == {
        "root": Kind.THESIS,
        "middle": Kind.CLAIM,
        "leaf": Kind.CLAIM,
        "given": Kind.EVIDENCE,
    }
    assert load("kinds.argdown", leaves="evidence").statements["leaf"].kind is Kind.EVIDENCE


BAD = [
    ("unclosed-comment", "2:20: comment '<!--' is never closed with '-->'"),
    ("unclosed-front-matter", "1:1: front matter '===' is never closed with '==='"),
    ("front-matter-yaml", "2:1: front matter is not valid YAML: did not find expected ',' or ']'"),
    ("front-matter-list", "2:1: front matter must be a YAML mapping (title: ...)"),
    ("unclosed-title", "2:5: '[' opens a statement title that is not closed by ']'"),
    ("unclosed-argument-title", "2:5: '<' opens an argument title that is not closed by '>'"),
    ("empty-title", "2:5: empty statement title"),
    (
        "relation-starts-block",
        "3:3: relation '+' starts a block: put it under the statement or argument it relates "
        "to, without a blank line between",
    ),
    (
        "relation-not-indented",
        "2:3: relation '+' is indented no deeper than what it would relate to: indent it under "
        "a statement or argument",
    ),
    ("empty-relation", "2:4: a relation needs a statement or argument after it"),
    (
        "inference-outside-argument",
        "2:1: an inference line '--' belongs in an argument, after its numbered premises",
    ),
    (
        "unclosed-inference",
        "3:1: an inference line '--' belongs in an argument, after its numbered premises",
    ),
    (
        "no-inference",
        "3:1: the numbered statements of <A> have no inference line '--' before the conclusion",
    ),
    (
        "no-premises",
        "3:1: an inference line '--' belongs in an argument, after its numbered premises",
    ),
    ("no-conclusion", "4:1: an inference '--' needs a conclusion below it"),
    ("uses-unknown", "4:1: 'uses' names (7), but no statement (7) is above this inference"),
    ("uses-not-numbers", "4:3: 'uses' must be a list of premise numbers, like [1, 2]"),
    ("reconstructed-twice", "9:1: <A> is reconstructed twice (first at line 3)"),
    ("argument-as-premise", "3:1: a numbered line of an argument must be a statement"),
    (
        "undercut-statement",
        "2:3: an undercut attacks an argument's inference, not a statement ([a])",
    ),
    (
        "undercut-nothing",
        "2:3: <A> supports or attacks nothing, so it has no inference to undercut",
    ),
    ("two-kinds", "1:1: [a] is tagged with two kinds, evidence and thesis: keep one"),
    (
        "unknown-kind",
        "1:19: kind must be one of thesis, claim, evidence, assumption, not 'fact'",
    ),
    ("unclosed-data", "1:19: data '{' is not closed by '}'"),
    ("data-yaml", "1:19: data {...} is not valid YAML: did not find expected ',' or ']'"),
    ("data-bad-value", "1:19: the paragraph number of statement 'a' must be 1 or more"),
    (
        "assumed-not-a-flag",
        "5:5: the mark 'assumed' of argument <r> must be true or false, not 'yes'",
    ),
    (
        "assumed-with-quote",
        "5:21: reason 'r' is assumed by the mapper, so it cannot carry the author's words as its "
        "'quote': write 'premises' for a link the author draws",
    ),
    ("reason-quote-not-text", "5:5: the quote of reason 'r' must be text, not a list"),
    ("section-starts-empty", "1:14: the start of section 'Background' must not be empty"),
    ("never-given-text", "2:5: [b] is never given a text: write [b]: its text"),
    ("supports-itself", "2:3: reason 'a.r1' names its own claim 'a'"),
    ("empty", "1:1: 'statements' is empty: a map needs at least one statement"),
    ("not-utf8", "2:26: not UTF-8 text: byte 0xff cannot be decoded"),
    ("binary", "1:18: binary file: it contains a NUL byte; a map is UTF-8 text"),
]


@pytest.mark.parametrize(("name", "expected"), BAD, ids=[name for name, _ in BAD])
def test_bad_argdown_is_refused_with_its_place(name: str, expected: str) -> None:
    """Each bad input is a MapError whose first problem is FILE:LINE:COL: message."""
    path = FIXTURES / "bad" / f"{name}.argdown"
    with pytest.raises(MapError) as raised:
        load_map(path)
    assert str(raised.value.problems[0]) == f"{path}:{expected}"


def test_every_bad_fixture_is_tested() -> None:
    """No bad-input file lies in the folder untested."""
    files = sorted(p.stem for p in (FIXTURES / "bad").glob("*.argdown"))
    assert files == sorted(name for name, _ in BAD)


# --- the text inside a line ----------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\u3000",
        "\u00a0",
        "word",
        "Dot.",
        "x",
        "#",
        "#tag",
        "#a-b",
        "#(two words)",
        "#()",
        "#\u00e9t\u00e9",
        "{",
        "}",
        "{}",
        "{a: 1}",
        '{at: 3, quote: "x y"}',
        '{note: "\\u0023 no tag"}',
        '{q: "\\x3d"}',
        "{a: 1, }",
        "{a: [1]}",
        "{a: 01}",
        "{a: true}",
        '"',
        "'",
        ":",
        ",",
        "\\",
        "\\#",
        "[",
        "]",
        "0",
        "-1",
        "true",
    ]
)


def _taken(taker: object, text: str) -> tuple[str, list[str], dict[str, object], object]:
    """What ``taker`` (the one match, or token by token) takes from ``text``."""
    part = Part(3, 7, text)
    if taker is inline.simple:
        taken = inline.simple(part)
        assert taken is not None
        return " ".join(taken.text.split()), taken.tags, taken.data, taken.data_place
    into = inline.Gathering()
    problems: list[tuple[int, int, str]] = []
    inline.tokens(part, lambda *problem: problems.append(problem), into)
    assert not problems
    return " ".join("".join(into.words).split()), into.tags, into.data, into.data_place


_WORDS = st.lists(st.sampled_from(["word", "Dot.", " ", "\u00a0", "x:y", "'", '"']), max_size=4)
_TAGS = st.lists(st.sampled_from([" #tag", "#a-b", " #(two words)", " #()", "\u3000#\u00e9"]))
_DATA = st.sampled_from(["", " {}", "{a: 1}", ' {at: 3, quote: "x y", at: 4}', '{q: "\\x3d"}'])
_SHAPED = st.tuples(_WORDS, _TAGS, _DATA, st.lists(_PIECES, max_size=2)).map(
    lambda parts: "".join([*parts[0], *parts[1], parts[2], *parts[3]])
)
"""Text mostly in the shape argmap writes, now and then with a piece of anything after it."""


@examples(300)
@given(st.lists(_PIECES, max_size=12).map("".join) | _SHAPED)
def test_a_line_taken_in_one_match_reads_as_token_by_token(text: str) -> None:
    """Text the way argmap writes it (words, tags, a flat data block) is taken apart in one match;
    whatever that match takes gives the same words, tags, data and data place as the reading
    token by token that every other text gets."""
    if inline.simple(Part(3, 7, text)) is not None:
        assert _taken(inline.simple, text) == _taken(inline.tokens, text)


def test_the_text_argmap_writes_is_taken_in_one_match() -> None:
    """The words, tags and data of a written statement need no token-by-token reading."""
    written = 'Words of it. #evidence #(two words) {quote: "a \\u0023 b", at: 3}'
    assert _taken(inline.simple, written) == (
        "Words of it.",
        ["evidence", "two words"],
        {"quote": "a # b", "at": 3},
        (3, 7 + written.index("{")),
    )
    assert inline.simple(Part(1, 1, "C# is #(not closed")) is None


@examples(200)
@given(
    st.text().map(lambda s: s.replace('"', "").replace("\\", "")) | st.sampled_from(["\t", "é\x7f"])
)
def test_a_string_in_flat_data_reads_as_json_reads_it(inside: str) -> None:
    """A string of a flat data block without escapes is its characters, as JSON reads it; one
    that JSON refuses (a control character in it) is left to YAML, as every other data is."""
    raw = f'"{inside}"'
    try:
        expected: dict[str, object] | None = {"a": json.loads(raw)}
    except ValueError:
        expected = None
    assert inline._flat_items(f"{{a: {raw}}}") == expected


# --- writing --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_argmap_to_argdown_and_back_is_the_same_map(path: Path) -> None:
    """argmap -> Argdown -> argmap gives an equal map: ids, kinds, texts, reasons, objections,
    notes, hedges, quotes, locators, sections, tags, acknowledgements, title and source."""
    original = load_map(path)
    again = argdown.read("again.argdown", argdown.write(original).encode())
    assert again == original


def test_writing_is_deterministic() -> None:
    """The same map gives the same bytes."""
    m = load_map(MAPS[0])
    assert argdown.write(m) == argdown.write(load_map(MAPS[0]))


def test_text_cannot_become_argdown_syntax() -> None:
    """Titles, tags, relations, comments and data written in a statement's text stay text."""
    hostile = (
        "[x]: <y> #tag @[m] {kind: thesis} // not a comment /* nor */ <!-- this --> "
        "\\ back_slash *star*\n  + [z]: no relation"
    )
    m = load("kinds.argdown")
    leaf = m.statements["leaf"]
    import attrs

    changed = attrs.evolve(
        m,
        statements={**m.statements, "leaf": attrs.evolve(leaf, text=hostile, note=hostile)},
    )
    again = argdown.read("again.argdown", argdown.write(changed).encode())
    assert again.statements["leaf"].text == hostile
    assert again.statements["leaf"].note == hostile
    assert again == changed


def test_leaves_option_of_the_reader() -> None:
    """The reader function takes the same switch as load_map."""
    data = (FIXTURES / "kinds.argdown").read_bytes()
    m = argdown.read("kinds.argdown", data, leaves=Leaves.EVIDENCE)
    assert m.statements["leaf"].kind is Kind.EVIDENCE
