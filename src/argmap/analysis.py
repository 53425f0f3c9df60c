"""What ``argmap check`` computes: the label of every statement, and the findings about a map.

Labels follow grounded semantics over a graph whose nodes are statements, reasons and objections:

- a reason or objection *applies* when all its premises are in and none of its undercuts applies;
- a statement is *in* (grounded) when it is given (evidence, assumption) or one of its reasons
  applies, and none of its rebuttals applies;
- it is *out* when it is not given and none of its reasons can apply, or a rebuttal applies: then it
  is *defeated*; otherwise *not grounded*;
- whatever the least fixpoint of these rules leaves open is *undecided*: support that runs only in a
  circle, attack cycles with nothing to decide between them, and what depends on those.

Every algorithm here is iterative (worklists, an iterative Tarjan), so a chain of 50,000 reasons or
a claim with 10,000 reasons is no harder than a small map. Everything is a pure function of the map.
"""

from __future__ import annotations

import difflib
import heapq
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs

from argmap.errors import QueryError, did_you_mean
from argmap.graph import Adjacency, Graph, Label
from argmap.graph import strong_components as strong_components  # re-exported
from argmap.model import Code, Kind, Map, Position, Statement
from argmap.status import Severity, Status
from argmap.util import plural

# --- labels --------------------------------------------------------------------------------------


@attrs.frozen
class Evaluation:
    """The labels of one map."""

    status: Mapping[str, Status]
    """Every statement id, in map order, with its label."""
    applies: Mapping[str, bool]
    """Every reason id and objection id: whether it applies (premises all in, not undercut)."""


@attrs.frozen
class Finding:
    """One thing ``argmap check`` reports about one statement."""

    code: Code
    """What kind of finding it is; stable, and what acknowledgements name."""
    severity: Severity
    """How much it matters."""
    statement: str
    """The id of the statement it is about."""
    message: str
    """What is wrong, in one line."""
    hint: str
    """A short suggestion for a fix."""
    position: Position | None
    """Where the statement is written in the map file."""
    acknowledged: str | None = None
    """The map's reason for accepting the finding, when it acknowledges it; such findings never fail
    a run."""


@attrs.frozen
class Verdict:
    """What became of a thesis, and why."""

    thesis: str
    """The thesis's id."""
    status: Status
    """Its label."""
    chain: tuple[str, ...]
    """Ids from the thesis down to where its support runs out (just the thesis when grounded)."""
    why: str = ""
    """The reason at the end of the chain: ``c9 has no reasons``; empty when grounded."""

    @property
    def explanation(self) -> str:
        """``t <- c4 <- c9: c9 has no reasons``, long chains cut short; empty if grounded."""
        return f"{_arrows(self.chain)}: {self.why}" if self.why else ""

    def __str__(self) -> str:
        if not self.why:
            return f"{self.thesis}: {self.status.value}"
        return f"{self.thesis}: {self.status.value}: {self.explanation}"


@attrs.frozen
class Report:
    """Everything ``argmap check`` knows about a map."""

    findings: tuple[Finding, ...]
    """Findings in map order of their statements, then in the order of :class:`Code`."""
    evaluation: Evaluation
    """The labels."""
    verdicts: tuple[Verdict, ...]
    """One per thesis, in map order."""

    def failing(self, fail_on: Severity = Severity.WARNING) -> tuple[Finding, ...]:
        """The findings that fail a run: not acknowledged, at or above ``fail_on``."""
        return tuple(f for f in self.findings if f.acknowledged is None and f.severity >= fail_on)

    def only(self, select: Collection[Code] | None = None, ignore: Collection[Code] = ()) -> Report:
        """The same report with only the findings whose code is selected (all when ``select`` is
        None) and not ignored."""
        kept = tuple(
            f
            for f in self.findings
            if (select is None or f.code in select) and f.code not in ignore
        )
        return attrs.evolve(self, findings=kept)


# --- labelling -----------------------------------------------------------------------------------


class _Labels:
    """The least fixpoint of the labelling rules, with the step at which each node was decided."""

    def __init__(self, graph: Graph, reject: Collection[str], accept: Collection[str]) -> None:
        n = len(graph.ids)
        self.graph = graph
        undecided, in_, out = Label.UNDECIDED, Label.IN, Label.OUT
        label = [undecided] * n
        step = [0] * n
        forced = [False] * n
        pos_in = [0] * n
        pos_out = [0] * n
        neg_in = [0] * n
        neg_out = [0] * n
        counter = 0
        for names, value in ((reject, out), (accept, in_)):
            for name in names:
                node = graph.index.get(name)
                if node is None:
                    hint = did_you_mean(name, graph.index)
                    raise QueryError(f"no statement '{name}' in the map{hint}")
                label[node] = value
                forced[node] = True
        decided: list[int] = [node for node in range(n) if forced[node]]
        for node in decided:
            counter += 1
            step[node] = counter
        work = list(range(n - 1, -1, -1))
        n_statements = graph.n_statements
        given = graph.given
        n_pos = [graph.pos.count(node) for node in range(n)]
        n_neg = [graph.neg.count(node) for node in range(n)]
        parents = graph.parents
        while decided or work:
            if decided:
                node = decided.pop()
                value = label[node]
                for parent in parents.flat[parents.start[node] : parents.start[node + 1]]:
                    if parent >= 0:
                        if value == in_:
                            pos_in[parent] += 1
                        else:
                            pos_out[parent] += 1
                    else:
                        parent = ~parent
                        if value == in_:
                            neg_in[parent] += 1
                        else:
                            neg_out[parent] += 1
                    if label[parent] == undecided:
                        work.append(parent)
                continue
            node = work.pop()
            if label[node] != undecided:
                continue
            if node < n_statements:
                if neg_in[node] or (not given[node] and pos_out[node] == n_pos[node]):
                    value = out
                elif (given[node] or pos_in[node]) and neg_out[node] == n_neg[node]:
                    value = in_
                else:
                    continue
            elif pos_out[node] or neg_in[node]:
                value = out
            elif pos_in[node] == n_pos[node] and neg_out[node] == n_neg[node]:
                value = in_
            else:
                continue
            label[node] = value
            counter += 1
            step[node] = counter
            decided.append(node)
        self.label = label
        self.step = step
        self.forced = forced
        self.neg_in = neg_in

    def status(self, node: int) -> Status:
        value = self.label[node]
        if value == Label.IN:
            return Status.GROUNDED
        if value == Label.UNDECIDED:
            return Status.UNDECIDED
        return Status.DEFEATED if self.neg_in[node] else Status.NOT_GROUNDED

    def evaluation(self) -> Evaluation:
        graph = self.graph
        n_statements = graph.n_statements
        return Evaluation(
            status={graph.ids[i]: self.status(i) for i in range(n_statements)},
            applies={
                graph.ids[i]: self.label[i] == Label.IN for i in range(n_statements, len(graph.ids))
            },
        )

    # -- explanations ----------------------------------------------------------------------------

    def first(self, nodes: Iterable[int], value: Label) -> int | None:
        """The earliest-decided node among ``nodes`` with that label."""
        best: int | None = None
        for node in nodes:
            if self.label[node] == value and (best is None or self.step[node] < self.step[best]):
                best = node
        return best

    def why_out(self, node: int) -> tuple[list[int], str]:
        """Statements from ``node`` (out) down to where its support runs out, and why it does.

        Each step goes to a node decided earlier, so the walk ends."""
        graph = self.graph
        ids = graph.ids
        chain = [node]
        while True:
            name = ids[node]
            if self.forced[node]:
                return chain, f"{name} is rejected"
            rebuttal = self.first(graph.neg[node], Label.IN)
            if rebuttal is not None:
                return chain, f"{name} is defeated by {_objection(graph, rebuttal)}"
            if not graph.pos[node]:
                return chain, f"{name} has no reasons"
            reason = self.first(graph.pos[node], Label.OUT)
            assert reason is not None  # an out claim that is not defeated has all reasons out
            premise = self.first(graph.pos[reason], Label.OUT)
            undercut = self.first(graph.neg[reason], Label.IN)
            if undercut is not None and (
                premise is None or self.step[undercut] < self.step[premise]
            ):
                return chain, f"reason {ids[reason]} is undercut by {_objection(graph, undercut)}"
            assert premise is not None
            node = premise
            chain.append(node)

    def why_undecided(self, node: int) -> tuple[list[int], str]:
        """Statements from undecided ``node`` into the cycle that leaves it open, and the cycle."""
        graph = self.graph
        ids = graph.ids
        path = [node]
        seen = {node: 0}
        attacked_at: list[bool] = []
        while True:
            attack = False
            nxt = next((n for n in graph.neg[node] if self.label[n] == Label.UNDECIDED), None)
            if nxt is not None:
                attack = True
            else:
                nxt = next((n for n in graph.pos[node] if self.label[n] == Label.UNDECIDED), None)
            assert nxt is not None  # an undecided node always rests on an undecided node
            attacked_at.append(attack)
            node = nxt
            if node in seen:
                start = seen[node]
                cycle = [n for n in [*path[start:], node] if n < graph.n_statements]
                chain = [n for n in path[: start + 1] if n < graph.n_statements]
                names = _arrows([ids[n] for n in cycle])
                if any(attacked_at[start:]):
                    return chain, f"attack cycle {names} cannot be decided"
                return chain, f"support runs only in a circle: {names}"
            seen[node] = len(path)
            path.append(node)


def _objection(graph: Graph, node: int) -> str:
    premises = ", ".join(graph.ids[p] for p in graph.pos[node])
    return f"objection {graph.ids[node]} ({premises})"


def _arrows(ids: Sequence[str], limit: int = 16) -> str:
    """``a <- b <- c``; long chains keep their ends."""
    if len(ids) > limit:
        head, tail = ids[: limit - 4], ids[-3:]
        return " <- ".join([*head, f"... {len(ids) - len(head) - len(tail):,} more ...", *tail])
    return " <- ".join(ids)


def evaluate(
    map: Map,
    *,
    reject: Collection[str] = (),
    accept: Collection[str] = (),
) -> Evaluation:
    """Label every statement of ``map``, and say which reasons and objections apply.

    ``reject`` names statements forced out (treated as false: labelled defeated when an objection
    against them applies, else not grounded), ``accept`` statements forced in (treated as given,
    labelled grounded): what-if analysis. An unknown id raises
    :class:`~argmap.errors.QueryError`.
    """
    return _Labels(Graph.of(map), reject, accept).evaluation()


# --- text normalisation and quotes ---------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
    }
)
_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """Text as compared with the source: case, whitespace, curly quotes and dash kinds ignored."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def normalise_statement(text: str) -> str:
    """Text as compared between statements: case, whitespace and punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        text = text.translate(_ASCII_PUNCTUATION)
    else:
        text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return _SPACE.sub(" ", text).strip()


_ASCII_PUNCTUATION = str.maketrans(
    {chr(c): " " for c in range(128) if unicodedata.category(chr(c)).startswith("P")}
)


@attrs.frozen
class Passage:
    """The part of a source closest to a quote that is not in it."""

    text: str
    """The passage as written in the source (whitespace collapsed)."""
    similarity: float
    """difflib's ratio between the normalised quote and passage, 0 to 1."""


CLOSEST_WORDS = 60
"""Words of a missing quote compared with the source; quotes are meant to be short."""


class SourceText:
    """A source prepared once for finding many quotes in it."""

    def __init__(self, text: str) -> None:
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        self.text = text
        self.spans = words
        self.words = [normalise_quote(text[a:b]) for a, b in words]
        self.normalised = " ".join(self.words)

    def contains(self, quote: str) -> bool:
        """Whether the quote occurs, up to case, whitespace, quote and dash kinds."""
        return normalise_quote(quote) in self.normalised

    def closest(self, quote: str) -> Passage | None:
        """The passage most like the quote: windows of the quote's length in words are ranked by
        shared words, and the best few compared with difflib. A quote longer than
        ``CLOSEST_WORDS`` words is compared by its beginning, which keeps the comparison fast."""
        wanted = normalise_quote(quote).split(" ")[:CLOSEST_WORDS]
        target = " ".join(wanted)
        width = len(wanted)
        words = self.words
        if not words or not target:
            return None
        width = min(width, len(words))
        vocabulary = set(wanted)
        hits = [w in vocabulary for w in words]
        score = sum(hits[:width])
        scores = [score]
        for start in range(1, len(words) - width + 1):
            score += hits[start + width - 1] - hits[start - 1]
            scores.append(score)
        candidates = heapq.nsmallest(8, range(len(scores)), key=lambda i: (-scores[i], i))
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(target)
        best: tuple[float, int, int] | None = None
        for start in sorted(candidates):
            for size in {max(1, width - 1), width, min(len(words) - start, width + 1)}:
                matcher.set_seq1(" ".join(words[start : start + size]))
                ratio = matcher.ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, start, size)
        assert best is not None
        ratio, start, size = best
        begin, end = self.spans[start][0], self.spans[start + size - 1][1]
        return Passage(_SPACE.sub(" ", self.text[begin:end]), ratio)


# --- findings ------------------------------------------------------------------------------------

_SEVERITY = {
    Code.UNSUPPORTED: Severity.WARNING,
    Code.UNGROUNDED: Severity.WARNING,
    Code.CIRCULAR: Severity.ERROR,
    Code.DEFEATED: Severity.WARNING,
    Code.CONTESTED: Severity.WARNING,
    Code.ORPHAN: Severity.WARNING,
    Code.UNTRACEABLE: Severity.WARNING,
    Code.HEDGED_LOAD: Severity.INFO,
    Code.DUPLICATE: Severity.WARNING,
    Code.QUOTE_NOT_FOUND: Severity.ERROR,
}
"""Each code's severity; a finding that means a thesis does not stand is an error, and a circle
whose claims are all grounded anyway is a warning."""

_THESIS_FAILS = frozenset({Code.UNSUPPORTED, Code.UNGROUNDED, Code.DEFEATED, Code.CONTESTED})

_HINTS = {
    Code.UNSUPPORTED: "add the reasons the text gives, or acknowledge that it gives none "
    "(ack: {unsupported: why})",
    Code.UNGROUNDED: "support the premises where support runs out, or answer the objections "
    "that undercut its reasons",
    Code.CIRCULAR: "give one claim of the circle a reason from outside it, or remove a link",
    Code.DEFEATED: "answer the objection (object to one of its premises, or undercut it), "
    "or acknowledge that the text leaves it standing",
    Code.CONTESTED: "answer the objection, or acknowledge that the text leaves it open",
    Code.ORPHAN: "use it as a premise of a reason or objection, make it a thesis, or remove it",
    Code.UNTRACEABLE: "add the source's words as `quote:` or where it is as `at:`",
    Code.HEDGED_LOAD: "the thesis is only as firm as this hedge: find firmer support, "
    "or acknowledge it",
    Code.DUPLICATE: "merge the two into one statement and point every use at it",
    Code.QUOTE_NOT_FOUND: "copy the quote verbatim from the source",
}

_CODE_ORDER = {code: i for i, code in enumerate(Code)}


def _say(status: Status) -> str:
    return {
        Status.GROUNDED: "grounded",
        Status.NOT_GROUNDED: "not grounded",
        Status.DEFEATED: "defeated",
        Status.UNDECIDED: "undecided",
    }[status]


def _cycle_from(graph: Graph, start: int, members: set[int]) -> list[int]:
    """A shortest circle of support from ``start`` back to itself, within ``members``."""
    previous: dict[int, int] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for reason in graph.pos[node]:
                for premise in graph.pos[reason]:
                    if premise == start:
                        path = [node]
                        while path[-1] != start:
                            path.append(previous[path[-1]])
                        path.reverse()
                        return [*path, start]
                    if premise in members and premise not in previous:
                        previous[premise] = node
                        nxt.append(premise)
        frontier = nxt
    return [start]  # unreachable for a component of the support graph


class _Found(NamedTuple):
    """A finding before it is dressed: the statement's index, the code, the message, and the
    severity when it differs from the code's usual one."""

    statement: int
    code: Code
    message: str
    severity: Severity | None = None


def check(map: Map, *, source: str | None = None) -> Report:
    """Label the map, judge each thesis and list the findings; ``source`` (the plain text of the
    source) enables quote-not-found.

    Severities: a finding that means a thesis does not stand (unsupported, ungrounded, defeated,
    contested on a thesis) is an error, as are a circle of support that leaves its claims undecided
    and a quote that is not in the source; hedged-load is info, and so is contested for an
    unanswered undercut of a reason that the statement does not need (it stands on another, or
    fails for another cause); everything else is a warning.
    """
    graph = Graph.of(map)
    labels = _Labels(graph, (), ())
    found = [
        *_evaluation_findings(graph, labels),
        *_circles(graph, labels),
        *_orphans(graph),
        *_untraceable(graph),
        *_hedged_load(graph),
        *_duplicates(graph),
        *(_quotes(graph, SourceText(source)) if source is not None else ()),
    ]
    found.sort(key=lambda f: (f.statement, _CODE_ORDER[f.code]))
    statements = graph.statements
    findings = tuple(_finding(statements[f.statement], f) for f in found)
    verdicts = tuple(_verdict(labels, i) for i, s in enumerate(statements) if s.kind is Kind.THESIS)
    return Report(findings, labels.evaluation(), verdicts)


def _usage(graph: Graph) -> tuple[list[bool], list[bool]]:
    """For each statement: does something stand on it (a thesis, or a premise of a reason), and is
    it used at all (a premise of a reason or an objection)."""
    n = graph.n_statements
    supports = [s.kind is Kind.THESIS for s in graph.statements]
    used = [False] * n
    for node in range(n, len(graph.ids)):
        for premise in graph.pos[node]:
            used[premise] = True
            if graph.is_reason[node]:
                supports[premise] = True
    return supports, used


def _evaluation_findings(graph: Graph, labels: _Labels) -> Iterator[_Found]:
    """Unsupported claims, and one finding for each statement that does not stand. A statement that
    serves only in objections is not reported as failing: its failing is what answers them."""
    supports, used = _usage(graph)
    for i, statement in enumerate(graph.statements):
        what = f"{statement.kind.value} {statement.id}"
        if statement.kind.is_claim and not statement.reasons:
            yield _Found(i, Code.UNSUPPORTED, f"{what} has no reasons")
        if used[i] and not supports[i]:
            continue
        status = labels.status(i)
        if status is Status.DEFEATED:
            yield _defeated(graph, labels, i, what)
        elif status is Status.NOT_GROUNDED and statement.reasons:
            yield _not_grounded(graph, labels, i, what)
            continue  # its undercuts are named there: together they leave it not grounded
        elif status is Status.UNDECIDED:
            yield _undecided(graph, labels, i, what)
        yield from _undercuts_aside(graph, labels, i, what)


def _defeated(graph: Graph, labels: _Labels, node: int, what: str) -> _Found:
    """A defeated statement, with every rebuttal of it that applies (the first three)."""
    rebuttals = [o for o in graph.neg[node] if labels.label[o] == Label.IN]
    named = " and ".join(_objection(graph, o) for o in rebuttals[:3])
    more = f" and {plural(len(rebuttals) - 3, 'more')}" if len(rebuttals) > 3 else ""
    which = "which is" if len(rebuttals) == 1 else "which are"
    return _Found(node, Code.DEFEATED, f"{what} is defeated by {named}{more}, {which} not answered")


def _undercuts_aside(graph: Graph, labels: _Labels, node: int, what: str) -> Iterator[_Found]:
    """Unanswered undercuts that do not decide the statement's status: it stands on another
    reason, or it fails for another cause. Info, one per undercut: the objection still stands in
    the text, and answering it (or acknowledging it) is the reader's call."""
    label = labels.label
    stands = label[node] == Label.IN
    for reason in graph.pos[node]:
        for undercut in graph.neg[reason]:
            if label[undercut] != Label.IN:
                continue
            aside = "; it stands on other reasons" if stands else ""
            yield _Found(
                node,
                Code.CONTESTED,
                f"{what}: its reason {graph.ids[reason]} is undercut by "
                f"{_objection(graph, undercut)}, which is not answered{aside}",
                Severity.INFO,
            )


def _not_grounded(graph: Graph, labels: _Labels, node: int, what: str) -> _Found:
    """Why each reason of an out claim fails (the first three): contested when one is undercut."""
    reasons = graph.pos[node]
    parts: list[str] = []
    undercut_any = False
    for reason in reasons:
        undercut = labels.first(graph.neg[reason], Label.IN)
        if undercut is not None:
            undercut_any = True
            if len(parts) < 3:
                parts.append(
                    f"{graph.ids[reason]} is undercut by {_objection(graph, undercut)}, "
                    "which is not answered"
                )
        elif len(parts) < 3:
            failed = labels.first(graph.pos[reason], Label.OUT)
            assert failed is not None
            parts.append(f"{graph.ids[failed]} is {_say(labels.status(failed))}")
    more = "; ..." if len(reasons) > len(parts) else ""
    lead = (
        "its only reason does not apply"
        if len(reasons) == 1
        else f"none of its {len(reasons):,} reasons applies"
    )
    code = Code.CONTESTED if undercut_any else Code.UNGROUNDED
    return _Found(node, code, f"{what}: {lead}: {'; '.join(parts)}{more}")


def _undecided(graph: Graph, labels: _Labels, node: int, what: str) -> _Found:
    """An undecided statement: contested when an objection against it or its reasons is
    undecided, ungrounded when only its support is."""
    label = labels.label
    attack = next((o for o in graph.neg[node] if label[o] == Label.UNDECIDED), None)
    if attack is None:
        attack = next(
            (
                u
                for r in graph.pos[node]
                if label[r] == Label.UNDECIDED
                for u in graph.neg[r]
                if label[u] == Label.UNDECIDED
            ),
            None,
        )
    if attack is not None:
        return _Found(
            node,
            Code.CONTESTED,
            f"{what} is undecided: {_objection(graph, attack)} can be neither accepted nor "
            "rejected",
        )
    premise = next(
        p
        for r in graph.pos[node]
        if label[r] == Label.UNDECIDED
        for p in graph.pos[r]
        if label[p] == Label.UNDECIDED
    )
    return _Found(
        node,
        Code.UNGROUNDED,
        f"{what} is undecided: its support rests on {graph.ids[premise]}, which is undecided",
    )


def _circles(graph: Graph, labels: _Labels) -> Iterator[_Found]:
    """Circular support, once per circle at its first statement in map order; an error when the
    circle leaves a claim undecided, a warning when all are grounded anyway."""
    ids = graph.ids
    for component in graph.components.circles(graph.support):
        start = component[0]
        cycle = _cycle_from(graph, start, set(component))
        extra = len(component) - (len(cycle) - 1)
        also = f" ({plural(extra, 'more statement')} in the same circle)" if extra > 0 else ""
        grounded = all(labels.label[c] == Label.IN for c in component)
        yield _Found(
            start,
            Code.CIRCULAR,
            f"{graph.statements[start].kind.value} {ids[start]} supports itself: "
            f"{_arrows([ids[c] for c in cycle])}{also}",
            Severity.WARNING if grounded else Severity.ERROR,
        )


def _orphans(graph: Graph) -> Iterator[_Found]:
    """Statements that are neither a thesis nor a premise of any reason or objection."""
    _supports, used = _usage(graph)
    for i, statement in enumerate(graph.statements):
        if statement.kind is not Kind.THESIS and not used[i]:
            yield _Found(
                i,
                Code.ORPHAN,
                f"{statement.kind.value} {statement.id} is neither a thesis nor a premise "
                "of anything",
            )


def _untraceable(graph: Graph) -> Iterator[_Found]:
    """Evidence with neither a quote nor a locator."""
    for i, statement in enumerate(graph.statements):
        if statement.kind is Kind.EVIDENCE and statement.quote is None and statement.at is None:
            yield _Found(
                i, Code.UNTRACEABLE, f"evidence {statement.id} has neither a quote nor a locator"
            )


def _hedged_load(graph: Graph) -> Iterator[_Found]:
    """Hedged statements that a thesis depends on, however indirectly; each names the thesis that
    reaches it first (breadth first from all theses in map order).

    A statement depends on the premises of its reasons and on what answers the objections against
    it or its reasons: the premises of an undercut of such an objection, and of a rebuttal of one
    of its premises. Rejecting any of these can change the statement's status; the statements it
    depends on depend in turn on theirs."""
    pos, neg = graph.pos, graph.neg
    origin = [-1] * graph.n_statements
    answered = [-1] * graph.n_statements  # the first objection answered on the way, if any
    frontier = [i for i, s in enumerate(graph.statements) if s.kind is Kind.THESIS]
    for thesis in frontier:
        origin[thesis] = thesis
    while frontier:
        following = []
        for node in frontier:
            for premise, objection in _depends_on(pos, neg, node):
                if origin[premise] == -1:
                    origin[premise] = origin[node]
                    answered[premise] = answered[node] if answered[node] != -1 else objection
                    following.append(premise)
        frontier = following
    for i, statement in enumerate(graph.statements):
        if statement.hedged and statement.kind is not Kind.THESIS and origin[i] != -1:
            words = f" ({statement.hedge})" if statement.hedge else ""
            through = (
                f", through the answer to objection {graph.ids[answered[i]]}"
                if answered[i] != -1
                else ""
            )
            yield _Found(
                i,
                Code.HEDGED_LOAD,
                f"{statement.kind.value} {statement.id} is hedged{words} and thesis "
                f"{graph.ids[origin[i]]} depends on it{through}",
            )


def _depends_on(pos: Adjacency, neg: Adjacency, statement: int) -> Iterator[tuple[int, int]]:
    """The statements ``statement`` directly depends on, each with the objection it answers (-1
    for support): the premises of its reasons, then the premises of the answers to each objection
    against it or against one of its reasons."""
    reasons = pos[statement]
    for reason in reasons:
        for premise in pos[reason]:
            yield premise, -1
    for attacked in (statement, *reasons):
        for objection in neg[attacked]:
            for undercut in neg[objection]:
                for premise in pos[undercut]:
                    yield premise, objection
            for attacker in pos[objection]:
                for rebuttal in neg[attacker]:
                    for premise in pos[rebuttal]:
                        yield premise, objection


def _duplicates(graph: Graph) -> Iterator[_Found]:
    """Statements with the text of an earlier one, up to case, spacing and punctuation."""
    first_with: dict[str, int] = {}
    for i, statement in enumerate(graph.statements):
        key = normalise_statement(statement.text)
        if not key:
            continue
        earlier = first_with.setdefault(key, i)
        if earlier != i:
            where = graph.statements[earlier].position
            line = f" (line {where.line})" if where else ""
            yield _Found(
                i,
                Code.DUPLICATE,
                f"{statement.kind.value} {statement.id} has the same text as "
                f"{graph.ids[earlier]}{line}",
            )


def _quotes(graph: Graph, source: SourceText) -> Iterator[_Found]:
    """Quotes that do not occur in the source, each with the closest passage."""
    for i, statement in enumerate(graph.statements):
        if statement.quote is None or source.contains(statement.quote):
            continue
        passage = source.closest(statement.quote)
        closest = (
            f"; closest passage ({passage.similarity:.0%} similar): \u201c{passage.text}\u201d"
            if passage
            else ""
        )
        yield _Found(
            i, Code.QUOTE_NOT_FOUND, f"quote of {statement.id} is not in the source{closest}"
        )


def _finding(statement: Statement, found: _Found) -> Finding:
    code = found.code
    severity = found.severity or _SEVERITY[code]
    if found.severity is None and code in _THESIS_FAILS and statement.kind is Kind.THESIS:
        severity = Severity.ERROR
    ack = next((a.why for a in statement.acks if a.code is code), None)
    return Finding(
        code, severity, statement.id, found.message, _HINTS[code], statement.position, ack
    )


def _verdict(labels: _Labels, node: int) -> Verdict:
    status = labels.status(node)
    ids = labels.graph.ids
    if status is Status.GROUNDED:
        return Verdict(ids[node], status, (ids[node],))
    if status is Status.UNDECIDED:
        chain, why = labels.why_undecided(node)
    else:
        chain, why = labels.why_out(node)
    return Verdict(ids[node], status, tuple(ids[c] for c in chain), why)
