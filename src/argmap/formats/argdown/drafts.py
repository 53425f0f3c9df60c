"""The reasons and objections of an Argdown file, drafted from what :mod:`.lines` gathered
(statements, arguments, relations) before :mod:`.read` turns them into the tree of a map file."""

from __future__ import annotations

from typing import Any

import attrs

from argmap.formats import Leaves
from argmap.formats import tree as t
from argmap.formats.argdown.gathered import Entity, Relation
from argmap.formats.argdown.lines import Reader


@attrs.define
class Draft:
    """A reason or objection being built, before it becomes nodes."""

    premises: list[str]
    line: int
    column: int
    id: str | None = None
    note: str | None = None
    objections: list[Draft] = attrs.Factory(list)
    assumed: bool = False
    """The mapper's link (``{assumed: true}`` on its argument), not the author's."""
    quote: Any = None
    """The author's connective (``{quote: ...}`` on its argument), as the data gives it."""
    data_place: tuple[int, int] = (0, 0)
    """Where the argument's data block starts, for a problem with its quote."""


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
        self.attacked: list[Draft] = []
        """The drafts that objections were added to, as they were added."""

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
                if len(drafts) > 1:
                    drafts.sort(key=_place)
        for draft in self.attacked:  # (no other draft has objections to sort)
            if len(draft.objections) > 1:
                draft.objections.sort(key=_place)

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
        ids, items, steps = self.statement_ids, pcs.items, len(pcs.inferences)
        previous_conclusion = 0
        final: Draft | None = None
        for step_number, step in enumerate(pcs.inferences, start=1):
            conclusion_index = step.after
            conclusion_key = items[conclusion_index][1]
            if step.uses is not None:
                premises = []
                for used in step.uses:
                    matches = [i for i in items[:conclusion_index] if i[0] == used]
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
                premises = [i[1] for i in items[previous_conclusion:conclusion_index]]
            previous_conclusion = conclusion_index
            is_last = step_number == steps
            if is_last:
                conclusion = self.reader.entities[("statement", conclusion_key)]
                if conclusion.data and conclusion.data.get("argmap") == "objection":
                    self.conclusions[key] = None
                    self.objection_premises[key] = [ids[p] for p in premises]
                    self.ids.used.discard(ids.pop(conclusion_key, ""))
                    self.placeholders.add(conclusion_key)
                    continue
            note = _note(argument) if is_last else None
            if step.rule:
                note = f"{note}\n\nInference: {step.rule}" if note else f"Inference: {step.rule}"
            draft = Draft(
                [ids[p] for p in premises],
                step.line,
                step.column,
                self.ids.take_id(title if is_last else f"{title}.{step_number}"),  # ids both
                note,
            )
            if is_last:
                self.mark(draft, argument)
            self.reasons.setdefault(ids[conclusion_key], []).append(draft)
            if is_last:
                final = draft
                self.conclusions[key] = ids[conclusion_key]
        if final is not None:
            self.inference_of[key] = final
        self.first_premise[key] = ids[items[0][1]]

    def mark(self, draft: Draft, argument: Entity) -> None:
        """Gives the reason or objection that is ``argument``'s own inference the marks its data
        holds: ``assumed`` (the mapper's link) and ``quote`` (the author's connective)."""
        data = argument.data
        if not data:  # (the data place is read for a quote only)
            return
        place = argument.data_place or (argument.line, argument.column)
        draft.data_place = place
        if "assumed" in data:
            what = f"the mark 'assumed' of argument <{argument.title or ''}>"
            draft.assumed = bool(t.flag(data["assumed"], *place, what, self.problem))
        if "quote" in data:
            draft.quote = data["quote"]

    def source(self, end: tuple[str, str], where: Relation) -> Draft | None:
        """The reason or objection a relation from ``end`` makes: its premises, and the id,
        note and marks of the argument it is the inference of; None when it has no premises."""
        kind, key = end
        if kind == "statement":
            return Draft([self.statement_id(key)], where.line, where.column)
        argument = self.argument(key)
        title = slug_or(argument.title, "argument")
        if argument.pcs is not None and key in self.objection_premises:
            draft = Draft(
                self.objection_premises[key],
                where.line,
                where.column,
                self.ids.take(title),
                _note(argument),
            )
        elif argument.pcs is not None and self.conclusions.get(key):
            return Draft([self.conclusions[key] or ""], where.line, where.column)
        elif argument.pcs is not None:  # its reconstruction did not stand
            return None
        else:
            draft = Draft([self.gist(key)], where.line, where.column, self.ids.take(title))
        self.mark(draft, argument)
        return draft

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
        draft = self.source(source, where)
        claim = self.target(target)
        if draft is None or not draft.premises or claim is None:
            return
        if not keep_id:  # one of the two rebuttals of a contradiction: neither has its id
            draft = attrs.evolve(draft, id=None)
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
        draft = self.source(relation.source, relation)
        if draft is not None and draft.premises:
            inference.objections.append(draft)
            self.attacked.append(inference)
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


def _walk(drafts: list[Draft]) -> list[Draft]:
    out, stack = [], list(drafts)
    while stack:
        draft = stack.pop()
        out.append(draft)
        stack.extend(draft.objections)
    return out
