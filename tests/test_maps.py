"""The maps shipped in ``maps/``: they load, they check, and the seed map's verdict is pinned.

The seed map is the article "China-Russia Security Cooperation in Central Asia" (Nurlan Aliyev, CACI
Analyst, 2019). Its verdict is written out literally below, so that any change to the map or to the
checker that changes what ``argmap check`` says about it shows up in review. The quotes are verified
against the article's text, which lives beside the repository in ``shared/sources/`` and is never
copied into it; those tests skip when that folder is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from click.testing import CliRunner

from argmap.analysis import check, evaluate
from argmap.cli import main
from argmap.explore import critical
from argmap.graph import inferences
from argmap.load import load_map, loads
from argmap.model import Code, Kind, Map
from argmap.status import Status

MAPS = Path(__file__).resolve().parents[1] / "maps"
SEED = MAPS / "china-russia-central-asia.argmap.yaml"
TUTORIAL = MAPS / "tutorial.argmap.yaml"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SOURCE = SHARED / "sources" / "china-russia-security-cooperation-central-asia.txt"

needs_source = pytest.mark.skipif(
    not SOURCE.is_file(),
    reason=f"the article's text is not at {SOURCE} (shared/ beside the repository); "
    "quotes cannot be verified",
)


@pytest.fixture(scope="module")
def seed() -> Map:
    return load_map(SEED)


@pytest.fixture(scope="module")
def tutorial() -> Map:
    return load_map(TUTORIAL)


@pytest.fixture(scope="module")
def source_text() -> str:
    if not SOURCE.is_file():
        pytest.skip(f"the article's text is not at {SOURCE}; quotes cannot be verified")
    return SOURCE.read_text(encoding="utf-8")


# --- both maps ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SEED, TUTORIAL], ids=lambda p: p.name)
def test_shipped_map_loads_and_checks(path: Path) -> None:
    """Each shipped map passes the loader, has a thesis, and `argmap check` reads it (exit 0 or 1,
    never 2)."""
    argmap = load_map(path)
    assert argmap.theses
    assert check(argmap).verdicts
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output


# --- the seed map's verdict --------------------------------------------------------------------


def test_seed_verdict(seed: Map) -> None:
    """The author's main conclusion (Beijing's military cooperation is agreed with Russia) and the
    outlook stand, each through premises the mapper supplies; the burden-sharing conclusion does
    not, because Russia's economic weakness, its stated reason, is asserted without support."""
    report = check(seed)
    assert [(v.thesis, v.status) for v in report.verdicts] == [
        ("t-agreed", Status.GROUNDED),
        ("t-burden", Status.NOT_GROUNDED),
        ("t-outlook", Status.GROUNDED),
    ]
    burden = report.verdicts[1]
    assert burden.chain == ("t-burden", "c-fragile")
    assert burden.why == "c-fragile has no reasons"


def test_seed_findings(seed: Map) -> None:
    """Exactly these findings, no more: the claims the author asserts without support, the
    failing thesis, the hedged claims the theses lean on, among them the "likely" answer that
    keeps the main thesis from defeat, and the two grounded theses that stand only through the
    mapper's assumptions. Only the conceded suspicion is acknowledged."""
    report = check(seed)
    found = {(f.code, f.statement) for f in report.findings}
    assert found == {
        (Code.UNGROUNDED, "t-burden"),
        (Code.UNSUPPORTED, "c-common-interest"),
        (Code.UNSUPPORTED, "c-suspicions"),
        (Code.UNSUPPORTED, "c-no-reaction"),
        (Code.UNSUPPORTED, "c-penetration-helps"),
        (Code.UNSUPPORTED, "c-elites-balance"),
        (Code.UNSUPPORTED, "c-restraint"),
        (Code.UNSUPPORTED, "c-fragile"),
        (Code.UNSUPPORTED, "c-foot"),
        (Code.HEDGED_LOAD, "c-new-phase"),
        (Code.HEDGED_LOAD, "c-deepening"),
        (Code.HEDGED_LOAD, "c-kremlin-evaluated"),
        (Code.HEDGED_LOAD, "c-equalizing"),
        (Code.HEDGED_LOAD, "c-challenge"),
        (Code.HEDGED_LOAD, "c-common-ground"),
        (Code.RESTS_ON_MAPPER, "t-agreed"),
        (Code.RESTS_ON_MAPPER, "t-outlook"),
    }
    assert len(report.findings) == len(found)
    agreed, burden, outlook = report.verdicts
    assert agreed.needs == (("a-informed-agreed",), ("a-partners-coordinate",))
    assert burden.author is burden.status
    assert outlook.needs == (("a-interests-clash", "a-outlook-factors"),)
    acknowledged = {(f.code, f.statement) for f in report.findings if f.acknowledged}
    assert acknowledged == {(Code.UNSUPPORTED, "c-suspicions")}


def test_crux_rests_on_the_mappers_premises(seed: Map) -> None:
    """Every route from the article's facts to "agreed with Russia" passes through a premise the
    author leaves unstated: reject the mapper's assumptions and the main thesis is not grounded."""
    assumptions = [s.id for s in seed.statements.values() if s.kind is Kind.ASSUMPTION]
    assert assumptions
    assert evaluate(seed).status["t-agreed"] is Status.GROUNDED
    assert evaluate(seed, reject=assumptions).status["t-agreed"] is Status.NOT_GROUNDED


def test_the_authors_answer_keeps_the_thesis_standing(seed: Map) -> None:
    """The counter-consideration (China's growing interests could challenge Russia) is live; the
    author's answer (Moscow will seek common ground) undercuts it. Without the answer the main
    thesis is defeated."""
    thesis = seed.statements["t-agreed"]
    challenge = next(o for o in thesis.objections if o.id == "o-challenge")
    assert [u.premises for u in challenge.objections] == [("c-common-ground",)]
    assert evaluate(seed).applies["o-challenge"] is False
    assert evaluate(seed, reject=["c-common-ground"]).status["t-agreed"] is Status.DEFEATED


def test_the_mappers_readings_are_explicit(seed: Map) -> None:
    """Where the map connects a claim to support the author gives for something else, the
    connection is a linked reason with an assumption of the mapper's, never a bare link: the need to
    balance the West (para. 7) rests on the U.S. driver of para. 1, not on the Defence Minister's
    statement; Russia as guarantor (para. 5) on the CSTO facts of para. 3; the outlook on the two
    forces of Implications. Rejecting each assumption takes away what rests on it."""
    reasons = {s.id: [r.premises for r in s.reasons] for s in seed.statements.values()}
    assert reasons["c-balance-west"] == [("c-us-driver", "a-us-is-west")]
    assert reasons["c-guarantor"] == [("e-csto", "a-csto-guarantor")]
    assert reasons["t-outlook"] == [("c-us-driver", "c-challenge", "a-outlook-factors")]
    cited = [
        sid for sid, premises in reasons.items() for p in premises if "e-defence-minister" in p
    ]
    assert cited == ["c-us-driver"]
    for assumption in ("a-us-is-west", "a-csto-guarantor", "a-outlook-factors"):
        assert seed.statements[assumption].kind is Kind.ASSUMPTION
    status = evaluate(seed).status
    assert status["c-guarantor"] is Status.GROUNDED
    assert evaluate(seed, reject=["a-csto-guarantor"]).status["c-guarantor"] is not Status.GROUNDED
    assert evaluate(seed, reject=["a-outlook-factors"]).status["t-outlook"] is not Status.GROUNDED
    without_west = evaluate(seed, reject=["a-us-is-west"]).status
    assert without_west["c-common-ground"] is not Status.GROUNDED
    assert without_west["t-agreed"] is Status.DEFEATED


def test_seed_single_points_of_failure(seed: Map) -> None:
    """`argmap whatif --critical` on the seed map, as the reading in maps/README.md reports it: the
    main thesis's defence hangs on one line (the U.S. driver, through the mapper's reading of it as
    the need to balance the West), and the outlook on its three premises."""
    found = [(c.statement, c.theses) for c in critical(seed)]
    both = ("t-agreed", "t-outlook")
    assert found == [
        ("e-exercises-patrols", both),
        ("e-defence-minister", both),
        ("c-us-driver", both),
        ("c-china-increasing", ("t-outlook",)),
        ("a-us-is-west", ("t-agreed",)),
        ("c-balance-west", ("t-agreed",)),
        ("a-interests-clash", ("t-outlook",)),
        ("c-challenge", ("t-outlook",)),
        ("c-common-ground", ("t-agreed",)),
        ("a-outlook-factors", ("t-outlook",)),
    ]


def test_seed_evidence_is_traceable(seed: Map) -> None:
    """Every piece of evidence carries a short quote (at most 25 words) and a section and
    paragraph; every statement taken from the text names its section, and the mapper's
    assumptions claim no place in it."""
    declared = {section.id for section in seed.sections}
    assert declared == {"intro", "background", "implications", "conclusions"}
    for statement in seed.statements.values():
        if statement.kind is Kind.ASSUMPTION:
            assert statement.section is None, statement.id
            assert statement.quote is None, statement.id
            continue
        assert statement.section in declared, statement.id
        assert isinstance(statement.at, int), statement.id
        assert statement.at >= 1, statement.id
        if statement.kind is Kind.EVIDENCE:
            assert statement.quote, statement.id
        if statement.quote is not None:
            assert len(statement.quote.split()) <= 25, statement.id


# --- quotes against the source -----------------------------------------------------------------


@needs_source
def test_seed_quotes_occur_in_the_source(seed: Map, source_text: str) -> None:
    """Checked against the article, no quote of the seed map is reported as missing."""
    report = check(seed, source=source_text)
    assert not [f.statement for f in report.findings if f.code is Code.QUOTE_NOT_FOUND]


@needs_source
def test_quote_check_catches_an_altered_quote(source_text: str) -> None:
    """The quote check is not vacuous: change one word of one quote and it is reported."""
    text = SEED.read_text(encoding="utf-8")
    altered = text.replace("about 128,000 military personnel", "about 218,000 military personnel")
    assert altered != text
    report = check(loads(altered, name=str(SEED)), source=source_text)
    missing = [f.statement for f in report.findings if f.code is Code.QUOTE_NOT_FOUND]
    assert missing == ["e-center2019"]


@needs_source
def test_cli_check_with_source_finds_every_quote() -> None:
    """`argmap check --source` run on the seed map reports no quote-not-found, and the rest of the
    verdict as the library does (exit 1: unacknowledged warnings remain, on purpose)."""
    result = CliRunner().invoke(
        main, ["check", str(SEED), "--source", str(SOURCE), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    (checked,) = json.loads(result.output)["files"]
    codes = {finding["code"] for finding in checked["findings"]}
    assert Code.QUOTE_NOT_FOUND.value not in codes
    assert Code.UNSUPPORTED.value in codes
    assert [(v["thesis"], v["status"]) for v in checked["verdicts"]] == [
        ("t-agreed", "grounded"),
        ("t-burden", "not-grounded"),
        ("t-outlook", "grounded"),
    ]


@needs_source
def test_hedges_are_the_authors_words(seed: Map, source_text: str) -> None:
    """Each hedge in the seed map is written in the author's own words."""
    words = " ".join(source_text.lower().replace("\u2019", "'").split())
    hedges = {s.hedge for s in seed.statements.values() if s.hedge}
    assert hedges == {
        "seemingly",
        "most likely",
        "may be",
        "potentially",
        "likely",
        "it currently seems",
        "could",
    }
    for hedge in hedges:
        assert re.search(rf"\b{re.escape(hedge)}\b", words), hedge


# --- the tutorial ------------------------------------------------------------------------------


def test_tutorial_uses_every_feature(tutorial: Map) -> None:
    """The tutorial shows each feature of the format at least once: the four kinds, a linked
    reason in full form and in the short `[a, b]` form, a reason with an id and an undercut, a
    rebuttal answered by an undercut and one answered by attacking its premise, a hedge in the
    author's words and `hedge: true`, sections, a note, tags, an acknowledgement, a quote, a
    paragraph locator and a free-text one, and every field of the source's metadata."""
    statements = list(tutorial.statements.values())
    reasons = [r for s in statements for r in s.reasons]
    rebuttals = [o for s in statements for o in s.objections]
    assert {s.kind for s in statements} == set(Kind)
    assert any(r.linked for r in reasons)
    raw = yaml.safe_load(TUTORIAL.read_text(encoding="utf-8"))["statements"]
    short_linked = [
        item for s in raw.values() for item in s.get("reasons", []) if isinstance(item, list)
    ]
    assert any(len(item) >= 2 for item in short_linked)
    assert any(
        r.objections and not r.id.startswith(f"{s.id}.r") for s in statements for r in s.reasons
    )
    assert any(o.objections for o in rebuttals)
    assert any(_premise_attacked(tutorial, o.premises) for o in rebuttals)
    assert any(s.hedge for s in statements)
    assert any(s.hedge == "" for s in statements)
    assert any(s.certainty and s.level for s in statements)
    assert any(s.by and s.by.role and s.grade for s in statements)
    assert any(s.by and s.by.unnamed for s in statements)
    assert tutorial.sections
    assert any(s.section for s in statements)
    assert any(s.note for s in statements)
    assert any(r.note for r in reasons)
    assert any(s.tags for s in statements)
    assert any(s.acks for s in statements)
    assert any(s.quote and isinstance(s.at, int) for s in statements)
    assert any(isinstance(s.at, str) for s in statements)
    assert tutorial.source.title
    assert tutorial.source.author
    assert tutorial.source.publisher
    assert tutorial.source.date
    assert tutorial.source.url


def test_tutorial_checks_clean(tutorial: Map) -> None:
    """The tutorial passes `argmap check` at the default level (exit 0): its thesis is grounded,
    both rebuttals are answered, the one unsupported claim is acknowledged, and what remains is
    information: the hedge the thesis leans on, the unanswered undercut of a reason the thesis
    does without, its stated level one step above what it earns, the unnamed source of an answer
    it survives through, and that the thesis stands only through the mapper's one assumption."""
    report = check(tutorial)
    assert [v.status for v in report.verdicts] == [Status.GROUNDED]
    assert report.failing() == ()
    assert {(f.code, f.statement, bool(f.acknowledged)) for f in report.findings} == {
        (Code.CONTESTED, "later-start", False),
        (Code.HEDGED_LOAD, "more-sleep", False),
        (Code.UNSUPPORTED, "body-clocks", True),
        (Code.OVERSTATED, "later-start", False),
        (Code.UNNAMED_SOURCE, "contract-ends", False),
        (Code.RESTS_ON_MAPPER, "later-start", False),
    }
    assert len(report.findings) == 6
    assert report.verdicts[0].needs == (("start-caused-it",),)
    assert not any(
        report.evaluation.applies[o.id] for o in tutorial.statements["later-start"].objections
    )
    result = CliRunner().invoke(main, ["check", str(TUTORIAL)])
    assert result.exit_code == 0, result.output


def _premise_attacked(argmap: Map, premises: tuple[str, ...]) -> bool:
    """Whether one of the premises is itself attacked: the other way to answer an objection."""
    return any(argmap.statements[p].objections for p in premises)


# --- the committed diagrams --------------------------------------------------------------------


def test_committed_diagram_draws_the_current_map(seed: Map) -> None:
    """The whole-map SVG in maps/ has a node for every statement of the map and none for anything
    the map no longer has: a map edited without re-rendering shows up here (the commands are in
    maps/README.md)."""
    svg = "{http://www.w3.org/2000/svg}"
    root = ElementTree.parse(MAPS / "china-russia-central-asia.svg").getroot()
    drawn = {g.findtext(f"{svg}title") for g in root.iter(f"{svg}g") if g.get("class") == "node"}
    ids = {i.id for s in seed.statements.values() for i in inferences(s)}
    assert set(seed.statements) <= drawn
    assert {name for name in drawn if name and not name.startswith("_")} <= (
        set(seed.statements) | ids
    )


def test_reading_links_only_to_files_that_exist() -> None:
    """Every local file the map reading in maps/README.md links to or shows is committed."""
    readme = (MAPS / "README.md").read_text(encoding="utf-8")
    reading = readme[readme.index("## Reading the China\u2013Russia map") :]
    targets = re.findall(r"\]\(([^)#:]+)\)", reading)
    assert "china-russia-central-asia.png" in targets
    for target in targets:
        assert (MAPS / target).is_file(), target
