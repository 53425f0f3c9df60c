"""The small typed readers of :mod:`argmap.load.build`: a text, an id, a list of texts, the map's
source, and a statement's locator, hedge, level, source ('by'), grade and acknowledgements, and
the yes-or-no marks that other formats write as data (a link assumed by the mapper). Each reports
a value of the wrong type or shape at its line and column and returns None (or nothing) for it."""

from __future__ import annotations

import re
from typing import Final

from argmap import links
from argmap.errors import did_you_mean
from argmap.load.nodes import (
    _INT,
    _NULLS,
    Mapping,
    Node,
    Scalar,
    Sequence,
    _describe,
    _Problems,
    _shorten,
)
from argmap.model import Ack, Attribution, Code, Grade, Level, Position, Source

ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*\Z")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
"""Characters no text of a map may hold: they cannot be shown, printed or drawn."""
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Halves of a UTF-16 surrogate pair, which an escape (``\\ud83d``) can give alone."""
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
"""Either: one search finds whether a text holds any, the two above which one to report."""
MAX_ID_CHARS: Final = 200
"""Longest id; Graphviz cannot draw a name of more than about 16,000 characters."""
MAX_PARAGRAPH_DIGITS: Final = 9
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
SOURCE_KEYS: Final = ("title", "author", "publisher", "date", "url")
BY_KEYS: Final = ("name", "unnamed", "role")
_GRADE = re.compile(r"\A([A-F])([1-6])\Z")
FIELD_CUTOFF: Final = 0.75
"""How alike a misspelt field must be to a real one to be suggested: 'qoute' for 'quote', not
'note' for 'type' (field names are few and short, so a loose match suggests nonsense)."""


_KNOWN: dict[tuple[str, ...], frozenset[str]] = {}


def _known(allowed: tuple[str, ...]) -> frozenset[str]:
    """The fields of ``allowed`` as a set, made once for each tuple of fields."""
    known = _KNOWN.get(allowed)
    if known is None:
        known = _KNOWN[allowed] = frozenset(allowed)
    return known


class FieldReader:
    """Reads the fields of the node tree into typed values, recording every problem instead of
    stopping at the first; :class:`argmap.load.build._Builder` builds the map with it."""

    def __init__(self, problems: _Problems) -> None:
        self.problems = problems

    def mapping(self, node: Node, what: str) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        self.problems.at(node, f"{what} must be a mapping, not {_describe(node)}")
        return None

    def fields(
        self, node: Mapping, allowed: tuple[str, ...], what: str
    ) -> dict[str, tuple[Scalar, Node]]:
        """The mapping's keys, checked: text keys, no duplicates, no unknown fields."""
        seen: dict[str, tuple[Scalar, Node]] = {}
        known = _known(allowed)
        for key, value in node.items:
            if not isinstance(key, Scalar) or key.is_null:
                self.problems.at(key, f"keys of {what} must be text, not {_describe(key)}")
                continue
            name = key.value
            if name in seen:
                first = seen[name][0]
                self.problems.at(
                    key, f"duplicate key '{name}' in {what} (first at line {first.line})"
                )
                continue
            if allowed and name not in known:
                hint = did_you_mean(name, allowed, cutoff=FIELD_CUTOFF) or (
                    f" (the fields are {', '.join(allowed)})"
                )
                self.problems.at(key, f"unknown field '{name}' in {what}{hint}")
                continue
            seen[name] = (key, value)
        return seen

    def text(self, node: Node, what: str) -> str | None:
        if isinstance(node, Scalar) and not (node.plain and node.value in _NULLS):
            value = node.value
            if not value.strip():
                self.problems.at(node, f"{what} must not be empty")
                return None
            if _UNPRINTABLE.search(value) is None:
                return value
            surrogate = _SURROGATE.search(node.value)
            if surrogate is not None:
                self.problems.at(
                    node,
                    f"{what} holds U+{ord(surrogate.group()):04X}, half of a surrogate pair "
                    "without its other half, which is no character",
                )
                return None
            control = _CONTROL.search(node.value)
            if control is not None:
                self.problems.at(
                    node,
                    f"{what} contains the control character U+{ord(control.group()):04X}; "
                    "a map holds printable text, tabs and line breaks",
                )
                return None
            return node.value
        self.problems.at(node, f"{what} must be text, not {_describe(node)}")
        return None

    def ident(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if len(value) > MAX_ID_CHARS:
            self.problems.at(
                node,
                f"{what} '{_shorten(value)}' is {len(value):,} characters long; "
                f"an id has at most {MAX_ID_CHARS}",
            )
            return None
        if not ID_PATTERN.match(value):
            self.problems.at(
                node,
                f"{what} '{_shorten(value)}' is not a valid id: use letters, digits, '_', '-' "
                "and '.', starting with a letter or digit",
            )
            return None
        return value

    def texts(self, node: Node, what: str) -> tuple[str, ...]:
        """A list of texts, or one text standing for a list of one."""
        if isinstance(node, Sequence):
            out = [self.text(item, f"each of {what}") for item in node.items]
            return tuple(t for t in out if t is not None)
        single = self.text(node, what)
        return (single,) if single is not None else ()

    def locator(self, node: Node, what: str) -> int | str | None:
        if isinstance(node, Scalar) and node.plain and _INT.match(node.value):
            if len(node.value.lstrip("+-0")) > MAX_PARAGRAPH_DIGITS:
                self.problems.at(node, f"the paragraph number of {what} is too large")
                return None
            number = int(node.value)
            if number < 1:
                self.problems.at(node, f"the paragraph number of {what} must be 1 or more")
                return None
            return number
        return self.text(node, f"the locator 'at' of {what}")

    def hedge(self, node: Node, what: str) -> str | None:
        if isinstance(node, Scalar) and node.plain:
            if node.value in _TRUE:
                return ""
            if node.value in _FALSE:
                return None
        return self.text(node, f"the hedge of {what}")

    def flag(self, node: Node, what: str) -> bool | None:
        """A yes-or-no mark, ``true`` or ``false``, as other formats' data write it."""
        if isinstance(node, Scalar) and node.plain:
            if node.value in _TRUE:
                return True
            if node.value in _FALSE:
                return False
        self.problems.at(node, f"{what} must be true or false, not {_describe(node)}")
        return None

    def level(self, node: Node, what: str) -> Level | None:
        term = self.text(node, f"the level of {what}")
        if term is None:
            return None
        level = Level.named(term)
        if level is None:
            terms = [level.term for level in Level]
            self.problems.at(
                node,
                f"the level of {what} is not on the confidence scale"
                f"{did_you_mean(term.casefold(), terms)}: use one of {', '.join(terms)}",
            )
        return level

    def by(self, node: Node, what: str) -> Attribution | None:
        if isinstance(node, Scalar):
            name = self.text(node, f"the source 'by' of {what}")
            return Attribution(name) if name is not None else None
        mapping = self.mapping(node, f"the source 'by' of {what}")
        if mapping is None:
            return None
        fields = self.fields(mapping, BY_KEYS, f"the source 'by' of {what}")
        role = None
        if (entry := fields.get("role")) is not None:
            role = self.text(entry[1], f"the role of the source of {what}")
        names = [name for name in ("name", "unnamed") if name in fields]
        if len(names) != 1:
            self.problems.at(
                mapping,
                f"the source 'by' of {what} needs either a name or, for a source the text does "
                "not name, how the text refers to it (unnamed: Chinese sources)",
            )
            return None
        name = self.text(fields[names[0]][1], f"the source '{names[0]}' of {what}")
        if name is None:
            return None
        return Attribution(name, role, unnamed=names[0] == "unnamed")

    def grade(self, node: Node, what: str) -> Grade | None:
        text = self.text(node, f"the grade of {what}")
        if text is None:
            return None
        match = _GRADE.match(text.strip().upper())
        if match is None:
            self.problems.at(
                node,
                f"the grade of {what} must be a reliability A-F and a credibility 1-6, as in B2",
            )
            return None
        return Grade(match.group(1), int(match.group(2)))

    def acks(self, node: Node, what: str) -> tuple[Ack, ...]:
        mapping = self.mapping(node, f"the 'ack' of {what}")
        if mapping is None:
            return ()
        codes = [code.value for code in Code]
        out = []
        for name, (key, value) in self.fields(mapping, (), f"the 'ack' of {what}").items():
            why = self.text(value, f"the reason for acknowledging '{name}'")
            if name not in codes:
                self.problems.at(
                    key, f"unknown finding code '{name}' in 'ack'{did_you_mean(name, codes)}"
                )
                continue
            if why is not None:
                out.append(Ack(Code(name), why, position=Position(key.line, key.column)))
        return tuple(out)

    def source(self, node: Node) -> Source:
        mapping = self.mapping(node, "'source'")
        if mapping is None:
            return Source()
        fields = self.fields(mapping, SOURCE_KEYS, "'source'")
        values = {name: self.text(value, f"source '{name}'") for name, (_, value) in fields.items()}
        url = values.get("url")
        why = links.problem(url) if url is not None else None
        if why is not None:
            self.problems.at(fields["url"][1], why)
            values["url"] = None
        return Source(**values)
