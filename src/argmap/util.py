"""Small helpers that every layer may import (they import nothing of argmap): the plural of a count
in messages, and the pause of the garbage collector around building large acyclic data."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def plural(n: int, word: str, words: str | None = None, *, grouped: bool = True) -> str:
    """``1 reason``, ``2 reasons``, ``1,000 reasons``: the count and the word, or ``words`` (the
    plural, when it is not the word and an s) for any count but 1. Thousands are grouped with
    commas unless ``grouped`` is false."""
    count = f"{n:,}" if grouped else str(n)
    return f"{count} {word}" if n == 1 else f"{count} {words or word + 's'}"


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic objects are built (a loaded map,
    the lists of an analysis): on a large map it would otherwise walk all of them again and again,
    making the work quadratic."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
