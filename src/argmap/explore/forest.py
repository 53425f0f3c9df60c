"""What rejecting one statement brings down, for every statement at once: the derivation forest.

**Derivations.** The labels of a map (:mod:`argmap.analysis`) are facts with finite derivations:
a claim is grounded because one of its reasons applies *and* each of its rebuttals is out; a
statement is out because a rebuttal applies *or* (for a claim) every reason is out; a reason or
objection applies because all its premises are in *and* each undercut is out, and is out because
one premise is out *or* one undercut applies. Rejecting a grounded statement ``x`` takes away the
fact "x is grounded". A fact with a derivation that does not use it survives. A fact whose every
derivation uses it is *lost*: its node changes, unless a new derivation of the same label comes
up through what the rejection turned. So, first of all, what rejecting ``x`` changes is the set of
nodes ``n`` with ``x`` in ``need(n)``, the facts in every derivation of ``n``.

**The forest.** The ``need`` sets of all nodes are kept as one forest, as dominators are in a flow
graph (Cooper, Harvey and Kennedy), where each node hangs below one node derived before it and

    need(n) = {n} + own(n) + need(up(n))        (statements only are counted)

When a label needs *all of* several inputs (an applying reason's premises and undercuts, a
grounded claim's rebuttals), ``up`` is the deepest input and ``own`` the statements the others add.
When it needs *one of* several alternatives (a claim's applying reasons, the ways a statement or
inference is out), ``up`` is their nearest common ancestor and ``own`` what they all share below
it. Rejecting ``x`` then loses exactly the subtrees of ``x`` and of the nodes whose ``own`` holds
``x``; numbered depth first, each subtree is a range of numbers, and the theses and statements in
it are counted from running totals, without evaluating anything.

**The steps**, each a function or class below with its inputs and outputs:

1. :func:`_nodes`: the nodes of :class:`argmap.graph.Graph` with their labels, and for each label
   what it needs all of (``must``) and what it needs one of (``ways``).
2. :func:`_derivation_order`: every decided node after what derives it; a node that has to go
   ahead with only some of its ways (a circle runs through it) is *late*.
3. :class:`_Forest`: ``up``, ``own`` and ``depth``, grown in that order.
4. :func:`_open_nodes`: the nodes whose loss may change more, or less, than their subtrees show.
5. :class:`Falls`: the depth-first numbering, and :meth:`Falls.of`, the fall of one statement.

**Invariants.**

1. The forest's ``need(n)`` always holds the true one: it may be too large, never too small,
   because a late node ignores the ways that came after it. So the theses a fall reaches include
   every thesis the rejection truly leaves without ground.
2. A fall is *exact* (the statements that change status are precisely those in its subtrees)
   unless it reaches an *open* node: a late node; a node that an undecided node rests on (its
   change may settle that node); a rebuttal whose target may stay out for another reason (the
   target would change from defeated to not grounded, or back, without losing its label); or a
   node in the ``need`` of both a node and one of that node's inputs whose turning would derive
   the node's label anew (a claim's reason that is out, the premise that is in of an inference
   that is out, an undercut or rebuttal that is out of something out).
   Everything outside the subtrees keeps its label and its status.

An inexact fall that may break a thesis is checked by evaluation instead
(:mod:`argmap.explore.recheck`).
"""

from __future__ import annotations

from bisect import bisect_left

import attrs

from argmap.analysis import Evaluation
from argmap.graph import Graph, Label
from argmap.model import Map

UNDECIDED, IN, OUT = Label.UNDECIDED, Label.IN, Label.OUT

_NOTHING: frozenset[int] = frozenset()


@attrs.frozen
class Fall:
    """What rejecting one grounded statement brings down."""

    theses: tuple[str, ...]
    """The other grounded theses that lose their ground, in map order (when not exact: those that
    may)."""
    statements: int
    """The statements that change status, the rejected one included."""
    exact: bool
    """Nothing else changes; when false the statement must be checked by evaluation."""


@attrs.define
class _Nodes:
    """Step 1: the map's nodes (those of :class:`argmap.graph.Graph`, statements first), each
    decided label with what derives it, and after them one *virtual* node for each claim whose
    reasons are all out, standing for "every reason is out"."""

    graph: Graph
    """The map's nodes and edges."""
    label: list[Label]
    """Every node's label, virtual nodes included."""
    rebuts: list[int]
    """For a rebuttal, the statement it attacks; -1 for every other node."""
    must: list[list[int]]
    """For a decided node, the inputs whose labels it needs, all of them."""
    ways: list[list[int] | None]
    """For a decided node, the inputs of which it needs one (None: it needs none of this kind)."""
    anew: dict[int, list[int]]
    """For a decided node, the inputs whose labels, turned the other way, would derive its label
    anew (left out when there are none): a grounded claim's reasons that are out; for anything out,
    the reasons (of a claim) or premises that are in and the objections that are out."""


def _nodes(map: Map, evaluation: Evaluation) -> _Nodes:
    """Step 1, from the map's evaluation (the rules in the module's first paragraph)."""
    graph = Graph.of(map)
    first = graph.n_statements
    label = graph.labels(evaluation.status, evaluation.applies)
    support = [graph.pos[n] for n in range(len(graph))]
    attack = [graph.neg[n] for n in range(len(graph))]
    rebuts = [-1] * len(graph)
    for n in range(first):
        for o in attack[n]:
            rebuts[o] = n
    nodes = _Nodes(graph, label, rebuts, [], [], {})
    virtual: list[list[int]] = []  # the reasons of each virtual node
    for n, value in enumerate(label):
        claim = n < first and not graph.given[n]
        inputs = (
            support[n] if claim or n >= first else []
        )  # what a given statement rests on is moot
        anew: list[int] = []
        if value == UNDECIDED:
            must, ways = [], None
        elif n < first and value == IN:  # one applying reason (for a claim), every rebuttal out
            must, ways = attack[n], [r for r in inputs if label[r] == IN] if claim else None
            anew = [r for r in inputs if label[r] == OUT]
        elif value == IN:  # every premise in, every undercut out
            must, ways = inputs + attack[n], None
        else:  # a rebuttal or undercut applies, or a premise (every reason, for a claim) is out
            must = []
            ways = [o for o in attack[n] if label[o] == IN]
            if n >= first:
                ways += [p for p in inputs if label[p] == OUT]
            elif claim and all(label[r] == OUT for r in inputs):
                ways.append(len(graph) + len(virtual))
                virtual.append(inputs)
            anew = [m for m in inputs if label[m] == IN] + [o for o in attack[n] if label[o] == OUT]
        nodes.must.append(must)
        nodes.ways.append(ways)
        if anew:
            nodes.anew[n] = anew
    for reasons in virtual:
        nodes.label.append(OUT)
        nodes.rebuts.append(-1)
        nodes.must.append(reasons)
        nodes.ways.append(None)
    return nodes


@attrs.define
class _Order:
    """Step 2: the decided nodes in an order in which each comes after what derives it."""

    order: list[int]
    """The decided nodes, in that order."""
    chosen: list[list[int]]
    """For each node, the alternatives (of its ``ways``) that come before it."""
    late: list[bool]
    """For each node, whether an alternative comes after it: visited before all were known."""


def _derivation_order(nodes: _Nodes) -> _Order:
    """Kahn's algorithm over derivations: a node is ready when it has all it ``must`` have and
    every one of its ``ways``; only when nothing is ready does a node go ahead with some of its
    ways (a circle of support or attack runs through it), and it is then *late*."""
    label, must, ways = nodes.label, nodes.must, nodes.ways
    count = len(label)
    waiting = [len(inputs) for inputs in must]
    needs_all: list[list[int]] = [[] for _ in range(count)]
    needs_one: list[list[int]] = [[] for _ in range(count)]
    for n in range(count):
        if label[n] != UNDECIDED:
            for m in must[n]:
                needs_all[m].append(n)
            for m in ways[n] or ():
                needs_one[m].append(n)
    chosen: list[list[int]] = [[] for _ in range(count)]
    visited = [False] * count
    late = [False] * count
    order: list[int] = []
    ready = [n for n in range(count - 1, -1, -1) if label[n] != UNDECIDED and not must[n]]
    ready = [n for n in ready if ways[n] is None or not ways[n]]
    some: list[int] = []  # nodes that have all they must have and some of their ways
    while ready or some:
        n = ready.pop() if ready else some.pop()
        if visited[n]:
            continue
        visited[n] = True
        order.append(n)
        alternatives = ways[n]
        if alternatives is not None and len(chosen[n]) < len(alternatives):
            late[n] = True
        for user in needs_all[n]:
            waiting[user] -= 1
            if waiting[user] == 0:
                wanted = ways[user]
                if wanted is None or len(chosen[user]) == len(wanted):
                    ready.append(user)
                elif chosen[user]:
                    some.append(user)
        for user in needs_one[n]:
            if visited[user]:
                continue
            chosen[user].append(n)
            if waiting[user] == 0:
                if len(chosen[user]) == len(ways[user] or ()):
                    ready.append(user)
                elif len(chosen[user]) == 1:
                    some.append(user)
    return _Order(order, chosen, late)


class _Forest:
    """Step 3: the forest, grown in derivation order: ``up``, ``own`` and ``depth`` of each node
    (invariant: ``need(n) = {n} + own(n) + need(up(n))``, counting statements only). The root
    above every tree is node ``count``. ``jump`` pointers (one per node, as in Myers' skew-binary
    lists) find ancestors in logarithmic time, so that a long chain costs no more than a short
    one."""

    def __init__(self, nodes: _Nodes, order: _Order) -> None:
        count = len(nodes.label)
        self.statements = nodes.graph.n_statements
        self.root = root = count
        self.up = [root] * (count + 1)
        self.jump = [root] * (count + 1)
        self.depth = [0] * (count + 1)
        self.owned = [0] * (count + 1)
        """How many nodes from each node up to the root hold statements in ``own``."""
        self.own: dict[int, frozenset[int]] = {}
        for n in order.order:
            terms = [(m, _NOTHING) for m in nodes.must[n]]
            if nodes.ways[n] is not None:
                terms.append(self.any_of([(m, _NOTHING) for m in order.chosen[n]]))
            self.hang(n, *self.all_of(terms) if len(terms) != 1 else terms[0])

    def hang(self, n: int, up: int, own: frozenset[int]) -> None:
        """Put node ``n`` below ``up``, holding ``own`` besides."""
        up_, jump, depth = self.up, self.jump, self.depth
        up_[n] = up
        depth[n] = depth[up] + 1
        far = jump[up]
        jump[n] = jump[far] if depth[up] - depth[far] == depth[far] - depth[jump[far]] else up
        self.owned[n] = self.owned[up] + bool(own)
        if own:
            self.own[n] = own

    def ancestor(self, a: int, b: int) -> int:
        """The nearest common ancestor of ``a`` and ``b`` (the root when they have none)."""
        up, jump, depth = self.up, self.jump, self.depth
        if depth[a] < depth[b]:
            a, b = b, a
        while depth[a] > depth[b]:
            a = jump[a] if depth[jump[a]] >= depth[b] else up[a]
        while a != b:
            if jump[a] != jump[b]:
                a, b = jump[a], jump[b]
            else:
                a, b = up[a], up[b]
        return a

    def below(self, node: int, stop: int) -> set[int]:
        """The statements ``node`` needs that its ancestor ``stop`` does not: those on the way up
        and those the nodes on the way hold."""
        found: set[int] = set()
        up, own, statements = self.up, self.own, self.statements
        while node != stop:
            if node < statements:
                found.add(node)
            found |= own.get(node, _NOTHING)
            node = up[node]
        return found

    def all_of(self, terms: list[tuple[int, frozenset[int]]]) -> tuple[int, frozenset[int]]:
        """What a derivation needing every one of ``terms`` needs, as (node, statements besides):
        below the deepest, holding what the others add."""
        if not terms:
            return self.root, _NOTHING
        depth = self.depth
        k = max(range(len(terms)), key=lambda i: depth[terms[i][0]])
        main, held = terms[k]
        extra = set(held)
        for i, (node, besides) in enumerate(terms):
            if i != k:
                extra |= besides
                extra |= self.below(node, self.ancestor(node, main))
        return main, frozenset(extra)

    def any_of(self, terms: list[tuple[int, frozenset[int]]]) -> tuple[int, frozenset[int]]:
        """What every derivation through one of ``terms`` needs: their nearest common ancestor,
        holding what they all share below it."""
        if len(terms) == 1:
            return terms[0]
        top = terms[0][0]
        for node, _ in terms[1:]:
            top = self.ancestor(top, node)
        shared: set[int] | None = None
        for node, besides in terms:
            part = self.below(node, top) | besides
            shared = part if shared is None else shared & part
        return top, frozenset(shared or ())


def _open_nodes(nodes: _Nodes, order: _Order, forest: _Forest) -> list[bool]:
    """Step 4: the nodes whose loss may change more, or less, than the statements that lose their
    label (invariant 2 of the module)."""
    label = nodes.label
    opened = list(order.late)  # visited before one of its alternatives
    graph = nodes.graph
    for n in range(len(graph)):
        if label[n] == UNDECIDED:  # its change may settle an undecided node
            for m in (*graph.pos[n], *graph.neg[n]):
                opened[m] = True
    for o, target in enumerate(nodes.rebuts):  # the target may stay out, but no longer defeated
        if target >= 0 and label[o] != UNDECIDED and label[target] == OUT:
            opened[o] = opened[o] or nodes.ways[target] != [o]
    for n, anew in nodes.anew.items():  # it may be derived again, with the same label, anew
        for m in anew:
            top = forest.ancestor(n, m)
            if top != forest.root:
                opened[top] = True
            if forest.owned[n] != forest.owned[top] or forest.owned[m] != forest.owned[top]:
                for x in forest.below(n, top) & forest.below(m, top):
                    opened[x] = True
    return opened


@attrs.define
class _Numbering:
    """Step 5: the forest numbered depth first, so that a subtree is a range of numbers."""

    first: list[int]
    """The number of each node."""
    last: list[int]
    """One past the last number of each node's subtree."""
    statements_upto: list[int]
    """``statements_upto[k]``: the statements numbered below ``k``."""
    opened_upto: list[int]
    """``opened_upto[k]``: the open nodes numbered below ``k``."""


def _numbering(forest: _Forest, order: list[int], opened: list[bool]) -> _Numbering:
    """Step 5, an iterative depth-first walk of the forest from its root."""
    count = len(forest.up)
    children: list[list[int]] = [[] for _ in range(count)]
    for n in order:
        children[forest.up[n]].append(n)
    numbers = _Numbering([0] * count, [0] * count, [0], [0])
    first, last = numbers.first, numbers.last
    statements, open_nodes = numbers.statements_upto, numbers.opened_upto
    visit = 0
    stack = [(root, False) for root in reversed(children[forest.root])]
    while stack:
        n, done = stack.pop()
        if done:
            last[n] = visit
            continue
        first[n] = visit
        visit += 1
        statements.append(statements[-1] + (n < forest.statements))
        open_nodes.append(open_nodes[-1] + opened[n])
        stack.append((n, True))
        stack.extend((child, False) for child in reversed(children[n]))
    return numbers


class Falls:
    """What rejecting each grounded statement brings down (:meth:`of`): steps 1 to 5 of the
    module, then, for each statement, the nodes that hold it."""

    def __init__(self, map: Map, evaluation: Evaluation) -> None:
        nodes = _nodes(map, evaluation)
        order = _derivation_order(nodes)
        forest = _Forest(nodes, order)
        numbers = _numbering(forest, order.order, _open_nodes(nodes, order, forest))
        self.numbers = numbers
        self.ids = nodes.graph.ids
        self.index = nodes.graph.index
        self.grounded = [value == IN for value in nodes.label]
        theses = sorted((numbers.first[t], t) for t in nodes.graph.theses if self.grounded[t])
        self.thesis_at = [number for number, _ in theses]
        """The numbers of the grounded theses, ascending."""
        self.theses = [t for _, t in theses]
        """The grounded theses, in that order."""
        self.holders: dict[int, list[int]] = {}
        """For each statement, the nodes whose ``own`` holds it."""
        for n in order.order:
            for x in forest.own.get(n, ()):
                self.holders.setdefault(x, []).append(n)

    def of(self, sid: str) -> Fall | None:
        """What rejecting ``sid`` brings down, or None when it is not grounded: the subtrees of
        ``sid`` and of the nodes that hold it, each counted once."""
        x = self.index[sid]
        if not self.grounded[x]:
            return None
        numbers = self.numbers
        first, last = numbers.first, numbers.last
        statements_upto, opened_upto = numbers.statements_upto, numbers.opened_upto
        holders = sorted({x, *self.holders.get(x, ())}, key=first.__getitem__)
        statements = 0
        exact = True
        ranges: list[tuple[int, int]] = []
        for h in holders:
            if ranges and first[h] < ranges[-1][1]:
                continue  # inside a subtree already counted
            ranges.append((first[h], last[h]))
            statements += statements_upto[last[h]] - statements_upto[first[h]]
            if opened_upto[last[h]] != opened_upto[first[h]]:
                exact = False
        broken: list[int] = []
        for a, b in ranges:
            start, end = bisect_left(self.thesis_at, a), bisect_left(self.thesis_at, b)
            broken += self.theses[start:end]
        theses = tuple(self.ids[t] for t in sorted(broken) if t != x)
        return Fall(theses, statements, exact)
