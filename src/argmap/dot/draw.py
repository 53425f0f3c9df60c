"""Map, findings, statuses and critical statements → Graphviz DOT text. Pure: no I/O, no Graphviz.

Every statement becomes a node named by its map id (also its SVG element id). A reason with one
premise is an edge from the premise to its claim; co-premises of a linked reason meet in a junction
dot named by the reason's id, so the reader sees they only support together. A reason or objection
that is itself attacked gets a junction too, for the undercut to point at. Objections are drawn the
same way with attack edges. A one-premise reason's edge has the reason's id; a junction's edges are
``<reason>:from:<premise>`` and ``<reason>:to``; section boxes are ``cluster:section:<id>``. Map
text reaches the DOT only through :mod:`argmap.dot.quoting`, so any text appears literally.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Protocol

import attrs

from argmap import layout
from argmap.dot import frame, legend, selection, stack
from argmap.dot.frame import CLUSTER_PREFIX, GRAPH_ID, LEGEND_CLUSTER, LEGEND_NODE
from argmap.dot.quoting import (
    LABEL_CHARS,
    TOOLTIP_CHARS,
    attributes,
    clip,
    font,
    html,
    one_line,
    quote,
    tooltip,
    wrap,
)
from argmap.dot.selection import Group, select
from argmap.dot.theme import DEFAULT_THEME, Marker, NodeStyle, Relation, Role, Theme
from argmap.model import Code, Level, Map, Statement
from argmap.options import DEFAULT_WRAP, DIRECTIONS, Direction, Layout
from argmap.status import Severity, Status

__all__ = [  # re-exported by argmap.dot
    "CLUSTER_PREFIX",
    "GRAPH_ID",
    "LABEL_CHARS",
    "LEGEND_CLUSTER",
    "LEGEND_NODE",
    "TOOLTIP_CHARS",
    "DrawOptions",
    "EvaluationLike",
    "FindingLike",
    "html",
    "quote",
    "select",
    "to_dot",
    "wrap",
]


@attrs.frozen
class DrawOptions:
    """What a picture of a map shows: the options of ``argmap render``, :func:`argmap.diagram`,
    :func:`argmap.render.draw` and :func:`to_dot`, checked once, here."""

    findings: bool = True
    """Mark what ``argmap check`` finds, and draw objections nothing answers thick."""
    status: bool = False
    """Show each statement's evaluation status; grey out what does not apply."""
    critical: bool = False
    """Mark the single points of failure of the theses with a double border."""
    direction: Direction = attrs.field(default="TB", validator=attrs.validators.in_(DIRECTIONS))
    """Where the thesis goes: top (``TB``), bottom (``BT``) or left (``LR``)."""
    focus: str | None = None
    """Draw only what supports or attacks this statement."""
    depth: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0))
    )
    """At most this many steps below the focus (or below the theses, without a focus)."""
    wrap: int = attrs.field(default=DEFAULT_WRAP, validator=attrs.validators.ge(1))
    """Label width, in characters."""
    legend: bool = True
    """Draw the key."""
    layout: Layout = attrs.field(default=Layout.AUTO, converter=layout.named)
    """How much of a large map to draw and how hard Graphviz searches (:mod:`argmap.layout`);
    ``auto`` chooses by size. A name (``"fast"``) is taken too."""


class FindingLike(Protocol):
    """What the diagram needs of a finding of ``argmap check``."""

    @property
    def code(self) -> Code: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def statement(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def acknowledged(self) -> str | None: ...


class EvaluationLike(Protocol):
    """What the diagram needs of an evaluation: each statement's status, each relation's force."""

    @property
    def status(self) -> Mapping[str, Status]: ...
    @property
    def applies(self) -> Mapping[str, bool]: ...


# --- the drawing ---------------------------------------------------------------------------------


class _Drawing:
    """Nodes and edges of one map, with what the analyses say of it."""

    def __init__(
        self,
        map: Map,
        options: DrawOptions,
        *,
        findings: Sequence[FindingLike] | None,
        evaluation: EvaluationLike | None,
        critical: Collection[str],
        theme: Theme,
    ) -> None:
        self.map = map
        self.options = options
        self.theme = theme
        self.evaluation = evaluation
        self.critical = frozenset(critical)
        self.show_findings = findings is not None
        self.findings: dict[str, list[FindingLike]] = {}
        for finding in findings or ():
            self.findings.setdefault(finding.statement, []).append(finding)
        self.attacking = selection.against(map)
        self.confidence: Mapping[str, tuple[Level | None, Level | None]] | None = None

    # what a statement looks like

    def role(self, statement: Statement) -> Role:
        return Role.ATTACKING if statement.id in self.attacking else Role.SUPPORTING

    def style(self, statement: Statement) -> NodeStyle:
        if self.role(statement) is Role.ATTACKING:
            return self.theme.attacking[statement.kind]
        return self.theme.kinds[statement.kind]

    def status(self, statement: Statement) -> Status | None:
        """The statement's status when statuses are drawn and the theme marks it."""
        if self.evaluation is None:
            return None
        status = self.evaluation.status.get(statement.id)
        return status if status in self.theme.statuses else None

    def worst(self, statement: Statement) -> Severity | None:
        """The most severe unacknowledged finding on the statement: it colours the border."""
        severities = [
            finding.severity
            for finding in self.findings.get(statement.id, ())
            if finding.acknowledged is None
        ]
        return max(severities, default=None)

    def marks(self, statement: Statement) -> list[tuple[Marker, str]]:
        """The marks under the statement's text, each with its word: critical, findings, status."""
        theme = self.theme
        marks: list[tuple[Marker, str]] = []
        if statement.id in self.critical:
            marks.append((theme.critical, "critical"))
        for finding in self.findings.get(statement.id, ()):
            word = theme.code_words[finding.code]
            if finding.acknowledged is not None:
                marks.append((theme.acknowledged, f"{word} (acknowledged)"))
            else:
                marks.append((theme.findings[finding.severity], word))
        status = self.status(statement)
        if status is not None:
            marks.append((theme.statuses[status], self.status_word(statement, status)))
        return marks

    def status_word(self, statement: Statement, status: Status) -> str:
        """``grounded, earns likely (states certain)`` when earned levels are drawn."""
        word = self.theme.statuses[status].word
        if self.confidence is None:
            return word
        level, own = self.confidence.get(statement.id, (None, None))
        if level is not None:
            word += f", earns {level.term}"
        if own is not None:
            word += f" (states {own.term})"
        return word

    # nodes

    def label(self, statement: Statement, style: NodeStyle, hidden: int) -> str:
        """The statement's box: id and tag, text, hedge, locator, what is hidden, its marks."""
        small = self.theme.small_fontsize

        def line(text: str) -> str:
            return font(text, size=small, color=style.small_color)

        header = html(statement.id + (f" · {style.tag}" if style.tag else ""))
        rows = [line(header)]
        body = "<BR/>".join(html(part) for part in wrap(clip(statement.text), self.options.wrap))
        rows.append(f"<B>{body}</B>" if style.bold and body else body)
        if statement.hedge is not None:
            hedge = one_line(statement.hedge)
            words = f"hedged: “{clip(hedge, 80)}”" if statement.hedge else "hedged"
            rows.append(line(f"<I>{html(words)}</I>"))
        locator = self.map.locator(statement)
        if locator is not None:
            for part in wrap(f"¶ {clip(one_line(locator), 120)}", self.options.wrap + 8):
                rows.append(line(html(part)))
        if hidden:
            rows.append(line(html(f"▾ {hidden} more below, not shown")))
        for marker, word in self.marks(statement):
            color = style.small_color if style.fontcolor != "#000000" else marker.color
            rows.append(line(f"{font(html(marker.symbol), color=color)} {html(word)}"))
        return "<BR/>".join(rows)

    def tooltip(self, statement: Statement) -> str:
        """What hovering over the statement shows: all its text, how sure the author says he is,
        where it is from and whose it is, the mapper's note and tags, the findings (with the
        mapper's reason for each one acknowledged)."""
        parts = [statement.text]
        if statement.hedge is not None:
            hedge = one_line(statement.hedge)
            parts.append(f"(hedged: {hedge})" if statement.hedge else "(hedged)")
        if statement.certainty is not None:
            parts.append(f"(certainty: {one_line(statement.certainty)})")
        if statement.quote is not None:
            parts.append(f"“{statement.quote}”")
        locator = self.map.locator(statement)
        if locator is not None:
            parts.append(f"— {one_line(locator)}")
        if statement.by is not None:
            parts.append(f"By: {one_line(str(statement.by))}")
        if statement.grade is not None:
            parts.append(f"Grade: {statement.grade}")
        if statement.note is not None:
            parts.append(f"Note: {statement.note}")
        if statement.tags:
            parts.append(f"Tags: {', '.join(statement.tags)}")
        for finding in self.findings.get(statement.id, ()):
            line = f"{finding.code.value}: {finding.message}"
            if finding.acknowledged is not None:
                line += f" (acknowledged: {finding.acknowledged})"
            parts.append(line)
        return clip("\n".join(parts), TOOLTIP_CHARS)

    def node(self, statement: Statement, hidden: int) -> str:
        style = self.style(statement)
        color, penwidth = style.color, style.penwidth
        worst = self.worst(statement)
        if worst is not None:
            color = self.theme.findings[worst].color
            penwidth = max(penwidth, self.theme.finding_penwidth)
        pairs = [("id", quote(statement.id))]
        if statement.id in self.critical:
            pairs.append(("peripheries", "2"))
        pairs += [
            ("label", f"<{self.label(statement, style, hidden)}>"),
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
        pairs.append(("tooltip", tooltip(self.tooltip(statement))))
        return f"{quote(statement.id)} [{attributes(pairs)}];"

    # reasons and objections

    def applies(self, group: Group) -> bool | None:
        """Whether the reason or objection applies, when statuses are drawn."""
        return self.evaluation.applies.get(group.id) if self.evaluation is not None else None

    def edges(self, group: Group) -> Iterator[str]:
        theme = self.theme
        style = theme.edges[group.relation]
        inactive = self.applies(group) is False
        penwidth = theme.unanswered_penwidth if self.thick(group) else style.penwidth
        color = theme.assumed_color if group.assumed else style.color
        pairs = [
            ("style", "dashed" if group.assumed else style.style),
            ("color", quote(theme.inactive_color if inactive else color)),
            ("arrowhead", style.arrowhead),
            ("penwidth", f"{penwidth:g}"),
            ("tooltip", tooltip(clip(group.tooltip, TOOLTIP_CHARS))),
        ]
        if not group.junction:
            for premise in group.premises:
                head = f"{quote(premise)} -> {quote(group.target)}"
                yield f"{head} [id={quote(group.id)}, {attributes(pairs)}];"
            return
        link = theme.edges[Relation.LINK]
        for premise in group.premises:
            link_pairs = [
                ("id", quote(f"{group.id}:from:{premise}")),
                (
                    "style",
                    "dashed"
                    if group.assumed
                    else style.style
                    if group.relation is not Relation.SUPPORT
                    else link.style,
                ),
                ("color", quote(theme.inactive_color if inactive else color)),
                ("arrowhead", link.arrowhead),
                ("penwidth", f"{link.penwidth:g}"),
            ]
            yield f"{quote(premise)} -> {quote(group.id)} [{attributes(link_pairs)}];"
        head = f"{quote(group.id)} -> {quote(group.target)}"
        yield f"{head} [id={quote(f'{group.id}:to')}, {attributes(pairs)}];"

    def thick(self, group: Group) -> bool:
        """An objection nothing answers is drawn thick, when findings are drawn."""
        return group.unanswered and self.show_findings

    def junction(self, group: Group) -> str:
        color = self.theme.junction[group.relation]
        if self.applies(group) is False:
            color = self.theme.inactive_color
        pairs = [
            ("id", quote(group.id)),
            ("shape", "point"),
            ("width", "0.09"),
            ("color", quote(color)),
            ("tooltip", tooltip(clip(group.tooltip, TOOLTIP_CHARS))),
        ]
        return f"{quote(group.id)} [{attributes(pairs)}];"

    # the key

    def key(self, shown: Sequence[Statement], groups: Sequence[Group]) -> legend.Key:
        """What the drawing of ``shown`` and ``groups`` used, for the key to explain."""
        marked = [finding for statement in shown for finding in self.findings.get(statement.id, ())]
        statuses = {self.status(statement) for statement in shown}
        return legend.Key(
            kinds=frozenset((self.role(s), s.kind) for s in shown),
            relations=frozenset(
                {group.relation for group in groups if not group.assumed}
                | ({Relation.LINK} if any(group.junction for group in groups) else set())
            ),
            unanswered=frozenset(group.assumed for group in groups if self.thick(group)),
            assumed=frozenset(group.relation for group in groups if group.assumed),
            inactive=any(self.applies(group) is False for group in groups),
            findings=frozenset(f.severity for f in marked if f.acknowledged is None),
            acknowledged=any(f.acknowledged is not None for f in marked),
            statuses=frozenset(status for status in statuses if status is not None),
            critical=any(statement.id in self.critical for statement in shown),
        )


def to_dot(
    map: Map,
    options: DrawOptions = DrawOptions(),
    *,
    findings: Sequence[FindingLike] | None = None,
    evaluation: EvaluationLike | None = None,
    critical: Collection[str] = (),
    theme: Theme = DEFAULT_THEME,
    confidence: Mapping[str, tuple[Level | None, Level | None]] | None = None,
) -> str:
    """The map as DOT text: same map and arguments, same text, byte for byte.

    ``findings`` (from ``argmap check``) are marked on their statements, and objections nothing
    answers are drawn thick; ``None`` draws no findings. ``evaluation`` adds each statement's
    status and greys out reasons and objections that do not apply. ``critical`` statements get a
    double border. ``confidence`` (with ``evaluation``) adds to the status what each statement
    earns and the level it states, by id (:attr:`argmap.analysis.Report.earned` and
    :func:`argmap.analysis.stated`). Of ``options``, the drawing takes the direction, focus,
    depth, wrap, key and layout; :func:`argmap.render.draw` works out the findings, statuses and
    critical statements it asks for.
    """
    drawing = _Drawing(
        map, options, findings=findings, evaluation=evaluation, critical=critical, theme=theme
    )
    drawing.confidence = confidence
    shown = selection.shown(map, options.focus, options.depth)
    note = None
    if layout.folds(len(shown), options.layout):
        shown, note = layout.overview(
            map, shown, select(map, options.focus, options.depth), options
        )
    groups, hidden = selection.drawn_groups(map, shown)
    manner = layout.manner(len(shown), options.layout)
    rough = manner is Layout.ROUGH  # no section boxes, the pieces stacked (argmap.dot.stack)
    home = {} if rough else selection.homes(map, shown, groups)
    nodes = [(s.id, drawing.node(s, hidden.get(s.id, 0))) for s in shown]
    nodes += [(group.id, drawing.junction(group)) for group in groups if group.junction]
    members: dict[str | None, list[str]] = {}
    for name, line in nodes:
        members.setdefault(home.get(name), []).append(line)
    stacking: list[str] = []
    if rough:
        members[None], stacking = stack.arranged(nodes, groups)
        note = f"{note}. {layout.ROUGH_WORDS}" if note else layout.ROUGH_WORDS
    lines = frame.header(map, options.direction, theme, graph=layout.EFFORT[manner], note=note)
    lines += frame.sections(map, members, options.direction, theme)
    lines += [f"  {member}" for member in members.get(None, ())]
    lines += [f"  {line}" for group in groups for line in drawing.edges(group)]
    lines += [f"  {line}" for line in stacking]
    table = legend.table(drawing.key(shown, groups), theme) if options.legend else None
    if table is not None:
        lines += frame.key(table, options.direction, theme)
    lines.append("}")
    return "\n".join(lines) + "\n"
