"""Explore times on generated maps: the single points of failure (``whatif --critical``) of
10,000 and 100,000 statements, and ``tree`` (outline and text) and ``stats`` on 10,000 and 100,000
statements, whose time per statement should stay flat (linear)."""

from __future__ import annotations

from functools import partial

from generate import generate
from timing import median_seconds

from argmap import explore
from argmap.analysis import check
from argmap.load import loads
from argmap.model import Map


def _tree(argmap: Map) -> str:
    report = check(argmap)
    outline = explore.tree(argmap, evaluation=report.evaluation, findings=report.findings)
    return explore.format_tree(outline, 80)


def rows() -> list[tuple[str, str, float | str, bool]]:
    out: list[tuple[str, str, float | str, bool]] = []
    ten_thousand = loads(generate(10_000))
    seconds = median_seconds(partial(explore.critical, ten_thousand), 5)
    out.append(("critical (whatif --critical) 10,000 statements", "<= 5 s", seconds, seconds <= 5))
    hundred_thousand = loads(generate(100_000))
    seconds = median_seconds(partial(explore.critical, hundred_thousand), 3)
    out.append(("critical 100,000 statements", "-", seconds, True))
    for name, run in (("tree", _tree), ("stats", explore.stats)):
        small = median_seconds(partial(run, ten_thousand), 5)
        large = median_seconds(partial(run, hundred_thousand), 3)
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
