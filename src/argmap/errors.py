"""The errors argmap reports to its user; the CLI prints each as one-line messages, exit code 2."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with a map, at its place in the file."""

    path: str
    """The file, as the user named it."""
    line: int
    """Line, counting from 1."""
    column: int
    """Column, counting from 1."""
    message: str
    """What is wrong, and the fix where one is obvious."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ArgmapError(Exception):
    """Base of every error argmap reports to its user."""

    exit_code = 2


class MapError(ArgmapError, ValueError):
    """A map that cannot be read: every problem found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(ArgmapError, RuntimeError):
    """Graphviz failed, or could not be run."""


class ExecutableNotFound(RenderError, FileNotFoundError):
    """Graphviz's ``dot`` (or the chosen layout engine) is not installed."""


class QueryError(ArgmapError, ValueError):
    """A question about a map that cannot be answered as asked: an unknown statement id, or a
    statement both rejected and accepted."""


def did_you_mean(word: str, choices: Iterable[str], cutoff: float | None = None) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing when none is as close as
    ``cutoff`` (0 to 1; by default loose enough for short ids)."""
    if cutoff is None:
        cutoff = 0.5 if len(word) <= 4 else 0.6  # short ids like 'e9' differ from 'e8' by half
    import difflib  # only when a suggestion is wanted: it costs a millisecond to load

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""
