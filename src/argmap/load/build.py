"""Validate a tree of positioned nodes against the map format and build :class:`argmap.model.Map`.

Every reader (argmap's YAML and JSON, Argdown, AIF) builds the same tree, so ids, duplicates and
references are checked here, once, with each problem at its line and column. The small typed
readers of single fields are in :mod:`argmap.load.fields`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, TypeVar

from argmap.errors import Problem, did_you_mean
from argmap.load.fields import FieldReader
from argmap.load.nodes import Mapping, Node, Scalar, Sequence, _describe, _Problems
from argmap.model import (
    FORMAT_VERSION,
    Kind,
    Map,
    Objection,
    Position,
    Reason,
    Section,
    Source,
    Statement,
)
from argmap.util import collector_paused

_Inference = TypeVar("_Inference", Reason, Objection)

KIND_KEYS: Final = tuple(kind.value for kind in Kind)
_KINDS: Final = {kind.value: kind for kind in Kind}
TOP_KEYS: Final = ("argmap", "title", "source", "sections", "statements")
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
STATEMENT_KEYS: Final = KIND_KEYS + STATEMENT_FIELDS
SECTION_KEYS: Final = ("title", "starts")
INFERENCE_KEYS: Final = ("id", "premises", "assumed", "quote", "objections", "note")


class _Builder(FieldReader):
    """Turns the node tree into a Map, recording every problem instead of stopping at the first."""

    def __init__(self, problems: _Problems) -> None:
        super().__init__(problems)
        self.statement_nodes: dict[str, Node] = {}
        self.inference_ids: dict[str, Node] = {}
        self.references: list[tuple[str, str, Scalar, str]] = []
        """(what, owner statement, premise node, context) to resolve once all ids are known."""
        self.section_refs: list[tuple[Scalar, str]] = []

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
        fields = self.fields(mapping, STATEMENT_KEYS, what)
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
        kind = _KINDS[kinds[0]]
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
        for name in ("by", "grade") if kind is not Kind.EVIDENCE else ():
            if (entry := get(name)) is not None:
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
