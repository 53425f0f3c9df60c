"""`argmap lsp` end to end: a real LSP client starts the server as a process over stdio, opens the
tutorial and seed maps, edits them, and gets exactly the diagnostics, completions, hovers,
locations, renames and quick fixes a mapper's editor would show."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from lspclient import SEED, SERVER, TUTORIAL, Session, initialize, short

pytestmark = pytest.mark.asyncio(loop_scope="module")

TUTORIAL_FINDINGS = [
    (
        "25:2-25:13",
        "contested",
        "Information",
        "thesis later-start: its reason r-sleep is undercut by objection r-sleep.o1 (one-term), "
        "which is not answered; it stands on other reasons",
    ),
    (
        "25:2-25:13",
        "overstated",
        "Information",
        "thesis later-start is stated as almost certain but earns at most very likely, 1 step "
        "less: it rests on start-caused-it (assumption: very likely)",
    ),
    (
        "25:2-25:13",
        "rests-on-mapper",
        "Information",
        "thesis later-start is grounded only through the mapper's reading: on the author's words "
        "alone it is not grounded; it needs start-caused-it",
    ),
    (
        "51:2-51:12",
        "hedged-load",
        "Information",
        "claim more-sleep is hedged (probably) and lies under thesis later-start, which keeps its "
        "label without it",
    ),
    ("59:2-59:13", "unsupported", "Hint", "claim body-clocks has no reasons"),
    (
        "109:2-109:15",
        "unnamed-source",
        "Information",
        "evidence contract-ends is from an unnamed source (\u201ca council official\u201d) and "
        "thesis later-start depends on it",
    ),
]


@pytest_lsp.fixture(scope="module", config=SERVER)  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await initialize(lsp_client)
    yield
    await lsp_client.shutdown_session()


def copy(source: Path, tmp_path: Path) -> Path:
    """A copy of a map, so that each test has a document of its own."""
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


async def test_opening_the_tutorial_shows_its_findings_at_their_statements(
    client: LanguageClient, tmp_path: Path
) -> None:
    """Each finding sits on its statement's id, with its code and severity; the acknowledged one
    is a faded hint; the hint and related statements come along."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    found = await session.open()
    assert short(found) == TUTORIAL_FINDINGS
    contested = found[0]
    assert contested.source == "argmap"
    assert contested.message.splitlines()[1] == (
        "hint: answer the objection, or acknowledge that the text leaves it open"
    )
    assert [
        (r.location.range.start.line, r.message) for r in contested.related_information or ()
    ] == [(79, "evidence one-term")]
    acknowledged = found[4]
    assert list(acknowledged.tags or ()) == [types.DiagnosticTag.Unnecessary]
    assert acknowledged.message.splitlines()[-1].startswith("acknowledged: The report gives")


async def test_an_unknown_id_is_an_error_at_the_id_and_fixing_it_brings_the_findings_back(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A typo in a premise: only the problem shows (no stale findings), exactly over the typo,
    with both quick fixes; correcting it restores the findings."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    found = await session.edit(session.replace("      - fewer-late\n", "      - fewer-lat\n"))
    assert short(found) == [
        (
            "40:8-40:17",
            "map-problem",
            "Error",
            "reason later-start.r2 names unknown statement 'fewer-lat' "
            "(did you mean 'fewer-late'?)",
        )
    ]
    fixes = await client.text_document_code_action_async(
        types.CodeActionParams(
            session.document, found[0].range, types.CodeActionContext(diagnostics=found)
        )
    )
    assert fixes is not None
    edits = [
        (a.title, list(a.edit.changes[session.uri]))
        for a in fixes
        if isinstance(a, types.CodeAction) and a.edit and a.edit.changes
    ]
    here = types.Range(types.Position(40, 8), types.Position(40, 17))
    end = types.Range(types.Position(137, 0), types.Position(137, 0))
    assert edits == [
        ("Change to 'fewer-late'", [types.TextEdit(range=here, new_text="fewer-late")]),
        (
            "Create statement 'fewer-lat'",
            [
                types.TextEdit(
                    range=end, new_text="\n  fewer-lat:\n    claim: TODO write the statement\n"
                )
            ],
        ),
    ]
    found = await session.edit(session.replace("      - fewer-lat\n", "      - fewer-late\n"))
    assert short(found) == TUTORIAL_FINDINGS


async def test_broken_yaml_shows_the_syntax_error_alone_until_it_is_fixed(
    client: LanguageClient, tmp_path: Path
) -> None:
    """An unclosed list: one YAML error where the parser finds it, nothing else; a hover then
    shows the statement as written, without the evaluation of an earlier text."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    broken = session.replace("tags: [schools, timetable]", "tags: [schools, timetable")
    assert short(await session.edit(broken)) == [
        (
            "31:4-31:11",
            "map-problem",
            "Error",
            "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
        )
    ]
    hover = await client.text_document_hover_async(
        types.HoverParams(session.document, session.at("  later-start:", 3))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.splitlines() == [
        "**thesis** `later-start`",
        "",
        "Northfield High should start classes at 9:00 instead of 8:00\\.",
        "",
        "_The map has 1 problem(s): fix them to see its evaluation._",
    ]
    fixed = session.replace("tags: [schools, timetable", "tags: [schools, timetable]")
    assert short(await session.edit(fixed)) == TUTORIAL_FINDINGS


async def test_removing_the_only_reason_of_a_thesis_makes_it_unsupported(
    client: LanguageClient, tmp_path: Path
) -> None:
    """In the seed map, t-burden loses its reasons (the author's, and the mapper's linked reading
    of it): an error at the thesis, and the claim that only the mapper's reading used becomes an
    orphan; the other findings move up with the text."""
    session = Session(client, copy(SEED, tmp_path))
    before = short(await session.open())
    assert len(before) == 19
    assert before[3] == (
        "97:2-97:10",
        "ungrounded",
        "Error",
        "thesis t-burden: none of its 2 reasons applies: c-fragile is not grounded",
    )
    start = session.text.index("    reasons:\n      - id: r-burden\n")
    end = session.text.index("\n\n", start) + 1
    after = short(await session.edit(session.text[:start] + session.text[end:]))
    assert after[3] == ("97:2-97:10", "unsupported", "Error", "thesis t-burden has no reasons")
    assert (
        "502:2-502:14",
        "orphan",
        "Warning",
        "claim c-equalizing is neither a thesis nor a premise of anything",
    ) in after
    assert len(after) == 19  # c-equalizing's hedged load is gone with the reason
    assert not any("c-equalizing is hedged" in d[3] for d in after)


async def test_completion_offers_the_nearest_statements_first_with_kind_and_text(
    client: LanguageClient, tmp_path: Path
) -> None:
    """In a premise list: every statement but the one being written, nearest first, each
    replacing the word typed so far; under ack, the finding codes; at a field, the fields."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    position = session.at("premises: [more-sleep", len("premises: ["))
    found = await client.text_document_completion_async(
        types.CompletionParams(session.document, position)
    )
    assert isinstance(found, types.CompletionList)
    first = found.items[0]
    assert [(i.label, i.detail) for i in found.items[:4]] == [
        ("more-sleep", "claim"),
        ("body-clocks", "claim"),
        ("trial-sleep", "evidence"),
        ("sleep-helps", "assumption"),
    ]
    assert len(found.items) == 13  # all 14 statements but later-start, whose reason this is
    assert "later-start" not in [i.label for i in found.items]
    assert first.documentation == "Students would sleep longer."
    typed = session.at("premises: [more-sleep", len("premises: [mo"))
    narrowed = await client.text_document_completion_async(
        types.CompletionParams(session.document, typed)
    )
    assert isinstance(narrowed, types.CompletionList)
    assert [i.label for i in narrowed.items] == ["more-sleep"]
    assert narrowed.items[0].text_edit == types.TextEdit(
        range=types.Range(types.Position(34, 19), types.Position(34, 21)), new_text="more-sleep"
    )
    codes = await client.text_document_completion_async(
        types.CompletionParams(session.document, session.at("      unsupported:", 6))
    )
    assert isinstance(codes, types.CompletionList)
    assert [i.label for i in codes.items][:3] == ["unsupported", "ungrounded", "circular"]
    fields = await client.text_document_completion_async(
        types.CompletionParams(session.document, session.at("    claim: Students", 4))
    )
    assert isinstance(fields, types.CompletionList)
    assert [i.label for i in fields.items][:6] == [
        "thesis",
        "claim",
        "evidence",
        "assumption",
        "reasons",
        "objections",
    ]
    sections = await client.text_document_completion_async(
        types.CompletionParams(session.document, session.at("section: debate", 9))
    )
    assert isinstance(sections, types.CompletionList)
    assert [i.label for i in sections.items] == ["trial", "debate"]


async def test_hover_shows_a_statement_with_its_status_and_what_rejecting_it_changes(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The kind, status, escaped text, what it earns, quote, locator, whose it is and its grade,
    findings, and the what-if of rejecting it."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    position = session.at("  trial-sleep:", 4)
    found = await client.text_document_hover_async(types.HoverParams(session.document, position))
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.value == (
        "**evidence** `trial-sleep` — grounded\n\n"
        "In the trial term, students slept about forty minutes more a night\\.\n\n"
        "- confidence: earns likely\n"
        "- quote: \u201cforty minutes more sleep\u201d\n"
        "- at: The trial term, para\\. 2\n"
        "- by: Northfield High, the school's report on the trial\n"
        "- grade: B2\n"
        "- no findings\n\n"
        "Not a single point of failure: no thesis loses its ground by rejecting it alone.\n"
        "Rejecting it changes `more-sleep` (grounded → not-grounded).\n"
    )
    assert found.range == types.Range(types.Position(67, 2), types.Position(67, 13))


async def test_definition_references_and_rename_follow_an_id_through_the_map(
    client: LanguageClient, tmp_path: Path
) -> None:
    """From a premise to its statement; every use of a statement; a rename of all of them, and
    refusals of a taken id and of a name that is no id."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    uri = session.uri
    use = session.at("premises: bus-contract", len("premises: "))
    definition = await client.text_document_definition_async(
        types.DefinitionParams(session.document, use)
    )
    assert definition == types.Location(
        uri, types.Range(types.Position(103, 2), types.Position(103, 14))
    )
    declared = session.at("  trial-sleep:", 2)
    references = await client.text_document_references_async(
        types.ReferenceParams(types.ReferenceContext(True), session.document, declared)
    )
    assert list(references or ()) == [
        types.Location(uri, types.Range(types.Position(67, 2), types.Position(67, 13))),
        types.Location(uri, types.Range(types.Position(56, 8), types.Position(56, 19))),
    ]
    renamed = await client.text_document_rename_async(
        types.RenameParams(session.document, declared, "trial-nights")
    )
    assert renamed is not None
    assert renamed.changes is not None
    assert [(e.range.start.line, e.new_text) for e in renamed.changes[uri]] == [
        (67, "trial-nights"),
        (56, "trial-nights"),
    ]
    for name, why in (("one-term", "already an id"), ("bad id", "not a valid id")):
        with pytest.raises(JsonRpcException, match=why):
            await client.text_document_rename_async(
                types.RenameParams(session.document, declared, name)
            )


async def test_symbols_outline_theses_with_their_reasons_and_objections(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The outline lists statements in file order; the thesis carries its reasons and objections;
    each statement written over several lines folds."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(session.document)
    )
    assert found is not None
    thesis = found[0]
    assert isinstance(thesis, types.DocumentSymbol)
    assert (thesis.name, thesis.kind) == ("later-start", types.SymbolKind.Class)
    assert [c.name for c in thesis.children or ()] == [
        "r-sleep",
        "later-start.r2",
        "o-buses",
        "later-start.o2",
    ]
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(session.document)
    )
    assert folds is not None
    assert [(f.start_line, f.end_line) for f in folds][:3] == [(22, 136), (25, 48), (51, 57)]


async def test_acknowledging_a_finding_writes_an_ack_with_a_placeholder(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The quick fix of a finding adds `ack:` under the statement; applied, the finding turns into
    an acknowledged hint."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    found = await session.open()
    hedged = found[3]
    fixes = await client.text_document_code_action_async(
        types.CodeActionParams(
            session.document, hedged.range, types.CodeActionContext(diagnostics=[hedged])
        )
    )
    assert fixes is not None
    action = fixes[0]
    assert isinstance(action, types.CodeAction)
    assert action.title == "Acknowledge 'hedged-load' for 'more-sleep'"
    assert action.edit is not None
    assert action.edit.changes is not None
    (edit,) = action.edit.changes[session.uri]
    assert edit == types.TextEdit(
        range=types.Range(types.Position(58, 0), types.Position(58, 0)),
        new_text="    ack:\n      hedged-load: TODO say why the map accepts this\n",
    )
    lines = session.text.splitlines(keepends=True)
    lines.insert(58, edit.new_text)
    after = short(await session.edit("".join(lines)))
    assert after[3] == (
        "51:2-51:12",
        "hedged-load",
        "Hint",
        "claim more-sleep is hedged (probably) and lies under thesis later-start, which keeps its "
        "label without it",
    )


async def test_an_acknowledgement_left_after_its_finding_is_gone_is_flagged_at_its_code(
    client: LanguageClient, tmp_path: Path
) -> None:
    """Once the hedge is removed, the acknowledgement of hedged-load accepts nothing: a warning
    at the acknowledgement's code, faded as unnecessary, with no quick fix to acknowledge it."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    lines = session.text.splitlines(keepends=True)
    assert lines[54].lstrip().startswith("hedge: probably")
    lines[54] = ""
    lines.insert(58, "    ack:\n      hedged-load: the text is unsure\n")
    found = await session.edit("".join(lines))
    unused = [d for d in found if d.code == "unused-ack"]
    assert short(unused) == [
        (
            "58:6-58:17",
            "unused-ack",
            "Warning",
            "the acknowledgement of hedged-load on claim more-sleep matches no finding about it",
        )
    ]
    assert list(unused[0].tags or ()) == [types.DiagnosticTag.Unnecessary]
    fixes = await client.text_document_code_action_async(
        types.CodeActionParams(
            session.document, unused[0].range, types.CodeActionContext(diagnostics=unused)
        )
    )
    assert not fixes


async def test_quotes_are_checked_against_the_source_named_in_argmap_toml(
    client: LanguageClient, tmp_path: Path
) -> None:
    """With argmap.toml naming a source, a quote not in it is an error; changing the source on
    disk checks the map again without an edit."""
    path = tmp_path / "small.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t: {thesis: T, reasons: [e]}\n"
        "  e: {evidence: E, quote: the bridge costs too much}\n"
    )
    (tmp_path / "source.txt").write_text("Nothing about it.\n")
    (tmp_path / "argmap.toml").write_text('source = "source.txt"\n')
    session = Session(client, path)
    found = short(await session.open())
    assert found == [
        (
            "4:2-4:3",
            "quote-not-found",
            "Error",
            "quote of e is not in the source; closest passage (37% similar): "
            "\u201cNothing about\u201d",
        )
    ]
    waiting = session.waiter()
    (tmp_path / "source.txt").write_text("We hear the bridge costs too much.\n")
    assert await waiting == []


async def test_yaml_files_that_are_not_maps_are_left_alone(
    client: LanguageClient, tmp_path: Path
) -> None:
    """An editor that starts the server for every YAML file gets no diagnostics and no answers
    for one that is not a map; a file with a top-level `argmap:` key is a map by any name."""
    other = tmp_path / "config.yaml"
    other.write_text("services:\n  web: {image: nginx\n")
    session = Session(client, other)
    assert await session.open() == []
    hover = await client.text_document_hover_async(
        types.HoverParams(session.document, types.Position(1, 3))
    )
    assert hover is None
    unnamed = tmp_path / "draft.yaml"
    unnamed.write_text("argmap: 1\ntitle: T\nstatements:\n  t: {thesis: T}\n")
    found = await Session(client, unnamed).open()
    assert short(found) == [("3:2-3:3", "unsupported", "Error", "thesis t has no reasons")]


async def test_hover_on_a_single_point_of_failure_says_what_falls(
    client: LanguageClient, tmp_path: Path
) -> None:
    """fewer-late is the tutorial's critical claim: rejecting it leaves the thesis without
    ground, and the hover names what changes."""
    session = Session(client, copy(TUTORIAL, tmp_path))
    await session.open()
    position = session.at("      - fewer-late", len("      - few"))
    found = await client.text_document_hover_async(types.HoverParams(session.document, position))
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.value.splitlines()[-2:] == [
        "**Single point of failure**: rejecting it leaves `later-start` without ground and "
        "changes 1 other statement(s).",
        "Rejecting it changes `later-start` (grounded → not-grounded).",
    ]


async def test_a_circle_names_each_of_its_steps_as_related_information(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A claim that supports itself: the error sits on the first claim, and each other step of
    the circle is a related location."""
    path = tmp_path / "circle.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t: {thesis: T, reasons: [a]}\n"
        "  a: {claim: A, reasons: [b]}\n"
        "  b: {claim: B, reasons: [a]}\n"
    )
    found = await Session(client, path).open()
    circular = [d for d in found if d.code == "circular"]
    assert short(circular) == [
        ("4:2-4:3", "circular", "Error", "claim a supports itself: a <- b <- a")
    ]
    related = circular[0].related_information or ()
    assert [(r.location.range.start.line, r.message) for r in related] == [(5, "claim b")]


async def test_each_problem_of_a_map_that_does_not_load_has_the_range_of_its_value(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A misspelt field, an unknown section and a quoted unknown premise: each error covers
    exactly the word it is about, and a misspelt field's quick fix is the suggestion."""
    path = tmp_path / "problems.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t:\n"
        "    thesis: T\n"
        "    reasons: ['e 2']\n"
        "    section: intro\n"
        "  e:\n"
        "    evidence: E\n"
        "    qoute: words\n"
    )
    session = Session(client, path)
    found = await session.open()
    assert [(d[0], d[3]) for d in short(found)] == [
        ("5:14-5:19", "reason t.r1 names unknown statement 'e 2' (did you mean 'e'?)"),
        ("6:13-6:18", "unknown section 'intro' (declare it under 'sections')"),
        ("9:4-9:9", "unknown field 'qoute' in statement 'e' (did you mean 'quote'?)"),
    ]
    fixes = await client.text_document_code_action_async(
        types.CodeActionParams(
            session.document, found[2].range, types.CodeActionContext(diagnostics=[found[2]])
        )
    )
    assert [a.title for a in fixes or ()] == ["Change to 'quote'"]


EVERY_FINDING = Path(__file__).resolve().parent / "fixtures" / "check" / "every-finding"


async def test_every_finding_names_the_other_statements_it_is_about_as_related_information(
    client: LanguageClient, tmp_path: Path
) -> None:
    """Each finding's related locations are the statements :attr:`Finding.related` lists, at
    their ids, each named by kind and id: the failing premise or the premises of the objection
    that undercuts or defeats a claim, the other steps of a circle, the earlier copy of a
    duplicate, the thesis a hedged or unnamed statement lies under, the evidence of a thesis on
    one source or on unnamed sources only, and the statement whose level caps an overstated
    thesis; findings about a statement alone have none. (Without an argmap.toml, the quotes are
    not checked.)"""
    found = await Session(
        client, copy(EVERY_FINDING / "every-finding.argmap.yaml", tmp_path)
    ).open()
    related = [
        (
            d.code,
            d.range.start.line,
            [(r.location.range.start.line, r.message) for r in d.related_information or ()],
        )
        for d in found
    ]
    assert related == [
        ("contested", 10, [(38, "claim c-affordable"), (58, "evidence e-union")]),
        (
            "single-source",
            10,
            [(20, "evidence e-survey"), (42, "evidence e-cost"), (52, "evidence e-staff")],
        ),
        ("ungrounded", 26, [(30, "claim c-workers")]),
        ("circular", 26, [(30, "claim c-workers")]),
        ("hedged-load", 26, [(10, "thesis t-open")]),
        ("ungrounded", 30, [(26, "claim c-borrow")]),
        ("ungrounded", 33, [(36, "claim c-shops")]),
        ("unsupported", 36, []),
        ("defeated", 38, [(48, "evidence e-overtime")]),
        ("untraceable", 58, []),
        ("unsupported", 60, []),
        ("orphan", 60, []),
        ("orphan", 64, []),
        ("unknown-hedge", 64, []),
        ("duplicate", 64, [(60, "claim c-heating")]),
        ("unused-ack", 71, []),
        ("contested", 72, [(88, "evidence e-bots")]),
        ("overstated", 72, [(96, "claim c-weighted")]),
        ("hedged-load", 96, [(72, "thesis t-survey")]),
        ("rests-on-mapper", 104, []),  # it needs r-willing, a link, not a statement
        ("unnamed-only", 115, [(118, "evidence e-rumour")]),
        ("unnamed-source", 118, [(115, "thesis t-shifts")]),
    ]


async def test_a_range_after_characters_beyond_the_basic_plane_is_in_utf16_units(
    client: LanguageClient, tmp_path: Path
) -> None:
    """Positions are sent in the client's UTF-16 units: an unknown id written after two emoji
    on its line starts two units further than its character count, and one on a line of ASCII
    where the characters say."""
    path = tmp_path / "emoji.argmap.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nstatements:\n"
        '  t: {thesis: "\U0001f642\U0001f642", reasons: [nope]}\n'
        "  c: {claim: C, reasons: [gone]}\n",
        encoding="utf-8",
    )
    found = await Session(client, path).open()
    line = '  t: {thesis: "\U0001f642\U0001f642", reasons: [nope]}'
    start = line.index("nope") + 2  # each emoji is two UTF-16 units
    other = "  c: {claim: C, reasons: [gone]}".index("gone")
    assert [d.range for d in found] == [
        types.Range(types.Position(3, start), types.Position(3, start + 4)),
        types.Range(types.Position(4, other), types.Position(4, other + 4)),
    ]
