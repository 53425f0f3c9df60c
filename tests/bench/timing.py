"""Timing for the benchmarks: the median of repeated runs, so that one slow run does not count."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(run: Callable[[], object], times: int) -> float:
    """The median wall-clock time of ``times`` calls of ``run``."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
