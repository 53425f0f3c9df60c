"""Read Argdown 1.x into argmap's model.

What :mod:`.lines` gathers from the file is turned into the tree of a map file that
:func:`argmap.load.build` validates, as it validates argmap's own YAML: ids, duplicates and
references are checked there, once. ``maps/README.md`` documents the mapping.
"""

from __future__ import annotations

from pathlib import PurePath

import attrs

from argmap.errors import MapError
from argmap.formats import Leaves, notice
from argmap.formats import tree as t
from argmap.formats.argdown.lines import KIND_TAGS, Entity, Reader, Relation
from argmap.load import Node, build, decode
from argmap.model import Kind, Map


@attrs.define
class Draft:
    """A reason or objection being built, before it becomes nodes."""

    premises: list[str]
    line: int
    column: int
    id: str | None = None
    note: str | None = None
    objections: list[Draft] = attrs.Factory(list)


# --- from what was gathered to a map --------------------------------------------------------------


class Builder:
    """Turns the gathered statements, arguments and relations into the tree of a map file."""

    def __init__(self, reader: Reader, leaves: Leaves) -> None:
        self.reader = reader
        self.leaves = leaves
        self.ids = t.Ids()
        self.statement_ids: dict[str, str] = {}
        self.reasons: dict[str, list[Draft]] = {}
        self.objections: dict[str, list[Draft]] = {}
        self.inference_of: dict[str, Draft] = {}
        self.gists: dict[str, str] = {}
        self.conclusions: dict[str, str | None] = {}
        self.first_premise: dict[str, str] = {}
        self.objection_premises: dict[str, list[str]] = {}
        self.extra: list[tuple[str, Entity]] = []
        self.placeholders: set[str] = set()
        self.supporting: set[str] = set()
        """The statements some reason rests on."""

    def problem(self, line: int, column: int, message: str) -> None:
        self.reader.problem(line, column, message)

    def statement_id(self, key: str) -> str:
        return self.statement_ids[key]

    def run(self) -> None:
        reader = self.reader
        untitled = 0
        for (kind, key), entity in reader.entities.items():
            if kind == "statement" and (entity.used or entity.title is not None):
                if entity.title is None:
                    untitled += 1
                self.statement_ids[key] = self.ids.take(entity.title or f"untitled-{untitled}")
        for kind, payload in reader.events:
            if kind == "pcs":
                self.reconstruct(payload)
        for kind, payload in reader.events:
            if kind == "relation" and payload.relation != "undercut":
                self.apply(payload)
        undercuts = [p for k, p in reader.events if k == "relation" and p.relation == "undercut"]
        while undercuts:  # an undercut of an undercut may come first in the file
            waiting = [u for u in undercuts if not self.undercut(u, final=False)]
            if len(waiting) == len(undercuts):
                for relation in waiting:
                    self.undercut(relation, final=True)
                break
            undercuts = waiting
        # reasons and objections in the order the file gives them, wherever they were built
        for table in (self.reasons, self.objections):
            for drafts in table.values():
                for draft in [*drafts, *_walk(drafts)]:
                    draft.objections.sort(key=_place)
                drafts.sort(key=_place)

    def argument(self, key: str) -> Entity:
        return self.reader.entities[("argument", key)]

    def gist(self, key: str) -> str:
        """The statement a sketched argument stands for: its description, or its title."""
        if key not in self.gists:
            argument = self.argument(key)
            sid = self.ids.take(f"{slug_or(argument.title, 'argument')}.gist")
            self.gists[key] = sid
            self.statement_ids[f"\0gist {key}"] = sid
            self.extra.append((f"\0gist {key}", argument))
        return self.gists[key]

    def reconstruct(self, key: str) -> None:
        argument = self.argument(key)
        pcs = argument.pcs
        assert pcs is not None
        title = slug_or(argument.title, "argument")
        previous_conclusion: int | None = None
        final: Draft | None = None
        for step_number, step in enumerate(pcs.inferences, start=1):
            conclusion_index = step.after
            conclusion_key = pcs.items[conclusion_index][1]
            if step.uses is not None:
                premises = []
                for used in step.uses:
                    matches = [i for i in pcs.items[:conclusion_index] if i[0] == used]
                    if not matches:
                        self.problem(
                            step.line,
                            step.column,
                            f"'uses' names ({used}), but no statement ({used}) is above this "
                            "inference",
                        )
                        continue
                    premises.append(matches[-1][1])
            else:
                start = previous_conclusion if previous_conclusion is not None else 0
                premises = [i[1] for i in pcs.items[start:conclusion_index]]
            previous_conclusion = conclusion_index
            is_last = step_number == len(pcs.inferences)
            placeholder = self.reader.entities[("statement", conclusion_key)].data.get("argmap")
            if is_last and placeholder == "objection":
                self.conclusions[key] = None
                self.objection_premises[key] = [self.statement_id(p) for p in premises]
                self.ids.used.discard(self.statement_ids.pop(conclusion_key, ""))
                self.placeholders.add(conclusion_key)
                continue
            note = _note(argument) if is_last else None
            if step.rule:
                note = f"{note}\n\nInference: {step.rule}" if note else f"Inference: {step.rule}"
            draft = Draft(
                [self.statement_id(p) for p in premises],
                step.line,
                step.column,
                id=self.ids.take(title if is_last else f"{title}.{step_number}", "argument"),
                note=note,
            )
            self.reasons.setdefault(self.statement_id(conclusion_key), []).append(draft)
            if is_last:
                final = draft
                self.conclusions[key] = self.statement_id(conclusion_key)
        if final is not None:
            self.inference_of[key] = final
        self.first_premise[key] = self.statement_id(pcs.items[0][1])

    def source(self, end: tuple[str, str]) -> tuple[list[str], str | None, str | None]:
        """What a relation's source contributes: premises, an id, a note."""
        kind, key = end
        if kind == "statement":
            return [self.statement_id(key)], None, None
        argument = self.argument(key)
        title = slug_or(argument.title, "argument")
        if argument.pcs is not None and key in self.objection_premises:
            note = _note(argument)
            return self.objection_premises[key], self.ids.take(title), note
        if argument.pcs is not None and self.conclusions.get(key):
            return [self.conclusions[key] or ""], None, None
        if argument.pcs is not None:  # its reconstruction did not stand
            return [], None, None
        return [self.gist(key)], self.ids.take(title), None

    def target(self, end: tuple[str, str]) -> str | None:
        kind, key = end
        if kind == "statement":
            return self.statement_id(key)
        if self.argument(key).pcs is not None:
            return self.first_premise.get(key)
        return self.gist(key)

    def apply(self, relation: Relation) -> None:
        if relation.relation == "contradiction":
            for source, target in (
                (relation.source, relation.target),
                (relation.target, relation.source),
            ):
                self.attach("attack", source, target, relation, keep_id=False)
            return
        self.attach(relation.relation, relation.source, relation.target, relation, keep_id=True)

    def attach(
        self,
        relation: str,
        source: tuple[str, str],
        target: tuple[str, str],
        where: Relation,
        keep_id: bool,
    ) -> None:
        if source[0] == "argument" and relation == "support":
            conclusion = self.conclusions.get(source[1])
            if conclusion is not None and conclusion == self.target(target):
                return  # the argument's own conclusion: its reconstruction says so already
        premises, given_id, note = self.source(source)
        claim = self.target(target)
        if not premises or claim is None:
            return
        draft = Draft(premises, where.line, where.column, given_id if keep_id else None, note)
        table = self.reasons if relation == "support" else self.objections
        table.setdefault(claim, []).append(draft)
        if source[0] == "argument" and source[1] not in self.inference_of:
            self.inference_of[source[1]] = draft

    def undercut(self, relation: Relation, final: bool) -> bool:
        """Attaches an undercut to the inference it attacks; False while that is not built."""
        kind, key = relation.target
        if kind == "statement":
            title = self.reader.entities[relation.target].title or "an untitled statement"
            self.problem(
                relation.line,
                relation.column,
                f"an undercut attacks an argument's inference, not a statement ([{title}])",
            )
            return True
        inference = self.inference_of.get(key)
        if inference is None:
            if not final:
                return False
            self.problem(
                relation.line,
                relation.column,
                f"<{self.argument(key).title}> supports or attacks nothing, so it has no "
                "inference to undercut",
            )
            return True
        premises, given_id, note = self.source(relation.source)
        if premises:
            draft = Draft(premises, relation.line, relation.column, given_id, note)
            inference.objections.append(draft)
            if relation.source[0] == "argument" and relation.source[1] not in self.inference_of:
                self.inference_of[relation.source[1]] = draft
        return True


def _place(draft: Draft) -> tuple[int, int]:
    return draft.line, draft.column


def _note(argument: Entity) -> str | None:
    """An argument's description, kept as its reason's note (exactly, when data gives it)."""
    given = argument.data.get("note")
    if isinstance(given, str):
        return given
    return " ".join(argument.wordings) or None


def slug_or(title: str | None, fallback: str) -> str:
    return t.slug(title or "") or fallback


# --- nodes --------------------------------------------------------------------------------------


def _draft_node(draft: Draft) -> Node:
    items: list[tuple[str, Node]] = []
    if draft.id is not None:
        items.append(("id", t.text(draft.id, draft.line, draft.column)))
    items.append(
        (
            "premises",
            t.sequence(
                [t.text(p, draft.line, draft.column) for p in draft.premises],
                draft.line,
                draft.column,
            ),
        )
    )
    if draft.note:
        items.append(("note", t.text(draft.note, draft.line, draft.column)))
    if draft.objections:
        items.append(
            (
                "objections",
                t.sequence([_draft_node(o) for o in draft.objections], draft.line, draft.column),
            )
        )
    return t.mapping(items, draft.line, draft.column)


def _kind(entity: Entity, reader: Reader) -> Kind | None:
    """The kind a statement's tags or data give it, if any."""
    kinds = [KIND_TAGS[tag] for tag in entity.tags if tag in KIND_TAGS]
    given = entity.data.get("kind")
    if given is not None:
        if not isinstance(given, str) or given not in KIND_TAGS:
            line, column = entity.data_place or (entity.line, entity.column)
            reader.problem(
                line, column, f"kind must be one of {', '.join(KIND_TAGS)}, not {given!r}"
            )
        else:
            kinds.insert(0, KIND_TAGS[given])
    distinct = list(dict.fromkeys(kinds))
    if len(distinct) > 1:
        reader.problem(
            entity.line,
            entity.column,
            f"[{entity.title}] is tagged with two kinds, {distinct[0].value} and "
            f"{distinct[1].value}: keep one",
        )
    return distinct[0] if distinct else None


def read(name: str, data: bytes, *, leaves: Leaves = Leaves.CLAIM) -> Map:
    """The map an Argdown file holds; raises MapError with every problem, each with its place."""
    text = decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    reader = Reader(name, text)
    reader.pending = []
    reader.read()
    reader.finish_elements()
    builder = Builder(reader, leaves)
    builder.run()
    notices: list[str] = []
    if reader.problems and not builder.statement_ids:
        raise MapError(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    built = build(_tree(reader, builder, name, notices), name, reader.problems)
    for message in notices:
        notice(name, message)
    return built


def _tree(reader: Reader, builder: Builder, name: str, notices: list[str]) -> Node:
    front = reader.front
    title = front.get("title")
    title = str(title) if title else PurePath(name).name.split(".")[0]
    source: list[tuple[str, Node]] = []
    for key, field in (
        ("sourceTitle", "title"),
        ("author", "author"),
        ("publisher", "publisher"),
        ("date", "date"),
        ("url", "url"),
    ):
        if front.get(key) is None:
            continue
        given = front[key]
        shown = ", ".join(str(v) for v in given) if isinstance(given, list) else str(given)
        source.append((field, t.text(shown, 1, 1)))
    top: list[tuple[str, Node]] = [("argmap", t.value(1, 1, 1)), ("title", t.text(title, 1, 1))]
    if source:
        top.append(("source", t.mapping(source, 1, 1)))
    section_ids: dict[str, str] = {}
    section_ids_taken = t.Ids()
    if reader.sections:
        items: list[tuple[str, Node]] = []
        known: dict[str, str] = {}  # the same heading again (or the same id) is the same section
        for index, (path, _heading, line, column, given) in enumerate(reader.sections):
            key = f"id {given}" if given else f"path {path}"
            if key not in known:
                known[key] = section_ids_taken.take(given or path, "section")
                items.append((known[key], t.text(path, line, column)))
            section_ids[str(index)] = known[key]
        top.append(("sections", t.mapping(items, 1, 1)))
    premises_used = {
        p
        for table in (builder.reasons, builder.objections)
        for drafts in table.values()
        for d in _walk(drafts)
        for p in d.premises
    }
    builder.supporting = {
        p for drafts in builder.reasons.values() for d in drafts for p in d.premises
    }
    entries: list[tuple[tuple[int, int], str, Node]] = []
    skipped = 0
    for (kind, key), entity in reader.entities.items():
        if kind != "statement":
            continue
        if key in builder.placeholders:
            continue
        if key not in builder.statement_ids:
            skipped += 1
            continue
        sid = builder.statement_ids[key]
        entries.append(
            (
                (entity.line, entity.column),
                sid,
                _statement(reader, builder, entity, sid, premises_used, section_ids),
            )
        )
    for key, argument in builder.extra:
        sid = builder.statement_ids[key]
        gist = Entity(
            "statement", key, argument.title, argument.line, argument.column, argument.section
        )
        gist.wordings = list(argument.wordings) or [argument.title or sid]
        gist.tags, gist.data, gist.data_place = argument.tags, argument.data, argument.data_place
        entries.append(
            (
                (argument.line, argument.column),
                sid,
                _statement(reader, builder, gist, sid, premises_used, section_ids),
            )
        )
    unused = sum(
        1
        for (kind, key), entity in reader.entities.items()
        if kind == "argument" and entity.pcs is None and key not in builder.gists
    )
    if unused:
        notices.append(
            f"left out {unused} argument{'s' if unused > 1 else ''} with no premises that "
            f"{'support or attack' if unused > 1 else 'supports or attacks'} nothing"
        )
    if skipped:
        notices.append(
            f"left out {skipped} untitled statement{'s' if skipped > 1 else ''} that no relation "
            "or argument uses (prose; Argdown's own map leaves them out too)"
        )
    entries.sort(key=lambda entry: entry[0])
    statements = t.mapping([], 1, 1)
    statements.items = [(t.text(sid, line, column), node) for (line, column), sid, node in entries]
    top.append(("statements", statements))
    return t.mapping(top, 1, 1)


def _walk(drafts: list[Draft]) -> list[Draft]:
    out, stack = [], list(drafts)
    while stack:
        draft = stack.pop()
        out.append(draft)
        stack.extend(draft.objections)
    return out


def _statement(
    reader: Reader,
    builder: Builder,
    entity: Entity,
    sid: str,
    premises_used: set[str],
    section_ids: dict[str, str],
) -> Node:
    line, column = entity.line, entity.column
    reasons = builder.reasons.get(sid, [])
    kind = _kind(entity, reader)
    if kind is None:
        if sid not in builder.supporting and (reasons or sid not in premises_used):
            kind = Kind.THESIS  # supports nothing: a conclusion, even when it attacks a rival
        elif reasons:
            kind = Kind.CLAIM
        else:
            kind = Kind.EVIDENCE if builder.leaves is Leaves.EVIDENCE else Kind.CLAIM
    if not entity.wordings:
        title = entity.title or sid
        reader.problem(line, column, f"[{title}] is never given a text: write [{title}]: its text")
        wording = title
    else:
        wording = entity.wordings[0]
    if isinstance(entity.data.get("text"), str):
        wording = entity.data["text"]
    items: list[tuple[str, Node]] = [(kind.value, t.text(wording, line, column))]
    data = entity.data
    dline, dcolumn = entity.data_place or (line, column)
    for key in ("hedge", "quote", "at"):
        if key in data:
            items.append((key, t.value(data[key], dline, dcolumn)))
    if reasons:
        items.append(("reasons", t.sequence([_draft_node(d) for d in reasons], line, column)))
    objections = builder.objections.get(sid, [])
    if objections:
        items.append(("objections", t.sequence([_draft_node(d) for d in objections], line, column)))
    notes = [str(data["note"])] if data.get("note") is not None else []
    notes += [f"Also worded: {other}" for other in entity.wordings[1:]]
    if notes:
        items.append(("note", t.text("\n\n".join(notes), line, column)))
    tags = [tag for tag in entity.tags if tag not in KIND_TAGS]
    if isinstance(data.get("tags"), list):  # the exact tags, as argmap writes them
        tags = [str(tag) for tag in data["tags"]]
    if tags:
        items.append(
            ("tags", t.sequence([t.text(tag, line, column) for tag in tags], line, column))
        )
    if "ack" in data:
        items.append(("ack", t.value(data["ack"], dline, dcolumn)))
    if "section" in data:
        items.append(("section", t.value(data["section"], dline, dcolumn)))
    elif entity.section is not None and entity.section in section_ids:
        items.append(("section", t.text(section_ids[entity.section], line, column)))
    return t.mapping(items, line, column)
