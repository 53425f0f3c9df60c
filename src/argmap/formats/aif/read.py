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
from argmap.load import Node, build, decode
from argmap.model import Kind, Map

DIALOGUE = ("L", "YA", "TA")
ARGUMENT = ("I", "RA", "CA", "MA", "PA")
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


def _skip(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not JSON white space."""
    while index < len(text) and text[index] in " \t\n\r":
        index += 1
    return index


def _offsets(text: str) -> dict[str, list[int]]:
    """Where each element of the top-level ``nodes`` and ``edges`` arrays starts.

    The text is known to be valid JSON; the C scanner reads each element, so this costs about
    what parsing does.
    """
    decoder = json.JSONDecoder()
    out: dict[str, list[int]] = {}
    index = _skip(text, 0) + 1  # past the '{'
    while True:
        index = _skip(text, index)
        if text[index] == "}":
            return out
        key, index = decoder.raw_decode(text, index)
        index = _skip(text, _skip(text, index) + 1)  # past the ':'
        if key in ("nodes", "edges") and text[index] == "[":
            starts: list[int] = []
            index += 1
            while True:
                index = _skip(text, index)
                if text[index] == "]":
                    index += 1
                    break
                starts.append(index)
                _, index = decoder.raw_decode(text, index)
                index = _skip(text, index)
                if text[index] == ",":
                    index += 1
            out[key] = starts
        else:
            _, index = decoder.raw_decode(text, index)
        index = _skip(text, index)
        if text[index] == ",":
            index += 1


class _Reader:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.problems: list[Problem] = []
        self.places = t.Places(text)

    def problem(self, place: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.name, place[0], place[1], message))


def _node_id(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def read(name: str, data: bytes, *, leaves: Leaves = Leaves.CLAIM) -> Map:
    """The map an AIF JSON file holds; raises MapError with every problem, each with its place."""
    text = decode(data, name)
    reader = _Reader(name, text)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(name, error.lineno, error.colno, f"not valid JSON: {error.msg}")
        raise MapError([problem]) from None
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise MapError(
            [Problem(name, 1, 1, "AIF JSON is an object with a list of 'nodes' and of 'edges'")]
        )
    if not isinstance(document.get("edges"), list):
        raise MapError([Problem(name, 1, 1, "AIF JSON needs a list of 'edges' beside its 'nodes'")])
    offsets = _offsets(text)
    node_places = reader.places.of_all(offsets.get("nodes", []))
    edge_places = reader.places.of_all(offsets.get("edges", []))
    return _Graph(reader, document, node_places, edge_places, leaves).build()


class _Graph:
    """The nodes and edges of one AIF document, checked and turned into a map's tree."""

    def __init__(
        self,
        reader: _Reader,
        document: dict[str, Any],
        node_places: list[tuple[int, int]],
        edge_places: list[tuple[int, int]],
        leaves: Leaves,
    ) -> None:
        self.reader = reader
        self.document = document
        self.leaves = leaves
        self.nodes: dict[str, dict[str, Any]] = {}
        self.place: dict[str, tuple[int, int]] = {}
        self.type: dict[str, str] = {}
        self.incoming: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        self.outgoing: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        self.skipped = dict.fromkeys(DIALOGUE, 0)
        self.skipped_edges = 0
        self.read_nodes(document["nodes"], node_places)
        self.read_edges(document["edges"], edge_places)

    def problem(self, place: tuple[int, int], message: str) -> None:
        self.reader.problem(place, message)

    def report(self, line: int, column: int, message: str) -> None:
        self.reader.problem((line, column), message)

    def read_nodes(self, nodes: list[Any], places: list[tuple[int, int]]) -> None:
        for node, place in zip(nodes, places, strict=True):
            if not isinstance(node, dict):
                self.problem(place, "each of 'nodes' must be an object with nodeID, type, text")
                continue
            node_id = _node_id(node.get("nodeID"))
            kind = node.get("type")
            if node_id is None:
                self.problem(place, "node has no 'nodeID' (a string or a number)")
                continue
            if node_id in self.nodes:
                first = self.place[node_id]
                self.problem(place, f"duplicate nodeID '{node_id}' (first at line {first[0]})")
                continue
            if kind in DIALOGUE:
                self.skipped[kind] += 1
                self.type[node_id] = kind
                continue
            if kind not in ARGUMENT:
                self.problem(
                    place,
                    f"node '{node_id}' has type {kind!r}: AIF nodes are I, RA, CA, MA, PA "
                    "(or the dialogue's L, YA, TA)",
                )
                continue
            words = node.get("text")
            if kind == "I" and (not isinstance(words, str) or not words.strip()):
                self.problem(place, f"I-node '{node_id}' has no text")
                continue
            self.nodes[node_id] = node
            self.place[node_id] = place
            self.type[node_id] = kind
            self.incoming[node_id] = []
            self.outgoing[node_id] = []

    def read_edges(self, edges: list[Any], places: list[tuple[int, int]]) -> None:
        for edge, place in zip(edges, places, strict=True):
            if not isinstance(edge, dict):
                self.problem(place, "each of 'edges' must be an object with fromID and toID")
                continue
            ends = (_node_id(edge.get("fromID")), _node_id(edge.get("toID")))
            if None in ends:
                self.problem(place, "edge needs a 'fromID' and a 'toID'")
                continue
            source, target = str(ends[0]), str(ends[1])
            missing = [end for end in (source, target) if end not in self.type]
            if missing:
                self.problem(place, f"edge names node '{missing[0]}', which is not in 'nodes'")
                continue
            if self.type[source] in DIALOGUE or self.type[target] in DIALOGUE:
                self.skipped_edges += 1
                continue
            if source == target:
                self.problem(place, f"edge from node '{source}' to itself")
                continue
            pair = (self.type[source], self.type[target])
            if pair[0] == "I" and pair[1] == "I":
                self.problem(
                    place,
                    f"edge from I-node '{source}' straight to I-node '{target}': in AIF an RA- or "
                    "CA-node stands between two statements",
                )
                continue
            if pair[0] != "I" and pair[1] != "I" and pair != ("CA", "RA") and pair != ("CA", "CA"):
                self.problem(
                    place,
                    f"edge from {pair[0]}-node '{source}' to {pair[1]}-node '{target}' is not one "
                    "argmap reads (a CA-node may attack an RA- or CA-node; other S-nodes link "
                    "I-nodes)",
                )
                continue
            self.outgoing[source].append((target, place))
            self.incoming[target].append((source, place))

    # --- to the tree --------------------------------------------------------------------------

    def build(self) -> Map:
        ids = t.Ids()
        self.ids: dict[str, str] = {}
        for node_id, kind in self.type.items():
            if kind in ARGUMENT and node_id in self.nodes:
                self.ids[node_id] = ids.take(node_id, kind.lower())
        reasons: dict[str, list[str]] = {}
        rebuttals: dict[str, list[str]] = {}
        undercuts: dict[str, list[str]] = {}
        notes: dict[str, list[str]] = {}
        kept = {"MA": 0, "PA": 0}
        for node_id, node in self.nodes.items():
            kind = self.type[node_id]
            if kind == "I" or node is None:
                continue
            place = self.place[node_id]
            sources = [s for s, _ in self.incoming[node_id] if self.type[s] == "I"]
            targets = self.outgoing[node_id]
            if kind in ("MA", "PA"):
                kept[kind] += 1
                words = "rephrases" if kind == "MA" else "is preferred to"
                for source in sources:
                    for target, _ in targets:
                        if self.type[target] == "I":
                            notes.setdefault(source, []).append(
                                f"AIF {kind}-node {node_id}: {words} '{self.ids[target]}'."
                            )
                continue
            if not sources:
                what = "premise" if kind == "RA" else "attacking I-node"
                self.problem(place, f"{kind}-node '{node_id}' has no {what}")
                continue
            if len(targets) != 1:
                role = "conclusion" if kind == "RA" else "target"
                how_many = "no" if not targets else f"{len(targets)}"
                self.problem(place, f"{kind}-node '{node_id}' has {how_many} {role}s: it needs one")
                continue
            target = targets[0][0]
            if kind == "RA":
                if self.type[target] != "I":
                    self.problem(place, f"RA-node '{node_id}' concludes no I-node")
                    continue
                reasons.setdefault(target, []).append(node_id)
            elif self.type[target] == "I":
                rebuttals.setdefault(target, []).append(node_id)
            else:
                undercuts.setdefault(target, []).append(node_id)
        self.undercuts = undercuts
        self.check_cycles(undercuts)
        notices = []
        for layer, count in kept.items():
            if count:
                notices.append(
                    f"kept {count} {layer}-node{'s' if count > 1 else ''} "
                    f"({'rephrase' if layer == 'MA' else 'preference'}) as notes on statements",
                )
        skipped = sum(self.skipped.values())
        if skipped:
            parts = ", ".join(f"{n} {kind}" for kind, n in self.skipped.items() if n)
            notices.append(
                f"left out the dialogue layer: {skipped} nodes ({parts}) and "
                f"{self.skipped_edges} edges"
            )
        if self.reader.problems and "I" not in self.type.values():
            raise MapError(sorted(self.reader.problems, key=lambda p: (p.line, p.column)))
        tree = self.tree(reasons, rebuttals, notes)
        built = build(tree, self.reader.name, self.reader.problems)
        for message in notices:
            notice(self.reader.name, message)
        return built

    def check_cycles(self, undercuts: dict[str, list[str]]) -> None:
        """CA-nodes attacking each other in a ring cannot be a tree of objections."""
        state: dict[str, int] = {}
        for start in list(undercuts):
            if state.get(start) or self.type.get(start) != "CA":
                continue
            path: list[str] = []
            current: str | None = start
            while current is not None and not state.get(current):
                state[current] = 1
                path.append(current)
                nexts = [n for n, _ in self.outgoing.get(current, []) if self.type[n] == "CA"]
                current = nexts[0] if nexts else None
            if current is not None and current in path:
                ring = path[path.index(current) :]
                self.problem(
                    self.place[current],
                    "CA-nodes " + ", ".join(f"'{n}'" for n in ring) + " attack each other in a "
                    "ring: argmap's objections form a tree",
                )
                for member in ring:
                    undercuts.pop(member, None)
            for member in path:
                state[member] = 2

    def inference(self, node_id: str, depth: int = 0) -> Node:
        place = self.place[node_id]
        node = self.nodes[node_id]
        extra: dict[str, Any] = node["argmap"] if isinstance(node.get("argmap"), dict) else {}
        premises = [s for s, _ in self.incoming[node_id] if self.type[s] == "I"]
        assumed = False
        if "assumed" in extra:
            what = f"the argmap 'assumed' of {self.type[node_id]}-node '{node_id}'"
            assumed = bool(t.flag(extra["assumed"], *place, what, self.report))
        items: list[tuple[str, Node]] = [
            ("id", t.text(self.ids[node_id], *place)),
            (
                "assumed" if assumed else "premises",
                t.sequence([t.text(self.ids[p], *place) for p in premises], *place),
            ),
        ]
        if "quote" in extra:
            items.append(("quote", t.value(extra["quote"], *place)))
        words = node.get("scheme", node.get("text"))
        if "note" in extra:
            items.append(("note", t.value(extra["note"], *place)))
        elif isinstance(words, str) and words.strip() not in _GENERIC:
            items.append(("note", t.text(f"AIF scheme: {words.strip()}", *place)))
        attackers = self.undercuts.get(node_id, [])
        if attackers and depth < 60:
            items.append(
                (
                    "objections",
                    t.sequence([self.inference(a, depth + 1) for a in attackers], *place),
                )
            )
        return t.mapping(items, *place)

    def tree(
        self,
        reasons: dict[str, list[str]],
        rebuttals: dict[str, list[str]],
        notes: dict[str, list[str]],
    ) -> Node:
        given = self.document.get("argmap")
        meta: dict[str, Any] = given if isinstance(given, dict) else {}
        title = meta.get("title") or PurePath(self.reader.name).name.split(".")[0]
        top: list[tuple[str, Node]] = [
            ("argmap", t.value(1, 1, 1)),
            ("title", t.value(title, 1, 1)),
        ]
        if "source" in meta:
            top.append(("source", t.value(meta["source"], 1, 1)))
        if "sections" in meta:
            top.append(("sections", t.value(meta["sections"], 1, 1)))
        used = {
            s
            for node_id, kind in self.type.items()
            if kind in ("RA", "CA") and node_id in self.nodes
            for s, _ in self.incoming[node_id]
            if self.type[s] == "I"
        }
        supporting = {
            s
            for node_id, kind in self.type.items()
            if kind == "RA" and node_id in self.nodes
            for s, _ in self.incoming[node_id]
            if self.type[s] == "I"
        }
        statements = t.mapping([], 1, 1)
        for node_id, node in self.nodes.items():
            if self.type[node_id] != "I":
                continue
            place = self.place[node_id]
            extra: dict[str, Any] = node["argmap"] if isinstance(node.get("argmap"), dict) else {}
            kind = extra.get("kind")
            if kind is not None and kind not in [k.value for k in Kind]:
                self.problem(
                    place,
                    f"the argmap kind of I-node '{node_id}' must be one of "
                    f"{', '.join(k.value for k in Kind)}, not {kind!r}",
                )
                kind = None
            if kind is None:
                if node_id not in supporting and (node_id in reasons or node_id not in used):
                    kind = Kind.THESIS.value  # supports nothing, even when it attacks a rival
                elif node_id in reasons:
                    kind = Kind.CLAIM.value
                else:
                    kind = self.leaves.value
            items: list[tuple[str, Node]] = [(str(kind), t.text(node["text"], *place))]
            for key in ("hedge", *CONFIDENCE_KEYS, "quote", "at", "section", "tags", "ack"):
                if key in extra:
                    items.append((key, t.value(extra[key], *place)))
            if node_id in reasons:
                nodes = [self.inference(r) for r in reasons[node_id]]
                items.append(("reasons", t.sequence(nodes, *place)))
            if node_id in rebuttals:
                nodes = [self.inference(c) for c in rebuttals[node_id]]
                items.append(("objections", t.sequence(nodes, *place)))
            note = [str(extra["note"])] if "note" in extra else []
            note += notes.get(node_id, [])
            if note:
                items.append(("note", t.text("\n\n".join(note), *place)))
            statements.items.append((t.text(self.ids[node_id], *place), t.mapping(items, *place)))
        top.append(("statements", statements))
        return t.mapping(top, 1, 1)
