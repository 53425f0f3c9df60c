"""The answers of :mod:`argmap.explore` as text and JSON: the figures of ``argmap stats``
(:func:`format_stats`, :func:`stats_json`), what-if (:func:`format_whatif`) and the single points
of failure (:func:`format_critical`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from argmap.analysis import UNATTRIBUTED, Evaluation
from argmap.explore import STATS_VERSION, Critical, Stats, WhatIf
from argmap.model import Map
from argmap.options import StatsFormat
from argmap.status import Status
from argmap.util import plural


def format_stats(results: Sequence[tuple[str, Stats]]) -> str:
    """Figures of each named map as text, one block per map."""
    out: list[str] = []
    for name, figures in results:
        if out:
            out.append("")
        kinds = ", ".join(f"{kind} {n}" for kind, n in figures.statements.items())
        share = f"{100 * figures.grounded_claims // figures.claims}%" if figures.claims else "none"
        out += [
            name,
            f"  statements     {figures.total} ({kinds})",
            f"  reasons        {figures.single_reasons + figures.linked_reasons}"
            f" (single {figures.single_reasons}, linked {figures.linked_reasons})",
            f"  objections     {figures.rebuttals + figures.undercuts}"
            f" (rebuttals {figures.rebuttals}, undercuts {figures.undercuts})",
            f"  deepest chain  {plural(figures.deepest_chain, 'reason', grouped=False)}",
            f"  grounded       {figures.grounded_claims} of {figures.claims} theses and claims"
            f" ({share})",
        ]
        out.append("  evidence per thesis")
        pad = max(map(len, figures.evidence_per_thesis), default=0)
        out += [f"    {thesis:<{pad}}  {n}" for thesis, n in figures.evidence_per_thesis.items()]
        out += _source_lines(figures)
        assumptions = figures.statements.get("assumption", 0)
        out.append(
            f"  mapper's items {assumptions + figures.assumed_links} (assumptions {assumptions}, "
            f"assumed links {figures.assumed_links})"
        )
        out.append("  author's share of each thesis's support")
        out += [
            f"    {thesis:<{pad}}  {100 * share:.0f}%"
            for thesis, share in figures.authors_share.items()
        ]
        total = sum(figures.findings.values())
        details = ", ".join(
            f"{code} {n}"
            + (
                f" ({figures.acknowledged[code]} acknowledged)"
                if code in figures.acknowledged
                else ""
            )
            for code, n in figures.findings.items()
        )
        out.append(f"  findings       {total}" + (f" ({details})" if details else ""))
    return "\n".join(out) + "\n"


def _source_lines(figures: Stats) -> list[str]:
    """Evidence per source and per grade, for a map that gives any source or grade."""
    rows = figures.evidence_per_source
    out: list[str] = []
    if any(row.source != UNATTRIBUTED for row in rows):
        names = [
            row.source
            + (f", {row.role}" if row.role else "")
            + (" (unnamed)" if row.unnamed else "")
            for row in rows
        ]
        pad = max(map(len, names))
        out.append("  evidence per source")
        out += [
            f"    {name:<{pad}}  {len(row.evidence)}" for name, row in zip(names, rows, strict=True)
        ]
    if set(figures.evidence_per_grade) - {"ungraded"}:
        out.append("  evidence per grade")
        out += [f"    {grade:<8}  {n}" for grade, n in figures.evidence_per_grade.items()]
    return out


def format_stats_as(results: Sequence[tuple[str, Stats]], form: StatsFormat) -> str:
    """Figures of each named map in the format asked for."""
    return format_stats(results) if form is StatsFormat.TEXT else stats_json(results)


def stats_json(results: Sequence[tuple[str, Stats]]) -> str:
    """Figures of each named map as JSON: ``{"version": 1, "maps": [{"path": ..., ...}]}``, keys
    sorted, byte-stable."""
    data = {
        "version": STATS_VERSION,
        "maps": [{"path": name, **figures.to_json()} for name, figures in results],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def format_whatif(result: WhatIf) -> str:
    """The changes as text, theses first: ``c4: grounded → not-grounded``."""
    what = ["taking away the mapper's reading"] if result.author_only else []
    what += [f"rejecting {', '.join(result.reject)}"] if result.reject else []
    what += [f"accepting {', '.join(result.accept)}"] if result.accept else []
    head = " and ".join(what) or "changing nothing"
    out = [head[0].upper() + head[1:] + ":"]
    if not result.changes:
        out.append("  no statement changes status or earned confidence")
    theses = result.theses
    others = result.changes[len(theses) :]
    for label, group in (("theses", theses), ("other statements", others)):
        if group:
            out.append(f"  {label}:")
            out += [f"    {c}" for c in group]
    return "\n".join(out) + "\n"


def format_critical(map: Map, found: Sequence[Critical], evaluation: Evaluation) -> str:
    """The single points of failure as a table, most load first, then the theses that are not
    grounded as written (they have nothing to lose)."""
    out: list[str] = []
    if found:
        out += [
            "Single points of failure: rejecting any one alone leaves a thesis without ground"
            " (not grounded, defeated or undecided).",
            "",
        ]
        rows = [
            (
                c.statement,
                map.statements[c.statement].kind.value,
                str(c.carries),
                ", ".join(c.theses),
            )
            for c in found
        ]
        head = ("statement", "kind", "carries", "breaks")
        widths = [max(len(row[n]) for row in [head, *rows]) for n in range(3)]
        for row in [head, *rows]:
            out.append(
                f"  {row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}"
            )
        out += ["", "carries: how many other statements change status when it is rejected."]
    else:
        out.append(
            "No single point of failure: no one rejection leaves a grounded thesis without ground."
        )
    lost = [s.id for s in map.theses if evaluation.status[s.id] is not Status.GROUNDED]
    if lost:
        out.append(f"Not grounded as written: {', '.join(lost)}.")
    return "\n".join(out) + "\n"
