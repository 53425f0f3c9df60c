"""What the Argdown reader gathers from a file: elements with their text, statements and
arguments over all their occurrences, premise-conclusion structures and relations."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define
class Part:
    """A piece of an element's text on one line, where it starts."""

    line: int
    column: int
    text: str


@attrs.define
class Heading:
    """A heading, which starts a section: ``# Background {id: background}``."""

    path: str
    """Its title with those of the headings above it: ``Implications / Outlook``."""
    title: str
    line: int
    column: int
    data: dict[str, Any] = attrs.Factory(dict)
    """Its data block: ``id``, ``title``, ``starts``."""
    data_place: tuple[int, int] | None = None
    """Where its data block starts, if it has one."""

    @property
    def id(self) -> str | None:
        """The section id its data gives, if any."""
        given = self.data.get("id")
        return given if isinstance(given, str) else None


@attrs.define
class Element:
    """One written statement or argument: a definition, a reference, or untitled text."""

    kind: str  # "statement" or "argument"
    key: str
    line: int
    column: int
    parts: list[Part] = attrs.Factory(list)


@attrs.define(init=False)
class Entity:
    """A statement (an equivalence class) or an argument, gathered over all its occurrences."""

    kind: str
    key: str
    title: str | None
    line: int
    column: int
    section: str | None
    wordings: list[str]
    tags: list[str]
    data: dict[str, Any]
    data_place: tuple[int, int] | None
    pcs: Pcs | None
    used: bool

    def __init__(
        self,
        kind: str,
        key: str,
        title: str | None,
        line: int,
        column: int,
        section: str | None = None,
    ) -> None:
        # written out, not generated: a large file has an entity for each statement and argument
        self.kind, self.key, self.title, self.line, self.column = kind, key, title, line, column
        self.section = section
        self.wordings, self.tags, self.data = [], [], {}
        self.data_place = self.pcs = None
        self.used = False


@attrs.define
class Pcs:
    """An argument's premise-conclusion structure: numbered statements and inference lines."""

    line: int
    column: int
    items: list[tuple[int, str, int, int]] = attrs.Factory(list)  # number, key, line, column
    inferences: list[Inference] = attrs.Factory(list)


@attrs.define
class Inference:
    after: int  # how many items precede it
    line: int
    column: int
    uses: list[int] | None = None
    rule: str = ""


@attrs.define
class Relation:
    relation: str
    source: tuple[str, str]  # (kind, key)
    target: tuple[str, str]
    line: int
    column: int
