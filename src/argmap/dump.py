"""Write a map as canonical YAML: the short forms wherever they say the same, fields in a fixed
order, so that ``loads(dump_map(m)) == m`` and a diff shows only what changed."""

from __future__ import annotations

from typing import Any

import yaml

from argmap.model import Map, Objection, Reason, Section, Statement

CONFIDENCE_KEYS = ("certainty", "level", "by", "grade")
"""The keys :func:`confidence_fields` writes."""


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _Flow(list[Any]):
    """A list written in flow style: ``[a, b]``."""


def _flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _block(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


# YAML reads these as line breaks wherever they stand unescaped: only a double-quoted scalar,
# where they are written as escapes, keeps them as the characters they are.
_YAML_BREAKS = frozenset("\x85\u2028\u2029")


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style: str | None = None
    if _YAML_BREAKS.intersection(data):
        style = '"'
    elif "\n" in data.rstrip("\n") and data == data.strip(" "):
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(dict, _block)
_Dumper.add_representer(str, _text)


def dump_map(map_: Map) -> str:
    """The map as YAML text in the canonical form."""
    data: dict[str, Any] = {"argmap": map_.version, "title": map_.title}
    source = {
        name: value
        for name in ("title", "author", "publisher", "date", "url")
        if (value := getattr(map_.source, name)) is not None
    }
    if source:
        data["source"] = source
    if map_.sections:
        data["sections"] = {section.id: section_value(section) for section in map_.sections}
    data["statements"] = {s.id: _statement(s) for s in map_.statements.values()}
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def section_value(section: Section) -> str | dict[str, str]:
    """A section as the map format writes it under its id: its heading, or its heading and the
    words its first paragraph begins with (AIF carries it the same way)."""
    if section.starts is None:
        return section.title
    return {"title": section.title, "starts": section.starts}


def link_fields(inference: Reason | Objection) -> dict[str, Any]:
    """Whose a reason's or objection's link is, as AIF's ``argmap`` objects and Argdown's data
    carry it: ``assumed: true`` for the mapper's, the author's connective as ``quote``."""
    out: dict[str, Any] = {}
    if inference.assumed:
        out["assumed"] = True
    if inference.quote is not None:
        out["quote"] = inference.quote
    return out


def _statement(statement: Statement) -> dict[str, Any]:
    out: dict[str, Any] = {statement.kind.value: statement.text}
    if statement.hedge is not None:
        out["hedge"] = statement.hedge or True
    out.update(confidence_fields(statement))
    if statement.section is not None:
        out["section"] = statement.section
    if statement.at is not None:
        out["at"] = statement.at
    if statement.quote is not None:
        out["quote"] = statement.quote
    if statement.reasons:
        out["reasons"] = [
            _inference(r, f"{statement.id}.r{n}") for n, r in enumerate(statement.reasons, 1)
        ]
    if statement.objections:
        out["objections"] = _objections(statement.objections, statement.id)
    if statement.note is not None:
        out["note"] = statement.note
    if statement.tags:
        out["tags"] = _Flow(statement.tags)
    if statement.acks:
        out["ack"] = {ack.code.value: ack.why for ack in statement.acks}
    return out


def confidence_fields(statement: Statement) -> dict[str, Any]:
    """The statement's ``certainty``, ``level``, ``by`` and ``grade`` as the map format writes
    them (the other formats carry them the same way)."""
    out: dict[str, Any] = {}
    if statement.certainty is not None:
        out["certainty"] = statement.certainty
    if statement.level is not None:
        out["level"] = statement.level.term
    if statement.by is not None:
        by = statement.by
        if by.role is None and not by.unnamed:
            out["by"] = by.name
        else:
            out["by"] = {"unnamed" if by.unnamed else "name": by.name}
            if by.role is not None:
                out["by"]["role"] = by.role
    if statement.grade is not None:
        out["grade"] = str(statement.grade)
    return out


def _objections(objections: tuple[Objection, ...], parent: str) -> list[Any]:
    return [_inference(o, f"{parent}.o{n}") for n, o in enumerate(objections, 1)]


def _inference(inference: Reason | Objection, auto_id: str) -> Any:
    """The shortest form that loads back to the same reason or objection."""
    premises: Any = (
        inference.premises[0] if len(inference.premises) == 1 else _Flow(inference.premises)
    )
    if (
        inference.id == auto_id
        and inference.note is None
        and not inference.objections
        and not inference.assumed
        and inference.quote is None
    ):
        return premises
    out: dict[str, Any] = {}
    if inference.id != auto_id:
        out["id"] = inference.id
    out["assumed" if inference.assumed else "premises"] = premises
    if inference.quote is not None:
        out["quote"] = inference.quote
    if inference.note is not None:
        out["note"] = inference.note
    if inference.objections:
        out["objections"] = _objections(inference.objections, inference.id)
    return out
