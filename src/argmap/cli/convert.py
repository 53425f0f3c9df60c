"""The ``convert`` command: write a map in another format."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import MAP_FORMATS, MAP_PATH, main, map_inputs


@main.command("convert")
@map_inputs
@click.argument("source", metavar="IN", type=MAP_PATH)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="The file to write; - for standard output.",
)
@click.option(
    "--to",
    "to_format",
    type=click.Choice(MAP_FORMATS),
    help="Format to write. Default: from OUTPUT's suffix (.argmap.yaml, .argdown, .json).",
)
def convert(
    source: Path,
    output: Path,
    to_format: str | None,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Write the map IN in another format: argmap YAML, Argdown or AIF JSON.

    The file is written whole or not at all; exit 2 when IN cannot be read."""
    from argmap import formats
    from argmap.files import write_atomic
    from argmap.load import load_map

    to_stdout = str(output) == "-"
    chosen = formats.Format(to_format) if to_format else None
    if chosen is None and not to_stdout:
        chosen = formats.output_format(str(output))
    if chosen is None:
        raise click.UsageError(f"say which format to write with --to ({', '.join(MAP_FORMATS)})")
    text = formats.write(load_map(source, form=from_format, leaves=leaves), chosen)
    if to_stdout:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
