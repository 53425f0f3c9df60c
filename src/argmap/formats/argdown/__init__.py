"""Argdown 1.x: the reader (:mod:`.read`) and the writer (:mod:`.write`)."""

from argmap.formats.argdown.read import read
from argmap.formats.argdown.write import write

__all__ = ["read", "write"]
