"""The ``render`` command: draw a map with Graphviz."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import MAP_PATH, direction_option, main, map_inputs
from argmap.options import (
    DEFAULT_WRAP,
    ENGINES,
    PICTURE_FORMATS,
    Direction,
    Layout,
    PictureFormat,
)

# The render command's choices are the library's own constants, imported here beside their use.


@main.command("render")
@map_inputs
@click.argument("map_path", metavar="MAP", type=MAP_PATH)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="Output file; - for standard output. Default: beside MAP, as NAME.svg.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(PICTURE_FORMATS),
    help="Output format. Default: from OUTPUT's suffix, else svg.",
)
@direction_option
@click.option("--focus", metavar="ID", help="Draw only what supports or attacks this statement.")
@click.option(
    "--depth",
    metavar="N",
    type=click.IntRange(min=0),
    help="At most N steps below the focus (or the theses).",
)
@click.option(
    "--wrap",
    metavar="N",
    type=click.IntRange(min=8),
    default=DEFAULT_WRAP,
    show_default=True,
    help="Label width in characters.",
)
@click.option("--legend/--no-legend", default=True, help="Draw the key (default: yes).")
@click.option(
    "--findings/--no-findings", default=True, help="Mark what check finds (default: yes)."
)
@click.option("--status", is_flag=True, help="Show each statement's evaluation status.")
@click.option("--critical", is_flag=True, help="Mark the single points of failure.")
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="dot",
    show_default=True,
    help="Graphviz layout program.",
)
@click.option(
    "--layout",
    type=click.Choice([choice.value for choice in Layout]),
    default=Layout.AUTO.value,
    show_default=True,
    help="exact, fast or rough layout, or an overview of the top levels; auto: by size.",
)
def render_command(
    map_path: Path,
    output: Path | None,
    fmt: PictureFormat | None,
    direction: Direction,
    focus: str | None,
    depth: int | None,
    wrap: int,
    legend: bool,
    findings: bool,
    status: bool,
    critical: bool,
    engine: str,
    layout: str,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Draw MAP with Graphviz: svg, png, pdf, or the DOT text."""
    from argmap.dot import DrawOptions
    from argmap.load import load_map
    from argmap.render import draw, picture, resolve_output
    from argmap.render import render as write_picture

    target, chosen = resolve_output(map_path, output, fmt)
    options = DrawOptions(
        findings=findings,
        status=status,
        critical=critical,
        direction=direction,
        focus=focus,
        depth=depth,
        wrap=wrap,
        legend=legend,
        layout=layout,
    )
    source = draw(load_map(map_path, form=from_format, leaves=leaves), options)
    name = str(map_path)
    if target is None:
        click.echo(picture(source, chosen, engine, name=name), nl=False)
    else:
        click.echo(f"wrote {write_picture(source, target, chosen, engine, name=name)}", err=True)
