"""What each finding code of ``argmap check`` means to a reader: its usual severity, and the hint
printed with it."""

from __future__ import annotations

from typing import Final

from argmap.model import Code, Kind
from argmap.status import Severity

SEVERITY: Final = {
    Code.UNSUPPORTED: Severity.WARNING,
    Code.UNGROUNDED: Severity.WARNING,
    Code.CIRCULAR: Severity.ERROR,
    Code.DEFEATED: Severity.WARNING,
    Code.CONTESTED: Severity.WARNING,
    Code.ORPHAN: Severity.WARNING,
    Code.UNTRACEABLE: Severity.WARNING,
    Code.HEDGED_LOAD: Severity.INFO,
    Code.UNKNOWN_HEDGE: Severity.WARNING,
    Code.OVERSTATED: Severity.WARNING,
    Code.SINGLE_SOURCE: Severity.WARNING,
    Code.UNNAMED_ONLY: Severity.WARNING,
    Code.UNNAMED_SOURCE: Severity.INFO,
    Code.DUPLICATE: Severity.WARNING,
    Code.QUOTE_NOT_FOUND: Severity.ERROR,
    Code.MISPLACED_QUOTE: Severity.WARNING,
    Code.BEYOND_QUOTE: Severity.INFO,
    Code.RESTS_ON_MAPPER: Severity.INFO,
    Code.UNUSED_ACK: Severity.WARNING,
}
"""Each code's severity; a finding that means a thesis does not stand is an error, and a circle
whose claims are all grounded anyway is a warning; ``overstated`` goes by the size of the gap
(:data:`argmap.analysis.confidence.OVERSTATED_SEVERITY`)."""

THESIS_FAILS: Final = frozenset({Code.UNSUPPORTED, Code.UNGROUNDED, Code.DEFEATED, Code.CONTESTED})
"""The codes that mean a thesis does not stand, when they are about a thesis."""

HINTS: Final = {
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
    Code.UNKNOWN_HEDGE: "state its level (level: likely), or write a word of the scale "
    "(maps/README.md, Confidence)",
    Code.OVERSTATED: "state it no firmer than its support (hedge: likely), or firm up the "
    "weakest link",
    Code.SINGLE_SOURCE: "find evidence from another source, or acknowledge that the text has one",
    Code.UNNAMED_ONLY: "find evidence from a named source, or acknowledge that the text has none",
    Code.UNNAMED_SOURCE: "the thesis is only as firm as a source no one can check: find a named "
    "one, or acknowledge it",
    Code.DUPLICATE: "merge the two into one statement and point every use at it",
    Code.QUOTE_NOT_FOUND: "copy the quote verbatim from the source",
    Code.MISPLACED_QUOTE: "correct the statement's `section:` and `at:`, or, when the source's "
    "parts are not found as they should be, say where a section starts (`starts:`)",
    Code.BEYOND_QUOTE: "quote the words that say it, or keep the statement to what the quote says",
    Code.RESTS_ON_MAPPER: "the verdict is the mapper's reading as much as the author's: say so, "
    "or find where the text itself draws these links (a reason's `quote:`)",
    Code.UNUSED_ACK: "remove the acknowledgement: what it accepted is no longer so",
}
"""The hint printed under each finding: how to fix it, or how to acknowledge it."""

NEEDS_SOURCE: Final = frozenset({Code.QUOTE_NOT_FOUND, Code.MISPLACED_QUOTE, Code.BEYOND_QUOTE})
"""The codes found only when the source text is given: without it, their acknowledgements are
not unused, only not tried."""

ORDER: Final = {code: i for i, code in enumerate(Code)}
"""Each code's place in the order of :class:`Code`: findings about one statement come in it."""


def severity_of(code: Code, kind: Kind) -> Severity:
    """The usual severity of a finding with ``code`` about a statement of ``kind``: an error
    when it means a thesis does not stand."""
    if kind is Kind.THESIS and code in THESIS_FAILS:
        return Severity.ERROR
    return SEVERITY[code]
