"""Map, findings, statuses and critical statements → Graphviz DOT text. Pure: no I/O, no Graphviz.

Every statement becomes a node named by its map id (also its SVG element id). A reason with one
premise is an edge from the premise to its claim; co-premises of a linked reason meet in a junction
dot named by the reason's id, so the reader sees they only support together. A reason or objection
that is itself attacked gets a junction too, for the undercut to point at. Objections are drawn the
same way with attack edges. A one-premise reason's edge has the reason's id; a junction's edges are
``<reason>:from:<premise>`` and ``<reason>:to``; section boxes are ``cluster:section:<id>``. Map
text is quoted here and nowhere else, so any text appears literally.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Protocol

import attrs

from argmap.errors import QueryError, did_you_mean
from argmap.layout import effort, folds, overview_depth
from argmap.model import Code, Kind, Map, Objection, Reason, Statement
from argmap.options import DEFAULT_WRAP, Direction, Layout
from argmap.theme import DEFAULT_THEME, Marker, NodeStyle, Relation, Role, Theme

# Edges run from premise to claim, so Graphviz's rank direction is the reverse of the reading one.
_RANKDIR: Mapping[Direction, str] = {"TB": "BT", "BT": "TB", "LR": "RL"}


# Map ids match ``[A-Za-z0-9][A-Za-z0-9_.-]*``: a colon or a leading underscore keeps every name
# below apart from them, so no two SVG elements share an id.
GRAPH_ID = "argmap:graph"
"""Id of the whole diagram."""
CLUSTER_PREFIX = "cluster:"
"""Start of every cluster's name and id (Graphviz draws a subgraph as a box when it starts so)."""
LEGEND_CLUSTER = f"{CLUSTER_PREFIX}legend"
"""Name and id of the box around the key; a section's box is ``cluster:section:<id>``."""
LEGEND_NODE = "_legend"
"""Name and id of the key's table."""


class FindingLike(Protocol):
    """What the diagram needs of a finding of ``argmap check``."""

    @property
    def code(self) -> Code: ...
    @property
    def severity(self) -> enum.Enum: ...
    @property
    def statement(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def acknowledged(self) -> str | None: ...


class EvaluationLike(Protocol):
    """What the diagram needs of an evaluation: each statement's status, each relation's force."""

    @property
    def status(self) -> Mapping[str, enum.Enum]: ...
    @property
    def applies(self) -> Mapping[str, bool]: ...


# --- quoting -------------------------------------------------------------------------------------


def quote(text: str) -> str:
    """A DOT double-quoted string showing ``text`` literally, also where Graphviz expands escapes.

    Backslashes are doubled (so ``\\N`` or ``\\l`` stay text), quotes escaped, and line breaks
    become ``\\n``.
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "\\n".join(escaped.splitlines()) + '"' if escaped else '""'


def html(text: str) -> str:
    """Text for an HTML-like label: markup characters become entities, so they show as written."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


LABEL_CHARS = 600
"""Longest text shown in a box; the tooltip carries the whole (Graphviz refuses labels of more than
about 16,000 characters, and no reader wants a box that size)."""


TOOLTIP_CHARS = 3000
"""Longest tooltip; a tooltip shows the whole text of any statement of ordinary length."""


def clip(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, marked with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken between words (a longer word stays whole).

    The text's own line breaks are kept; runs of spaces within a line become one.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _attrs(pairs: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"{key}={value}" for key, value in pairs)


def _font(text: str, *, size: float | None = None, color: str | None = None) -> str:
    opening = "".join(
        (
            f' POINT-SIZE="{size:g}"' if size is not None else "",
            f' COLOR="{color}"' if color is not None else "",
        )
    )
    return f"<FONT{opening}>{text}</FONT>" if opening else text


# --- choosing what to draw -----------------------------------------------------------------------


def _undercuts(objection: Objection) -> Iterator[Objection]:
    for undercut in objection.objections:
        yield undercut
        yield from _undercuts(undercut)


def _attacks_on(statement: Statement) -> Iterator[Objection]:
    """Every objection hanging on the statement: rebuttals, undercuts of its reasons, replies."""
    for reason in statement.reasons:
        for undercut in reason.objections:
            yield undercut
            yield from _undercuts(undercut)
    for rebuttal in statement.objections:
        yield rebuttal
        yield from _undercuts(rebuttal)


def _below(statement: Statement) -> Iterator[str]:
    """Ids of the statements one step below: premises of reasons and of every objection on it."""
    yield from statement.premise_ids()
    for objection in _attacks_on(statement):
        yield from objection.premises


def select(map: Map, focus: str | None, depth: int | None = None) -> dict[str, int]:
    """The statements that support or attack ``focus``, at most ``depth`` steps down, by depth.

    Without a focus, the steps are counted from the theses (from every statement when the map
    has none). Raises :class:`~argmap.errors.QueryError` for an id the map lacks.
    """
    if focus is not None and focus not in map.statements:
        raise QueryError(f"no statement '{focus}' in the map{did_you_mean(focus, map.statements)}")
    theses = [statement.id for statement in map.theses]
    roots = [focus] if focus is not None else theses or list(map.statements)
    levels = dict.fromkeys(roots, 0)
    frontier = roots
    while frontier and (depth is None or levels[frontier[0]] < depth):
        following: list[str] = []
        for statement_id in frontier:
            for below in _below(map.statements[statement_id]):
                if below not in levels and below in map.statements:
                    levels[below] = levels[statement_id] + 1
                    following.append(below)
        frontier = following
    return levels


# --- the drawing ---------------------------------------------------------------------------------


@attrs.define
class _Legend:
    """What the diagram used, so the legend shows that and nothing else."""

    kinds: set[tuple[Role, Kind]] = attrs.Factory(set)
    relations: set[Relation] = attrs.Factory(set)
    junctions: set[Relation] = attrs.Factory(set)
    unanswered: bool = False
    inactive: bool = False
    findings: set[str] = attrs.Factory(set)
    acknowledged: bool = False
    statuses: set[str] = attrs.Factory(set)
    critical: bool = False


@attrs.frozen
class _Group:
    """A reason or objection to draw: its premises reach ``target`` by ``relation``."""

    id: str
    premises: tuple[str, ...]
    relation: Relation
    target: str
    junction: bool
    unanswered: bool
    note: str | None

    @property
    def tooltip(self) -> str:
        """What hovering over the reason or objection shows: its id and the mapper's note."""
        return self.id if self.note is None else f"{self.id}: {self.note}"


_SEVERITY_ORDER = ("ERROR", "WARNING", "INFO")


class _Drawing:
    def __init__(
        self,
        map: Map,
        *,
        findings: Sequence[FindingLike] | None,
        evaluation: EvaluationLike | None,
        critical: Collection[str],
        wrap: int,
        theme: Theme,
    ) -> None:
        self.map = map
        self.theme = theme
        self.wrap = wrap
        self.evaluation = evaluation
        self.critical = frozenset(critical)
        self.show_findings = findings is not None
        self.findings: dict[str, list[FindingLike]] = {}
        for finding in findings or ():
            self.findings.setdefault(finding.statement, []).append(finding)
        self.legend = _Legend()
        self.attacking = self._attacking_only()

    def _attacking_only(self) -> frozenset[str]:
        """Statements that are premises of objections and of no reason: they speak against."""
        supporting: set[str] = set()
        attacking: set[str] = set()
        for statement in self.map.statements.values():
            supporting.update(statement.premise_ids())
            for objection in _attacks_on(statement):
                attacking.update(objection.premises)
        return frozenset(attacking - supporting)

    def _answered(self, objection: Objection) -> bool:
        if objection.objections:
            return True
        return any(
            premise in self.map.statements and self.map.statements[premise].objections
            for premise in objection.premises
        )

    # groups

    def groups(self, statement: Statement) -> Iterator[_Group]:
        for reason in statement.reasons:
            yield self._group(reason, Relation.SUPPORT, statement.id)
            yield from self._undercut_groups(reason)
        for rebuttal in statement.objections:
            yield self._group(rebuttal, Relation.REBUTTAL, statement.id)
            yield from self._undercut_groups(rebuttal)

    def _undercut_groups(self, target: Reason | Objection) -> Iterator[_Group]:
        for undercut in target.objections:
            yield self._group(undercut, Relation.UNDERCUT, target.id)
            yield from self._undercut_groups(undercut)

    def _group(self, part: Reason | Objection, relation: Relation, target: str) -> _Group:
        return _Group(
            id=part.id,
            premises=part.premises,
            relation=relation,
            target=target,
            junction=len(part.premises) > 1 or bool(part.objections),
            unanswered=isinstance(part, Objection) and not self._answered(part),
            note=part.note,
        )

    # nodes

    def style(self, statement: Statement) -> NodeStyle:
        if statement.id in self.attacking:
            self.legend.kinds.add((Role.ATTACKING, statement.kind))
            return self.theme.attacking[statement.kind]
        self.legend.kinds.add((Role.SUPPORTING, statement.kind))
        return self.theme.kinds[statement.kind]

    def node(self, statement: Statement, hidden: int) -> str:
        theme = self.theme
        style = self.style(statement)
        small = theme.small_fontsize
        header = html(statement.id + (f" · {style.tag}" if style.tag else ""))
        rows = [_font(header, size=small, color=style.small_color)]
        body = "<BR/>".join(html(line) for line in wrap(clip(statement.text), self.wrap))
        rows.append(f"<B>{body}</B>" if style.bold else body)
        if statement.hedge is not None:
            hedge = f"hedged: “{clip(statement.hedge, 80)}”" if statement.hedge else "hedged"
            rows.append(_font(f"<I>{html(hedge)}</I>", size=small, color=style.small_color))
        locator = self.map.locator(statement)
        if locator is not None:
            for line in wrap(f"¶ {clip(locator, 120)}", self.wrap + 8):
                rows.append(_font(html(line), size=small, color=style.small_color))
        if hidden:
            more = f"▾ {hidden} more below, not shown"
            rows.append(_font(html(more), size=small, color=style.small_color))
        pairs = [("id", quote(statement.id))]
        penwidth = style.penwidth
        color = style.color
        marks: list[tuple[Marker, str]] = []
        if statement.id in self.critical:
            self.legend.critical = True
            marks.append((theme.critical, "critical"))
            pairs.append(("peripheries", "2"))
        worst: int | None = None
        tips: list[str] = []
        for finding in self.findings.get(statement.id, ()):
            word = theme.code_words[finding.code]
            tips.append(f"{finding.code.value}: {finding.message}")
            if finding.acknowledged is not None:
                self.legend.acknowledged = True
                marks.append((theme.acknowledged, f"{word} (acknowledged)"))
                continue
            severity = finding.severity.name
            self.legend.findings.add(severity)
            marks.append((theme.findings[severity], word))
            rank = _SEVERITY_ORDER.index(severity) if severity in _SEVERITY_ORDER else 2
            worst = rank if worst is None else min(worst, rank)
        if worst is not None:
            color = theme.findings[_SEVERITY_ORDER[worst]].color
            penwidth = max(penwidth, theme.finding_penwidth)
        if self.evaluation is not None and statement.id in self.evaluation.status:
            value = str(self.evaluation.status[statement.id].value)
            if value in theme.statuses:
                self.legend.statuses.add(value)
                marks.append((theme.statuses[value], theme.statuses[value].word))
        for marker, word in marks:
            symbol_color = style.small_color if style.fontcolor != "#000000" else marker.color
            symbol = _font(html(marker.symbol), color=symbol_color)
            rows.append(_font(f"{symbol} {html(word)}", size=small, color=style.small_color))
        label = "<BR/>".join(rows)
        pairs += [
            ("label", f"<{label}>"),
            ("shape", style.shape),
            ("style", quote(style.style)),
            ("fillcolor", quote(style.fillcolor)),
            ("color", quote(color)),
        ]
        if style.fontcolor != "#000000":
            pairs.append(("fontcolor", quote(style.fontcolor)))
        if style.fontsize != 11.0:
            pairs.append(("fontsize", f"{style.fontsize:g}"))
        if penwidth != 1.0:
            pairs.append(("penwidth", f"{penwidth:g}"))
        pairs.append(("tooltip", quote(clip(self.tooltip(statement, tips), TOOLTIP_CHARS))))
        return f"{quote(statement.id)} [{_attrs(pairs)}];"

    def tooltip(self, statement: Statement, findings: list[str]) -> str:
        parts = [statement.text]
        if statement.hedge is not None:
            parts.append(f"(hedged: {statement.hedge})" if statement.hedge else "(hedged)")
        if statement.quote is not None:
            parts.append(f"“{statement.quote}”")
        locator = self.map.locator(statement)
        if locator is not None:
            parts.append(f"— {locator}")
        if statement.note is not None:
            parts.append(f"Note: {statement.note}")
        parts.extend(findings)
        return "\n".join(parts)

    # edges

    def edges(self, group: _Group) -> Iterator[str]:
        theme = self.theme
        style = theme.edges[group.relation]
        self.legend.relations.add(group.relation)
        pairs = [
            ("style", style.style),
            ("color", quote(style.color)),
            ("arrowhead", style.arrowhead),
        ]
        penwidth = style.penwidth
        applies = self.evaluation.applies.get(group.id) if self.evaluation is not None else None
        if applies is False:
            self.legend.inactive = True
            pairs[1] = ("color", quote(theme.inactive_color))
        if group.unanswered and self.show_findings:
            self.legend.unanswered = True
            penwidth = theme.unanswered_penwidth
        pairs.append(("penwidth", f"{penwidth:g}"))
        pairs.append(("tooltip", quote(clip(group.tooltip, TOOLTIP_CHARS))))
        if not group.junction:
            for premise in group.premises:
                edge_id = quote(group.id)
                yield f"{quote(premise)} -> {quote(group.target)} [id={edge_id}, {_attrs(pairs)}];"
            return
        self.legend.junctions.add(group.relation)
        self.legend.relations.add(Relation.LINK)
        link = theme.edges[Relation.LINK]
        link_color = style.color if applies is not False else theme.inactive_color
        for premise in group.premises:
            link_pairs = [
                ("id", quote(f"{group.id}:from:{premise}")),
                ("style", style.style if group.relation is not Relation.SUPPORT else link.style),
                ("color", quote(link_color)),
                ("arrowhead", link.arrowhead),
                ("penwidth", f"{link.penwidth:g}"),
            ]
            yield f"{quote(premise)} -> {quote(group.id)} [{_attrs(link_pairs)}];"
        edge_id = quote(f"{group.id}:to")
        yield f"{quote(group.id)} -> {quote(group.target)} [id={edge_id}, {_attrs(pairs)}];"

    def junction(self, group: _Group) -> str:
        color = self.theme.junction[group.relation]
        if self.evaluation is not None and self.evaluation.applies.get(group.id) is False:
            color = self.theme.inactive_color
        pairs = [
            ("id", quote(group.id)),
            ("shape", "point"),
            ("width", "0.09"),
            ("color", quote(color)),
            ("tooltip", quote(clip(group.tooltip, TOOLTIP_CHARS))),
        ]
        return f"{quote(group.id)} [{_attrs(pairs)}];"


def _title(
    map: Map,
    theme: Theme,
    overview: tuple[int, int, int | None] | None = None,
    focus: str | None = None,
) -> str:
    """The map's title over its source, and what an overview leaves out; the source is a link
    when its address is on the web."""
    title = _font(f"<B>{html(clip(map.title, 200))}</B>", size=theme.title_fontsize)
    rows = [f"<TR><TD>{title}</TD></TR>"]
    source = map.source
    described = clip(
        ", ".join(
            part for part in (source.title, source.author, source.publisher, source.date) if part
        ),
        300,
    )
    size = theme.small_fontsize + 1
    if source.url is not None and len(source.url) <= 2000 and _is_web(source.url):
        link = html(source.url)
        words = _font(f"<U>{html(described or source.url)}</U>", size=size, color=theme.link_color)
        rows.append(f'<TR><TD HREF="{link}" TOOLTIP="{link}">{words}</TD></TR>')
    elif described:
        rows.append(
            f"<TR><TD>{_font(html(described), size=size, color=theme.small_color)}</TD></TR>"
        )
    if overview is not None:
        words = html(_overview_words(*overview, focus))
        rows.append(f"<TR><TD>{_font(words, size=size, color=theme.small_color)}</TD></TR>")
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0">{"".join(rows)}</TABLE>'


def _overview_words(shown: int, total: int, depth: int | None, focus: str | None) -> str:
    """What an overview shows, ``depth`` levels below its roots (``None``: all that bears on
    them): ``Overview: the theses and 2 levels below them, 1,234 of 100,000 statements; ▾ counts
    what is folded away``."""
    roots, them = (f"statement {focus}", "it") if focus is not None else ("theses", "them")
    count = f"{shown:,} of the map's {total:,} statements"
    if depth is None:
        return f"Overview: the {roots} and all that bears on {them}, {count}"
    below = f"and {depth} level{'s' if depth != 1 else ''} below {them}" if depth else "alone"
    return f"Overview: the {roots} {below}, {count}; ▾ counts what is folded away"


_WEB_ADDRESS = re.compile(r"https?://[^/?#\s]+", re.IGNORECASE)


def _is_web(url: str | None) -> bool:
    """True for an http or https address with a host: only those become links."""
    return url is not None and _WEB_ADDRESS.match(url) is not None


def _legend_rows(legend: _Legend, theme: Theme) -> list[str]:
    small = f'POINT-SIZE="{theme.small_fontsize + 1:g}"'
    rows: list[str] = []

    def row(swatch: str, words: str) -> None:
        rows.append(
            f'<TR><TD WIDTH="44">{swatch}</TD>'
            f'<TD ALIGN="LEFT"><FONT {small}>{html(words)}</FONT></TD></TR>'
        )

    def node(style: NodeStyle, inside: str = " ", *, color: str = "", border: float = 0) -> str:
        """A miniature node: the style's fill, border and corners; ``color`` and ``border``
        replace its border the way a finding does."""
        styles = [word for word in ("rounded", "dashed") if word in style.style]
        width = max(1, round(border or style.penwidth))
        cell = (
            f'<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"'
            f' BGCOLOR="{style.fillcolor}" COLOR="{color or style.color}"'
            + (f' STYLE="{",".join(styles)}"' if styles else "")
            + f'><TR><TD WIDTH="30" HEIGHT="14">{inside}</TD></TR></TABLE>'
        )
        return cell

    for kind in Kind:
        if (Role.SUPPORTING, kind) in legend.kinds:
            row(node(theme.kinds[kind]), theme.kinds[kind].name)
    attacking = [kind for kind in Kind if (Role.ATTACKING, kind) in legend.kinds]
    if attacking:
        row(node(theme.attacking[attacking[0]]), theme.attacking[attacking[0]].name)
    for relation in Relation:
        if relation not in legend.relations:
            continue
        edge = theme.edges[relation]
        row(_font(f"<B>{html(edge.sample)}</B>", color=edge.color), edge.name)
    if legend.unanswered:
        edge = theme.edges[Relation.REBUTTAL]
        row(_font(f"<B>{html('━━━┤')}</B>", color=edge.color), "unanswered objection")
    if legend.inactive:
        row(_font(html("───▶"), color=theme.inactive_color), "does not apply")
    plain = theme.kinds[Kind.CLAIM]
    for severity in _SEVERITY_ORDER:
        if severity in legend.findings:
            marker = theme.findings[severity]
            symbol = _font(html(marker.symbol), color=marker.color)
            swatch = node(plain, symbol, color=marker.color, border=theme.finding_penwidth)
            row(swatch, f"finding: {marker.word} ({marker.symbol}, thick border)")
    if legend.acknowledged:
        marker = theme.acknowledged
        row(_font(html(marker.symbol), color=marker.color), "finding acknowledged by the mapper")
    for value, marker in theme.statuses.items():
        if value in legend.statuses:
            row(_font(html(marker.symbol), color=marker.color), marker.word)
    if legend.critical:
        marker = theme.critical
        symbol = _font(html(marker.symbol), color=marker.color)
        inner = node(plain, symbol)
        double = (
            f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"'
            f' COLOR="{plain.color}" STYLE="rounded"><TR><TD>{inner}</TD></TR></TABLE>'
        )
        row(double, f"double border: {marker.word}")
    return rows


def to_dot(
    map: Map,
    *,
    findings: Sequence[FindingLike] | None = None,
    evaluation: EvaluationLike | None = None,
    critical: Collection[str] = (),
    direction: Direction = "TB",
    focus: str | None = None,
    depth: int | None = None,
    wrap: int = DEFAULT_WRAP,
    legend: bool = True,
    theme: Theme = DEFAULT_THEME,
    layout: Layout = Layout.AUTO,
) -> str:
    """The map as DOT text: same map and arguments, same text, byte for byte.

    ``findings`` (from ``argmap check``) are marked on their statements, and objections nothing
    answers are drawn thick; ``None`` draws no findings. ``evaluation`` adds each statement's
    status and greys out reasons and objections that do not apply. ``critical`` statements get a
    double border. ``focus`` draws only what supports or attacks that statement, ``depth`` steps
    down at most (without a focus, ``depth`` counts from the theses). ``layout`` says how much
    of a large map to draw and how hard Graphviz searches (:mod:`argmap.layout`).
    """
    if wrap < 1:
        raise ValueError(f"wrap must be at least 1, not {wrap}")
    drawing = _Drawing(
        map, findings=findings, evaluation=evaluation, critical=critical, wrap=wrap, theme=theme
    )
    levels = select(map, focus, depth) if focus is not None or depth is not None else None
    shown = [s for s in map.statements.values() if levels is None or s.id in levels]
    overview: tuple[int, int, int | None] | None = None
    if folds(len(shown), layout):
        levels = levels if levels is not None else select(map, focus, depth)
        cut = overview_depth(levels)
        shown = [s for s in shown if levels.get(s.id, cut + 1) <= cut]
        whole = depth is None and cut >= max(levels.values(), default=0)
        overview = (len(shown), len(map.statements), None if whole else cut)
    visible = {s.id for s in shown}

    groups: list[_Group] = []
    hidden: dict[str, int] = {}
    drawn_groups: set[str] = set()
    for statement in shown:
        for group in drawing.groups(statement):
            complete = group.premises and all(p in visible for p in group.premises)
            if complete and (
                group.relation is not Relation.UNDERCUT or group.target in drawn_groups
            ):
                groups.append(group)
                drawn_groups.add(group.id)
            else:
                hidden[statement.id] = hidden.get(statement.id, 0) + 1

    by_section: dict[str | None, list[str]] = {}
    declared = {section.id for section in map.sections}
    for statement in shown:
        section = statement.section if statement.section in declared else None
        by_section.setdefault(section, []).append(
            drawing.node(statement, hidden.get(statement.id, 0))
        )
    section_of = {s.id: (s.section if s.section in declared else None) for s in shown}
    for group in groups:
        if not group.junction:
            continue
        ends = {section_of.get(p) for p in group.premises}
        ends.add(section_of.get(group.target))
        home = ends.pop() if len(ends) == 1 else None
        by_section.setdefault(home, []).append(drawing.junction(group))
    edges = [line for group in groups for line in drawing.edges(group)]

    font = quote(theme.fontname)
    graph_pairs = [
        ("id", quote(GRAPH_ID)),
        ("rankdir", _RANKDIR[direction]),
        ("newrank", "true"),
        ("fontname", font),
        ("label", f"<{_title(map, theme, overview, focus)}>"),
        ("labelloc", "t"),
        ("nodesep", "0.3"),
        ("ranksep", "0.4"),
        ("tooltip", quote(clip(map.title, TOOLTIP_CHARS))),
        *effort(len(shown), layout),
    ]
    lines = [
        "digraph argmap {",
        f"  graph [{_attrs(graph_pairs)}];",
        f'  node [fontname={font}, fontsize=11, margin="0.14,0.07"];',
        f"  edge [fontname={font}, arrowsize=0.8];",
    ]
    top = "b" if direction == "TB" else "t"  # cluster labels follow the rank direction
    for part in map.sections:
        members = by_section.get(part.id)
        if not members:
            continue
        title = _font(f"<B>{html(part.title)}</B>", size=theme.cluster_fontsize)
        name = quote(f"{CLUSTER_PREFIX}section:{part.id}")
        cluster_pairs = [
            ("id", name),
            ("label", f"<{title}>"),
            ("labelloc", top),
            ("style", '"rounded,dashed"'),
            ("color", quote(theme.cluster_color)),
            ("fontcolor", quote(theme.small_color)),
        ]
        lines.append(f"  subgraph {name} {{")
        lines.append(f"    graph [{_attrs(cluster_pairs)}];")
        lines.extend(f"    {member}" for member in members)
        lines.append("  }")
    lines.extend(f"  {member}" for member in by_section.get(None, ()))
    lines.extend(f"  {edge}" for edge in edges)
    if legend:
        rows = _legend_rows(drawing.legend, theme)
        if rows:
            table = (
                '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
                + "".join(rows)
                + "</TABLE>"
            )
            lines += [
                f"  subgraph {quote(LEGEND_CLUSTER)} {{",
                f"    graph [id={quote(LEGEND_CLUSTER)}, label=<<B>Key</B>>, labelloc={top}, "
                'style="rounded", '
                f"color={quote(theme.cluster_color)}, fontcolor={quote(theme.small_color)}];",
                f"    {quote(LEGEND_NODE)} [id={quote(LEGEND_NODE)}, shape=plain, label=<{table}>, "
                'tooltip="Key"];',
                "  }",
            ]
    lines.append("}")
    return "\n".join(lines) + "\n"
