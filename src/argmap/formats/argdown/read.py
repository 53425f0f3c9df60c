"""Read Argdown 1.x into argmap's model.

What :mod:`.lines` gathers from the file is turned into the tree of a map file that
:func:`argmap.load.build` validates, as it validates argmap's own YAML: ids, duplicates and
references are checked there, once. ``maps/README.md`` documents the mapping.
"""

from __future__ import annotations

from pathlib import PurePath

from argmap.dump import CONFIDENCE_KEYS
from argmap.errors import MapError
from argmap.formats import Leaves, notice
from argmap.formats import tree as t
from argmap.formats.argdown.drafts import Builder, Draft, _walk
from argmap.formats.argdown.gathered import Entity, Heading
from argmap.formats.argdown.lines import KIND_TAGS, Reader
from argmap.load import Mapping, Node, Scalar, Sequence, build, decode
from argmap.model import Kind, Map

_DATA_KEYS = ("hedge", *CONFIDENCE_KEYS, "quote", "at")
"""The fields of a statement that its data block gives as they are, in the order maps write them."""

# --- nodes --------------------------------------------------------------------------------------


def _draft_node(draft: Draft) -> Node:
    line, column = draft.line, draft.column
    node = Mapping(line, column)
    items = node.items
    if draft.id is not None:
        items.append((Scalar("id", False, line, column), Scalar(draft.id, False, line, column)))
    premises = Sequence(line, column)
    premises.items = [Scalar(p, False, line, column) for p in draft.premises]
    items.append(
        (Scalar("assumed" if draft.assumed else "premises", False, line, column), premises)
    )
    if draft.quote is not None:
        place = draft.data_place
        items.append((t.text("quote", *place), t.value(draft.quote, *place)))
    if draft.note:
        items.append((Scalar("note", False, line, column), Scalar(draft.note, False, line, column)))
    if draft.objections:
        objections = Sequence(line, column)
        objections.items = [_draft_node(o) for o in draft.objections]
        items.append((Scalar("objections", False, line, column), objections))
    return node


def _section(heading: Heading) -> Node:
    """A section as the map format writes it: its heading, or with ``starts`` (from the
    heading's data) its heading and the words its first paragraph begins with."""
    title = t.text(heading.path, heading.line, heading.column)
    if "starts" not in heading.data:
        return title
    line, column = heading.data_place or (heading.line, heading.column)
    starts = t.value(heading.data["starts"], line, column)
    return t.mapping([("title", title), ("starts", starts)], heading.line, heading.column)


def _kind(entity: Entity, reader: Reader) -> Kind | None:
    """The kind a statement's tags or data give it, if any."""
    tags = entity.tags
    if len(tags) < 2 and "kind" not in entity.data:  # the usual case: a kind tag, or none
        return KIND_TAGS.get(tags[0]) if tags else None
    kinds = [KIND_TAGS[tag] for tag in tags if tag in KIND_TAGS]
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
        for index, heading in enumerate(reader.sections):
            given, path = heading.id, heading.path
            key = f"id {given}" if given else f"path {path}"
            if key not in known:
                known[key] = section_ids_taken.take(given or path, "section")
                items.append((known[key], _section(heading)))
            section_ids[str(index)] = known[key]
        top.append(("sections", t.mapping(items, 1, 1)))
    premises_used: set[str] = set()
    for table in (builder.reasons, builder.objections):
        for drafts in table.values():
            for draft in drafts:
                premises_used.update(draft.premises)
                for objection in _walk(draft.objections) if draft.objections else ():
                    premises_used.update(objection.premises)
    for drafts in builder.reasons.values():
        for draft in drafts:
            builder.supporting.update(draft.premises)
    entries: list[tuple[tuple[int, int], str, Node]] = []
    skipped = unused = 0
    for (kind, key), entity in reader.entities.items():
        if kind != "statement":
            if entity.pcs is None and key not in builder.gists:
                unused += 1  # an argument with no premises that supports or attacks nothing
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


def _statement(
    reader: Reader,
    builder: Builder,
    entity: Entity,
    sid: str,
    premises_used: set[str],
    section_ids: dict[str, str],
) -> Node:
    line, column = entity.line, entity.column
    reasons = builder.reasons.get(sid)
    kind = _kind(entity, reader)
    if kind is None:
        if sid not in builder.supporting and (reasons or sid not in premises_used):
            kind = Kind.THESIS  # supports nothing: a conclusion, even when it attacks a rival
        elif reasons:
            kind = Kind.CLAIM
        else:
            kind = Kind.EVIDENCE if builder.leaves is Leaves.EVIDENCE else Kind.CLAIM
    wordings, data, tags = entity.wordings, entity.data, entity.tags
    if not wordings:
        title = entity.title or sid
        reader.problem(line, column, f"[{title}] is never given a text: write [{title}]: its text")
        wording = title
    else:
        wording = wordings[0]
    if data and isinstance(data.get("text"), str):
        wording = data["text"]
    node = Mapping(line, column)
    items = node.items
    items.append((Scalar(kind.value, False, line, column), Scalar(wording, False, line, column)))
    if data:
        dline, dcolumn = entity.data_place or (line, column)
        for key in _DATA_KEYS:
            if key in data:
                value = t.value(data[key], dline, dcolumn)
                items.append((Scalar(key, False, line, column), value))
    if reasons:
        nodes = Sequence(line, column)
        nodes.items = [_draft_node(d) for d in reasons]
        items.append((Scalar("reasons", False, line, column), nodes))
    objections = builder.objections.get(sid)
    if objections:
        nodes = Sequence(line, column)
        nodes.items = [_draft_node(d) for d in objections]
        items.append((Scalar("objections", False, line, column), nodes))
    if len(wordings) > 1 or (data and data.get("note") is not None):
        notes = [str(data["note"])] if data.get("note") is not None else []
        notes += [f"Also worded: {other}" for other in wordings[1:]]
        note = Scalar("\n\n".join(notes), False, line, column)
        items.append((Scalar("note", False, line, column), note))
    if len(tags) == 1 and tags[0] in KIND_TAGS:  # the usual case: its kind, and no other tag
        tags = []
    elif tags:
        tags = [tag for tag in tags if tag not in KIND_TAGS]
    if data and isinstance(data.get("tags"), list):  # the exact tags, as argmap writes them
        tags = [str(tag) for tag in data["tags"]]
    if tags:
        nodes = Sequence(line, column)
        nodes.items = [Scalar(tag, False, line, column) for tag in tags]
        items.append((Scalar("tags", False, line, column), nodes))
    if data and ("ack" in data or "section" in data):
        dline, dcolumn = entity.data_place or (line, column)
        if "ack" in data:
            value = t.value(data["ack"], dline, dcolumn)
            items.append((Scalar("ack", False, line, column), value))
        if "section" in data:
            section = t.value(data["section"], dline, dcolumn)
            items.append((Scalar("section", False, line, column), section))
            return node
    if entity.section is not None and entity.section in section_ids:
        section = Scalar(section_ids[entity.section], False, line, column)
        items.append((Scalar("section", False, line, column), section))
    return node
