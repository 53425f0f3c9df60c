"""The commands that share a map as HTML: ``report`` and ``serve``."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import MAP_PATH, direction_option, main, map_inputs
from argmap.options import DIRECTIONS, Direction

SOURCE_PATH = click.Path(exists=True, dir_okay=False, path_type=Path)


@main.command("report")
@click.argument("map_path", metavar="MAP", type=MAP_PATH)
@click.option(
    "--source", type=SOURCE_PATH, help="Plain text of the source: quotes are marked in it."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write. Default: beside MAP, as NAME.html.",
)
@direction_option
@map_inputs
def report_command(
    map_path: Path,
    source: Path | None,
    output: Path | None,
    direction: str,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Write one self-contained HTML page of MAP to share: verdicts, diagram, findings, the
    source with its quotes marked, and each statement's details. Exit 0 when written, 2 when not."""
    from argmap.html import default_output, write_report

    target = output or default_output(map_path)
    written = write_report(
        map_path,
        target,
        source_path=source,
        direction=_direction(direction),
        form=from_format,
        leaves=leaves,
    )
    click.echo(f"wrote {written}", err=True)


@main.command("serve")
@click.argument("map_path", metavar="MAP", type=MAP_PATH)
@click.option(
    "--source", type=SOURCE_PATH, help="Plain text of the source: quotes are marked in it."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    metavar="N",
    default=8765,
    show_default=True,
    help="0: any free port.",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to listen on; keep it local."
)
@direction_option
@map_inputs
def serve_command(
    map_path: Path,
    source: Path | None,
    port: int,
    host: str,
    direction: str,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Serve MAP's report at http://127.0.0.1:PORT/ and update the open page on each save of MAP
    (or of the source). A broken map keeps the last good report, with its problems above it.
    Ctrl-C stops. Exit 0 when stopped, 2 when it cannot start (a port in use)."""
    from argmap.html.serve import serve

    serve(
        map_path,
        source,
        host=host,
        port=port,
        direction=_direction(direction),
        form=from_format,
        leaves=leaves,
    )


def _direction(value: str) -> Direction:
    """The --direction choice, as the type the library takes (click has checked it)."""
    return next(d for d in DIRECTIONS if d == value)
