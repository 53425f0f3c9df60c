"""The shareable HTML report of a map (``argmap report``) and its live preview (``argmap serve``).

:func:`report` gives the page as text: one self-contained file, its style and script inline, a
Content-Security-Policy that allows nothing else, every text escaped, the same bytes for the same
map. :func:`write_report` is what the command does: read, build, write whole or not at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.dot import DrawOptions, to_dot
from argmap.files import OutputError, write_atomic
from argmap.html.facts import Facts, gather
from argmap.html.page import Live, page
from argmap.html.svg import embeddable
from argmap.model import Map
from argmap.options import Direction
from argmap.render import picture

__all__ = ["Facts", "Live", "default_output", "diagram_svg", "report", "write_report"]


def default_output(map_path: Path) -> Path:
    """Where ``argmap report`` writes by default: beside the map, ``name.argmap.yaml`` →
    ``name.html``."""
    from argmap.render import default_output as picture_path

    return picture_path(map_path, "svg").with_suffix(".html")


def diagram_svg(facts: Facts, *, direction: Direction = "TB", engine: str = "dot") -> str:
    """The diagram as ``argmap render --status --critical`` draws it (findings marked, quotes
    checked against the source when there is one), made safe to embed."""
    dot = to_dot(
        facts.map,
        DrawOptions(status=True, critical=True, direction=direction),
        findings=facts.report.findings,
        evaluation=facts.report.evaluation,
        critical=tuple(facts.critical),
    )
    return embeddable(picture(dot, "svg", engine), facts.numbers)


def report(
    map: Map,
    source: str | None = None,
    *,
    direction: Direction = "TB",
    engine: str = "dot",
    live: Live | None = None,
) -> str:
    """The report of ``map`` as one HTML page; ``source`` is the text the quotes come from."""
    facts = gather(map, source)
    return page(facts, diagram_svg(facts, direction=direction, engine=engine), live=live)


def write_report(
    map_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    source_path: str | os.PathLike[str] | None = None,
    direction: Direction = "TB",
    form: str | None = None,
    leaves: str | None = None,
) -> Path:
    """Read the map (and the source), and write its report to ``output``, whole or not at all;
    ``form`` and ``leaves`` are :func:`argmap.load_map`'s."""
    from argmap.load import load_map, read_source

    target = Path(output)
    for given, what in ((map_path, "the map"), (source_path, "the source")):
        if given is not None and target.resolve() == Path(given).resolve():
            raise OutputError(f"{target}: this is {what} itself; choose another output file")
    argmap = load_map(map_path, form=form, leaves=leaves)
    source = read_source(source_path) if source_path is not None else None
    write_atomic(target, report(argmap, source, direction=direction))
    return target
