"""The findings about how a map is built and quoted, as ``argmap check`` reports them: orphans,
untraceable evidence, hedged load, duplicates, and quotes checked against the source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.analysis import sources
from argmap.analysis.labels import Labelling
from argmap.analysis.quotes import SourceText, normalise_statement
from argmap.analysis.relabel import Relabelling
from argmap.analysis.standing import Found, usage
from argmap.graph import Graph, Label, inferences
from argmap.model import Code, Kind, Map, Reason, Statement

if TYPE_CHECKING:
    from argmap.analysis.places import Layout, Place


def orphans(graph: Graph) -> Iterator[Found]:
    """Statements that are neither a thesis nor a premise of any reason or objection."""
    _supports, used = usage(graph)
    for i, statement in enumerate(graph.statements):
        if statement.kind is not Kind.THESIS and not used[i]:
            yield Found(
                i,
                Code.ORPHAN,
                f"{statement.kind.value} {statement.id} is neither a thesis nor a premise "
                "of anything",
            )


def untraceable(graph: Graph) -> Iterator[Found]:
    """Evidence with neither a quote nor a locator."""
    for i, statement in enumerate(graph.statements):
        if statement.kind is Kind.EVIDENCE and statement.quote is None and statement.at is None:
            yield Found(
                i, Code.UNTRACEABLE, f"evidence {statement.id} has neither a quote nor a locator"
            )


HEDGES_TRIED = 100
"""Past this many hedged statements under the theses, check does not try rejecting each."""


def hedged_load(graph: Graph, labels: Labelling) -> Iterator[Found]:
    """Hedged statements that a thesis depends on, however indirectly; each names the thesis that
    reaches it first (breadth first from all theses in map order).

    Each is then rejected alone, as ``whatif --reject`` does: when that changes a thesis's label,
    the finding says so and names that thesis; when it changes none, the finding says the thesis
    stands without it. (Past :data:`HEDGES_TRIED` hedged statements, none is tried, and the
    finding says only where the statement lies.)

    A statement depends on the premises of its reasons and on what answers the objections against
    it or its reasons: the premises of an undercut of such an objection, and of a rebuttal of one
    of its premises. Rejecting any of these can change the statement's status; the statements it
    depends on depend in turn on theirs."""
    origin = [-1] * graph.n_statements
    answered = [-1] * graph.n_statements  # the first objection answered on the way, if any
    frontier = list(graph.theses)
    for thesis in frontier:
        origin[thesis] = thesis
    while frontier:
        following = []
        for node in frontier:
            for premise, objection in sources.depends_on(graph, node):
                if origin[premise] == -1:
                    origin[premise] = origin[node]
                    answered[premise] = answered[node] if answered[node] != -1 else objection
                    following.append(premise)
        frontier = following
    hedged = [
        i
        for i, statement in enumerate(graph.statements)
        if statement.hedged and statement.kind is not Kind.THESIS and origin[i] != -1
    ]
    try_each = len(hedged) <= HEDGES_TRIED
    again = Relabelling(labels) if try_each and hedged else None
    ids = graph.ids
    for i in hedged:
        statement = graph.statements[i]
        words = f" ({statement.hedge})" if statement.hedge else ""
        through = (
            f", through the answer to objection {ids[answered[i]]}" if answered[i] != -1 else ""
        )
        what = f"{statement.kind.value} {statement.id} is hedged{words}"
        thesis = origin[i]
        named = thesis
        if again is None:
            message = f"{what} and thesis {ids[thesis]} rests on it{through}"
        else:
            start = again.mark()
            again.force({i: Label.OUT})  # rejected, as whatif --reject does
            changed = next((t for t in graph.theses if again.label[t] != labels.label[t]), None)
            now = again.status(changed).value.replace("-", " ") if changed is not None else ""
            again.undo(start)
            if changed is not None:
                named = changed
                message = (
                    f"{what} and thesis {ids[changed]} depends on it{through}: "
                    f"rejecting it leaves {ids[changed]} {now}"
                )
            else:
                message = (
                    f"{what} and lies under thesis {ids[thesis]}{through}, which keeps its "
                    "label without it"
                )
        yield Found(i, Code.HEDGED_LOAD, message, related=(named,))


def duplicates(graph: Graph) -> Iterator[Found]:
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
            yield Found(
                i,
                Code.DUPLICATE,
                f"{statement.kind.value} {statement.id} has the same text as "
                f"{graph.ids[earlier]}{line}",
                related=(earlier,),
            )


def _quotes(graph: Graph, source: SourceText) -> Iterator[Found]:
    """Quotes that do not occur in the source, each with the closest passage: the statements'
    own, and the author's connectives quoted on the reasons and objections written under them."""
    for i, statement in enumerate(graph.statements):
        if statement.quote is not None and not source.contains(statement.quote):
            yield Found(
                i,
                Code.QUOTE_NOT_FOUND,
                f"quote of {statement.id} is not in the source{_closest(source, statement.quote)}",
            )
        for inference in inferences(statement):
            if inference.quote is None or source.contains(inference.quote):
                continue
            what = "reason" if isinstance(inference, Reason) else "objection"
            yield Found(
                i,
                Code.QUOTE_NOT_FOUND,
                f"quote of {what} {inference.id} (under {statement.id}) is not in the source"
                f"{_closest(source, inference.quote)}",
            )


def _closest(source: SourceText, quote: str) -> str:
    """``; closest passage (80% similar): “...”``, or nothing when no passage is like it."""
    passage = source.closest(quote)
    if passage is None:
        return ""
    return f"; closest passage ({passage.similarity:.0%} similar): \u201c{passage.text}\u201d"


def quoted(map: Map, graph: Graph, source: SourceText) -> Iterator[Found]:
    """Quotes not in the source, quotes not where their locator says, and evidence that says
    more than its quote's paragraph."""
    # Where quotes stand in the source matters only with a source: a check without one never
    # loads it (its patterns and classes cost a millisecond or two).
    from argmap.analysis.places import Layout, beyond

    yield from _quotes(graph, source)
    layout = Layout(source, map.sections)
    for i, statement in enumerate(graph.statements):
        if statement.quote is None:
            continue
        occurrences = layout.occurrences(statement.quote)
        if not occurrences:
            continue
        yield from _misplaced(map, layout, i, statement, occurrences)
        if statement.kind is Kind.EVIDENCE:
            words: set[str] = set()
            for _place, word in occurrences:
                words |= layout.paragraph_words(source.spans[word][0])
            missing = beyond(statement.text, words)
            if missing:
                yield Found(
                    i,
                    Code.BEYOND_QUOTE,
                    f"evidence {statement.id} says more than its quote's paragraph: "
                    f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in it",
                )


def _misplaced(
    map: Map,
    layout: Layout,
    node: int,
    statement: Statement,
    occurrences: list[tuple[Place | None, int]],
) -> Iterator[Found]:
    """A quote none of whose occurrences is where the statement's locator says; checked only
    for a paragraph number in a section whose start the source shows."""
    from argmap.analysis.places import Place

    if not isinstance(statement.at, int) or statement.section not in layout.found:
        return
    wanted = Place(statement.section, statement.at)
    places = [place for place, _word in occurrences]
    if wanted in places:
        return

    def name(place: Place | None) -> str:
        if place is None or place.section is None:
            return "a part of the source no section of the map names"
        section = map.section(place.section)
        title = section.title if section else place.section
        return f"{title}, para. {place.paragraph}"

    says = map.locator(statement)
    if len(places) == 1:
        (place,) = places
        short = (
            f"para. {statement.at}"
            if place is not None and place.section == statement.section
            else says
        )
        message = f"the quote of {statement.id} is in {name(place)}; the map says {short}"
    else:
        where = "; ".join(dict.fromkeys(name(p) for p in places))
        message = (
            f"the quote of {statement.id} occurs {len(places)} times ({where}), none of them "
            f"at {says}, where the map says it is"
        )
    yield Found(node, Code.MISPLACED_QUOTE, message)
