"""What hovering over an id shows: a statement's kind, text, hedge, quote and locator, its status,
its findings, and whether it is a single point of failure and what rejecting it brings down."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from argmap.analysis import Report, stated
from argmap.explore import Change, Critical, whatif
from argmap.lsp.index import Index
from argmap.model import Map

_ID_CHARS = re.compile(r"[A-Za-z0-9_.\-]")
_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")
WHATIF_LIMIT: Final = 3_000
"""Largest map for which a hover evaluates the map again to list what rejecting a statement
changes; larger maps show the count from the single-point-of-failure analysis only."""
SHOWN: Final = 12
"""Most statements named in one list of a hover."""


def word_at(line: str, column: int) -> tuple[str, int, int]:
    """The id under or just before the cursor, with its start and end column."""
    start = column
    while start > 0 and _ID_CHARS.match(line[start - 1]):
        start -= 1
    end = column
    while end < len(line) and _ID_CHARS.match(line[end]):
        end += 1
    return line[start:end], start, end


def md(text: str) -> str:
    """A map's text as Markdown that shows it literally: no text of a map becomes markup."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def hover_text(
    word: str,
    argmap: Map | None,
    report: Report | None,
    critical: Mapping[str, Critical] | None,
    index: Index | None,
    problems: int,
) -> str | None:
    """Markdown for the id, or None when the word is no id of the map."""
    if argmap is None or report is None:
        block = index.blocks.get(word) if index is not None else None
        if block is None:
            return None
        out = [f"**{block.kind or 'statement'}** `{word}`"]
        if block.text:
            out += ["", md(block.text)]
        out += ["", f"_The map has {problems:,} problem(s): fix them to see its evaluation._"]
        return "\n".join(out)
    statement = argmap.statements.get(word)
    if statement is None:
        section = argmap.section(word)
        return f"**section** `{word}`: {md(section.title)}" if section else None
    status = report.evaluation.status[word]
    out = [f"**{statement.kind.value}** `{word}` — {status.value}", "", md(statement.text), ""]
    if statement.hedge is not None:
        out.append(f"- hedge: {md(statement.hedge) if statement.hedge else '(hedged)'}")
    if statement.certainty is not None:
        out.append(f"- certainty: {md(statement.certainty)}")
    own, earned = stated(statement), report.earned.get(word)
    out.append(
        f"- confidence: {f'stated {own.term}; ' if own is not None else ''}"
        f"earns {earned.term if earned is not None else 'nothing'}"
    )
    if statement.quote is not None:
        out.append(f"- quote: \u201c{md(statement.quote)}\u201d")
    if (locator := argmap.locator(statement)) is not None:
        out.append(f"- at: {md(locator)}")
    if statement.by is not None:
        out.append(f"- by: {md(str(statement.by))}")
    if statement.grade is not None:
        out.append(f"- grade: {statement.grade}")
    findings = [f for f in report.findings if f.statement == word]
    for finding in findings:
        ack = f" (acknowledged: {md(finding.acknowledged)})" if finding.acknowledged else ""
        out.append(f"- {finding.severity.value} `{finding.code.value}`: {md(finding.message)}{ack}")
    if not findings:
        out.append("- no findings")
    out.append("")
    out += _failure(word, argmap, critical)
    return "\n".join(out).rstrip() + "\n"


def _failure(word: str, argmap: Map, critical: Mapping[str, Critical] | None) -> list[str]:
    out = []
    found = critical.get(word) if critical is not None else None
    if critical is None:
        out.append("Single point of failure: not yet known (the map is being analysed).")
    elif found is not None:
        theses = ", ".join(f"`{t}`" for t in found.theses)
        out.append(
            f"**Single point of failure**: rejecting it leaves {theses} without ground "
            f"and changes {found.carries:,} other statement(s)."
        )
    else:
        out.append(
            "Not a single point of failure: no thesis loses its ground by rejecting it alone."
        )
    if len(argmap.statements) <= WHATIF_LIMIT:
        changes = [c for c in whatif(argmap, reject=[word]).changes if c.statement != word]
        if changes:
            shown = ", ".join(f"`{c.statement}` ({_moved(c)})" for c in changes[:SHOWN])
            more = f" and {len(changes) - SHOWN:,} more" if len(changes) > SHOWN else ""
            out.append(f"Rejecting it changes {shown}{more}.")
        else:
            out.append("Rejecting it changes no other statement.")
    return out


def _moved(change: Change) -> str:
    """``grounded → not-grounded``, or, when only what it earns changes, ``earns likely →
    roughly even chance``."""
    if change.after is not change.before:
        return f"{change.before.value} → {change.after.value}"
    return change.earns or ""
