"""Drawing maps to files: the one module that runs Graphviz and writes pictures.

:func:`draw` gathers what the picture shows (findings, statuses, critical statements) and returns
DOT text; :func:`render` runs a Graphviz layout program on it and writes the file whole or not at
all; :func:`diagram` gives a ``graphviz.Source`` that displays inline in a Jupyter notebook.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.dot import to_dot
from argmap.errors import ExecutableNotFound, RenderError
from argmap.files import write_atomic
from argmap.model import Map
from argmap.options import (
    DEFAULT_WRAP,
    DIRECTIONS,
    ENGINES,
    PICTURE_FORMATS,
    Direction,
    Layout,
    PictureFormat,
)
from argmap.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    import graphviz

Format = PictureFormat
FORMATS = PICTURE_FORMATS

LAYOUT_SECONDS = 300.0
"""How long a Graphviz layout may take before it is stopped; huge tangled maps can take hours."""

INSTALL_HINT = "install Graphviz: apt-get install graphviz, or brew install graphviz"

_MAP_SUFFIXES = (".argmap.yaml", ".argmap.yml", ".argmap.json", ".yaml", ".yml", ".json")


def format_for(path: Path) -> Format:
    """The output format a file name asks for, by its suffix.

    Raises :class:`RenderError` for a suffix that names no format argmap writes.
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "gv":
        return "dot"
    for known in FORMATS:
        if suffix == known:
            return known
    choices = "|".join(FORMATS)
    raise RenderError(
        f"{path}: cannot tell the format from the suffix {path.suffix or '(none)'!r}; "
        f"use -f {choices}"
    )


def default_output(map_path: Path, fmt: Format) -> Path:
    """Where a picture of ``map_path`` goes by default: beside the map, ``name.argmap.yaml`` →
    ``name.svg``."""
    name = map_path.name
    for suffix in _MAP_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return map_path.with_name(f"{name}.{fmt}")


def _suffix_format(path: Path) -> Format | None:
    """The format a file name's suffix names, or ``None`` when it names none (``out.img``)."""
    try:
        return format_for(path)
    except RenderError:
        return None


def resolve_output(
    map_path: Path, output: Path | None, fmt: str | None
) -> tuple[Path | None, Format]:
    """Where ``argmap render`` writes (``None``: standard output, for ``-o -``) and in what format.

    The format is ``fmt`` when given, else told by the output's suffix, else SVG; the default output
    is beside the map. A ``fmt`` that contradicts the suffix (``-o y.svg -f png``) is an error, not
    a PNG named ``.svg``; a suffix that names no format (``out.img``) takes any ``fmt``.
    """
    to_stdout = output is not None and str(output) == "-"
    if fmt is not None:
        chosen = _format(fmt)
        named = _suffix_format(output) if output is not None and not to_stdout else None
        if named is not None and named != chosen:
            raise RenderError(
                f"{output}: the suffix says {named} but -f says {chosen}; "
                f"name the file .{chosen} or drop -f"
            )
    elif output is not None and not to_stdout:
        chosen = format_for(output)
    else:
        chosen = "svg"
    if to_stdout:
        return None, chosen
    target = output or default_output(map_path, chosen)
    if target.resolve() == map_path.resolve():
        raise RenderError(f"{target}: this is the map itself; choose another output file")
    return target, chosen


def _format(value: str) -> Format:
    for known in FORMATS:
        if value == known:
            return known
    raise RenderError(f"unknown format {value!r}; choose one of {', '.join(FORMATS)}")


def _direction(value: str) -> Direction:
    for known in DIRECTIONS:
        if value == known:
            return known
    raise RenderError(f"unknown direction {value!r}; choose one of {', '.join(DIRECTIONS)}")


def _layout(value: Layout | str) -> Layout:
    try:
        return Layout(value)
    except ValueError:
        choices = ", ".join(choice.value for choice in Layout)
        raise RenderError(f"unknown layout {value!r}; choose one of {choices}") from None


def draw(
    map: Map,
    *,
    findings: bool = True,
    status: bool = False,
    critical: bool = False,
    direction: str = "TB",
    focus: str | None = None,
    depth: int | None = None,
    wrap: int = DEFAULT_WRAP,
    legend: bool = True,
    theme: Theme = DEFAULT_THEME,
    layout: Layout | str = Layout.AUTO,
) -> str:
    """DOT text of the map as ``argmap render`` draws it, with the analyses the options ask for.

    ``findings`` runs ``argmap check`` and marks what it finds; ``status`` shows each statement's
    evaluation status; ``critical`` marks the single points of failure of the theses; ``layout``
    (``auto``, ``exact``, ``fast``, ``overview``: :mod:`argmap.layout`) how much of a large map to
    draw and how hard Graphviz searches.
    """
    report = None
    if findings or status or critical:
        from argmap.analysis import check

        report = check(map)
    marked: Collection[str] = ()
    if critical and report is not None:
        from argmap.explore import critical as single_points_of_failure

        marked = tuple(c.statement for c in single_points_of_failure(map, report.evaluation))
    return to_dot(
        map,
        findings=report.findings if report is not None and findings else None,
        evaluation=report.evaluation if report is not None and status else None,
        critical=marked,
        direction=_direction(direction),
        focus=focus,
        depth=depth,
        wrap=wrap,
        legend=legend,
        theme=theme,
        layout=_layout(layout),
    )


def picture(dot_source: str, fmt: Format, engine: str = "dot") -> bytes:
    """The picture Graphviz's ``engine`` makes of ``dot_source`` in ``fmt`` (``dot``: the text).

    Raises :class:`ExecutableNotFound` when the program is not installed and :class:`RenderError`
    when it fails.
    """
    if fmt == "dot":
        return dot_source.encode("utf-8")
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}; choose one of {', '.join(ENGINES)}")
    program = shutil.which(engine)
    if program is None:
        raise ExecutableNotFound(f"Graphviz's {engine!r} program was not found; {INSTALL_HINT}")
    try:
        done = subprocess.run(
            [program, f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=LAYOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz {engine} took more than {LAYOUT_SECONDS:g} s; draw an overview with "
            "--layout overview, or part of the map with --focus and --depth"
        ) from None
    except OSError as error:
        raise RenderError(f"cannot run {program}: {error.strerror or error}") from None
    if done.returncode != 0 or not done.stdout:
        errors = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = errors[0] if errors else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz {engine} failed: {first}")
    return _unique_ids(done.stdout) if fmt == "svg" else done.stdout


# Graphviz wraps an element with a tooltip in a group whose id is "a_" and the element's id: the
# group of statement 'x' is named like statement 'a_x' would be. Nothing refers to these groups.
_ANCHOR_ID = re.compile(rb'<g id="a_[^"]*">(?=<a\b)')


def _unique_ids(svg: bytes) -> bytes:
    """The SVG without the ids Graphviz gives the links around elements, which can repeat a map
    id; each statement, reason and box keeps its own."""
    return _ANCHOR_ID.sub(b"<g>", svg)


def render(dot_source: str, out_path: Path, fmt: Format, engine: str = "dot") -> Path:
    """Write ``dot_source`` to ``out_path`` as ``fmt`` (``dot`` writes the text itself).

    The file is written whole or not at all: when Graphviz fails, an earlier file stays in place.
    """
    write_atomic(out_path, picture(dot_source, fmt, engine))
    return out_path


def diagram(map: Map, *, engine: str = "dot", **options: Any) -> graphviz.Source:
    """The picture of the map as a ``graphviz.Source``: it shows inline in a Jupyter notebook.

    Takes the options of :func:`draw`; ``argmap.diagram(m).render("out", format="png")`` writes a
    file with the graphviz package's own machinery, which keeps the ``a_`` ids Graphviz gives the
    links around elements (:func:`picture` leaves them out, as they can repeat a map id).
    """
    import graphviz

    return graphviz.Source(draw(map, **options), engine=engine)
