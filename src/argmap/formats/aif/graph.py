"""The nodes and edges of one AIF document, checked: which node is what, what each S-node links,
and the reasons, objections and notes they make; each problem is placed at its node or edge."""

from __future__ import annotations

from typing import Any

from argmap.errors import Problem
from argmap.formats import tree as t

DIALOGUE = ("L", "YA", "TA")
ARGUMENT = ("I", "RA", "CA", "MA", "PA")
_LINKED = frozenset({("CA", "RA"), ("CA", "CA")})
"""The S-node to S-node edges argmap reads: a CA-node attacking an inference or an objection."""

Place = tuple[int, int]


def node_id(value: Any) -> str | None:
    """A node's id as AIF gives it (a string or a number), as text; None for anything else."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


class Graph:
    """The argument layer of an AIF document; the dialogue layer is counted and left out."""

    def __init__(
        self,
        name: str,
        nodes: list[Any],
        node_places: list[Place],
        edges: list[Any],
        edge_starts: list[int],
        places: t.Places,
    ) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.nodes: dict[str, dict[str, Any]] = {}
        """The I-, RA-, CA-, MA- and PA-nodes, in file order."""
        self.place: dict[str, Place] = {}
        self.type: dict[str, str] = {}
        """The type of every node with an id, the dialogue's too."""
        self.incoming: dict[str, list[str]] = {}
        self.outgoing: dict[str, list[str]] = {}
        self.skipped = dict.fromkeys(DIALOGUE, 0)
        self.skipped_edges = 0
        self.read_nodes(nodes, node_places)
        self.read_edges(edges, edge_starts, places)
        self.ids: dict[str, str] = {}
        taken = t.Ids()
        for given, kind in self.type.items():
            if kind in ARGUMENT and given in self.nodes:
                self.ids[given] = taken.take(given, kind.lower())
        self.reasons: dict[str, list[str]] = {}
        """The RA-nodes concluding each I-node."""
        self.rebuttals: dict[str, list[str]] = {}
        """The CA-nodes attacking each I-node."""
        self.undercuts: dict[str, list[str]] = {}
        """The CA-nodes attacking each RA- or CA-node."""
        self.notes: dict[str, list[str]] = {}
        """What the MA- and PA-nodes say of each I-node."""
        self.kept = {"MA": 0, "PA": 0}
        self.sources: dict[str, list[str]] = {}
        """The I-nodes with an edge into each S-node, in file order: its premises."""
        self.link()
        self.check_cycles()

    def problem(self, place: Place, message: str) -> None:
        self.problems.append(Problem(self.name, place[0], place[1], message))

    def report(self, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, column, message))

    def read_nodes(self, nodes: list[Any], places: list[Place]) -> None:
        for node, place in zip(nodes, places, strict=True):
            if not isinstance(node, dict):
                self.problem(place, "each of 'nodes' must be an object with nodeID, type, text")
                continue
            given = node_id(node.get("nodeID"))
            kind = node.get("type")
            if given is None:
                self.problem(place, "node has no 'nodeID' (a string or a number)")
                continue
            if given in self.nodes:
                first = self.place[given]
                self.problem(place, f"duplicate nodeID '{given}' (first at line {first[0]})")
                continue
            if kind in DIALOGUE:
                self.skipped[kind] += 1
                self.type[given] = kind
                continue
            if kind not in ARGUMENT:
                self.problem(
                    place,
                    f"node '{given}' has type {kind!r}: AIF nodes are I, RA, CA, MA, PA "
                    "(or the dialogue's L, YA, TA)",
                )
                continue
            if kind == "I":
                words = node.get("text")
                if not isinstance(words, str) or not words.strip():
                    self.problem(place, f"I-node '{given}' has no text")
                    continue
            self.nodes[given] = node
            self.place[given] = place
            self.type[given] = kind
            self.incoming[given] = []
            self.outgoing[given] = []

    def read_edges(self, edges: list[Any], starts: list[int], places: t.Places) -> None:
        """The edges, each at the offset ``starts`` gives it: the place of an edge is worked
        out only for a problem with it, for a kept edge links nodes and has no place of its own."""
        kinds, outgoing, incoming = self.type, self.outgoing, self.incoming
        for edge, start in zip(edges, starts, strict=True):
            if not isinstance(edge, dict):
                self.problem(
                    places.of(start), "each of 'edges' must be an object with fromID and toID"
                )
                continue
            source, target = edge.get("fromID"), edge.get("toID")
            if type(source) is not str or not source or source.isspace():  # else it is an id
                source = node_id(source)
            if type(target) is not str or not target or target.isspace():
                target = node_id(target)
            if source is None or target is None:
                self.problem(places.of(start), "edge needs a 'fromID' and a 'toID'")
                continue
            source_kind, target_kind = kinds.get(source), kinds.get(target)
            if source_kind is None or target_kind is None:
                missing = source if source_kind is None else target
                self.problem(
                    places.of(start), f"edge names node '{missing}', which is not in 'nodes'"
                )
                continue
            if source_kind in DIALOGUE or target_kind in DIALOGUE:
                self.skipped_edges += 1
                continue
            if source == target:
                self.problem(places.of(start), f"edge from node '{source}' to itself")
                continue
            if source_kind == "I":
                if target_kind == "I":
                    self.problem(
                        places.of(start),
                        f"edge from I-node '{source}' straight to I-node '{target}': in AIF an "
                        "RA- or CA-node stands between two statements",
                    )
                    continue
            elif target_kind != "I" and (source_kind, target_kind) not in _LINKED:
                self.problem(
                    places.of(start),
                    f"edge from {source_kind}-node '{source}' to {target_kind}-node '{target}' is "
                    "not one argmap reads (a CA-node may attack an RA- or CA-node; other S-nodes "
                    "link I-nodes)",
                )
                continue
            outgoing[source].append(target)
            incoming[target].append(source)

    def link(self) -> None:
        """What each S-node makes: a reason, a rebuttal, an undercut, or notes (MA, PA)."""
        kinds = self.type
        for given in self.nodes:
            kind = kinds[given]
            if kind == "I":
                continue
            place = self.place[given]
            sources = [source for source in self.incoming[given] if kinds[source] == "I"]
            self.sources[given] = sources
            targets = self.outgoing[given]
            if kind in ("MA", "PA"):
                self.kept[kind] += 1
                words = "rephrases" if kind == "MA" else "is preferred to"
                for source in sources:
                    for target in targets:
                        if kinds[target] == "I":
                            self.notes.setdefault(source, []).append(
                                f"AIF {kind}-node {given}: {words} '{self.ids[target]}'."
                            )
                continue
            if not sources:
                what = "premise" if kind == "RA" else "attacking I-node"
                self.problem(place, f"{kind}-node '{given}' has no {what}")
                continue
            if len(targets) != 1:
                role = "conclusion" if kind == "RA" else "target"
                how_many = "no" if not targets else f"{len(targets)}"
                self.problem(place, f"{kind}-node '{given}' has {how_many} {role}s: it needs one")
                continue
            target = targets[0]
            if kind == "RA":
                if kinds[target] != "I":
                    self.problem(place, f"RA-node '{given}' concludes no I-node")
                    continue
                self.reasons.setdefault(target, []).append(given)
            elif kinds[target] == "I":
                self.rebuttals.setdefault(target, []).append(given)
            else:
                self.undercuts.setdefault(target, []).append(given)

    def check_cycles(self) -> None:
        """CA-nodes attacking each other in a ring cannot be a tree of objections."""
        undercuts = self.undercuts
        state: dict[str, int] = {}
        for start in list(undercuts):
            if state.get(start) or self.type.get(start) != "CA":
                continue
            path: list[str] = []
            current: str | None = start
            while current is not None and not state.get(current):
                state[current] = 1
                path.append(current)
                nexts = [n for n in self.outgoing.get(current, []) if self.type[n] == "CA"]
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

    def notices(self) -> list[str]:
        """What the reader kept as notes, and the dialogue layer it left out."""
        out = []
        for layer, count in self.kept.items():
            if count:
                out.append(
                    f"kept {count} {layer}-node{'s' if count > 1 else ''} "
                    f"({'rephrase' if layer == 'MA' else 'preference'}) as notes on statements",
                )
        skipped = sum(self.skipped.values())
        if skipped:
            parts = ", ".join(f"{n} {kind}" for kind, n in self.skipped.items() if n)
            out.append(
                f"left out the dialogue layer: {skipped} nodes ({parts}) and "
                f"{self.skipped_edges} edges"
            )
        return out
