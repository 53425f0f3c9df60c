"""The source text with the map's quotes marked where they occur.

Quotes are found as ``argmap check`` finds them (:class:`argmap.analysis.SourceText`: case,
whitespace, quote and dash kinds ignored); each occurrence is traced back to the words of the
source as written, so the mark covers the author's own text. Where quotes overlap, the text is
cut into pieces, each marked for every statement whose quote covers it.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence

import attrs

from argmap.analysis import SourceText
from argmap.html.escape import attribute, text


@attrs.frozen
class Occurrence:
    """Where a quote occurs in the source: a span of the text as written."""

    statement: int
    """The statement's number in the map (0 for the first)."""
    start: int
    """Offset of the first character of the first word."""
    end: int
    """Offset just past the last character of the last word."""


def occurrences(source: SourceText, quotes: Sequence[tuple[int, str]]) -> list[Occurrence]:
    """Every non-overlapping occurrence of each quote, ``(statement number, quote)``, in source
    order; a quote that does not occur has none."""
    starts: list[int] = []
    offset = 0
    for word in source.words:
        starts.append(offset)
        offset += len(word) + 1
    found: list[Occurrence] = []
    for number, quote in quotes:
        wanted = SourceText(quote).normalised
        if not wanted:
            continue
        at = source.normalised.find(wanted)
        while at >= 0:
            first = bisect.bisect_right(starts, at) - 1
            last = bisect.bisect_right(starts, at + len(wanted) - 1) - 1
            found.append(Occurrence(number, source.spans[first][0], source.spans[last][1]))
            at = source.normalised.find(wanted, at + len(wanted))
    found.sort(key=lambda o: (o.start, o.end, o.statement))
    return found


def marked(
    source: SourceText, found: Sequence[Occurrence], ids: Sequence[str]
) -> tuple[str, dict[int, str]]:
    """The source as HTML text, and for each statement found the HTML id of the first piece of its
    quote (what the statement's details link to). Each piece covered by quotes is a link
    (``q-N``, N counting the pieces) to the first statement quoting it; ``data-all`` lists them
    all."""
    anchors: dict[int, str] = {}
    parts = list(_pieces(source.text, found, ids, anchors))
    return "".join(parts), anchors


def _pieces(
    whole: str, found: Sequence[Occurrence], ids: Sequence[str], anchors: dict[int, str]
) -> Iterator[str]:
    cuts = sorted({0, len(whole)} | {o.start for o in found} | {o.end for o in found})
    active: list[Occurrence] = []
    pending = list(reversed(found))
    count = 0
    for begin, end in itertools.pairwise(cuts):
        while pending and pending[-1].start <= begin:
            active.append(pending.pop())
        active = [o for o in active if o.end > begin]
        piece = text(whole[begin:end])
        covering = sorted({o.statement for o in active})
        if not covering:
            yield piece
            continue
        name = f"q-{count}"
        count += 1
        for number in covering:
            anchors.setdefault(number, name)
        first = covering[0]
        quoted_by = "quoted by " + ", ".join(ids[n] for n in covering)
        yield (
            f'<a class="quote" href="#st-{first}" id="{name}" data-k="{first}" '
            f'data-all="{" ".join(map(str, covering))}" '
            f'title="{attribute(quoted_by)}">{piece}</a>'
        )
