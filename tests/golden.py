"""Golden files: output reviewed once and kept in the repository, compared exactly on every run.

After a deliberate change, ``ARGMAP_UPDATE_GOLDEN=1 make test`` rewrites every golden file with
what argmap prints today; review the diff line by line before committing it."""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, text: str, stale: str = "") -> None:
    """``text`` is exactly the content of the golden file ``path``; with ARGMAP_UPDATE_GOLDEN set,
    the file is rewritten to ``text`` first. ``stale`` says what to do when they differ."""
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with ARGMAP_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), stale or f"{path.name} differs"
