"""Argdown 1.x: the reader (:mod:`.lines` gathers, :mod:`.drafts` drafts the inferences,
:mod:`.read` builds the map) and the writer (:mod:`.write`)."""

from argmap.formats.argdown.read import read
from argmap.formats.argdown.write import write

__all__ = ["read", "write"]
