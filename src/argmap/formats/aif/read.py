"""Read AIF, the Argument Interchange Format, in AIFdb's JSON form, into the node tree that
:func:`argmap.load.build` validates; each problem is placed at the node or edge it is about."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from argmap.dump import CONFIDENCE_KEYS
from argmap.errors import MapError, Problem
from argmap.formats import Leaves, notice
from argmap.formats import tree as t
from argmap.formats.aif.graph import Graph
from argmap.formats.json_scan import Scanned, scan
from argmap.load import Mapping, Node, Scalar, Sequence, build, decode
from argmap.model import Kind, Map

_GENERIC = frozenset({"", "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict"})
STATEMENT_FIELDS = (
    "kind",
    "hedge",
    "certainty",
    "level",
    "by",
    "grade",
    "quote",
    "at",
    "section",
    "note",
    "tags",
    "ack",
)
_DATA_KEYS = ("hedge", *CONFIDENCE_KEYS, "quote", "at", "section", "tags", "ack")
"""The fields of an I-node's ``argmap`` object that become its statement's, in the maps' order."""
_KINDS = tuple(kind.value for kind in Kind)


def read(
    name: str, data: bytes, *, leaves: Leaves = Leaves.CLAIM, scanned: Scanned | None = None
) -> Map:
    """The map an AIF JSON file holds; raises MapError with every problem, each with its place.

    ``scanned`` is the file already read (as the sniffing of its format reads it), if it was."""
    if scanned is None:
        try:
            scanned = scan(decode(data, name))
        except json.JSONDecodeError as error:
            problem = Problem(name, error.lineno, error.colno, f"not valid JSON: {error.msg}")
            raise MapError([problem]) from None
    document = scanned.document
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise MapError(
            [Problem(name, 1, 1, "AIF JSON is an object with a list of 'nodes' and of 'edges'")]
        )
    if not isinstance(document.get("edges"), list):
        raise MapError([Problem(name, 1, 1, "AIF JSON needs a list of 'edges' beside its 'nodes'")])
    places = t.Places(scanned.text)
    graph = Graph(
        name,
        document["nodes"],
        places.of_all(scanned.starts.get("nodes", [])),
        document["edges"],
        scanned.starts.get("edges", []),
        places,
    )
    notices = graph.notices()
    if graph.problems and "I" not in graph.type.values():
        raise MapError(sorted(graph.problems, key=lambda p: (p.line, p.column)))
    tree = _Tree(graph, leaves).top(document)
    built = build(tree, name, graph.problems)
    for message in notices:
        notice(name, message)
    return built


class _Tree:
    """The tree of a map file that a checked graph makes, for :func:`argmap.load.build`."""

    def __init__(self, graph: Graph, leaves: Leaves) -> None:
        self.graph = graph
        self.leaves = leaves

    def top(self, document: dict[str, Any]) -> Node:
        graph = self.graph
        given = document.get("argmap")
        meta: dict[str, Any] = given if isinstance(given, dict) else {}
        title = meta.get("title") or PurePath(graph.name).name.split(".")[0]
        top: list[tuple[str, Node]] = [
            ("argmap", t.value(1, 1, 1)),
            ("title", t.value(title, 1, 1)),
        ]
        if "source" in meta:
            top.append(("source", t.value(meta["source"], 1, 1)))
        if "sections" in meta:
            top.append(("sections", t.value(meta["sections"], 1, 1)))
        kinds = graph.type
        used: set[str] = set()
        supporting: set[str] = set()
        for given_id, premises in graph.sources.items():
            kind = kinds[given_id]
            if kind == "RA":
                supporting.update(premises)
                used.update(premises)
            elif kind == "CA":
                used.update(premises)
        statements = Mapping(1, 1)
        for given_id, node in graph.nodes.items():
            if kinds[given_id] == "I":
                line, column = graph.place[given_id]
                item = self.statement(given_id, node, line, column, used, supporting)
                statements.items.append((Scalar(graph.ids[given_id], False, line, column), item))
        top.append(("statements", statements))
        return t.mapping(top, 1, 1)

    def statement(
        self,
        given: str,
        node: dict[str, Any],
        line: int,
        column: int,
        used: set[str],
        supporting: set[str],
    ) -> Node:
        graph = self.graph
        extra: dict[str, Any] = node["argmap"] if isinstance(node.get("argmap"), dict) else {}
        kind = extra.get("kind")
        if kind is not None and kind not in _KINDS:
            graph.problem(
                (line, column),
                f"the argmap kind of I-node '{given}' must be one of "
                f"{', '.join(_KINDS)}, not {kind!r}",
            )
            kind = None
        if kind is None:
            if given not in supporting and (given in graph.reasons or given not in used):
                kind = Kind.THESIS.value  # supports nothing, even when it attacks a rival
            elif given in graph.reasons:
                kind = Kind.CLAIM.value
            else:
                kind = self.leaves.value
        mapping = Mapping(line, column)
        items = mapping.items
        items.append(
            (Scalar(str(kind), False, line, column), Scalar(node["text"], False, line, column))
        )
        for key in _DATA_KEYS if extra else ():
            if key in extra:
                items.append((Scalar(key, False, line, column), t.value(extra[key], line, column)))
        if (reasons := graph.reasons.get(given)) is not None:
            nodes = Sequence(line, column)
            nodes.items = [self.inference(r) for r in reasons]
            items.append((Scalar("reasons", False, line, column), nodes))
        if (rebuttals := graph.rebuttals.get(given)) is not None:
            nodes = Sequence(line, column)
            nodes.items = [self.inference(c) for c in rebuttals]
            items.append((Scalar("objections", False, line, column), nodes))
        note = [str(extra["note"])] if "note" in extra else []
        if given in graph.notes:
            note += graph.notes[given]
        if note:
            text = Scalar("\n\n".join(note), False, line, column)
            items.append((Scalar("note", False, line, column), text))
        return mapping

    def inference(self, given: str, depth: int = 0) -> Node:
        graph = self.graph
        line, column = graph.place[given]
        node = graph.nodes[given]
        extra: dict[str, Any] = node["argmap"] if isinstance(node.get("argmap"), dict) else {}
        assumed = False
        if "assumed" in extra:
            what = f"the argmap 'assumed' of {graph.type[given]}-node '{given}'"
            assumed = bool(t.flag(extra["assumed"], line, column, what, graph.report))
        mapping = Mapping(line, column)
        items = mapping.items
        items.append(
            (Scalar("id", False, line, column), Scalar(graph.ids[given], False, line, column))
        )
        premises = Sequence(line, column)
        premises.items = [Scalar(graph.ids[p], False, line, column) for p in graph.sources[given]]
        items.append((Scalar("assumed" if assumed else "premises", False, line, column), premises))
        if "quote" in extra:
            items.append(
                (Scalar("quote", False, line, column), t.value(extra["quote"], line, column))
            )
        if "note" in extra:
            items.append(
                (Scalar("note", False, line, column), t.value(extra["note"], line, column))
            )
        else:
            words = node.get("scheme", node.get("text"))
            if isinstance(words, str) and words.strip() not in _GENERIC:
                note = Scalar(f"AIF scheme: {words.strip()}", False, line, column)
                items.append((Scalar("note", False, line, column), note))
        attackers = graph.undercuts.get(given)
        if attackers and depth < 60:
            nodes = Sequence(line, column)
            nodes.items = [self.inference(a, depth + 1) for a in attackers]
            items.append((Scalar("objections", False, line, column), nodes))
        return mapping
