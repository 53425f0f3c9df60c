"""``argmap check --format json``: the reports of several maps as one stable JSON document, whose
structure is documented in :func:`to_json` and versioned by :data:`JSON_VERSION`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from argmap.analysis import Finding
from argmap.status import Severity
from argmap.text.report import Checked, summarise

JSON_VERSION: Final = 1
"""Version of the JSON structure; raised only when a key changes meaning or disappears."""


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code.value,
        "severity": finding.severity.value,
        "statement": finding.statement,
        "line": finding.position.line if finding.position else None,
        "column": finding.position.column if finding.position else None,
        "message": finding.message,
        "hint": finding.hint,
        "acknowledged": finding.acknowledged,
        "related": list(finding.related),
    }


def to_json(checked: Sequence[Checked], fail_on: Severity, *, colour: bool = False) -> str:
    """A stable JSON document (keys sorted, same input gives the same bytes)::

        {"version": 1, "fail_on": "warning",
         "files": [{"path": "...", "readable": true,
                    "problems": [{"line": 3, "column": 5, "message": "..."}],
                    "findings": [{"code": "unsupported", "severity": "warning",
                                  "statement": "c9", "line": 12, "column": 3,
                                  "message": "...", "hint": "...", "acknowledged": null,
                                  "related": []}],
                    "labels": {"c9": "not-grounded", ...},
                    "applies": {"c4.r1": false, ...},
                    "verdicts": [{"thesis": "t", "status": "not-grounded",
                                  "chain": ["t", "c4", "c9"], "why": "c9 has no reasons",
                                  "stated": "likely", "earned": null,
                                  "author": "not-grounded", "needs": [["a1"], ["a2", "c3.r1"]]}],
                    "earned": {"c9": null, "e1": "almost certain", ...},
                    "sides": {"t": {"t": "for", "c4": "for", "c4.o1": "against", ...}}}],
         "summary": {"error": 1, "warning": 2, "info": 0, "acknowledged": 1,
                     "failing": 3, "maps": 1, "unreadable": 0}}

    Files are in the order given; findings in map order, each with the ids of the other
    statements it is about (``related``: :attr:`argmap.analysis.Finding.related`); labels,
    applies and earned (the confidence each statement earns, null when it is not grounded) keyed
    by id; sides, for each
    thesis, every statement, reason and objection it reaches (``for``, ``against`` or ``both``:
    see :mod:`argmap.analysis.sides`). A verdict's ``author`` is the thesis's label on the
    author's words alone (null for a map without the mapper's items), ``needs`` the sets of the
    mapper's items any one of which grounds it again (see :mod:`argmap.analysis.author`). A
    file
    that could not be read has ``readable: false``, its problems, and empty findings and labels.
    ``colour`` is accepted for a uniform signature and ignored.
    """
    files = []
    for item in checked:
        entry: dict[str, Any] = {
            "path": item.path,
            "readable": item.report is not None,
            "problems": [
                {"line": p.line, "column": p.column, "message": p.message} for p in item.problems
            ],
            "findings": [],
            "labels": {},
            "applies": {},
            "verdicts": [],
            "earned": {},
            "sides": {},
        }
        if item.report is not None:
            evaluation = item.report.evaluation
            entry["findings"] = [_finding_json(f) for f in item.report.findings]
            entry["labels"] = {k: v.value for k, v in evaluation.status.items()}
            entry["applies"] = dict(evaluation.applies)
            entry["verdicts"] = [
                {
                    "thesis": v.thesis,
                    "status": v.status.value,
                    "chain": list(v.chain),
                    "why": v.why,
                    "stated": v.stated.term if v.stated else None,
                    "earned": v.earned.term if v.earned else None,
                    "author": v.author.value if v.author else None,
                    "needs": [list(s) for s in v.needs],
                }
                for v in item.report.verdicts
            ]
            entry["earned"] = {
                k: level.term if level else None for k, level in item.report.earned.items()
            }
            entry["sides"] = {
                thesis: {node: side.value for node, side in sides.items()}
                for thesis, sides in item.report.sides.by_thesis.items()
            }
        files.append(entry)
    summary = summarise(checked, fail_on)
    document = {
        "version": JSON_VERSION,
        "fail_on": fail_on.value,
        "files": files,
        "summary": {
            **{severity.value: n for severity, n in summary.counts.items()},
            "acknowledged": summary.acknowledged,
            "failing": summary.failing,
            "maps": summary.maps,
            "unreadable": summary.unreadable,
        },
    }
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
