"""The key of a diagram: what the drawing used, and the rows that explain it. Pure DOT text.

:class:`Key` is worked out from what is drawn (the statements, reasons and objections shown and
their marks), after the drawing and apart from it; :func:`rows` turns it into HTML-like table rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from argmap.dot.quoting import font, html
from argmap.dot.theme import NodeStyle, Relation, Role, Theme
from argmap.model import Kind
from argmap.status import Severity, Status


@attrs.frozen
class Key:
    """What the diagram used, so the key shows that and nothing else."""

    kinds: frozenset[tuple[Role, Kind]] = frozenset()
    """Each kind of statement drawn, in the role it plays."""
    relations: frozenset[Relation] = frozenset()
    """Each kind of line drawn."""
    unanswered: frozenset[bool] = frozenset()
    """For each objection nothing answers, drawn thick: whether it is the mapper's (grey) or the
    author's (the objection's colour)."""
    assumed: frozenset[Relation] = frozenset()
    """Each kind of link the mapper assumed that is drawn (dashed grey, with its own head)."""
    inactive: bool = False
    """A reason or objection that does not apply is greyed out."""
    findings: frozenset[Severity] = frozenset()
    """Severities of the unacknowledged findings marked."""
    acknowledged: bool = False
    """A finding the mapper acknowledged is marked."""
    statuses: frozenset[Status] = frozenset()
    """Statuses marked."""
    critical: bool = False
    """A critical statement is marked."""


ASSUMED: Final[Mapping[Relation, str]] = {
    Relation.SUPPORT: "support",
    Relation.LINK: "co-premise",
    Relation.REBUTTAL: "rebuttal",
    Relation.UNDERCUT: "undercut",
}
"""What the key calls a link of each kind that the mapper assumed."""


def _miniature(style: NodeStyle, inside: str = " ", *, color: str = "", border: float = 0) -> str:
    """A miniature node: the style's fill, border and corners; ``color`` and ``border`` replace its
    border the way a finding does."""
    styles = [word for word in ("rounded", "dashed") if word in style.style]
    width = max(1, round(border or style.penwidth))
    return (
        f'<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"'
        f' BGCOLOR="{style.fillcolor}" COLOR="{color or style.color}"'
        + (f' STYLE="{",".join(styles)}"' if styles else "")
        + f'><TR><TD WIDTH="30" HEIGHT="14">{inside}</TD></TR></TABLE>'
    )


def _swatches(key: Key, theme: Theme) -> list[tuple[str, str]]:
    """(swatch, words) for each row of the key, in the order the key shows them."""
    out: list[tuple[str, str]] = []
    for kind in Kind:
        if (Role.SUPPORTING, kind) in key.kinds:
            out.append((_miniature(theme.kinds[kind]), theme.kinds[kind].name))
    attacking = [kind for kind in Kind if (Role.ATTACKING, kind) in key.kinds]
    if attacking:
        style = theme.attacking[attacking[0]]
        out.append((_miniature(style), style.name))
    for relation in Relation:
        if relation in key.relations:
            edge = theme.edges[relation]
            out.append((font(f"<B>{html(edge.sample)}</B>", color=edge.color), edge.name))
    for assumed in sorted(key.unanswered):
        color = theme.assumed_color if assumed else theme.edges[Relation.REBUTTAL].color
        whose = " the mapper assumed" if assumed else ""
        out.append((font(f"<B>{html('━━━┤')}</B>", color=color), f"unanswered objection{whose}"))
    for relation in Relation:
        if relation in key.assumed:
            head = theme.edges[relation].sample[-1]
            out.append(
                (
                    font(html(f"╌╌╌{head}"), color=theme.assumed_color),
                    f"{ASSUMED[relation]} assumed by the mapper, not drawn by the author",
                )
            )
    if key.inactive:
        out.append((font(html("───▶"), color=theme.inactive_color), "does not apply"))
    plain = theme.kinds[Kind.CLAIM]
    for severity in sorted(key.findings, reverse=True):
        marker = theme.findings[severity]
        symbol = font(html(marker.symbol), color=marker.color)
        swatch = _miniature(plain, symbol, color=marker.color, border=theme.finding_penwidth)
        out.append((swatch, f"finding: {marker.word} ({marker.symbol}, thick border)"))
    if key.acknowledged:
        marker = theme.acknowledged
        swatch = font(html(marker.symbol), color=marker.color)
        out.append((swatch, "finding acknowledged by the mapper"))
    for status, marker in theme.statuses.items():
        if status in key.statuses:
            out.append((font(html(marker.symbol), color=marker.color), marker.word))
    if key.critical:
        marker = theme.critical
        inner = _miniature(plain, font(html(marker.symbol), color=marker.color))
        double = (
            f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"'
            f' COLOR="{plain.color}" STYLE="rounded"><TR><TD>{inner}</TD></TR></TABLE>'
        )
        out.append((double, f"double border: {marker.word}"))
    return out


def table(key: Key, theme: Theme) -> str | None:
    """The key as an HTML-like table, or ``None`` when the diagram used nothing to explain."""
    size = f'POINT-SIZE="{theme.small_fontsize + 1:g}"'
    rows = [
        f'<TR><TD WIDTH="44">{swatch}</TD>'
        f'<TD ALIGN="LEFT"><FONT {size}>{html(words)}</FONT></TD></TR>'
        for swatch, words in _swatches(key, theme)
    ]
    if not rows:
        return None
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>"
    )
