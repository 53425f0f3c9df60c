"""Stated and earned confidence: where a statement's hedge or certainty marker falls on the scale
of :class:`argmap.model.Level`, and how much confidence its support earns it.

**Stated.** A statement's stated level is its ``level:`` when the map gives one, else the level of
its hedge's words, else that of its certainty marker (:data:`WORDS`). A plain assertion states no
level: it is never overstated and caps nothing. Words not in the table, with no ``level:``, state
no level either, and are reported (``unknown-hedge``) rather than guessed.

**Earned.** Every node of the graph earns a level, 0 meaning nothing; it is computed once over the
whole graph, for the labels of :mod:`.labels`, as the least fixpoint of these rules:

- evidence earns :data:`GIVEN` ``[evidence]`` (almost certain), an assumption ``[assumption]``
  (very likely): the mapper's reading of a premise the author takes for granted is firm, not fact;
  a source grade caps evidence further, by both its parts (:data:`RELIABILITY`,
  :data:`CREDIBILITY`): ``C3`` evidence earns at most roughly even chance;
- a reason or objection that applies earns the lowest of its premises (a linked reason is as firm
  as its weakest co-premise) and of the answers to its undercuts;
- a grounded statement earns the highest of its reasons that apply (or what it is given), capped
  by its own stated level and by the answer to every objection against it;
- an objection that is answered is *answered as firmly* as the highest of its undercuts that apply
  and of the refutations of its premises; a statement that is out is refuted as firmly as the
  highest rebuttal of it that applies, or, when it is not grounded, as its least refuted reason; a
  claim with no reasons is refuted outright (the objection rests on nothing, and caps nothing);
- a statement, reason or objection that is not grounded (or does not apply) earns nothing, and one
  that is not out is refuted by nothing.

So a statement that survives an objection only through an answer is capped at the answer's level.
Every rule takes minima and maxima of what it depends on, so raising a premise never lowers a
conclusion it supports; and a node earns something exactly when its label is in.

The fixpoint is found by one pass from the highest level down (a bucket queue over the eight
levels): a node that needs one of its inputs is settled by the first of them settled, one that needs
all by the last; each edge is looked at once, so the pass is linear in the size of the map.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from typing import Final

from argmap.analysis.author import mapper_nodes
from argmap.analysis.labels import Labelling
from argmap.errors import did_you_mean
from argmap.graph import Graph, Label
from argmap.model import Code, Kind, Level, Map, Statement
from argmap.status import Severity
from argmap.util import plural

HEDGES: Final[dict[Level, tuple[str, ...]]] = {
    Level.ALMOST_NO_CHANCE: ("almost no chance", "remote", "highly improbable"),
    Level.VERY_UNLIKELY: ("very unlikely", "highly unlikely", "improbable"),
    Level.UNLIKELY: ("unlikely", "probably not", "doubtful"),
    Level.EVEN_CHANCE: (
        "roughly even chance",
        "even chance",
        "may",
        "may be",
        "might",
        "could",
        "possibly",
        "potentially",
        "perhaps",
        "maybe",
        "conceivably",
    ),
    Level.LIKELY: (
        "likely",
        "probably",
        "probable",
        "seemingly",
        "apparently",
        "it seems",
        "seems",
        "it appears",
        "appears",
        "presumably",
        "plausibly",
    ),
    Level.VERY_LIKELY: ("very likely", "most likely", "highly likely", "highly probable"),
    Level.ALMOST_CERTAIN: (
        "almost certain",
        "almost certainly",
        "nearly certain",
        "virtually certain",
    ),
}
"""The hedges the scale knows, by level: the ICD 203 term first, then common hedges."""

CERTAINTY: Final[tuple[str, ...]] = (
    "it is clear",
    "clearly",
    "obviously",
    "undoubtedly",
    "certainly",
    "without doubt",
    "there is no doubt",
    "definitely",
    "surely",
    "of course",
    "evidently",
    "certain",
)
"""The markers of stated certainty: all at :attr:`Level.CERTAIN`."""

WORDS: Final[dict[str, Level]] = {
    **{word: level for level, words in HEDGES.items() for word in words},
    **dict.fromkeys(CERTAINTY, Level.CERTAIN),
}
"""Every word the scale knows, with its level."""

FILLERS: Final = frozenset({"currently", "now", "still", "also", "so", "that", "quite"})
"""Words dropped from a hedge that is not in the table as written (``it currently seems``)."""

GIVEN: Final = {Kind.EVIDENCE: Level.ALMOST_CERTAIN, Kind.ASSUMPTION: Level.VERY_LIKELY}
"""What evidence and assumptions earn by default, before their own stated level."""

RELIABILITY: Final = {
    "A": Level.ALMOST_CERTAIN,
    "B": Level.VERY_LIKELY,
    "C": Level.LIKELY,
    "D": Level.EVEN_CHANCE,
    "E": Level.UNLIKELY,
}
"""What a source's reliability lets its evidence earn at most: A completely reliable, B usually,
C fairly, D not usually, E unreliable; F (cannot be judged) caps nothing."""

CREDIBILITY: Final = {
    1: Level.ALMOST_CERTAIN,
    2: Level.LIKELY,
    3: Level.EVEN_CHANCE,
    4: Level.UNLIKELY,
    5: Level.VERY_UNLIKELY,
}
"""What the information's credibility lets it earn at most: 1 confirmed, 2 probably true, 3
possibly true, 4 doubtful, 5 improbable; 6 (cannot be judged) caps nothing."""


def given_level(statement: Statement) -> Level:
    """What evidence or an assumption earns before its own stated level: the default of its kind,
    capped by both parts of its source grade."""
    level = GIVEN[statement.kind]
    grade = statement.grade
    if grade is not None:
        level = min(
            level,
            RELIABILITY.get(grade.reliability, level),
            CREDIBILITY.get(grade.credibility, level),
        )
    return level


_NOT_WORD = re.compile(r"[^\w' ]+")


def word_level(words: str) -> Level | None:
    """The level of a hedge or certainty marker (case, spacing and punctuation ignored, and
    :data:`FILLERS` when the words are not in the table as they are), or None."""
    key = " ".join(_NOT_WORD.sub(" ", words.casefold().replace("\u2019", "'")).split())
    level = WORDS.get(key)
    if level is None:
        level = WORDS.get(" ".join(w for w in key.split() if w not in FILLERS))
    return level


def stated(statement: Statement) -> Level | None:
    """The level the statement states: its ``level``, else its hedge's, else its certainty
    marker's; None for a plain assertion or words the scale does not know."""
    if statement.level is not None:
        return statement.level
    if statement.hedge:
        return word_level(statement.hedge)
    if statement.certainty:
        return word_level(statement.certainty)
    return None


def unknown_words(statement: Statement) -> str | None:
    """The hedge or certainty words that state no level: not on the scale, and no ``level``."""
    if statement.level is not None:
        return None
    words = statement.hedge or statement.certainty
    if words and word_level(words) is None:
        return words
    return None


TOP: Final = int(Level.CERTAIN)
_LEVELS: Final = {int(level): level for level in Level}
"""The highest level: what a node is capped at when nothing caps it."""


class Earned:
    """The earned level of every node of a graph under a labelling (see the module docstring).

    ``level[n]``: for a node that is in, what it earns (1 to 8); for a node that is out, how firmly
    it is refuted; 0 for the rest. ``why[n]``: the input that settled it (-1 when its own cap did:
    its stated level, or what it is given)."""

    __slots__ = ("graph", "label", "level", "why")

    def __init__(
        self, graph: Graph, label: list[Label], forced: Sequence[bool] | None = None
    ) -> None:
        """The earned levels under ``label``; ``forced`` marks the statements rejected or
        accepted by a what-if: an accepted one is given (almost certain, at most its own
        level), a rejected one refuted outright."""
        self.graph = graph
        self.label = label
        n = len(graph.ids)
        n_statements = graph.n_statements
        in_, out = Label.IN, Label.OUT
        cap = [TOP] * n
        need = [0] * n  # inputs still to settle before the node is settled
        group = [0] * n  # an out claim: its reasons still to be refuted
        pos, neg, given = graph.pos, graph.neg, graph.given
        buckets: list[list[tuple[int, int]]] = [[] for _ in range(TOP + 1)]
        for node in range(n):
            value = label[node]
            if value == Label.UNDECIDED:
                continue
            if node < n_statements:
                statement = graph.statements[node]
                if value == in_:
                    own = stated(statement)
                    if own is not None:
                        cap[node] = int(own)
                    if given[node]:
                        cap[node] = min(cap[node], int(given_level(statement)))
                    need[node] = neg.count(node) + (0 if given[node] else 1)
                else:
                    need[node] = 1
                    group[node] = 0 if given[node] else pos.count(node)
                    if not given[node] and group[node] == 0:
                        need[node] = 0  # a claim with no reasons is refuted outright
            elif value == in_:
                need[node] = pos.count(node) + neg.count(node)
            else:
                need[node] = 1
            if forced is not None and forced[node]:
                need[node] = 0
                if value == in_:
                    cap[node] = min(cap[node], int(Level.ALMOST_CERTAIN))
            if need[node] == 0:
                buckets[cap[node]].append((node, -1))
        level = [0] * n
        why = [-1] * n
        parents = graph.parents
        flat, start = parents.flat, parents.start
        for current in range(TOP, 0, -1):
            bucket = buckets[current]
            while bucket:
                node, cause = bucket.pop()
                if level[node]:
                    continue
                level[node] = current
                why[node] = cause
                mine = label[node]
                for parent in flat[start[node] : start[node + 1]]:
                    attack = parent < 0
                    if attack:
                        parent = ~parent
                    theirs = label[parent]
                    if level[parent] or theirs == Label.UNDECIDED:
                        continue
                    if theirs == in_:
                        # an in statement needs one reason (the first to settle) and the answers to
                        # all its rebuttals; an in inference needs all its premises and answers
                        if parent < n_statements and not attack:
                            if mine != in_ or group[parent]:  # out, or a reason settled it already
                                continue
                            group[parent] = 1
                        need[parent] -= 1
                    elif parent < n_statements and not attack:
                        if mine != out or given[parent]:
                            continue
                        group[parent] -= 1  # an out claim is refuted once all its reasons are
                        if group[parent]:
                            continue
                        need[parent] = 0
                    else:
                        # an out statement (by a rebuttal) or an out inference (a premise out, or
                        # an undercut in): the first to settle refutes it
                        if (mine == in_) != attack:
                            continue
                        need[parent] = 0
                    if need[parent] == 0:
                        if cap[parent] <= current:
                            buckets[cap[parent]].append((parent, -1))
                        else:
                            bucket.append((parent, node))
        self.level = level
        self.why = why

    def of(self, node: int) -> Level | None:
        """What the node earns (for one that is in), or None."""
        value = self.level[node]
        return _LEVELS[value] if value and self.label[node] == Label.IN else None

    def chain(self, node: int) -> Iterator[int]:
        """The nodes from ``node`` down to the one whose own cap settled it, each the input that
        settled the one before."""
        while node >= 0:
            yield node
            node = self.why[node]


OVERSTATED_SEVERITY: Final = ((4, Severity.ERROR), (2, Severity.WARNING), (1, Severity.INFO))
"""The severity of ``overstated`` by the gap in steps of the scale: one step is info, two or
three a warning, four or more (certainty stated over a coin toss) an error."""


def gap_severity(gap: int) -> Severity:
    """The severity of an ``overstated`` finding with that gap (1 or more)."""
    return next(severity for least, severity in OVERSTATED_SEVERITY if gap >= least)


def says(statement: Statement) -> str:
    """``says "it is clear" (certain)``: how the statement states its level, for messages."""
    level = stated(statement)
    assert level is not None
    words = statement.marker
    if statement.level is not None or not words:
        return f"is stated as {level.term}"
    return f"says \u201c{words}\u201d ({level.term})"


def describe(graph: Graph, earned: Earned, node: int) -> str:
    """``c-common-ground ("likely")``: a node that caps what it supports, and what caps it."""
    name = graph.ids[node]
    if node >= graph.n_statements:
        return name
    statement = graph.statements[node]
    level = earned.level[node]
    own = stated(statement)
    if own is not None and int(own) == level:
        words = statement.marker
        return (
            f"{name} (\u201c{words}\u201d)"
            if words and statement.level is None
            else (f"{name} ({own.term})")
        )
    graded = f", graded {statement.grade}" if statement.grade else ""
    return f"{name} ({statement.kind.value}{graded}: {Level(level).term})"


def weakest_link(graph: Graph, earned: Earned, node: int) -> str:
    """Why ``node`` earns no more than it does: the objection it survives only through an answer,
    if any on the way, and the statement whose own level caps it."""
    chain = list(earned.chain(node))
    end = chain[-1]
    for here, below in itertools.pairwise(chain):
        if below in graph.neg[here] and not graph.is_reason[below]:
            return (
                f"it survives objection {graph.ids[below]} only through "
                f"{describe(graph, earned, end)}"
            )
    if end == node:
        return "it is given no more"
    return f"it rests on {describe(graph, earned, end)}"


def unknown_hedges(graph: Graph) -> Iterator[tuple[int, Code, str]]:
    """Hedges and certainty markers whose words state no level: reported, never guessed."""
    for i, statement in enumerate(graph.statements):
        words = unknown_words(statement)
        if words is None:
            continue
        which = "hedge" if statement.hedge else "certainty marker"
        hint = did_you_mean(words.casefold(), WORDS, cutoff=0.6)
        yield (
            i,
            Code.UNKNOWN_HEDGE,
            f"the {which} of {statement.kind.value} {statement.id}, \u201c{words}\u201d, is not "
            f"on the confidence scale{hint}: its level is not guessed",
        )


def overstated(
    graph: Graph, earned: Earned
) -> Iterator[tuple[int, Code, str, Severity, tuple[int, ...]]]:
    """Grounded statements stated more confidently than they earn, by how many steps, naming the
    weakest link; each with the statements on the way down to it, the one whose level caps the
    statement last. A statement that is not grounded has its own finding, and is not
    reported."""
    for i, statement in enumerate(graph.statements):
        own = stated(statement)
        got = earned.of(i)
        if own is None or got is None or got >= own:
            continue
        gap = int(own) - int(got)
        below = tuple(n for n in earned.chain(i) if n != i and n < graph.n_statements)
        yield (
            i,
            Code.OVERSTATED,
            f"{statement.kind.value} {statement.id} {says(statement)} but earns at most "
            f"{got.term}, {plural(gap, 'step')} less: {weakest_link(graph, earned, i)}",
            gap_severity(gap),
            below,
        )


def earned_levels(
    map: Map,
    *,
    reject: Collection[str] = (),
    accept: Collection[str] = (),
    author_only: bool = False,
) -> dict[str, Level | None]:
    """What every statement of ``map`` earns, in map order (None: not grounded), with ``reject``
    treated as false and ``accept`` as given, as in :func:`argmap.analysis.evaluate`; with
    ``author_only``, on the author's words alone (the mapper's items taken away, as in
    :func:`argmap.analysis.evaluate_author_only`)."""
    graph = Graph.of(map)
    labels = Labelling(graph, reject, accept, without=mapper_nodes(graph) if author_only else ())
    earned = Earned(graph, labels.label, labels.forced)
    return {graph.ids[i]: earned.of(i) for i in range(graph.n_statements)}
