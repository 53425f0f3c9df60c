"""Gather what an Argdown 1.x file says: statements, arguments, relations, headings and front
matter, in file order, each with its line and column.

The reader is written by hand, line by line, as Argdown's own lexer is: a line's start says what
it is (a heading, a numbered premise, an inference ``--``, a relation ``+``, a continuation), and
indentation says what a relation hangs under; :mod:`.inline` reads the text inside lines (comments,
front matter, tags, data), :mod:`.gathered` holds what is gathered, and :mod:`.read` turns it into
a map.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from argmap.errors import Problem
from argmap.formats.argdown import inline
from argmap.formats.argdown.gathered import (
    Element,
    Entity,
    Heading,
    Inference,
    Part,
    Pcs,
    Relation,
)
from argmap.model import Kind

_HEADING = re.compile(r"(#+) ")
_NUMBER = re.compile(r"\((\d+)\)\s")
_LIST_ITEM = re.compile(r"(?:\*|\d+\.)(?=\s)\s*")
_RELATION = re.compile(r"(\+>|->|><|_>|<\+|<-|<_|\+|-|_(?=\s))\s*")
_RELATION_FIRST = frozenset("+-><_")
"""The characters a relation marker starts with: no other line is matched against it."""
_AFTER_LT = frozenset("+-_")
"""What follows '<' in a relation marker (else '<' opens an argument's title)."""
KIND_TAGS = {kind.value: kind for kind in Kind}

# relation marker -> (relation, does the child act on its parent?)
_MARKERS = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradiction", False),
}


class Reader:
    """Gathers one Argdown file."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.entities: dict[tuple[str, str], Entity] = {}
        self.relations: list[Relation] = []
        self.pcs_order: list[str] = []
        self.events: list[tuple[str, Any]] = []
        self.front: dict[str, Any] = {}
        self.sections: list[Heading] = []
        """Each heading, in file order."""
        self._heading_lines: list[int] | None = None
        self.untitled = 0
        self.pending: list[tuple[Element, Entity]] = []
        """The elements that have text, in file order: :meth:`finish_elements` cleans it."""
        self.tags: list[str] = []
        self.data_place: tuple[int, int] | None = None
        self.front_end = 0
        text, front, self.front_end = inline.front_matter(text, self.problem)
        if front is not None:
            self.front = front
        self.lines = inline.strip_comments(text, self.problem)

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, column, message))

    # --- lines ------------------------------------------------------------------------------

    def read(self) -> None:
        index = self.front_end
        stack: list[tuple[int, Element]] = []
        current: Element | None = None
        pcs: Pcs | None = None
        pcs_owner: str | None = None
        previous_root: Element | None = None
        block_root: Element | None = None
        headings: list[tuple[int, str]] = []
        section: str | None = None
        inference: Inference | None = None
        stripped: str
        first: str
        for number, raw in enumerate(self.lines[index:], start=index + 1):
            # lines are stripped on the right: a blank one is empty, one that held only a
            # comment None; what a line can be is told by its first character
            if not raw:
                if raw is None:
                    continue
                if inference is None:
                    current = None
                    stack = []
                    if block_root is not None:
                        previous_root = block_root
                    block_root = None
                    continue
                stripped, indent, first = raw, 0, ""
            elif raw[0].isspace():
                stripped = raw.lstrip()
                indent = len(raw) - len(stripped)
                first = stripped[0]
            else:
                stripped, indent, first = raw, 0, raw[0]
            column = indent + 1
            if inference is not None:  # inside a multi-line inference: read to its closing --
                self.inference_text(inference, stripped, number, column)
                if inference.rule.endswith("\0"):
                    inference.rule = inference.rule[:-1].strip()
                    inference = None
                continue
            if first == "[" or (first == "<" and stripped[1:2] not in _AFTER_LT):
                # a statement or an argument, as the last branches below take it
                if pcs is not None and block_root is None:
                    self.end_pcs(pcs, pcs_owner)
                    pcs, pcs_owner = None, None
                if current is not None:
                    if not current.parts:  # its text is cleaned once the file is read
                        self.pending.append((current, self.entities[(current.kind, current.key)]))
                    current.parts.append(Part(number, column, stripped))
                    continue
                element = self.element(stripped, number, column, section)
                current = element
                stack = [(indent, element)] if element is not None else []
                if block_root is None:
                    block_root = element
                continue
            if first == "#" and indent == 0 and (heading := _HEADING.match(stripped)):
                self.end_pcs(pcs, pcs_owner)
                pcs, pcs_owner, current, stack = None, None, None, []
                previous_root = block_root = None
                level = len(heading.group(1))
                self.data_place = None
                title, data = self.clean(
                    [Part(number, len(heading.group()) + 1, stripped[len(heading.group()) :])]
                )
                if isinstance(data.get("title"), str):  # the exact title, as argmap writes it
                    title = data["title"]
                while headings and headings[-1][0] >= level:
                    headings.pop()
                headings.append((level, title))
                section = " / ".join(h for _, h in headings)
                self.sections.append(Heading(section, title, number, 1, data, self.data_place))
                continue
            if first == "(" and (statement_number := _NUMBER.match(stripped)):
                if pcs is None:
                    owner = previous_root if block_root is None else None
                    if owner is not None and owner.kind == "argument":
                        pcs_owner = owner.key
                    else:
                        self.untitled += 1
                        pcs_owner = f"\0argument {self.untitled}"
                        self.entity("argument", pcs_owner, None, number, column, section)
                    pcs = Pcs(number, column)
                rest = stripped[statement_number.end() :]
                element = self.element(rest, number, column + statement_number.end(), section)
                if element is None:
                    current, stack = None, []
                    continue
                if element.kind != "statement":
                    self.problem(
                        number, column, "a numbered line of an argument must be a statement"
                    )
                    continue
                pcs.items.append((int(statement_number.group(1)), element.key, number, column))
                current, stack = element, [(indent, element)]
                block_root = element
                continue
            if first == "-" and stripped.startswith("--"):
                if pcs is None:
                    self.problem(
                        number,
                        column,
                        "an inference line '--' belongs in an argument, after its numbered "
                        "premises",
                    )
                    continue
                step = Inference(len(pcs.items), number, column)
                pcs.inferences.append(step)
                if not stripped.startswith("----"):  # '----' closes at once, with no text
                    self.inference_text(step, stripped[2:], number, column + 2)
                    if step.rule.endswith("\0"):
                        step.rule = step.rule[:-1].strip()
                    else:
                        inference = step
                current, stack = None, []
                continue
            if pcs is not None and block_root is None:
                # a block that is no part of the argument ends its premise-conclusion structure
                self.end_pcs(pcs, pcs_owner)
                pcs, pcs_owner = None, None
            relation = None
            if first in _RELATION_FIRST and (first != "<" or stripped[1:2] in _AFTER_LT):
                relation = _RELATION.match(stripped)
            if relation is not None and (current is not None or stack):
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    self.problem(
                        number,
                        column,
                        f"relation '{relation.group(1)}' is indented no deeper than what it "
                        "would relate to: indent it under a statement or argument",
                    )
                    current = None
                    continue
                parent = stack[-1][1]
                child = self.element(
                    stripped[relation.end() :], number, column + relation.end(), section
                )
                if child is None:
                    current = None
                    continue
                self.relate(relation.group(1), parent, child, number, column)
                stack.append((indent, child))
                current = child
                continue
            if relation is not None:
                self.problem(
                    number,
                    column,
                    f"relation '{relation.group(1)}' starts a block: put it under the "
                    "statement or argument it relates to, without a blank line between",
                )
                continue
            item = _LIST_ITEM.match(stripped) if first == "*" or first.isdigit() else None
            if current is not None and item is None:
                if not current.parts:  # its text is cleaned once the file is read
                    self.pending.append((current, self.entities[(current.kind, current.key)]))
                current.parts.append(Part(number, column, stripped))
                continue
            if item is not None:
                stripped = stripped[item.end() :]
                column += item.end()
            element = self.element(stripped, number, column, section)
            current = element
            stack = [(indent, element)] if element is not None else []
            if block_root is None:
                block_root = element
        if inference is not None:
            self.problem(inference.line, inference.column, "inference '--' is never closed")
        self.end_pcs(pcs, pcs_owner)

    def inference_text(self, step: Inference, rest: str, line: int, column: int) -> None:
        """Adds a line of an inference's text; a closing ``--`` ends it (marked by a NUL)."""
        data: dict[str, Any]
        close = rest.find("--")
        content = rest if close < 0 else rest[:close]
        text, data = "", {}
        if content and not content.isspace():  # the usual bare '--' has no text and no data
            text, data = self.clean([Part(line, column, content)])
        if "uses" in data:
            uses = data["uses"]
            if not isinstance(uses, list) or not all(
                isinstance(u, int) and not isinstance(u, bool) for u in uses
            ):
                self.problem(line, column, "'uses' must be a list of premise numbers, like [1, 2]")
            else:
                step.uses = uses
        step.rule = (step.rule + " " + text).strip() if text else step.rule
        if close >= 0:
            step.rule += "\0"

    def end_pcs(self, pcs: Pcs | None, owner: str | None) -> None:
        if pcs is None or owner is None:
            return
        argument = self.entities[("argument", owner)]
        title = argument.title or "the untitled argument"
        if not pcs.inferences:
            self.problem(
                pcs.line,
                pcs.column,
                f"the numbered statements of <{title}> have no inference line '--' before "
                "the conclusion",
            )
            return
        if pcs.inferences[0].after == 0:
            first = pcs.inferences[0]
            self.problem(first.line, first.column, "an inference '--' needs premises above it")
            return
        if pcs.inferences[-1].after == len(pcs.items):
            last = pcs.inferences[-1]
            self.problem(last.line, last.column, "an inference '--' needs a conclusion below it")
            return
        if argument.pcs is not None:
            self.problem(
                pcs.line,
                pcs.column,
                f"<{title}> is reconstructed twice (first at line {argument.pcs.line})",
            )
            return
        argument.pcs = pcs
        argument.used = True
        for _number, key, _line, _column in pcs.items:
            if key[0] == "\0":  # an untitled statement: used, it is kept (a titled one always is)
                self.entities[("statement", key)].used = True
        self.events.append(("pcs", owner))

    # --- elements -----------------------------------------------------------------------------

    def element(self, rest: str, line: int, column: int, section: str | None) -> Element | None:
        """The statement or argument that ``rest`` starts, registered with its text."""
        if rest[-1:] == "]" and rest[:1] == "[" and rest.find("]") == len(rest) - 1:
            # a bare reference to a statement already met, as the lines below would take it
            found = self.entities.get(("statement", " ".join(rest[1:-1].split())))
            if found is not None:
                return Element("statement", found.key, line, column, [])
        kind, title, text_start = "statement", None, 0
        first = rest[:1]
        if first == "[":
            close = rest.find("]")
            if close < 0:
                self.problem(line, column, "'[' opens a statement title that is not closed by ']'")
                return None
            title = rest[1:close]
            text_start = close + 1
        elif first == "<" and not rest.startswith(("<+", "<-", "<_", "<!--")):
            close = rest.find(">")
            if close < 0:
                self.problem(line, column, "'<' opens an argument title that is not closed by '>'")
                return None
            kind, title = "argument", rest[1:close]
            text_start = close + 1
        elif not rest or rest.isspace():
            self.problem(line, column, "a relation needs a statement or argument after it")
            return None
        body = rest[text_start:]
        if title is not None:
            title = " ".join(title.split())
            if not title:
                self.problem(line, column, f"empty {kind} title")
                return None
            if body[:1] == ":":
                text_start += 1
                body = body[1:]
            elif body and not body.isspace() and not body.lstrip().startswith(("{", "#")):
                # `[Title] more text` reads as untitled text that starts with a reference
                kind, title, text_start, body = "statement", None, 0, rest
        if title is None:
            self.untitled += 1
            key = f"\0untitled {self.untitled}"
        else:
            key = title
        entity = self.entities.get((kind, key))
        if entity is None:
            entity = self.entities[(kind, key)] = Entity(kind, key, title, line, column)
        key = entity.key  # the one string of that key, its hash known, however often it is named
        if kind == "argument" and entity.section is None:  # the heading above, as section_at
            entity.section = str(len(self.sections) - 1) if self.sections else None
        if body and not body.isspace():
            element = Element(kind, key, line, column, [Part(line, column + text_start, body)])
            self.pending.append((element, entity))  # its text is cleaned once the file is read
        else:  # a bare reference, unless lines of text follow
            element = Element(kind, key, line, column, [])
        return element

    def entity(
        self, kind: str, key: str, title: str | None, line: int, column: int, section: str | None
    ) -> Entity:
        found = self.entities.get((kind, key))
        if found is None:
            found = Entity(kind, key, title, line, column)
            self.entities[(kind, key)] = found
        return found

    def relate(self, marker: str, parent: Element, child: Element, line: int, column: int) -> None:
        relation, child_acts = _MARKERS[marker]
        ends = [(parent.kind, parent.key), (child.kind, child.key)]
        source, target = (ends[1], ends[0]) if child_acts else (ends[0], ends[1])
        self.relations.append(Relation(relation, source, target, line, column))
        self.events.append(("relation", self.relations[-1]))
        self.entities[source].used = True
        self.entities[target].used = True

    # --- text ---------------------------------------------------------------------------------

    def clean(self, parts: list[Part]) -> tuple[str, dict[str, Any]]:
        """The text of ``parts`` without tags and data, and the data; tags go to ``self.tags``."""
        cleaned = inline.clean(parts, self.problem)
        self.tags = cleaned.tags
        if cleaned.data_place is not None:
            self.data_place = cleaned.data_place
        return cleaned.text, cleaned.data

    def finish_elements(self) -> None:
        problem = self.problem
        for element, entity in self.pending:
            text, data, tags, data_place = inline.clean(element.parts, problem)
            if entity.section is None and (text or entity.kind == "argument"):
                entity.section = self.section_at(element.line)
            if text and text not in entity.wordings:
                entity.wordings.append(text)
            for tag in tags:
                if tag not in entity.tags:
                    entity.tags.append(tag)
            if data:
                for key, item in data.items():
                    entity.data.setdefault(key, item)
                if entity.data_place is None:
                    entity.data_place = data_place

    def section_at(self, line: int) -> str | None:
        """The heading above ``line``, as the index of its occurrence in ``sections``."""
        if self._heading_lines is None:
            self._heading_lines = [heading.line for heading in self.sections]
        index = bisect.bisect_right(self._heading_lines, line) - 1
        return str(index) if index >= 0 else None
