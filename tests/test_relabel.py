"""Labels kept up to date (:mod:`argmap.analysis.relabel`) are the labels of a new labelling: on
random maps with circles of support, attack cycles, rebuttals and undercuts, after any sequence of
statements rejected, accepted or given back and of reasons and objections taken away, and after
taking changes back."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.author import ALTERNATIVES, SEARCHES, author_labelling, mapper_nodes, needs
from argmap.analysis.labels import Labelling
from argmap.analysis.relabel import Relabelling
from argmap.analysis.sides import reach
from argmap.analysis.structure import hedged_load
from argmap.graph import Graph, Label
from argmap.load import loads
from argmap.model import Map
from strategies import examples, shapes

# A change: a node (its index taken modulo the map's size) and what it is forced to.
CHANGES = st.lists(
    st.tuples(st.integers(0, 200), st.sampled_from([Label.UNDECIDED, Label.IN, Label.OUT])),
    max_size=6,
)


def fresh(graph: Graph, fixed: list[Label]) -> Labelling:
    """A new labelling with each statement forced to its label in ``fixed`` (in: accepted, out:
    rejected) and each reason and objection forced out taken away."""
    ids = graph.ids
    statements = range(graph.n_statements)
    return Labelling(
        graph,
        [ids[n] for n in statements if fixed[n] == Label.OUT],
        [ids[n] for n in statements if fixed[n] == Label.IN],
        without=[n for n in range(graph.n_statements, len(graph)) if fixed[n] == Label.OUT],
    )


def expressible(graph: Graph, node: int, value: Label) -> bool:
    """A labelling forces a reason or objection only out (taken away)."""
    return node < graph.n_statements or value != Label.IN


@examples(300)
@given(shapes(max_statements=8), CHANGES, CHANGES)
def test_labels_after_each_change_are_those_of_a_new_labelling(
    argmap: Map, first: list[tuple[int, Label]], then: list[tuple[int, Label]]
) -> None:
    """Start from a labelling with some nodes forced, change what is forced one node or a batch
    at a time: after each change the labels are those a new labelling gives; undoing the later
    changes gives back the labels after the first ones."""
    graph = Graph.of(argmap)
    n = len(graph)
    fixed = [Label.UNDECIDED] * n
    for index, value in first:
        node = index % n
        if expressible(graph, node, value):
            fixed[node] = value
    state = Relabelling(fresh(graph, fixed))
    assert state.label == fresh(graph, fixed).label
    mark = state.mark()
    before = list(state.label)
    changed = list(fixed)
    for index, value in then:
        node = index % n
        if not expressible(graph, node, value):
            continue
        changed[node] = value
        state.force({node: value})
        want = fresh(graph, changed)
        assert state.label == want.label
        assert [state.status(s) for s in range(graph.n_statements)] == [
            want.status(s) for s in range(graph.n_statements)
        ]
    state.undo(mark)
    assert state.label == before
    batch = {index % n: value for index, value in then if expressible(graph, index % n, value)}
    state.force(batch)
    assert state.label == fresh(graph, [batch.get(k, v) for k, v in enumerate(fixed)]).label


@examples(200)
@given(shapes(max_statements=8), CHANGES)
def test_labels_kept_within_what_a_thesis_reaches_are_right_there(
    argmap: Map, changes: list[tuple[int, Label]]
) -> None:
    """Kept up to date only within what a thesis reaches, the labels there are those of a new
    labelling, and undoing gives back every label, inside and outside."""
    graph = Graph.of(argmap)
    n = len(graph)
    state = Relabelling(Labelling(graph, (), ()))
    before = list(state.label)
    for thesis in graph.theses or [0]:
        for_, against = reach(graph, thesis)
        within = [f or a for f, a in zip(for_, against, strict=True)]
        mark = state.mark()
        fixed = [Label.UNDECIDED] * n
        for index, value in changes:
            node = index % n
            if expressible(graph, node, value):
                fixed[node] = value
                state.force({node: value}, within)
        want = fresh(graph, fixed).label
        assert [state.label[k] for k in range(n) if within[k]] == [
            want[k] for k in range(n) if within[k]
        ]
        state.undo(mark)
        assert state.label == before


def test_a_circle_loses_its_ground_when_the_reason_from_outside_goes() -> None:
    """a and b support each other, and a has a reason from outside, e: both are grounded; with
    e rejected, the circle is all that is left and both are undecided, as a new labelling says
    (looking at each node alone would keep each grounded by the other); given back, both are
    grounded again."""
    argmap = loads(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  t: {thesis: T, reasons: [a]}\n"
        "  a: {claim: A, reasons: [b, e]}\n"
        "  b: {claim: B, reasons: [a]}\n"
        "  e: {evidence: E, at: 1}\n"
    )
    graph = Graph.of(argmap)
    state = Relabelling(Labelling(graph, (), ()))
    t, a, b, e = (graph.index[name] for name in ("t", "a", "b", "e"))
    assert [state.label[x] for x in (t, a, b)] == [Label.IN] * 3
    state.force({e: Label.OUT})
    assert [state.label[x] for x in (t, a, b)] == [Label.UNDECIDED] * 3
    assert state.label == Labelling(graph, ("e",), ()).label
    state.force({e: Label.UNDECIDED})
    assert [state.label[x] for x in (t, a, b)] == [Label.IN] * 3


def _reread(argmap: Map, marks: list[bool]) -> Map:
    """``argmap`` with some statements hedged and some reasons and rebuttals assumed by the
    mapper, as ``marks`` (taken in turn, round and round) says."""
    turn = iter(marks * 50 or [False] * 200)
    statements = {}
    for sid, statement in argmap.statements.items():
        reasons = tuple(attrs.evolve(r, assumed=next(turn)) for r in statement.reasons)
        objections = tuple(attrs.evolve(o, assumed=next(turn)) for o in statement.objections)
        hedge = "probably" if next(turn) else None
        statements[sid] = attrs.evolve(
            statement, reasons=reasons, objections=objections, hedge=hedge
        )
    return attrs.evolve(argmap, statements=statements)


def needs_anew(graph: Graph, thesis: int) -> tuple[tuple[int, ...], ...]:
    """:func:`argmap.analysis.author.needs` as its docstring defines it, with a new labelling for
    each what-if."""
    for_, against = reach(graph, thesis)
    mapper = mapper_nodes(graph)
    items = [n for n in mapper if for_[n] or against[n]]

    def grounded(keep: list[int]) -> bool:
        return Labelling(graph, (), (), without=set(mapper) - set(keep)).label[thesis] == Label.IN

    def deletion(forbidden: frozenset[int]) -> list[int]:
        keep = [n for n in items if n not in forbidden]
        if not grounded(keep):
            return []
        dropped = True
        while dropped:
            dropped = False
            for item in list(keep):
                trial = [n for n in keep if n != item]
                if grounded(trial):
                    keep, dropped = trial, True
        return keep

    found: list[tuple[int, ...]] = []
    queue: list[frozenset[int]] = [frozenset()]
    searches = 0
    while queue and len(found) < ALTERNATIVES and searches < SEARCHES:
        forbidden = queue.pop(0)
        searches += 1
        kept = tuple(deletion(forbidden))
        if kept and kept not in found:
            found.append(kept)
            queue.extend(forbidden | {item} for item in kept)
    return tuple(sorted(found, key=lambda s: (len(s), s)))


@examples(200)
@given(shapes(max_statements=10), st.lists(st.booleans(), max_size=12))
def test_the_sets_a_thesis_needs_are_those_found_with_a_new_labelling_each_time(
    argmap: Map, marks: list[bool]
) -> None:
    """On maps with assumptions and assumed reasons and rebuttals, for every thesis grounded
    only through the mapper's items: the sets :func:`needs` finds, sharing one author-only
    labelling kept up to date between theses, are those the deletion search finds labelling the
    whole map anew for each what-if."""
    argmap = _reread(argmap, marks)
    graph = Graph.of(argmap)
    full = Labelling(graph, (), ())
    shared = Relabelling(author_labelling(graph))
    for thesis in graph.theses:
        if full.label[thesis] != Label.IN or shared.label[thesis] == Label.IN:
            continue
        assert needs(graph, thesis, shared) == needs_anew(graph, thesis)


@examples(200)
@given(shapes(max_statements=10), st.lists(st.booleans(), max_size=12))
def test_hedged_load_says_what_a_new_labelling_with_the_statement_rejected_says(
    argmap: Map, marks: list[bool]
) -> None:
    """Each hedged-load finding says that rejecting its statement changes the first thesis whose
    label a new labelling with it rejected changes, to that label, or that it changes none."""
    argmap = _reread(argmap, marks)
    graph = Graph.of(argmap)
    labels = Labelling(graph, (), ())
    for found in hedged_load(graph, labels):
        rejected = Labelling(graph, (graph.ids[found.statement],), ())
        changed = [t for t in graph.theses if rejected.label[t] != labels.label[t]]
        if changed:
            now = rejected.status(changed[0]).value.replace("-", " ")
            assert found.message.endswith(f"rejecting it leaves {graph.ids[changed[0]]} {now}")
        else:
            assert found.message.endswith("which keeps its label without it")
