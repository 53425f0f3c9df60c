"""What hovering over an id says, built from the library's answers without a client."""

from __future__ import annotations

from argmap.analysis import check
from argmap.explore import critical
from argmap.load import loads
from argmap.lsp.hover import hover_text

TWO_ROUTES = """\
argmap: 1
title: Two routes
statements:
  t: {thesis: T, reasons: [e1, c2]}
  e1: {evidence: E1}
  c2: {claim: C2, hedge: probably, reasons: [e2]}
  e2: {evidence: E2}
"""


def test_hover_says_when_rejecting_it_only_weakens_a_thesis() -> None:
    """Rejecting the firmer of two routes leaves the thesis grounded but earning less: the hover
    says what it stops earning instead of an unchanged status."""
    argmap = loads(TWO_ROUTES)
    report = check(argmap)
    found = {c.statement: c for c in critical(argmap, report.evaluation)}
    text = hover_text("e1", argmap, report, found, None, 0)
    assert text is not None
    assert "- confidence: earns almost certain\n" in text
    assert text.endswith("Rejecting it changes `t` (earns almost certain → likely).\n")
    hedged = hover_text("c2", argmap, report, found, None, 0)
    assert hedged is not None
    assert "- confidence: stated likely; earns likely\n" in hedged
