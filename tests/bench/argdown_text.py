"""The content of an argmap map in Argdown's syntax, so that Argdown's CLI and argmap can be timed
on the same statements and relations.

Each statement becomes ``[id]: text`` with its supports (``+ [premise]``) and attacks
(``- [premise]``) below it. Argdown has no linked reasons or attacks on relations without
reconstructing arguments, so co-premises support their claim one by one and an undercut attacks
the claim whose reason it undercuts: the same statements and as many relations, in a simpler
shape. Text that Argdown reads as syntax (brackets, angle brackets, ``#``) is replaced by plain
characters.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.model import Map, Objection

_PLAIN = str.maketrans({"[": "(", "]": ")", "<": "(", ">": ")", "#": "No. ", "\n": " "})


def _attackers(objections: tuple[Objection, ...]) -> Iterator[str]:
    for objection in objections:
        yield from objection.premises


def to_argdown(argmap: Map) -> str:
    """Argdown text with every statement of ``argmap`` and a relation for each premise."""
    lines = ["===", f"title: {argmap.title.translate(_PLAIN)}", "===", ""]
    for statement in argmap.statements.values():
        lines.append(f"[{statement.id}]: {statement.text.translate(_PLAIN)}")
        for reason in statement.reasons:
            lines += [f"  + [{premise}]" for premise in reason.premises]
            lines += [f"  - [{premise}]" for premise in _attackers(reason.objections)]
        lines += [f"  - [{premise}]" for premise in _attackers(statement.objections)]
        lines.append("")
    return "\n".join(lines)
