"""Check times beyond loading (``argmap.check`` on a loaded map) for generated maps of 1,000, 10,000
and 100,000 statements, what earned confidence adds to checking 100,000, the peak memory of loading
and checking 100,000 in a fresh process, and the quote check against a source of 10,000 words."""

from __future__ import annotations

import random

from generate import generate
from timing import cold, median_seconds, peak_memory_mib

from argmap.analysis import SourceText, check
from argmap.analysis.confidence import Earned, overstated, unknown_hedges
from argmap.analysis.labels import Labelling
from argmap.graph import Graph
from argmap.load import loads
from argmap.model import Map

MEMORY_SCRIPT = """
import resource, sys
from argmap.analysis import check
from argmap.load import load_map
check(load_map(sys.argv[1]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _quote_misses(times: int) -> float:
    """Median time to look up 100 quotes that are not in a 10,000-word source, each with its
    closest passage."""
    rng = random.Random(0)
    vocabulary = [
        "".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 8))) for _ in range(2000)
    ]
    text = " ".join(rng.choice(vocabulary) for _ in range(10_000))
    quotes = [" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(100)]

    def look_up() -> None:
        source = SourceText(text)
        for quote in quotes:
            if not source.contains(quote):
                source.closest(quote)

    return median_seconds(look_up, times)


def _confidence_share(argmap: Map, check_seconds: float, times: int) -> float:
    """What the earned-confidence pass and its findings (unknown-hedge, overstated) add to
    ``check``: their median time over that of the rest of check, on the same labelled graph."""
    graph = Graph(argmap)
    label = Labelling(graph, (), ()).label

    def confidence() -> None:
        earned = Earned(graph, label)
        list(unknown_hedges(graph))
        list(overstated(graph, earned))

    seconds = median_seconds(confidence, times)
    return seconds / (check_seconds - seconds)


def rows() -> list[tuple[str, str, float | str, bool]]:
    out: list[tuple[str, str, float | str, bool]] = []
    per_statement = []
    for n, limit, times in ((1_000, 0.1, 11), (10_000, 1.0, 7), (100_000, 10.0, 3)):
        argmap = loads(generate(n))
        seconds = median_seconds(cold(check, argmap), times)
        per_statement.append(seconds / n)
        out.append((f"check {n:,} statements", f"<= {limit:g} s", seconds, seconds <= limit))
    share = _confidence_share(argmap, seconds, 5)
    out.append(
        (
            "earned confidence, 100,000 statements: added to check",
            "<= 20%",
            f"{share:.0%}",
            share <= 0.2,
        )
    )
    growth = per_statement[-1] / per_statement[1]
    out.append(
        (
            "check time per statement, 100,000 vs 10,000",
            "<= 2x (linear)",
            f"{growth:.2f}x",
            growth <= 2,
        )
    )
    misses = _quote_misses(5)
    out.append(("100 quotes missing from a 10,000-word source", "<= 1 s", misses, misses <= 1))
    peak = peak_memory_mib(MEMORY_SCRIPT, generate(100_000))
    out.append(
        ("load + check 100,000: peak memory", "<= 1024 MiB", f"{peak:.0f} MiB", peak <= 1024)
    )
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
