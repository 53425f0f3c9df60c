"""Write a map as Argdown that Argdown's own tools read, and that this package reads back to the
same map (``maps/README.md`` lists what Argdown cannot hold).

Every text is written on one line with Argdown's special characters escaped by a backslash, so
no text of a map can become a title, tag, relation, comment or data; the fields Argdown has no
syntax for travel in a ``{...}`` data block, as JSON strings with those characters escaped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.dump import confidence_fields, link_fields
from argmap.formats.tree import slug
from argmap.model import Kind, Map, Objection, Reason, Statement

_KINDS = frozenset(kind.value for kind in Kind)
_SPECIAL = re.compile(r"([\\\[\]<>@#{}/*_])")
_SIMPLE_TAG = re.compile(r"[A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+\Z")
_BRACKETED_TAG = re.compile(r"[^()\\\n\[\]{}<>@#/*]+\Z")
_DATA_SPECIAL = frozenset("{}[]<>#@/*_:,=")


def write(map_: Map) -> str:
    """The map as Argdown text; the same map gives the same text."""
    out: list[str] = [_front_matter(map_)]
    by_section: dict[str | None, list[Statement]] = {}
    for statement in map_.statements.values():
        by_section.setdefault(statement.section, []).append(statement)
    for statement in by_section.pop(None, []):
        out.append(_definition(statement))
    for section in map_.sections:
        given: dict[str, str] = {} if slug(section.title) == section.id else {"id": section.id}
        if " ".join(section.title.split()) != section.title:
            given["title"] = section.title
        if section.starts is not None:
            given["starts"] = section.starts
        data = f" {_data(given)}" if given else ""
        out.append(f"# {_escape(section.title)}{data}")
        for statement in by_section.pop(section.id, []):
            out.append(_definition(statement))
    for statements in by_section.values():  # sections the map does not declare
        for statement in statements:
            out.append(_definition(statement))
    for statement in map_.statements.values():
        for reason in statement.reasons:
            out.append(_reason(statement, reason))
        for number, objection in enumerate(statement.objections, start=1):
            out.extend(_objection_arguments(objection, f"{statement.id}.o{number}"))
        if statement.objections:
            out.append(_attacks(f"[{statement.id}]", "-", statement.objections, statement.id))
        for reason in statement.reasons:
            for number, undercut in enumerate(reason.objections, start=1):
                out.extend(_objection_arguments(undercut, f"{reason.id}.o{number}"))
            if reason.objections:
                out.append(_attacks(f"<{reason.id}>", "_", reason.objections, reason.id))
    return "\n\n".join(part for part in out if part) + "\n"


def _front_matter(map_: Map) -> str:
    data: dict[str, str] = {"title": map_.title}
    source = map_.source
    for key, value in (
        ("sourceTitle", source.title),
        ("author", source.author),
        ("publisher", source.publisher),
        ("date", source.date),
        ("url", source.url),
    ):
        if value is not None:
            data[key] = value
    # each value a JSON string (a YAML double-quoted scalar) on its own line, '=' escaped, so
    # that nothing in it can end the block
    body = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n".replace("=", "\\u003d")
        for key, value in data.items()
    )
    return f"===\n{body}==="


def _escape(text: str) -> str:
    """One line of Argdown text that reads back as ``text`` (runs of white space as one)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _data(values: dict[str, Any]) -> str:
    """A ``{...}`` block: YAML flow, strings as JSON with Argdown's special characters escaped."""
    parts = [f"{key}: {_json(value)}" for key, value in values.items()]
    return "{" + ", ".join(parts) + "}"


def _json(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json(k)}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + "".join(_char(c) for c in value) + '"'
    return json.dumps(value)


def _char(char: str) -> str:
    """One character inside a double-quoted YAML (and JSON) string of a data block."""
    if char == '"':
        return '\\"'
    if char == "\\":
        return "\\\\"
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char in _DATA_SPECIAL or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0:
        return f"\\u{ord(char):04x}"
    return char


def _definition(statement: Statement) -> str:
    tags = [f"#{statement.kind.value}"]
    data: dict[str, Any] = {}
    kept_tags = []
    for tag in statement.tags:
        if tag in _KINDS:
            kept_tags.append(tag)
        elif tag == " ".join(tag.split()) and _SIMPLE_TAG.match(tag):
            tags.append(f"#{tag}")
        elif tag == " ".join(tag.split()) and _BRACKETED_TAG.match(tag):
            tags.append(f"#({tag})")
        else:
            kept_tags.append(tag)
    lossy = " ".join(statement.text.split()) != statement.text
    if lossy:
        data["text"] = statement.text
    if statement.hedge is not None:
        data["hedge"] = statement.hedge if statement.hedge else True
    data.update(confidence_fields(statement))
    if statement.quote is not None:
        data["quote"] = statement.quote
    if statement.at is not None:
        data["at"] = statement.at
    if statement.note is not None:
        data["note"] = statement.note
    if kept_tags or len(set(statement.tags)) < len(statement.tags):
        data["tags"] = list(statement.tags)
        tags = tags[:1]
    if statement.acks:
        data["ack"] = {ack.code.value: ack.why for ack in statement.acks}
    suffix = " " + " ".join(tags) + (f" {_data(data)}" if data else "")
    return f"[{statement.id}]: {_escape(statement.text)}{suffix}"


def _head(inference: Reason | Objection) -> str:
    """An argument's title and description, and as data what Argdown has no syntax for: the
    mapper's mark (``assumed``), the author's connective (``quote``), and a note that one line
    cannot hold."""
    data = link_fields(inference)
    if inference.note is not None and " ".join(inference.note.split()) != inference.note:
        data["note"] = inference.note
    block = f" {_data(data)}" if data else ""
    if inference.note is None:
        return f"<{inference.id}>{block}"
    return f"<{inference.id}>: {_escape(inference.note)}{block}"


def _reason(claim: Statement, reason: Reason) -> str:
    head = _head(reason)
    lines = [f"({n}) [{premise}]" for n, premise in enumerate(reason.premises, start=1)]
    lines.append("----")
    lines.append(f"({len(reason.premises) + 1}) [{claim.id}]")
    return head + "\n\n" + "\n".join(lines)


def _simple(objection: Objection, auto_id: str) -> bool:
    """An objection that a relation line says in full: one premise, no id, note, undercuts,
    mark or quote."""
    return (
        len(objection.premises) == 1
        and objection.id == auto_id
        and objection.note is None
        and not objection.objections
        and not objection.assumed
        and objection.quote is None
    )


def _objection_arguments(objection: Objection, auto_id: str) -> list[str]:
    """The arguments an objection (and its undercuts, in turn) needs, when it is not simple."""
    out: list[str] = []
    if not _simple(objection, auto_id):
        head = _head(objection)
        lines = [f"({n}) [{premise}]" for n, premise in enumerate(objection.premises, start=1)]
        lines.append("----")
        lines.append(
            f"({len(objection.premises) + 1}) [{objection.id}]: The objection holds. "
            + _data({"argmap": "objection"})
        )
        out.append(head + "\n\n" + "\n".join(lines))
    for number, undercut in enumerate(objection.objections, start=1):
        out.extend(_objection_arguments(undercut, f"{objection.id}.o{number}"))
    if objection.objections:
        out.append(_attacks(f"<{objection.id}>", "_", objection.objections, objection.id))
    return out


def _attacks(target: str, marker: str, objections: tuple[Objection, ...], parent: str) -> str:
    lines = [target]
    for number, objection in enumerate(objections, start=1):
        if _simple(objection, f"{parent}.o{number}"):
            lines.append(f"  {marker} [{objection.premises[0]}]")
        else:
            lines.append(f"  {marker} <{objection.id}>")
    return "\n".join(lines)
