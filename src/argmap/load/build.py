"""Validate a tree of positioned nodes against the map format and build :class:`argmap.model.Map`.

Every reader (argmap's YAML and JSON, Argdown, AIF) builds the same tree, so ids, duplicates and
references are checked here, once, with each problem at its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, TypeVar

from argmap import links
from argmap.errors import Problem, did_you_mean
from argmap.load.nodes import _INT, Mapping, Node, Scalar, Sequence, _describe, _Problems, _shorten
from argmap.model import (
    FORMAT_VERSION,
    Ack,
    Attribution,
    Code,
    Grade,
    Kind,
    Level,
    Map,
    Objection,
    Position,
    Reason,
    Section,
    Source,
    Statement,
)
from argmap.util import collector_paused

ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*\Z")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
"""Characters no text of a map may hold: they cannot be shown, printed or drawn."""
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Halves of a UTF-16 surrogate pair, which an escape (``\\ud83d``) can give alone."""
MAX_ID_CHARS: Final = 200
"""Longest id; Graphviz cannot draw a name of more than about 16,000 characters."""
MAX_PARAGRAPH_DIGITS: Final = 9
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})

_Inference = TypeVar("_Inference", Reason, Objection)

KIND_KEYS: Final = tuple(kind.value for kind in Kind)
TOP_KEYS: Final = ("argmap", "title", "source", "sections", "statements")
SOURCE_KEYS: Final = ("title", "author", "publisher", "date", "url")
STATEMENT_FIELDS: Final = (
    "reasons",
    "objections",
    "quote",
    "at",
    "section",
    "hedge",
    "certainty",
    "level",
    "by",
    "grade",
    "note",
    "tags",
    "ack",
)
SECTION_KEYS: Final = ("title", "starts")
INFERENCE_KEYS: Final = ("id", "premises", "assumed", "quote", "objections", "note")
BY_KEYS: Final = ("name", "unnamed", "role")
_GRADE = re.compile(r"\A([A-F])([1-6])\Z")
FIELD_CUTOFF: Final = 0.75
"""How alike a misspelt field must be to a real one to be suggested: 'qoute' for 'quote', not
'note' for 'type' (field names are few and short, so a loose match suggests nonsense)."""


# --- validating nodes into the model -------------------------------------------------------------


class _Builder:
    """Turns the node tree into a Map, recording every problem instead of stopping at the first."""

    def __init__(self, problems: _Problems) -> None:
        self.problems = problems
        self.statement_nodes: dict[str, Node] = {}
        self.inference_ids: dict[str, Node] = {}
        self.references: list[tuple[str, str, Scalar, str]] = []
        """(what, owner statement, premise node, context) to resolve once all ids are known."""
        self.section_refs: list[tuple[Scalar, str]] = []

    # small typed readers: each reports and returns None on a wrong type

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
            if allowed and name not in allowed:
                hint = did_you_mean(name, allowed, cutoff=FIELD_CUTOFF) or (
                    f" (the fields are {', '.join(allowed)})"
                )
                self.problems.at(key, f"unknown field '{name}' in {what}{hint}")
                continue
            seen[name] = (key, value)
        return seen

    def text(self, node: Node, what: str) -> str | None:
        if isinstance(node, Scalar) and not node.is_null:
            if not node.value.strip():
                self.problems.at(node, f"{what} must not be empty")
                return None
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

    # the map

    def build(self, root: Node) -> Map | None:
        top = self.mapping(root, "the top level of a map")
        if top is None:
            return None
        fields = self.fields(top, TOP_KEYS, "the map")
        for required in ("argmap", "title", "statements"):
            if required not in fields:
                self.problems.at(top, f"the map has no '{required}'")
        version = FORMAT_VERSION
        if "argmap" in fields:
            node = fields["argmap"][1]
            if not (isinstance(node, Scalar) and node.plain and node.value == str(FORMAT_VERSION)):
                self.problems.at(
                    node,
                    f"'argmap' must be the format version {FORMAT_VERSION}, not {_describe(node)}",
                )
        title = self.text(fields["title"][1], "'title'") if "title" in fields else None
        source = self.source(fields["source"][1]) if "source" in fields else Source()
        sections = self.sections(fields["sections"][1]) if "sections" in fields else ()
        statements: dict[str, Statement] = {}
        if "statements" in fields:
            statements = self.statements(fields["statements"][1])
        self.resolve(statements, sections)
        if self.problems.items or title is None:
            return None
        return Map(
            title=title, statements=statements, source=source, sections=sections, version=version
        )

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

    def sections(self, node: Node) -> tuple[Section, ...]:
        mapping = self.mapping(node, "'sections'")
        if mapping is None:
            return ()
        out = []
        for name, (key, value) in self.fields(mapping, (), "'sections'").items():
            section_id = self.ident(key, "section id")
            starts = None
            if isinstance(value, Mapping):
                fields = self.fields(value, SECTION_KEYS, f"section '{name}'")
                if "title" not in fields:
                    self.problems.at(value, f"section '{name}' has no 'title'")
                    continue
                title = self.text(fields["title"][1], f"the heading of section '{name}'")
                if "starts" in fields:
                    starts = self.text(fields["starts"][1], f"the start of section '{name}'")
            else:
                title = self.text(value, f"the heading of section '{name}'")
            if section_id is not None and title is not None:
                out.append(
                    Section(
                        section_id, title, starts=starts, position=Position(key.line, key.column)
                    )
                )
        return tuple(out)

    def statements(self, node: Node) -> dict[str, Statement]:
        mapping = self.mapping(node, "'statements'")
        out: dict[str, Statement] = {}
        if mapping is None:
            return out
        if not mapping.items:
            self.problems.at(mapping, "'statements' is empty: a map needs at least one statement")
        for key, value in self.fields(mapping, (), "'statements'").values():
            statement_id = self.ident(key, "statement id")
            if statement_id is None:
                continue
            self.statement_nodes[statement_id] = key
            statement = self.statement(statement_id, key, value)
            if statement is not None:
                out[statement_id] = statement
        return out

    def statement(self, sid: str, key: Scalar, node: Node) -> Statement | None:
        what = f"statement '{sid}'"
        mapping = self.mapping(node, what)
        if mapping is None:
            return None
        fields = self.fields(mapping, KIND_KEYS + STATEMENT_FIELDS, what)
        kinds = [name for name in KIND_KEYS if name in fields]
        if not kinds:
            self.problems.at(
                mapping if mapping.items else key,
                f"{what} has no text: give it one of {', '.join(KIND_KEYS)}",
            )
            return None
        if len(kinds) > 1:
            self.problems.at(
                fields[kinds[1]][0], f"{what} has two kinds, {kinds[0]} and {kinds[1]}: keep one"
            )
            return None
        kind = Kind(kinds[0])
        text = self.text(fields[kinds[0]][1], f"the text of {what}")
        get = fields.get
        reasons: tuple[Reason, ...] = ()
        if (entry := get("reasons")) is not None:
            reasons = self.inferences(entry[1], sid, sid, "reason", Reason)
        objections: tuple[Objection, ...] = ()
        if (entry := get("objections")) is not None:
            objections = self.inferences(entry[1], sid, sid, "objection", Objection)
        quote = self.text(entry[1], f"the quote of {what}") if (entry := get("quote")) else None
        note = self.text(entry[1], f"the note of {what}") if (entry := get("note")) else None
        at = self.locator(entry[1], what) if (entry := get("at")) else None
        hedge = self.hedge(entry[1], what) if (entry := get("hedge")) else None
        certainty = None
        if (entry := get("certainty")) is not None:
            certainty = self.text(entry[1], f"the certainty of {what}")
            if hedge is not None and certainty is not None:
                self.problems.at(
                    entry[0],
                    f"{what} has both a hedge and a certainty marker: keep the one the author "
                    "means, or state its level",
                )
        level = self.level(entry[1], what) if (entry := get("level")) else None
        by = self.by(entry[1], what) if (entry := get("by")) else None
        grade = self.grade(entry[1], what) if (entry := get("grade")) else None
        for name in ("by", "grade"):
            if kind is not Kind.EVIDENCE and (entry := get(name)) is not None:
                self.problems.at(
                    entry[0], f"{what} is a {kind.value}: only evidence has a source ('{name}')"
                )
        tags = self.texts(entry[1], f"the tags of {what}") if (entry := get("tags")) else ()
        acks = self.acks(entry[1], what) if (entry := get("ack")) else ()
        section = None
        if (entry := get("section")) is not None:
            section = self.ident(entry[1], f"the section of {what}")
            if section is not None:
                assert isinstance(entry[1], Scalar)
                self.section_refs.append((entry[1], section))
        if text is None:
            return None
        return Statement(
            id=sid,
            kind=kind,
            text=text,
            reasons=reasons,
            objections=objections,
            quote=quote,
            at=at,
            section=section,
            hedge=hedge,
            certainty=certainty,
            level=level,
            by=by,
            grade=grade,
            note=note,
            tags=tags,
            acks=acks,
            position=Position(key.line, key.column),
        )

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

    def inferences(
        self,
        node: Node,
        statement: str,
        parent: str,
        role: str,
        cls: type[_Inference],
    ) -> tuple[_Inference, ...]:
        """The reasons (or objections) listed under a statement, reason or objection."""
        if not isinstance(node, Sequence):
            # a single premise written without the list: `reasons: e1`
            items: list[Node] = [node]
        else:
            items = node.items
        suffix = "r" if cls is Reason else "o"
        out = []
        for number, item in enumerate(items, start=1):
            built = self.inference(item, statement, f"{parent}.{suffix}{number}", role, cls)
            if built is not None:
                out.append(built)
        return tuple(out)

    def inference(
        self,
        node: Node,
        statement: str,
        auto_id: str,
        role: str,
        cls: type[_Inference],
    ) -> _Inference | None:
        what = f"{role} {auto_id}"
        position = Position(node.line, node.column)
        inference_id = auto_id
        note = quote = None
        assumed = False
        undercuts: tuple[Objection, ...] = ()
        if isinstance(node, Mapping):
            article = "an" if role[0] in "aeiou" else "a"
            fields = self.fields(node, INFERENCE_KEYS, f"{article} {role} of '{statement}'")
            if "id" in fields:
                given = self.ident(fields["id"][1], f"the id of {what}")
                if given is not None:
                    inference_id = given
            what = f"{role} '{inference_id}'"
            assumed = "assumed" in fields
            if assumed and "premises" in fields:
                self.problems.at(
                    fields["assumed"][0],
                    f"{what} has both 'premises' and 'assumed': write its premises under one "
                    "('assumed' when the link is the mapper's)",
                )
            premises_entry = fields.get("assumed") or fields.get("premises")
            if premises_entry is None:
                self.problems.at(node, f"{what} has no 'premises' (or 'assumed')")
                premise_nodes: list[Node] = []
            else:
                premise_nodes = self.premise_nodes(premises_entry[1], what)
            if "note" in fields:
                note = self.text(fields["note"][1], f"the note of {what}")
            if "quote" in fields:
                quote = self.text(fields["quote"][1], f"the quote of {what}")
                if assumed:
                    self.problems.at(
                        fields["quote"][0],
                        f"{what} is assumed by the mapper, so it cannot carry the author's words "
                        "as its 'quote': write 'premises' for a link the author draws",
                    )
            if "objections" in fields:
                undercuts = self.inferences(
                    fields["objections"][1], statement, inference_id, "objection", Objection
                )
        else:
            premise_nodes = self.premise_nodes(node, what)
        self.register_inference(inference_id, node)
        premises = []
        for premise in premise_nodes:
            name = self.text(premise, f"a premise of {what}")
            if name is None:
                continue
            assert isinstance(premise, Scalar)
            if name in premises:
                self.problems.at(premise, f"{what} names '{name}' twice")
                continue
            premises.append(name)
            self.references.append((role, statement, premise, what))
        if not premise_nodes:
            return None
        return cls(
            inference_id,
            tuple(premises),
            undercuts,
            note,
            assumed=assumed,
            quote=quote,
            position=position,
        )

    def premise_nodes(self, node: Node, what: str) -> list[Node]:
        if isinstance(node, Sequence):
            if not node.items:
                self.problems.at(node, f"{what} has an empty list of premises")
            nested = [item for item in node.items if not isinstance(item, Scalar)]
            for item in nested:
                self.problems.at(
                    item, f"a premise of {what} must be a statement id, not {_describe(item)}"
                )
            return [item for item in node.items if isinstance(item, Scalar)]
        if isinstance(node, Scalar):
            return [node]
        self.problems.at(
            node, f"{what} must be a statement id, a list of ids, or a mapping with 'premises'"
        )
        return []

    def register_inference(self, inference_id: str, node: Node) -> None:
        if inference_id in self.inference_ids:
            first = self.inference_ids[inference_id]
            self.problems.at(node, f"duplicate id '{inference_id}' (first at line {first.line})")
        else:
            self.inference_ids[inference_id] = node

    def resolve(self, statements: dict[str, Statement], sections: tuple[Section, ...]) -> None:
        """Check every reference now that all ids are known."""
        for inference_id, node in self.inference_ids.items():
            if inference_id in self.statement_nodes:
                first = self.statement_nodes[inference_id]
                self.problems.at(
                    node, f"id '{inference_id}' is already a statement's (line {first.line})"
                )
        known = self.statement_nodes
        for role, owner, premise, what in self.references:
            name = premise.value
            if name in known:
                if name == owner:
                    supported = statements[owner].kind.value if owner in statements else "claim"
                    self.problems.at(
                        premise,
                        f"{what} names its own {supported if role == 'reason' else 'target'} "
                        f"'{owner}'",
                    )
            elif name in self.inference_ids:
                self.problems.at(
                    premise,
                    f"{what} names {name!r}, which is a reason or objection, not a statement",
                )
            else:
                self.problems.at(
                    premise, f"{what} names unknown statement '{name}'{did_you_mean(name, known)}"
                )
        section_ids = [s.id for s in sections]
        for node, name in self.section_refs:
            if name not in section_ids:
                hint = (
                    did_you_mean(name, section_ids)
                    if section_ids
                    else " (declare it under 'sections')"
                )
                self.problems.at(node, f"unknown section '{name}'{hint}")


def build(root: Node, name: str, problems: Iterable[Problem] = ()) -> Map:
    """Validate a tree of positioned nodes shaped like a map file, as :func:`loads` does.

    The readers of other formats build such a tree, with the places of their own file, so that
    ids, duplicates and references are checked here, once, for every format. ``problems`` are
    those the reader found itself; all are raised together, in file order.
    """
    collected = _Problems(name)
    collected.items.extend(problems)
    with collector_paused():
        built = _Builder(collected).build(root)
    if built is None or collected.items:
        raise collected.error()
    return built
