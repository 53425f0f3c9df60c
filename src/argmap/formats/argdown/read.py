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
from argmap.load import Node, build, decode
from argmap.model import Kind, Map

# --- nodes --------------------------------------------------------------------------------------


def _draft_node(draft: Draft) -> Node:
    items: list[tuple[str, Node]] = []
    if draft.id is not None:
        items.append(("id", t.text(draft.id, draft.line, draft.column)))
    items.append(
        (
            "assumed" if draft.assumed else "premises",
            t.sequence(
                [t.text(p, draft.line, draft.column) for p in draft.premises],
                draft.line,
                draft.column,
            ),
        )
    )
    if draft.quote is not None:
        items.append(("quote", t.value(draft.quote, *draft.data_place)))
    if draft.note:
        items.append(("note", t.text(draft.note, draft.line, draft.column)))
    if draft.objections:
        items.append(
            (
                "objections",
                t.sequence([_draft_node(o) for o in draft.objections], draft.line, draft.column),
            )
        )
    return t.mapping(items, draft.line, draft.column, {"quote": draft.data_place})


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
        for index, heading in enumerate(reader.sections):
            given, path = heading.id, heading.path
            key = f"id {given}" if given else f"path {path}"
            if key not in known:
                known[key] = section_ids_taken.take(given or path, "section")
                items.append((known[key], _section(heading)))
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
    for key in ("hedge", *CONFIDENCE_KEYS, "quote", "at"):
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
