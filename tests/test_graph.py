"""The integer view of a map that every analysis shares: how nodes are numbered, which edges they
get, the orders and components built from them, and that one map gets one graph."""

from __future__ import annotations

import gc
import textwrap

import attrs
from hypothesis import given

from argmap.analysis import evaluate
from argmap.graph import Adjacency, Graph, Label, components, hanging, inferences
from argmap.load import loads
from argmap.model import Kind, Map, Objection, Reason, Statement
from strategies import examples, shapes


def build(statements: str) -> Map:
    """A map from the YAML of its ``statements`` block."""
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    return loads(f"argmap: 1\ntitle: test\nstatements:\n{body}\n")


NESTED = build("""
    t:
      thesis: T
      reasons:
        - id: r1
          premises: [a]
          objections:
            - id: u1
              premises: [b]
              objections: [{id: u2, premises: [c]}]
        - {id: r2, premises: [a, b]}
      objections: [{id: o1, premises: [c]}]
    a: {evidence: A}
    b: {claim: B}
    c: {assumption: C}
""")


def test_hanging_walks_reasons_then_rebuttals_depth_first_with_what_each_hangs_on() -> None:
    """Each reason comes with the undercuts below it, nested ones right after their target; then
    the rebuttals. ``on`` is the position of the undercut's target in the same walk."""
    steps = [(step.inference.id, step.on) for step in hanging(NESTED.statements["t"])]
    assert steps == [("r1", -1), ("u1", 0), ("u2", 1), ("r2", -1), ("o1", -1)]
    assert [i.id for i in inferences(NESTED.statements["t"])] == ["r1", "u1", "u2", "r2", "o1"]


def test_hanging_is_iterative_on_objections_nested_thousands_deep() -> None:
    """A reply to a reply to ... 5,000 deep is walked without recursion."""
    objection = Objection("o5000", ("e",))
    for n in range(4999, 0, -1):
        objection = Objection(f"o{n}", ("e",), (objection,))
    reason = Reason("r", ("e",), (objection,))
    argmap = Map("deep", {"t": Statement("t", Kind.THESIS, "T", reasons=(reason,))})
    steps = list(hanging(argmap.statements["t"]))
    assert len(steps) == 5001
    assert steps[-1].inference.id == "o5000"
    assert steps[-1].on == 4999


def test_nodes_are_statements_then_inferences_in_walk_order() -> None:
    """Statements take the first numbers in map order; the inferences of each statement follow in
    the order of :func:`hanging`, and ``written`` gives each statement's range."""
    graph = Graph(NESTED)
    assert graph.ids == ["t", "a", "b", "c", "r1", "u1", "u2", "r2", "o1"]
    assert graph.n_statements == 4
    assert len(graph) == 9
    assert graph.written == [4, 9, 9, 9, 9]
    assert [graph.inferences[n - 4].id for n in range(4, 9)] == graph.ids[4:]
    assert graph.is_reason == [False] * 4 + [True, False, False, True, False]
    assert graph.given == [False, True, False, True, False, False, False, False, False]
    assert graph.theses == [0]


def test_support_attack_and_parents() -> None:
    """``pos``: a statement's reasons, an inference's premises; ``neg``: rebuttals and undercuts;
    ``parents`` the reverse, attack written as ``~node``."""
    graph = Graph(NESTED)
    node = graph.ids.index
    assert graph.pos[0] == [node("r1"), node("r2")]
    assert graph.neg[0] == [node("o1")]
    assert graph.pos[node("r2")] == [node("a"), node("b")]
    assert graph.neg[node("r1")] == [node("u1")]
    assert graph.neg[node("u1")] == [node("u2")]
    assert graph.pos[node("u2")] == [node("c")]
    assert sorted(graph.parents[node("c")]) == sorted([node("u2"), node("o1")])
    assert graph.parents[node("u1")] == [~node("r1")]
    assert graph.parents[node("r1")] == [0]


def test_adjacency_keeps_the_order_edges_were_given() -> None:
    """Neighbours come in the order of the edge lists, whatever the order of the sources."""
    adjacency = Adjacency(3, [2, 0, 2, 0], [1, 2, 0, 1])
    assert [adjacency[n] for n in range(3)] == [[2, 1], [], [1, 0]]
    assert [adjacency.count(n) for n in range(3)] == [2, 0, 2]
    assert len(adjacency) == 3


def test_components_are_numbered_inputs_first_and_circles_are_found() -> None:
    """A component reaches only lower-numbered ones; a circle is several nodes, or one node that
    points at itself."""
    adjacency = Adjacency(5, [0, 1, 2, 3, 4], [1, 2, 1, 3, 0])
    found = components(adjacency)
    assert found.of[1] == found.of[2]
    assert found.of[1] < found.of[0] < found.of[4]
    assert found.circles(adjacency) == [[1, 2], [3]]
    assert sorted(found.members.flat) == [0, 1, 2, 3, 4]


def test_support_is_statements_pointing_at_the_premises_of_their_reasons() -> None:
    """Only reasons count for :attr:`Graph.support`, not objections."""
    graph = Graph(NESTED)
    assert [graph.support[n] for n in range(4)] == [[1, 1, 2], [], [], []]
    assert graph.components.circles(graph.support) == []


def test_graph_of_is_shared_per_map_and_let_go_with_it() -> None:
    """:meth:`Graph.of` builds once per map object; another map gets its own graph, and the
    shared graph goes when its map does."""
    import argmap.graph as module

    argmap = build("t: {thesis: T, reasons: [[e]]}\ne: {evidence: E}")
    assert Graph.of(argmap) is Graph.of(argmap)
    other = build("t: {thesis: T, reasons: [[e]]}\ne: {evidence: E}")
    assert Graph.of(other) is not Graph.of(argmap)
    key = id(argmap)
    assert key in module._GRAPHS
    del argmap
    gc.collect()
    assert key not in module._GRAPHS


@examples(200)
@given(shapes(max_statements=8))
def test_labels_read_back_from_an_evaluation_are_the_labelling(argmap: Map) -> None:
    """:meth:`Graph.labels` turns statuses and applies back into the labels the fixpoint gave,
    including which inferences are out and which undecided."""
    from argmap.analysis.labels import Labelling  # the labelling itself, to compare with

    graph = Graph(argmap)
    evaluation = evaluate(argmap)
    assert graph.labels(evaluation.status, evaluation.applies) == Labelling(graph, (), ()).label
    assert all(isinstance(label, Label) for label in Labelling(graph, (), ()).label)


def _worked_out(graph: Graph) -> tuple[object, ...]:
    """Everything a graph holds or works out of its edges, as plain lists."""
    lists = [graph.pos, graph.neg, graph.parents, graph.support]
    components = (graph.components, graph.dependencies)
    return (
        [(a.start, a.flat) for a in lists],
        [(c.of, c.count, c.members.start, c.members.flat) for c in components],
        graph.ids,
        graph.given,
        graph.theses,
        graph.written,
    )


def test_a_map_with_the_links_of_the_last_shares_its_edges() -> None:
    """The graph of a map whose nodes and links are those of the graph built last (a text
    changed in an editor) shares its edge lists and what was worked out of them; a changed link
    gets lists of its own. Either way the graph is that of the map alone."""
    import argmap.graph as module

    before = Graph(build("t: {thesis: T, reasons: [[e]]}\ne: {evidence: E}\nf: {evidence: F}"))
    before.dependencies  # noqa: B018  # worked out now, so that it is there to share
    same = build("t: {thesis: T2, reasons: [[e]]}\ne: {evidence: E2}\nf: {evidence: F}")
    relinked = build("t: {thesis: T, reasons: [[f]]}\ne: {evidence: E}\nf: {evidence: F}")
    shared = Graph(same)
    assert shared.pos is before.pos
    assert shared.dependencies is before.dependencies
    assert shared.statements[0].text == "T2"
    own = Graph(relinked)
    assert own.pos is not shared.pos
    for argmap, graph in ((same, shared), (relinked, own)):
        module._LAST = None
        assert _worked_out(graph) == _worked_out(Graph(argmap))


@examples(100)
@given(shapes(max_statements=8), shapes(max_statements=8))
def test_a_graph_built_after_another_is_the_graph_of_its_map(first: Map, other: Map) -> None:
    """After the graph of a map, the graph of the same map with every text changed (the same
    links: it shares the edges) and then that of another map (it may not) each hold and work
    out what the graph of their map alone does."""
    import argmap.graph as module

    Graph(first).dependencies  # noqa: B018  # worked out, to be shared
    retexted = attrs.evolve(
        first,
        statements={
            k: attrs.evolve(s, text=s.text + " again") for k, s in first.statements.items()
        },
    )
    shared = Graph(retexted)
    after = Graph(other)
    assert shared.statements == list(retexted.statements.values())
    module._LAST = None
    assert _worked_out(shared) == _worked_out(Graph(retexted))
    assert _worked_out(after) == _worked_out(Graph(other))


def test_what_is_kept_by_shape_goes_only_to_graphs_of_that_shape() -> None:
    """:meth:`Graph.by_shape` works a value out once for a graph and the graphs built after it
    with the same edges and given nodes; a statement that becomes evidence (given) or a changed
    link gets its own."""
    graph = Graph(
        build("t: {thesis: T, reasons: [[c]]}\nc: {claim: C, reasons: [e]}\ne: {evidence: E}")
    )
    first = graph.by_shape("key", lambda: ["worked out"])
    retexted = Graph(
        build("t: {thesis: T2, reasons: [[c]]}\nc: {claim: C2, reasons: [e]}\ne: {evidence: E}")
    )
    assert retexted.by_shape("key", lambda: ["again"]) is first
    given = Graph(
        build("t: {thesis: T, reasons: [[c]]}\nc: {evidence: C, reasons: [e]}\ne: {evidence: E}")
    )
    assert given.by_shape("key", lambda: ["again"]) == ["again"]
    relinked = Graph(
        build("t: {thesis: T, reasons: [[e]]}\nc: {claim: C, reasons: [e]}\ne: {evidence: E}")
    )
    assert relinked.by_shape("key", lambda: ["once more"]) == ["once more"]


@examples(100)
@given(shapes(max_statements=8))
def test_a_labelling_of_a_shape_is_the_labelling_of_each_graph_of_it(first: Map) -> None:
    """:meth:`Labelling.of` gives the graph of a map with its texts changed (sharing the first
    graph's shape) the very lists a new labelling of it gives, on the whole map and with the
    mapper's items taken away."""
    from argmap.analysis.author import mapper_nodes
    from argmap.analysis.labels import Labelling

    def lists(labels: Labelling) -> tuple[object, ...]:
        return labels.label, labels.step, labels.forced, labels.neg_in

    before = Graph(first)
    Labelling.of(before)
    Labelling.of(before, without=mapper_nodes(before))
    retexted = attrs.evolve(
        first,
        statements={
            k: attrs.evolve(s, text=s.text + " again") for k, s in first.statements.items()
        },
    )
    graph = Graph(retexted)
    assert lists(Labelling.of(graph)) == lists(Labelling(graph, (), ()))
    without = mapper_nodes(graph)
    assert lists(Labelling.of(graph, without=without)) == lists(
        Labelling(graph, (), (), without=without)
    )
    assert Labelling.of(graph).graph is graph
