"""Small helpers that every layer may import (they import nothing of argmap): the plural of a count
in messages, the pause of the garbage collector around building large acyclic data, and the names a
package loads on first use."""

from __future__ import annotations

import contextlib
import gc
import importlib
from collections.abc import Iterator, Mapping
from typing import Any


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


def loaded_on_use(package: str, exports: Mapping[str, str], name: str) -> Any:
    """The object ``name`` that ``package`` exports from the module ``exports[name]``, imported
    now: the body of a package's ``__getattr__``, so that importing the package loads nothing it
    does not need yet."""
    module = exports.get(name)
    if module is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
