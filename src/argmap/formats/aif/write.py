"""Write a map as AIF JSON: I-, RA- and CA-nodes with their edges, and what AIF has no field for
in an ``argmap`` object beside AIF's own fields."""

from __future__ import annotations

import json
from typing import Any

from argmap.dump import confidence_fields, link_fields, section_value
from argmap.graph import inferences
from argmap.model import Map, Objection, Reason


def write(map_: Map) -> str:
    """The map as AIF JSON: I-, RA- and CA-nodes with their edges; argmap's extra fields in an
    ``argmap`` object on each node and on the document. The same map gives the same text."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": source, "toID": target})

    def objection(item: Objection, target: str) -> None:
        nodes.append(_node(item.id, "Default Conflict", "CA", _inference_fields(item)))
        for premise in item.premises:
            edge(premise, item.id)
        edge(item.id, target)
        for undercut in item.objections:
            objection(undercut, item.id)

    for statement in map_.statements.values():
        extra: dict[str, Any] = {"kind": statement.kind.value}
        for key in ("hedge", "quote", "at", "section", "note"):
            value = getattr(statement, key)
            if value is not None:
                extra[key] = value
        if statement.hedge == "":
            extra["hedge"] = True
        extra.update(confidence_fields(statement))
        if statement.tags:
            extra["tags"] = list(statement.tags)
        if statement.acks:
            extra["ack"] = {ack.code.value: ack.why for ack in statement.acks}
        nodes.append(_node(statement.id, statement.text, "I", extra))
    for statement in map_.statements.values():
        for reason in statement.reasons:
            _reason(reason, statement.id, nodes, edge)
            for undercut in reason.objections:
                objection(undercut, reason.id)
        for rebuttal in statement.objections:
            objection(rebuttal, statement.id)
    meta: dict[str, Any] = {"version": map_.version, "title": map_.title}
    source = {
        key: value
        for key in ("title", "author", "publisher", "date", "url")
        if (value := getattr(map_.source, key)) is not None
    }
    if source:
        meta["source"] = source
    if map_.sections:
        meta["sections"] = {section.id: section_value(section) for section in map_.sections}

    # one node or edge a line: compact, and a diff shows which changed
    def lines(items: list[Any]) -> str:
        return ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)

    return (
        f'{{\n  "nodes": [\n{lines(nodes)}\n  ],\n  "edges": [\n{lines(edges)}\n  ],\n'
        f'  "locutions": [],\n  "argmap": {json.dumps(meta, ensure_ascii=False)}\n}}\n'
    )


def _node(node_id: str, text: str, kind: str, extra: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": kind}
    if extra:
        node["argmap"] = extra
    return node


def _inference_fields(inference: Reason | Objection) -> dict[str, Any]:
    """What AIF has no field for on an RA- or CA-node: whose the link is, and the note."""
    extra = link_fields(inference)
    if inference.note is not None:
        extra["note"] = inference.note
    return extra


def _reason(reason: Reason, claim: str, nodes: list[dict[str, Any]], edge: Any) -> None:
    nodes.append(_node(reason.id, "Default Inference", "RA", _inference_fields(reason)))
    for premise in reason.premises:
        edge(premise, reason.id)
    edge(reason.id, claim)


def counts(map_: Map) -> dict[str, int]:
    """How many I-, RA- and CA-nodes and edges :func:`write` gives ``map_``: what AIF tools find."""
    every = [inference for s in map_.statements.values() for inference in inferences(s)]
    reasons = [r for r in every if isinstance(r, Reason)]
    objections = [o for o in every if isinstance(o, Objection)]
    return {
        "I": len(map_.statements),
        "RA": len(reasons),
        "CA": len(objections),
        "edges": sum(len(r.premises) + 1 for r in reasons)
        + sum(len(o.premises) + 1 for o in objections),
    }
