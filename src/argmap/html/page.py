"""The report as one HTML page: the verdicts, the diagram, the findings, the source and each
statement's details, with the page's own style and script inline and nothing else allowed.

Every text of the map and of the source goes through :mod:`argmap.html.escape`; the diagram goes
through :mod:`argmap.html.svg`. The Content-Security-Policy names the inline style and script by
their SHA-256, so the same map gives the same bytes and nothing injected could run.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from argmap.analysis import Finding, Verdict, stated
from argmap.dot.theme import DEFAULT_THEME, Theme
from argmap.explore import Change
from argmap.html.assets import asset, colours, digest
from argmap.html.escape import attribute, text
from argmap.html.facts import Facts
from argmap.html.source import marked
from argmap.model import Objection, Reason, Statement
from argmap.status import Severity, Status


@attrs.frozen
class Live:
    """What the page served by ``argmap serve`` adds: its version, and the script that keeps it
    up to date (which needs to ask the server, so it may connect to its own origin)."""

    version: int
    """The number of the report served; the page asks the server for newer ones."""


def page(facts: Facts, svg: str, *, live: Live | None = None, theme: Theme = DEFAULT_THEME) -> str:
    """The whole page, ``svg`` being the diagram already made embeddable."""
    body = "\n".join(app(facts, svg, theme))
    return _document(text(facts.map.title), body, live=live, theme=theme)


def waiting(theme: Theme = DEFAULT_THEME) -> str:
    """What ``argmap serve`` shows before the map was ever read: the problems banner only; the
    page reloads itself when a good report is there."""
    body = '<div id="am-app"><p>Waiting for the map to be readable.</p></div>'
    return _document("argmap serve", body, live=Live(0), theme=theme, script=False)


def _document(
    title: str, body: str, *, live: Live | None, theme: Theme, script: bool = True
) -> str:
    style = colours(theme) + asset("report.css")
    scripts = ([asset("report.js")] if script else []) + ([asset("live.js")] if live else [])
    policy = [
        "default-src 'none'",
        "script-src " + " ".join(digest(s) for s in scripts),
        f"style-src {digest(style)}",
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        *(["connect-src 'self'"] if live else []),
    ]
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="argmap">',
        *([f'<meta name="argmap-version" content="{live.version}">'] if live else []),
        f"<title>{title} \u2014 argmap report</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#am-findings">Skip to the findings</a>',
    ]
    if live:
        head.append('<div id="am-banner" role="alert" hidden></div>')
    tail = [f"<script>{s}</script>" for s in scripts]
    return "\n".join([*head, body, *tail, "</body>", "</html>"]) + "\n"


def app(facts: Facts, svg: str, theme: Theme = DEFAULT_THEME) -> Iterator[str]:
    """The part of the page that changes with the map: everything but the head and scripts."""
    source, anchors = "", dict[int, str]()
    if facts.source is not None:
        source, anchors = marked(facts.source, facts.found, list(facts.map.statements))
    yield '<div id="am-app">'
    yield from _header(facts, theme)
    yield from _diagram(svg)
    yield from _findings(facts, theme)
    yield from _source(facts, source)
    yield from _statements(facts, anchors, theme)
    yield "</div>"


# --- parts ---------------------------------------------------------------------------------------


def _header(facts: Facts, theme: Theme) -> Iterator[str]:
    argmap, report = facts.map, facts.report
    yield "<header>"
    yield f"<h1>{text(argmap.title)}</h1>"
    source = argmap.source
    described = ", ".join(
        text(part) for part in (source.author, source.publisher, source.date) if part
    )
    if source.title or described or source.url:
        words = f"<cite>{text(source.title)}</cite>" if source.title else ""
        if described:
            words += (", " if words else "") + described
        if source.url and _is_web(source.url):
            link = f'<a href="{attribute(source.url)}" rel="noopener noreferrer external">'
            words += f" ({link}{text(source.url)}</a>)"
        elif source.url:
            words += f" ({text(source.url)})"
        yield f'<p class="am-source-line">Source: {words}</p>'
    yield f'<p class="am-summary">{_summary(facts)}</p>'
    yield "</header>"
    yield '<section id="am-verdicts" aria-labelledby="am-verdicts-h">'
    yield '<h2 id="am-verdicts-h">Theses</h2>'
    yield '<ul class="am-verdicts">'
    for verdict in report.verdicts:
        yield from _verdict(facts, verdict, theme)
    yield "</ul>"
    yield "</section>"


def _summary(facts: Facts) -> str:
    counts = dict.fromkeys(Severity, 0)
    acknowledged = 0
    for finding in facts.report.findings:
        if finding.acknowledged is not None:
            acknowledged += 1
        else:
            counts[finding.severity] += 1
    failing = len(facts.report.failing(Severity.WARNING))
    parts = [
        _plural(len(facts.map.statements), "statement"),
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
        f"{counts[Severity.INFO]} info",
        f"{acknowledged} acknowledged",
    ]
    verdict = "fails" if failing else "passes"
    if facts.source is not None:
        parts.append("quotes checked against the source")
    return f"{', '.join(parts)}; <strong>{verdict} at warning and above</strong> (argmap check)"


def _verdict(facts: Facts, verdict: Verdict, theme: Theme) -> Iterator[str]:
    k = facts.numbers[verdict.thesis]
    thesis = facts.map.statements[verdict.thesis]
    yield f'<li class="am-verdict am-{verdict.status.value}">'
    yield (
        f"{_status(verdict.status, theme)} "
        f'<a href="#st-{k}" class="am-to" data-k="{k}"><code>{text(thesis.id)}</code></a> '
        f"{text(thesis.text)}"
    )
    if verdict.why:
        steps = " \u2190 ".join(_link(facts, sid) for sid in verdict.chain)
        yield f'<p class="am-chain">Support runs out: {steps}: {text(verdict.why)}</p>'
    yield "</li>"


def _diagram(svg: str) -> Iterator[str]:
    yield '<section id="am-diagram-section" aria-labelledby="am-diagram-h">'
    yield '<h2 id="am-diagram-h">Diagram</h2>'
    yield '<div class="am-toolbar" role="toolbar" aria-label="Diagram">'
    yield (
        '<label for="am-search">Find a statement</label> '
        '<input type="search" id="am-search" placeholder="id or words" autocomplete="off" '
        'aria-controls="am-results">'
    )
    yield '<button type="button" id="am-fit" title="Show the whole diagram (0)">Fit</button>'
    yield (
        '<button type="button" id="am-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>'
    )
    yield (
        '<button type="button" id="am-zoom-out" title="Zoom out (\u2212)" '
        'aria-label="Zoom out">\u2212</button>'
    )
    yield "</div>"
    yield '<ul id="am-results" aria-live="polite"></ul>'
    yield '<div class="am-layout">'
    yield (
        '<div id="am-diagram" tabindex="0" aria-label="The diagram: drag or use the arrow keys '
        'to move, + and \u2212 to zoom, 0 to fit; Tab reaches each statement">'
    )
    yield svg
    yield "</div>"
    yield '<aside id="am-details" aria-live="polite" aria-label="Details of the chosen statement">'
    yield '<p class="am-hint">Choose a statement in the diagram, a finding or a quote.</p>'
    yield "</aside>"
    yield "</div>"
    yield "</section>"


_SEVERITY_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def _findings(facts: Facts, theme: Theme) -> Iterator[str]:
    yield '<section id="am-findings" aria-labelledby="am-findings-h">'
    yield '<h2 id="am-findings-h">Findings</h2>'
    findings = list(enumerate(facts.report.findings))
    if not findings:
        yield "<p>argmap check finds nothing.</p>"
    for severity in sorted(Severity, reverse=True):
        mine = [(j, f) for j, f in findings if f.severity is severity]
        if not mine:
            continue
        mark = theme.findings[severity]
        yield (
            f'<h3 class="am-sev-{severity.value}"><span aria-hidden="true">{mark.symbol}</span> '
            f"{_SEVERITY_HEADINGS[severity]} ({len(mine)})</h3>"
        )
        yield f'<ol class="am-findings am-sev-{severity.value}">'
        for j, finding in mine:
            yield _finding(facts, j, finding)
        yield "</ol>"
    yield "</section>"


def _finding(facts: Facts, j: int, finding: Finding) -> str:
    k = facts.numbers[finding.statement]
    where = f" line {finding.position.line}" if finding.position else ""
    ack = (
        f' <span class="am-ack">\u2713 acknowledged: {text(finding.acknowledged)}</span>'
        if finding.acknowledged is not None
        else f' <span class="am-fix">Hint: {text(finding.hint)}</span>'
    )
    return (
        f'<li id="f-{j}" class="am-finding" data-k="{k}">'
        f'<a href="#st-{k}" class="am-to" data-k="{k}"><code>{text(finding.statement)}</code></a> '
        f"<strong>{text(finding.code.value)}</strong>{where}: {text(finding.message)}{ack}</li>"
    )


def _source(facts: Facts, html: str) -> Iterator[str]:
    if facts.source is None:
        return
    located = {o.statement for o in facts.found}
    missing = [
        s for s in facts.map.statements.values() if s.quote and facts.numbers[s.id] not in located
    ]
    yield '<section id="am-source" aria-labelledby="am-source-h">'
    yield '<h2 id="am-source-h">Source</h2>'
    quoted = sum(1 for s in facts.map.statements.values() if s.quote)
    yield (
        f"<p>{_plural(quoted, 'quote')} in the map, {len(located)} found in the "
        "source and marked below; choose one to see its statement.</p>"
    )
    if missing:
        yield '<div class="am-missing"><h3>Quotes not found in the source</h3><ul>'
        for statement in missing:
            assert statement.quote is not None
            yield f"<li>{_link(facts, statement.id)}: <q>{text(statement.quote)}</q></li>"
        yield "</ul></div>"
    yield f'<div class="am-source-text">{html}</div>'
    yield "</section>"


def _statements(facts: Facts, anchors: dict[int, str], theme: Theme) -> Iterator[str]:
    by_statement: dict[str, list[tuple[int, Finding]]] = {}
    for j, finding in enumerate(facts.report.findings):
        by_statement.setdefault(finding.statement, []).append((j, finding))
    yield '<section id="am-statements" aria-labelledby="am-statements-h">'
    yield '<h2 id="am-statements-h">Statements</h2>'
    for statement in facts.map.statements.values():
        yield from _details(facts, statement, by_statement.get(statement.id, []), anchors, theme)
    yield "</section>"


def _details(
    facts: Facts,
    statement: Statement,
    findings: list[tuple[int, Finding]],
    anchors: dict[int, str],
    theme: Theme,
) -> Iterator[str]:
    k = facts.numbers[statement.id]
    status = facts.report.evaluation.status[statement.id]
    star = ""
    if statement.id in facts.critical:
        star = f' <span class="am-critical">{theme.critical.symbol} critical</span>'
    name = attribute(statement.id)
    yield f'<article class="am-statement" id="st-{k}" data-k="{k}" data-id="{name}">'
    yield (
        f'<h3><code>{text(statement.id)}</code> <span class="am-kind">{statement.kind.value}'
        f"</span> {_status(status, theme)}{star}</h3>"
    )
    yield f'<p class="am-text">{text(statement.text)}</p>'
    yield "<dl>"
    if statement.hedge is not None:
        yield f"<dt>Hedge</dt><dd>{text(statement.hedge) or '(hedged, without words)'}</dd>"
    if statement.certainty is not None:
        yield f"<dt>Certainty</dt><dd>{text(statement.certainty)}</dd>"
    yield f"<dt>Confidence</dt><dd>{_confidence(facts, statement)}</dd>"
    if statement.quote:
        where = ""
        if k in anchors:
            where = f' <a href="#{anchors[k]}" class="am-to-quote">in the source</a>'
        elif facts.source is not None:
            where = ' <span class="am-not-found">not found in the source</span>'
        yield f"<dt>Quote</dt><dd><q>{text(statement.quote)}</q>{where}</dd>"
    locator = facts.map.locator(statement)
    if locator:
        yield f"<dt>Where</dt><dd>{text(locator)}</dd>"
    if statement.by is not None:
        yield f"<dt>By</dt><dd>{text(str(statement.by))}</dd>"
    if statement.grade is not None:
        yield f"<dt>Grade</dt><dd>{text(str(statement.grade))}</dd>"
    if statement.reasons:
        items = "".join(f"<li>{_link_text(facts, reason)}</li>" for reason in statement.reasons)
        yield f'<dt>Rests on</dt><dd><ul class="am-reasons">{items}</ul></dd>'
    attacks = [f"<li>{_link_text(facts, o)}</li>" for o in statement.objections]
    for reason in statement.reasons:
        attacks += [
            f"<li>{_link_text(facts, o)}, against the reason from {_premises(facts, reason)}</li>"
            for o in reason.objections
        ]
    if attacks:
        yield f'<dt>Objections</dt><dd><ul class="am-reasons">{"".join(attacks)}</ul></dd>'
    if statement.note is not None:
        yield f"<dt>Note</dt><dd>{text(statement.note)}</dd>"
    if statement.tags:
        yield f"<dt>Tags</dt><dd>{text(', '.join(statement.tags))}</dd>"
    if findings:
        items = "".join(
            f'<li><a href="#f-{j}" class="am-to-finding">{text(f.code.value)}</a> '
            f"{text(f.message)}</li>"
            for j, f in findings
        )
        yield f'<dt>Findings</dt><dd><ul class="am-own-findings">{items}</ul></dd>'
    yield f"<dt>Rejecting it</dt><dd>{_rejecting(facts, statement)}</dd>"
    yield "</dl>"
    yield "</article>"


def _confidence(facts: Facts, statement: Statement) -> str:
    """``stated likely; earns very likely``: the author's level (when he states one) and what the
    statement's support earns."""
    own = stated(statement)
    earned = facts.report.earned.get(statement.id)
    parts = [f"stated {own.term}"] if own is not None else []
    parts.append(f"earns {earned.term}" if earned is not None else "earns nothing (not grounded)")
    return text("; ".join(parts))


def _premises(facts: Facts, link: Reason | Objection) -> str:
    """``a``, or ``a, b and c together``: the premises of a reason or an objection, linked."""
    links = [_link(facts, p) for p in link.premises]
    return links[0] if len(links) == 1 else f"{', '.join(links[:-1])} and {links[-1]} together"


def _link_text(facts: Facts, link: Reason | Objection) -> str:
    """A reason or an objection: its premises, whose link it is, the author's words for it."""
    whose = " (the mapper's link)" if link.assumed else ""
    words = f" <q>{text(link.quote)}</q>" if link.quote is not None else ""
    return f"{_premises(facts, link)}{whose}{words}"


def _rejecting(facts: Facts, statement: Statement) -> str:
    critical = facts.critical.get(statement.id)
    changes = facts.falls.get(statement.id)
    parts = []
    if critical is not None:
        theses = ", ".join(_link(facts, t) for t in critical.theses)
        parts.append(f"leaves without ground: {theses}")
    if changes is None:
        parts.append(
            "leaves every grounded thesis grounded (this map is large: "
            f"<code>argmap whatif MAP --reject {text(statement.id)}</code> lists what changes)"
        )
    else:
        others = [c for c in changes if c.statement != statement.id]
        if others:
            listed = ", ".join(f"{_link(facts, c.statement)} {_change(c)}" for c in others)
            parts.append(f"changes {listed}")
        elif critical is None:
            parts.append("changes no other statement")
    return "; ".join(parts)


# --- small pieces --------------------------------------------------------------------------------


def _link(facts: Facts, statement: str) -> str:
    k = facts.numbers.get(statement)
    if k is None:
        return f"<code>{text(statement)}</code>"
    return f'<a href="#st-{k}" class="am-to" data-k="{k}"><code>{text(statement)}</code></a>'


def _status(status: Status, theme: Theme) -> str:
    mark = theme.statuses[status]
    return (
        f'<span class="am-status am-{status.value}"><span aria-hidden="true">{mark.symbol}</span> '
        f"{mark.word}</span>"
    )


def _word(status: Status) -> str:
    return status.value.replace("-", " ")


def _change(change: Change) -> str:
    """``grounded → not grounded``; ``not grounded → grounded (earns likely)``; or, when the
    status stays, ``earns very likely → likely``."""
    if change.after is change.before:
        return change.earns or ""
    moved = f"{_word(change.before)} \u2192 {_word(change.after)}"
    return f"{moved} (earns {change.earned_after.term})" if change.earned_after else moved


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _is_web(url: str) -> bool:
    lowered = url.strip().lower()
    return lowered.startswith(("http://", "https://")) and url == url.strip()
