"""Which source text a map's quotes are checked against: the ``argmap.toml`` beside the map.

::

    # argmap.toml, in the folder of the maps
    source = "../sources/article.txt"            # for every map in this folder
    [sources]
    "seed.argmap.yaml" = "../sources/seed.txt"   # for one map, by file name

Paths are relative to the folder of ``argmap.toml``. The server reads the file and the source again
whenever either changes on disk, and reports one that cannot be read at the top of the map.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Final

from argmap.errors import MapError, Problem

CONFIG: Final = "argmap.toml"


class Sources:
    """Reads each source once per change on disk: (path, modification time, size) as the key."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[int, int], str | None, tuple[Problem, ...]]] = {}

    def source_path(self, map_path: Path) -> tuple[Path | None, tuple[Problem, ...]]:
        """The source named for this map, or None; a config that cannot be read is a problem."""
        config = map_path.parent / CONFIG
        if not config.is_file():
            return None, ()
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            return None, (_note(f"{config} cannot be read: {error}"),)
        named = data.get("sources", {})
        chosen = named.get(map_path.name) if isinstance(named, dict) else None
        chosen = chosen if chosen is not None else data.get("source")
        if chosen is None:
            return None, ()
        if not isinstance(chosen, str):
            return None, (_note(f"{config}: a source is a path in quotes"),)
        return config.parent / chosen, ()

    def text(self, map_path: Path) -> tuple[str | None, tuple[Problem, ...]]:
        """The source text for this map, or None, and what went wrong reading it."""
        from argmap.load import read_source

        path, notes = self.source_path(map_path)
        if path is None:
            return None, notes
        key = str(path)
        stamp = _stamp(path)
        cached = self._cache.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1], cached[2]
        try:
            text: str | None = read_source(path)
            found: tuple[Problem, ...] = ()
        except MapError as error:
            text = None
            found = (_note(f"the source named in {CONFIG} is unusable: {error.problems[0]}"),)
        self._cache[key] = (stamp, text, found)
        return text, found

    def stamps(self, map_path: Path) -> tuple[tuple[int, int], tuple[int, int]]:
        """What changes when the config or the source changes on disk."""
        path, _ = self.source_path(map_path)
        return _stamp(map_path.parent / CONFIG), _stamp(path) if path else (0, 0)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


def _note(message: str) -> Problem:
    return Problem(CONFIG, 1, 1, message)
