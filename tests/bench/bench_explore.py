"""Explore times on generated maps: the single points of failure (``whatif --critical``) of
10,000 and 100,000 statements, of a bare chain of 10,000 single-premise reasons, of a wide and deep
map, of 20,000 statements with objections at every level (``generate.attacked``), and the peak
memory of a 50,000-chain; and ``tree`` (outline and text) and ``stats`` on 10,000
and 100,000 statements, whose time per statement should stay flat (linear)."""

from __future__ import annotations

from generate import attacked, generate
from timing import cold, median_seconds, peak_memory_mib

from argmap import explore
from argmap.analysis import check
from argmap.load import loads
from argmap.model import Map

MEMORY_SCRIPT = """
import resource, sys
from argmap import explore
from argmap.load import load_map
explore.critical(load_map(sys.argv[1]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def chain(length: int) -> str:
    """A thesis on a chain of ``length`` claims, each the single premise of the one above, down to
    one piece of evidence: every statement is a single point of failure."""
    lines = ["argmap: 1", "title: A chain", "statements:", "  c0:", "    thesis: Top."]
    lines.append("    reasons: [c1]")
    for n in range(1, length):
        lines += [f"  c{n}:", f"    claim: Step {n}.", f"    reasons: [c{n + 1}]"]
    lines += [f"  c{length}:", "    evidence: Bottom."]
    return "\n".join(lines) + "\n"


def wide_and_deep(width: int, depth: int) -> str:
    """Ten theses over ``width`` chains of ``depth`` claims; each link is linked with its own
    evidence, every fifth link has an alternative reason through a neighbour chain, and a few
    links carry an answered rebuttal."""
    lines = ["argmap: 1", "title: Wide and deep", "statements:"]
    for t in range(10):
        premises = ", ".join(f"w{w}-0" for w in range(t, width, 10))
        lines += [f"  t{t}:", f"    thesis: Thesis {t}.", f"    reasons: [[{premises}]]"]
    for w in range(width):
        for d in range(depth):
            below = f"w{w}-{d + 1}" if d + 1 < depth else f"e{w}-bottom"
            reasons = f"[[{below}, e{w}-{d}]]"
            if d % 5 == 4:
                beside = (w + 1) % width
                aside = f"w{beside}-{d + 1}" if d + 1 < depth else f"e{beside}-bottom"
                reasons = f"[[{below}, e{w}-{d}], {aside}]"
            lines += [f"  w{w}-{d}:", f"    claim: Link {w} {d}.", f"    reasons: {reasons}"]
            if d % 50 == 25:
                lines += [f"    objections: [o{w}-{d}]"]
                lines += [f"  o{w}-{d}:", "    claim: Against.", f"    reasons: [e{w}-{d}]"]
                lines += [f"    objections: [e{w}-{d}-answer]"]
                lines += [f"  e{w}-{d}-answer:", "    evidence: An answer."]
            lines += [f"  e{w}-{d}:", f"    evidence: Fact {w} {d}."]
        lines += [f"  e{w}-bottom:", "    evidence: Bottom."]
    return "\n".join(lines) + "\n"


def _tree(argmap: Map) -> str:
    report = check(argmap)
    outline = explore.tree(argmap, evaluation=report.evaluation, findings=report.findings)
    return explore.format_tree(outline, 80)


def rows() -> list[tuple[str, str, float | str, bool]]:
    out: list[tuple[str, str, float | str, bool]] = []
    ten_thousand = loads(generate(10_000))
    seconds = median_seconds(cold(explore.critical, ten_thousand), 5)
    out.append(("critical (whatif --critical) 10,000 statements", "<= 5 s", seconds, seconds <= 5))
    hundred_thousand = loads(generate(100_000))
    seconds = median_seconds(cold(explore.critical, hundred_thousand), 3)
    out.append(("critical 100,000 statements", "-", seconds, True))
    deep = loads(chain(10_000))
    seconds = median_seconds(cold(explore.critical, deep), 5)
    out.append(("critical, a chain of 10,000 statements", "<= 5 s", seconds, seconds <= 5))
    wide = loads(wide_and_deep(100, 200))
    seconds = median_seconds(cold(explore.critical, wide), 3)
    what = f"critical, 100 chains of 200 ({len(wide.statements):,} statements)"
    out.append((what, "<= 5 s", seconds, seconds <= 5))
    attacks = loads(attacked(20_000))
    seconds = median_seconds(cold(explore.critical, attacks), 3)
    what = f"critical, objections at every level ({len(attacks.statements):,} statements)"
    out.append((what, "<= 5 s", seconds, seconds <= 5))
    peak = peak_memory_mib(MEMORY_SCRIPT, chain(50_000))
    out.append(
        (
            "load + critical, a chain of 50,000: peak memory",
            "<= 1024 MiB",
            f"{peak:.0f} MiB",
            peak <= 1024,
        )
    )
    for name, run in (("tree", _tree), ("stats", explore.stats)):
        small = median_seconds(cold(run, ten_thousand), 5)
        large = median_seconds(cold(run, hundred_thousand), 3)
        out.append((f"{name} 10,000 statements", "-", small, True))
        out.append((f"{name} 100,000 statements", "-", large, True))
        growth = (large / 100_000) / (small / 10_000)
        out.append(
            (
                f"{name} time per statement, 100,000 vs 10,000",
                "<= 2x (linear)",
                f"{growth:.2f}x",
                growth <= 2,
            )
        )
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
