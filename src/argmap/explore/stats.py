"""Figures about a map (:func:`stats`): statements, reasons and objections by shape, the deepest
chain of support, the evidence below each thesis, the findings per code, the evidence per source
and per grade."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from argmap.analysis import SourceCount, check, per_grade, per_source, shares
from argmap.graph import Graph
from argmap.model import Code, Kind, Map, Reason
from argmap.status import Status

STATS_VERSION: Final = 1
"""Version of the JSON structure of ``argmap stats --format json``."""


@attrs.frozen
class Stats:
    """Figures about one map."""

    statements: Mapping[str, int]
    """Statements per kind (every kind, in the order of :class:`Kind`)."""
    single_reasons: int
    """Reasons with one premise."""
    linked_reasons: int
    """Reasons with several premises, all needed."""
    rebuttals: int
    """Objections against a statement."""
    undercuts: int
    """Objections against a reason or another objection."""
    deepest_chain: int
    """Reasons in the longest chain of support; a circle of support counts as one step."""
    claims: int
    """Theses and claims."""
    grounded_claims: int
    """Theses and claims that are grounded."""
    evidence_per_thesis: Mapping[str, int]
    """For each thesis, the evidence statements its reasons rest on, directly or further down."""
    findings: Mapping[str, int]
    """Findings per code (codes found only, in the order of :class:`Code`)."""
    acknowledged: Mapping[str, int]
    """Of those, the findings that the map acknowledges."""
    evidence_per_source: tuple[SourceCount, ...] = ()
    """The evidence of each source (``by:``), most first; the evidence with none last."""
    evidence_per_grade: Mapping[str, int] = attrs.field(factory=dict)
    """Evidence per source grade, in grade order; ``ungraded`` last."""
    assumed_links: int = 0
    """The mapper's reasons and objections (written with ``assumed:``); the mapper's other items
    are the assumptions, counted in :attr:`statements`."""
    authors_share: Mapping[str, float] = attrs.field(factory=dict)
    """For each thesis, the share (0 to 1) of what is on its side that is the author's, not the
    mapper's (see :func:`argmap.analysis.shares`)."""

    @property
    def total(self) -> int:
        """Statements in the map."""
        return sum(self.statements.values())

    def to_json(self) -> dict[str, object]:
        """The figures as plain JSON data."""
        return {
            "statements": dict(self.statements),
            "reasons": {"single": self.single_reasons, "linked": self.linked_reasons},
            "objections": {"rebuttals": self.rebuttals, "undercuts": self.undercuts},
            "deepest_chain": self.deepest_chain,
            "claims": {"total": self.claims, "grounded": self.grounded_claims},
            "evidence_per_thesis": dict(self.evidence_per_thesis),
            "findings": dict(self.findings),
            "mapper": {
                "assumptions": self.statements.get("assumption", 0),
                "assumed_links": self.assumed_links,
            },
            "authors_share": {t: round(v, 4) for t, v in self.authors_share.items()},
            "acknowledged": dict(self.acknowledged),
            "evidence_per_source": [
                {
                    "source": row.source,
                    "role": row.role,
                    "unnamed": row.unnamed,
                    "evidence": list(row.evidence),
                }
                for row in self.evidence_per_source
            ],
            "evidence_per_grade": dict(self.evidence_per_grade),
        }


def stats(map: Map) -> Stats:
    """Count statements, reasons and objections, measure the support, and tally the findings of
    :func:`argmap.analysis.check`. Linear in the size of the map."""
    report = check(map)
    mapper = shares(map)
    graph = Graph.of(map)
    kinds = dict.fromkeys((kind.value for kind in Kind), 0)
    for statement in graph.statements:
        kinds[statement.kind.value] += 1
    reasons = [i for i in graph.inferences if isinstance(i, Reason)]
    linked = sum(1 for reason in reasons if reason.linked)
    rebuttals = sum(len(statement.objections) for statement in graph.statements)
    objections = len(graph.inferences) - len(reasons)
    claims = [s.id for s in graph.statements if s.kind.is_claim]
    grounded = sum(1 for sid in claims if report.evaluation.status[sid] is Status.GROUNDED)
    counts = dict.fromkeys((code.value for code in Code), 0)
    acknowledged = dict(counts)
    for finding in report.findings:
        counts[finding.code.value] += 1
        if finding.acknowledged is not None:
            acknowledged[finding.code.value] += 1
    return Stats(
        statements=kinds,
        single_reasons=len(reasons) - linked,
        linked_reasons=linked,
        rebuttals=rebuttals,
        undercuts=objections - rebuttals,
        deepest_chain=_deepest_chain(graph),
        claims=len(claims),
        grounded_claims=grounded,
        evidence_per_thesis=_evidence_per_thesis(graph),
        findings={code: n for code, n in counts.items() if n},
        acknowledged={code: n for code, n in acknowledged.items() if n},
        evidence_per_source=tuple(per_source(graph)),
        evidence_per_grade=per_grade(graph),
        assumed_links=mapper.assumed_links,
        authors_share=dict(mapper.authors_share),
    )


def _deepest_chain(graph: Graph) -> int:
    """Reasons in the longest chain of support, a circle of support counting as one step."""
    support, components = graph.support, graph.components
    starts, targets, component_of = support.start, support.flat, components.of
    height = [0] * components.count
    for node in components.members.flat:  # every component after those it rests on
        c = component_of[node]
        best = height[c]
        for edge in range(starts[node], starts[node + 1]):
            other = component_of[targets[edge]]
            if other != c and height[other] + 1 > best:
                best = height[other] + 1
        height[c] = best
    return max(height, default=0)


def _evidence_per_thesis(graph: Graph) -> dict[str, int]:
    """Evidence below each thesis. Which theses rest on each component is a bit set over the
    theses, passed down from the top; the evidence is then tallied per thesis with bit-sliced
    counters (one bit set per binary digit of the counts), so no set of evidence is ever built."""
    support, components = graph.support, graph.components
    starts, targets, component_of = support.start, support.flat, components.of
    above = [0] * components.count  # bit t: thesis number t rests on this component
    for t, n in enumerate(graph.theses):
        above[component_of[n]] |= 1 << t
    for node in reversed(components.members.flat):  # every component after all that rest on it
        c = component_of[node]
        if above[c]:
            for edge in range(starts[node], starts[node + 1]):
                other = component_of[targets[edge]]
                if other != c:
                    above[other] |= above[c]
    digits: list[int] = []  # digits[k]: bit t is digit k of thesis t's count
    for n, statement in enumerate(graph.statements):
        if statement.kind is Kind.EVIDENCE:
            carry = above[component_of[n]]
            k = 0
            while carry:
                if k == len(digits):
                    digits.append(0)
                digits[k], carry = digits[k] ^ carry, digits[k] & carry
                k += 1
    return {
        graph.ids[n]: sum(((digit >> t) & 1) << k for k, digit in enumerate(digits))
        for t, n in enumerate(graph.theses)
    }
