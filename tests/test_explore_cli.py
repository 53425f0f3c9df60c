"""`argmap tree`, `argmap stats` and `argmap whatif` on the example maps, output compared exactly
with reviewed golden files in ``tests/golden/explore/`` (set ARGMAP_UPDATE_GOLDEN=1 to rewrite them
after a deliberate change, then review the diff)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main
from golden import assert_golden

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "explore"
TUTORIAL = "maps/tutorial.argmap.yaml"
SEED = "maps/china-russia-central-asia.argmap.yaml"
CHAIN = "tests/fixtures/explore/chain.argmap.yaml"


def run(*args: str) -> Result:
    """Run argmap from the repository root, so that paths in the output are as a user types them;
    output is not a terminal, so there is no colour and lines wrap at 80 columns."""
    old = Path.cwd()
    os.chdir(REPO)
    try:
        return CliRunner().invoke(main, list(args), env={"NO_COLOR": None, "COLUMNS": "200"})
    finally:
        os.chdir(old)


CASES = [
    ("tutorial.tree.txt", ["tree", TUTORIAL]),
    ("tutorial.tree-critical.txt", ["tree", TUTORIAL, "--critical"]),
    ("tutorial.stats.txt", ["stats", TUTORIAL]),
    ("tutorial.whatif-critical.txt", ["whatif", TUTORIAL, "--critical"]),
    ("tutorial.whatif-reject.txt", ["whatif", TUTORIAL, "--reject", "late-marks"]),
    ("seed.tree-critical.txt", ["tree", SEED, "--critical"]),
    (
        "seed.tree-focus.txt",
        ["tree", SEED, "--focus", "t-burden", "--depth", "2", "--width", "100"],
    ),
    ("seed.stats.txt", ["stats", SEED]),
    ("seed.stats.json", ["stats", "--format", "json", TUTORIAL, SEED]),
    ("seed.whatif-critical.txt", ["whatif", SEED, "--critical"]),
    ("seed.whatif-reject.txt", ["whatif", SEED, "--reject", "e-defence-minister"]),
    ("seed.whatif-author-only.txt", ["whatif", SEED, "--author-only"]),
    ("tutorial.whatif-author-only.txt", ["whatif", TUTORIAL, "--author-only"]),
]


@pytest.mark.parametrize(("golden", "args"), CASES, ids=[name for name, _ in CASES])
def test_example_maps_give_their_reviewed_output(golden: str, args: list[str]) -> None:
    """Each command on the tutorial and the seed map prints exactly the reviewed text, exit 0."""
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert_golden(GOLDEN / golden, result.output)


def test_tree_output_is_plain_and_fits_80_columns_when_piped() -> None:
    """Piped tree output has no colour codes and wraps at 80 columns."""
    result = run("tree", SEED)
    assert "\x1b" not in result.output
    assert all(len(line) <= 80 for line in result.output.splitlines())


def test_tree_width_option_wraps_and_zero_never_wraps() -> None:
    """--width N wraps at N columns and --width 0 keeps each line whole."""
    narrow = run("tree", CHAIN, "--width", "50").output
    assert max(len(line) for line in narrow.splitlines()) <= 50
    wide = run("tree", CHAIN, "--width", "0").output
    assert (
        "    + e-cracks (evidence) [grounded, earns almost certain]: Inspectors found cracks in "
        "two of its piers.\n" in (wide)
    )


def test_tree_critical_marks_the_single_points_of_failure() -> None:
    """tree --critical marks the single points of failure, and only then."""
    plain = run("tree", CHAIN, "--width", "0").output
    marked = run("tree", CHAIN, "--width", "0", "--critical").output
    assert "critical" not in plain
    assert (
        "  + c-unsafe (claim) [grounded, earns almost certain, critical]: The bridge is unsafe.\n"
        in marked
    )


def test_tree_unknown_focus_is_one_line_with_a_suggestion_and_exit_2() -> None:
    """An unknown --focus is one line with a suggestion and exit code 2."""
    result = run("tree", CHAIN, "--focus", "c-unsaf")
    assert result.exit_code == 2
    assert result.output == "no statement 'c-unsaf' in the map (did you mean 'c-unsafe'?)\n"


def test_tree_of_a_broken_map_is_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    """A malformed map gives FILE:LINE:COL messages, exit 2 and no traceback."""
    bad = tmp_path / "bad.argmap.yaml"
    bad.write_text("argmap: 1\ntitle: t\nstatements:\n  t:\n    thesis: A.\n    reasons: [x]\n")
    result = CliRunner().invoke(main, ["tree", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{bad}:6:")
    assert "Traceback" not in result.output


def test_stats_takes_several_maps() -> None:
    """stats prints one block per map, in the order given."""
    result = run("stats", TUTORIAL, CHAIN)
    assert result.exit_code == 0
    assert result.output.startswith(f"{TUTORIAL}\n")
    assert f"\n\n{CHAIN}\n" in result.output


def test_stats_json_lists_the_maps_in_the_order_given() -> None:
    """stats --format json lists the maps in the order given."""
    data = json.loads(run("stats", "--format", "json", CHAIN, TUTORIAL).output)
    assert [m["path"] for m in data["maps"]] == [CHAIN, TUTORIAL]
    assert data["maps"][0]["statements"]["evidence"] == 3


def test_whatif_takes_repeated_and_comma_separated_ids() -> None:
    """--reject may be repeated or take comma-separated ids, with the same result."""
    repeated = run("whatif", CHAIN, "--reject", "e-cracks", "--reject", "e-tender")
    commas = run("whatif", CHAIN, "--reject", "e-cracks,e-tender")
    assert repeated.exit_code == commas.exit_code == 0
    assert repeated.output == commas.output
    assert repeated.output.startswith("Rejecting e-cracks, e-tender:\n  theses:\n    t: grounded")


@pytest.mark.parametrize("option", ["--reject", "--accept"])
def test_whatif_ids_after_a_space_are_answered_with_the_forms_that_work(option: str) -> None:
    """`--reject a b` is what a newcomer tries; the error names the extra word and shows the two
    forms the help shows (``ID[,ID...]``, or the option again), for --accept alike."""
    result = run("whatif", CHAIN, option, "e-cracks", "e-tender")
    assert result.exit_code == 2
    assert "unexpected 'e-tender'" in result.output
    assert "--reject a,b" in result.output
    assert "--reject a --reject b" in result.output
    assert f"{option} ID[,ID...]" in run("whatif", "--help").output
    ahead = run("whatif", option, "e-cracks", "e-tender", CHAIN)  # the map last, after the ids
    assert ahead.exit_code == 2
    assert f"unexpected '{CHAIN}'" in ahead.output


def test_whatif_accept_grants_a_statement() -> None:
    """--accept treats a statement as given and lists what changes."""
    result = run("whatif", CHAIN, "--accept", "c-soon")
    assert result.output == (
        "Accepting c-soon:\n  other statements:\n"
        "    c-soon: not-grounded → grounded; earns nothing → almost certain\n"
    )


def test_whatif_exit_code_is_0_even_when_a_thesis_falls() -> None:
    """The command answers a question; a thesis losing its ground is the answer, not a failure."""
    assert run("whatif", CHAIN, "--reject", "e-cracks").exit_code == 0


def test_whatif_needs_a_question() -> None:
    """whatif without --reject/--accept/--critical, or with both, is a usage error."""
    result = run("whatif", CHAIN)
    assert result.exit_code == 2
    assert "give --reject/--accept or --author-only, or --critical" in result.output
    both = run("whatif", CHAIN, "--critical", "--reject", "t")
    assert both.exit_code == 2


def test_whatif_unknown_id_is_one_line_and_exit_2() -> None:
    """An unknown id to whatif is one line with a suggestion and exit code 2."""
    result = run("whatif", CHAIN, "--reject", "e-crack")
    assert result.exit_code == 2
    assert result.output == "no statement 'e-crack' in the map (did you mean 'e-cracks'?)\n"


def test_stats_gives_every_readable_map_its_figures_and_names_the_rest(tmp_path: Path) -> None:
    """Like check, stats goes on past a map it cannot read, and exits 2 for it."""
    broken = tmp_path / "broken.argmap.yaml"
    broken.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    result = run("stats", TUTORIAL, str(broken))
    assert result.exit_code == 2
    assert "maps/tutorial.argmap.yaml\n  statements" in result.output
    assert f"{broken}:3:1: YAML syntax error" in result.output


def test_whatif_must_name_a_statement() -> None:
    """`--reject ,` would answer a question nobody asked; it is a usage error."""
    result = run("whatif", TUTORIAL, "--reject", ",")
    assert result.exit_code == 2
    assert "--reject/--accept name no statement" in result.output
