"""Drawing maps to files: the one module that runs Graphviz and writes pictures.

:func:`draw` gathers what the picture shows (findings, statuses, critical statements) and returns
DOT text; :func:`render` runs a Graphviz layout program on it and writes the file whole or not at
all; :func:`diagram` gives a ``graphviz.Source`` that displays inline in a Jupyter notebook.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from argmap.dot import DrawOptions, to_dot
from argmap.dot.quoting import clip
from argmap.dot.theme import DEFAULT_THEME, Theme
from argmap.errors import ExecutableNotFound, RenderError
from argmap.files import write_atomic
from argmap.formats import MAP_SUFFIXES
from argmap.model import Level, Map
from argmap.options import ENGINES, PICTURE_FORMATS, PictureFormat

if TYPE_CHECKING:
    import graphviz

    from argmap.analysis import Report

Format = PictureFormat
FORMATS = PICTURE_FORMATS

LAYOUT_SECONDS = 300.0
"""How long a Graphviz layout may take before it is stopped; huge tangled maps can take hours."""

INSTALL_HINT = "install Graphviz: apt-get install graphviz, or brew install graphviz"


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
    """Where a picture of ``map_path`` goes by default: beside the map, without the suffix of its
    format (``name.argmap.yaml``, ``name.argdown``, ``name.json`` → ``name.svg``)."""
    name = map_path.name
    for suffix in MAP_SUFFIXES:
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
    map_path: Path, output: Path | None, fmt: Format | None
) -> tuple[Path | None, Format]:
    """Where ``argmap render`` writes (``None``: standard output, for ``-o -``) and in what format.

    The format is ``fmt`` when given, else told by the output's suffix, else SVG; the default output
    is beside the map. A ``fmt`` that contradicts the suffix (``-o y.svg -f png``) is an error, not
    a PNG named ``.svg``; a suffix that names no format (``out.img``) takes any ``fmt``.
    """
    to_stdout = output is not None and str(output) == "-"
    if fmt is not None:
        chosen = fmt
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


def draw(
    map: Map,
    options: DrawOptions | None = None,
    *,
    theme: Theme = DEFAULT_THEME,
    **fields: Any,
) -> str:
    """DOT text of the map as ``argmap render`` draws it, with the analyses the options ask for.

    ``options`` (or its fields given by name: ``draw(m, status=True)``) say what to show:
    ``findings`` runs ``argmap check`` and marks what it finds; ``status`` shows each statement's
    evaluation status; ``critical`` marks the single points of failure of the theses; ``layout``
    (``auto``, ``exact``, ``fast``, ``rough``, ``overview``: :mod:`argmap.layout`) how much of a
    large map to draw and how hard Graphviz searches.
    """
    options = attrs.evolve(options or DrawOptions(), **fields)
    report = None
    if options.findings or options.status or options.critical:
        from argmap.analysis import check

        report = check(map)
    marked: Collection[str] = ()
    if options.critical and report is not None:
        from argmap.explore import critical as single_points_of_failure

        marked = tuple(c.statement for c in single_points_of_failure(map, report.evaluation))
    return to_dot(
        map,
        options,
        findings=report.findings if report is not None and options.findings else None,
        evaluation=report.evaluation if report is not None and options.status else None,
        critical=marked,
        theme=theme,
        confidence=_confidence(map, report) if report is not None and options.status else None,
    )


def _confidence(map: Map, report: Report) -> dict[str, tuple[Level | None, Level | None]]:
    """What each statement earns and states, as the status marks show it."""
    from argmap.analysis import stated

    return {s.id: (report.earned[s.id], stated(s)) for s in map.statements.values()}


def picture(dot_source: str, fmt: Format, engine: str = "dot", *, name: str | None = None) -> bytes:
    """The picture Graphviz's ``engine`` makes of ``dot_source`` in ``fmt`` (``dot``: the text).

    Raises :class:`ExecutableNotFound` when the program is not installed and :class:`RenderError`
    when it fails, in one line that starts with ``name`` (the map's file) when given.
    """
    where = f"{name}: " if name is not None else ""
    if fmt == "dot":
        return dot_source.encode("utf-8")
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}; choose one of {', '.join(ENGINES)}")
    try:
        # The program is found on PATH as the shell finds it, by the exec that runs it: looking
        # it up beforehand would cost shutil's import (a few milliseconds of a small picture).
        done = subprocess.run(
            [engine, f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=LAYOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"{where}Graphviz {engine} took more than {LAYOUT_SECONDS:g} s; draw an overview "
            "with --layout overview, or part of the map with --focus and --depth"
        ) from None
    except OSError as error:
        import shutil

        program = shutil.which(engine)
        if program is None:
            raise ExecutableNotFound(
                f"Graphviz's {engine!r} program was not found; {INSTALL_HINT}"
            ) from None
        raise RenderError(f"cannot run {program}: {error.strerror or error}") from None
    if done.returncode != 0 or not done.stdout:
        errors = done.stderr.decode("utf-8", "replace").split()
        said = " ".join(errors) or f"exit status {done.returncode}"
        raise RenderError(f"{where}Graphviz {engine} failed to draw the map: {clip(said, 300)}")
    return _safe_svg(done.stdout) if fmt == "svg" else done.stdout


# Graphviz wraps an element with a tooltip in a group whose id is "a_" and the element's id: the
# group of statement 'x' is named like statement 'a_x' would be. Nothing refers to these groups.
_ANCHOR_ID = re.compile(rb'<g id="a_[^"]*">(?=<a\b)')


# Graphviz 2.43 writes a link's address as it is, so an '&' in it would leave the SVG not
# well-formed; later versions escape it themselves. The address comes from links.web_link, which
# writes no quote and no '&' that reads as an entity.
_HREF = re.compile(rb'(?<= xlink:href=")[^"]*')
_BARE_AMPERSAND = re.compile(rb"&(?!amp;)")


def _safe_svg(svg: bytes) -> bytes:
    """The SVG with every link's ``&`` escaped, and without the ids Graphviz gives the links
    around elements, which can repeat a map id; each statement, reason and box keeps its own."""
    svg = _HREF.sub(lambda href: _BARE_AMPERSAND.sub(b"&amp;", href.group()), svg)
    return _ANCHOR_ID.sub(b"<g>", svg)


def render(
    dot_source: str, out_path: Path, fmt: Format, engine: str = "dot", *, name: str | None = None
) -> Path:
    """Write ``dot_source`` to ``out_path`` as ``fmt`` (``dot`` writes the text itself).

    The file is written whole or not at all: when Graphviz fails, an earlier file stays in place.
    """
    write_atomic(out_path, picture(dot_source, fmt, engine, name=name))
    return out_path


def diagram(
    map: Map, options: DrawOptions | None = None, *, engine: str = "dot", **fields: Any
) -> graphviz.Source:
    """The picture of the map as a ``graphviz.Source``: it shows inline in a Jupyter notebook,
    drawn as ``argmap render`` draws it (:func:`picture`).

    Takes the options of :func:`draw`; ``argmap.diagram(m).render("out", format="png")`` writes a
    file with the graphviz package's own machinery, which keeps the ``a_`` ids Graphviz gives the
    links around elements (:func:`picture` leaves them out, as they can repeat a map id).
    """
    from argmap.notebook import Diagram

    return Diagram(draw(map, options, **fields), engine=engine)
