"""The argument map as frozen data: statements, the reasons that support them, the objections
that attack them. No I/O here; maps are built by :func:`argmap.load.load_map`."""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

K = TypeVar("K")
V = TypeVar("V")

FORMAT_VERSION = 1


class Kind(enum.Enum):
    """What a statement is in the argument."""

    THESIS = "thesis"
    """A main conclusion of the text."""
    CLAIM = "claim"
    """An intermediate claim: supported by reasons, supporting others."""
    EVIDENCE = "evidence"
    """A fact, figure, event or statement by a named source, taken from the text."""
    ASSUMPTION = "assumption"
    """An unstated premise that the mapper makes explicit."""

    @property
    def is_claim(self) -> bool:
        """Theses and claims need reasons; evidence and assumptions are accepted as given."""
        return self in (Kind.THESIS, Kind.CLAIM)


class Code(enum.Enum):
    """The kinds of finding ``argmap check`` reports; maps name them in acknowledgements."""

    UNSUPPORTED = "unsupported"
    """A claim or thesis with no reasons at all."""
    UNGROUNDED = "ungrounded"
    """A claim with reasons, none of which applies."""
    CIRCULAR = "circular"
    """A claim that supports itself through a chain of reasons."""
    DEFEATED = "defeated"
    """A claim defeated by an objection that is left unanswered."""
    CONTESTED = "contested"
    """A claim whose support is undercut, or caught in an undecided attack cycle."""
    ORPHAN = "orphan"
    """A statement that is neither a thesis nor a premise of anything."""
    UNTRACEABLE = "untraceable"
    """Evidence without a quote or a locator: it cannot be traced back to the source."""
    HEDGED_LOAD = "hedged-load"
    """A hedged claim that a thesis depends on."""
    UNKNOWN_HEDGE = "unknown-hedge"
    """A hedge or certainty marker whose words are not on the confidence scale, and no level."""
    OVERSTATED = "overstated"
    """A statement stated with more confidence than its support earns."""
    SINGLE_SOURCE = "single-source"
    """A thesis whose evidence all comes from one source."""
    UNNAMED_ONLY = "unnamed-only"
    """A thesis whose evidence all comes from unnamed sources."""
    UNNAMED_SOURCE = "unnamed-source"
    """Evidence from an unnamed source that a thesis depends on."""
    DUPLICATE = "duplicate"
    """Two statements with the same text."""
    QUOTE_NOT_FOUND = "quote-not-found"
    """A quote that does not occur in the source text."""
    MISPLACED_QUOTE = "misplaced-quote"
    """A quote that is in the source, but not where the statement's locator says."""
    BEYOND_QUOTE = "beyond-quote"
    """Evidence whose text has numbers, names or dates its quote's paragraph does not."""
    RESTS_ON_MAPPER = "rests-on-mapper"
    """A thesis that stands only through the mapper's reading: not on the author's words alone."""
    UNUSED_ACK = "unused-ack"
    """An acknowledgement of a finding that ``argmap check`` does not find about its statement."""


class Level(enum.IntEnum):
    """A step of the confidence scale, lowest first: the seven estimative terms of ICD 203, and
    the stated certainty above them. Its value is its rank (1 to 8)."""

    ALMOST_NO_CHANCE = 1
    """Almost no chance (1-5%)."""
    VERY_UNLIKELY = 2
    """Very unlikely (5-20%)."""
    UNLIKELY = 3
    """Unlikely (20-45%)."""
    EVEN_CHANCE = 4
    """Roughly even chance (45-55%)."""
    LIKELY = 5
    """Likely (55-80%)."""
    VERY_LIKELY = 6
    """Very likely (80-95%)."""
    ALMOST_CERTAIN = 7
    """Almost certain (95-99%)."""
    CERTAIN = 8
    """Stated certainty ("it is clear"): beyond any estimate; no evidence earns it."""

    @property
    def term(self) -> str:
        """The level as maps write it: ``roughly even chance``."""
        return _TERMS[self]

    @classmethod
    def named(cls, term: str) -> Level | None:
        """The level a map's ``level:`` names (case and spacing ignored), if any."""
        return _LEVELS.get(" ".join(term.casefold().split()))


_TERMS: dict[Level, str] = {
    Level.ALMOST_NO_CHANCE: "almost no chance",
    Level.VERY_UNLIKELY: "very unlikely",
    Level.UNLIKELY: "unlikely",
    Level.EVEN_CHANCE: "roughly even chance",
    Level.LIKELY: "likely",
    Level.VERY_LIKELY: "very likely",
    Level.ALMOST_CERTAIN: "almost certain",
    Level.CERTAIN: "certain",
}
_LEVELS: dict[str, Level] = {term: level for level, term in _TERMS.items()}


@attrs.frozen
class Attribution:
    """Whose a piece of evidence is: a named person or body, with a role, or an unnamed source."""

    name: str
    """The person or body ("Xu Qiliang"), or how the text refers to an unnamed source
    ("Chinese sources")."""
    role: str | None = None
    """Who they are ("Vice Chairman of China's Central Military Commission")."""
    unnamed: bool = False
    """True when the text does not name the source."""

    @property
    def key(self) -> str:
        """What tells two sources apart: the name, case and spacing ignored."""
        return " ".join(self.name.casefold().split())

    def __str__(self) -> str:
        """``Xu Qiliang, Vice Chairman ...``, or ``an unnamed source (Chinese sources)``."""
        if self.unnamed:
            return f"an unnamed source ({self.name})"
        return self.name if self.role is None else f"{self.name}, {self.role}"


@attrs.frozen
class Grade:
    """A source grade in the two-part Admiralty (NATO) form: ``B2``."""

    reliability: str
    """The source's reliability, ``A`` (completely reliable) to ``E`` (unreliable), ``F`` (cannot
    be judged)."""
    credibility: int
    """The information's credibility, 1 (confirmed) to 5 (improbable), 6 (cannot be judged)."""

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"


@attrs.frozen
class Position:
    """A place in the map file, for messages (1-based)."""

    line: int
    """Line number, counting from 1."""
    column: int
    """Column number, counting from 1."""


@attrs.frozen
class Objection:
    """A group of premises that attacks a statement (rebuttal) or a reason (undercut)."""

    id: str
    """The objection's id: given in the map, or derived as ``<target>.o<n>``."""
    premises: tuple[str, ...]
    """Ids of the statements that together make the objection, each once."""
    objections: tuple[Objection, ...] = ()
    """Undercuts of this objection: replies that deny the premises bear on the target."""
    note: str | None = None
    """The mapper's note."""
    assumed: bool = attrs.field(default=False, kw_only=True)
    """The mapper's reconstruction: the author does not draw this link (``assumed:`` in a map)."""
    quote: str | None = attrs.field(default=None, kw_only=True)
    """The author's connective that draws this link ("Given its economic shortcomings")."""
    position: Position | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """Where the objection is written."""


@attrs.frozen
class Reason:
    """A group of premises that supports a claim; several premises are linked (all needed)."""

    id: str
    """The reason's id: given in the map, or derived as ``<claim>.r<n>``."""
    premises: tuple[str, ...]
    """Ids of the co-premises, each once; the reason applies only when all of them hold."""
    objections: tuple[Objection, ...] = ()
    """Undercuts: objections that deny these premises support the claim."""
    note: str | None = None
    """The mapper's note."""
    assumed: bool = attrs.field(default=False, kw_only=True)
    """The mapper's reconstruction: the author does not draw this link (``assumed:`` in a map)."""
    quote: str | None = attrs.field(default=None, kw_only=True)
    """The author's connective that draws this link ("Given its economic shortcomings")."""
    position: Position | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """Where the reason is written."""

    @property
    def linked(self) -> bool:
        """True when the reason has more than one co-premise."""
        return len(self.premises) > 1


@attrs.frozen
class Ack:
    """The mapper's acknowledgement of a finding about one statement: it is known and accepted."""

    code: Code
    """The finding acknowledged."""
    why: str
    """Why the finding is accepted."""
    position: Position | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """Where the acknowledgement is written."""


@attrs.frozen
class Statement:
    """One statement of the argument, with the reasons for it and the objections against it."""

    id: str
    """The id the mapper chose; stable across edits."""
    kind: Kind
    """Thesis, claim, evidence or assumption."""
    text: str
    """The statement, in the mapper's words."""
    reasons: tuple[Reason, ...] = ()
    """Independent (convergent) reasons; each one alone can support the statement."""
    objections: tuple[Objection, ...] = ()
    """Rebuttals: objections against the statement itself."""
    quote: str | None = None
    """A short verbatim quote from the source."""
    at: int | str | None = None
    """Locator in the source: a paragraph number within the section, or free text."""
    section: str | None = None
    """Id of the section of the source the statement belongs to."""
    hedge: str | None = None
    """The author's hedge ("most likely"); an empty string marks a hedge without its words."""
    certainty: str | None = None
    """The author's marker of stated certainty ("it is clear"), in the author's words."""
    level: Level | None = None
    """The stated confidence, as the mapper reads it, where the hedge's words do not say it."""
    by: Attribution | None = None
    """Whose the evidence is."""
    grade: Grade | None = None
    """The source grade of the evidence."""
    note: str | None = None
    """The mapper's note."""
    tags: tuple[str, ...] = ()
    """Free tags."""
    acks: tuple[Ack, ...] = ()
    """Findings the mapper acknowledges for this statement."""
    position: Position | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """Where the statement's id is written."""

    @property
    def hedged(self) -> bool:
        """True when the author states this with reservation."""
        return self.hedge is not None

    @property
    def marker(self) -> str | None:
        """The words that state the confidence: the hedge's, else the certainty marker's."""
        return self.hedge or self.certainty

    def premise_ids(self) -> Iterator[str]:
        """Every statement id this statement's reasons rest on, in map order."""
        for reason in self.reasons:
            yield from reason.premises


@attrs.frozen
class Section:
    """A part of the source (Background, Implications, ...), used to group statements."""

    id: str
    """The section's id, used by statements' ``section``."""
    title: str
    """The section's heading as shown."""
    starts: str | None = attrs.field(default=None, kw_only=True)
    """The words the section's first paragraph begins with in the source, for a section that no
    heading of the source marks (``starts:`` in a map); None to find it by its heading."""
    position: Position | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """Where the section is declared."""


@attrs.frozen
class Source:
    """The text that the map maps."""

    title: str | None = None
    """Title of the text."""
    author: str | None = None
    """Author(s)."""
    publisher: str | None = None
    """Where it was published."""
    date: str | None = None
    """Date of publication, as written (ISO 8601 recommended)."""
    url: str | None = None
    """Where to read it."""


class FrozenMapping(Mapping[K, V]):
    """A mapping that cannot change once made: no item can be added, replaced or removed. It keeps
    the order it was given, compares equal to any mapping with the same items (as a ``dict``
    does), and is hashable when its values are, so that a whole :class:`Map` is."""

    __slots__ = ("_hash", "_items")
    _items: Mapping[K, V]
    _hash: int | None

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        object.__setattr__(self, "_items", types.MappingProxyType(dict(items)))
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMapping):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        cached = self._hash
        if cached is None:  # computed once: the items never change
            cached = hash(frozenset(self._items.items()))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __reduce__(self) -> tuple[type[FrozenMapping[K, V]], tuple[dict[K, V]]]:
        return type(self), (dict(self._items),)  # for copy and pickle, which would set attributes

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot be changed")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} cannot be changed")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self._items)!r})"


def _frozen_statements(statements: Mapping[str, Statement]) -> FrozenMapping[str, Statement]:
    """The statements as a mapping no one can change, whatever mapping the builder passed."""
    if isinstance(statements, FrozenMapping):
        return statements
    return FrozenMapping(statements)


@attrs.frozen
class Map:
    """An argument map: metadata, sections, and statements keyed by id in file order."""

    title: str
    """The map's title."""
    statements: Mapping[str, Statement] = attrs.field(converter=_frozen_statements)
    """Statements by id, in the order of the file: a :class:`FrozenMapping`, read-only."""
    source: Source = Source()
    """The text mapped."""
    sections: tuple[Section, ...] = ()
    """Sections of the source, in order."""
    version: int = FORMAT_VERSION
    """Format version."""

    @property
    def theses(self) -> tuple[Statement, ...]:
        """The main conclusions, in map order."""
        return tuple(s for s in self.statements.values() if s.kind is Kind.THESIS)

    def section(self, section_id: str) -> Section | None:
        """The section with that id, if declared."""
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def locator(self, statement: Statement) -> str | None:
        """Human-readable place in the source: ``Background, para. 2`` or the free-text locator."""
        if statement.at is None:
            return None
        if isinstance(statement.at, str):
            return statement.at
        section = self.section(statement.section) if statement.section else None
        prefix = f"{section.title}, " if section else ""
        return f"{prefix}para. {statement.at}"
