"""The ``argmap`` command: thin click wrappers around the library. Exit codes: 0 clean, 1 findings,
2 unreadable or malformed input or a usage error."""

from __future__ import annotations

import os
import sys
from importlib.metadata import version
from pathlib import Path

import click

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def use_colour(stream: object = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ArgmapGroup(click.Group):
    """Turns argmap's own errors into one-line messages and exit code 2; anything else is a bug."""

    def invoke(self, ctx: click.Context) -> object:
        from argmap.errors import ArgmapError

        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            click.echo(str(error), err=True)
            ctx.exit(error.exit_code)


@click.group(cls=ArgmapGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("argmap"), prog_name="argmap")
def main() -> None:
    """Check and draw argument maps: which claims are supported, and where support runs out."""


MAP_PATH = click.Path(exists=True, dir_okay=False, path_type=Path)

# --- check ---------------------------------------------------------------------------------------

# --- new, schema ---------------------------------------------------------------------------------


@main.command()
@click.argument(
    "path", type=click.Path(dir_okay=False, path_type=Path), default="argument.argmap.yaml"
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
def new(path: Path, force: bool) -> None:
    """Write a commented starter map to PATH (default: argument.argmap.yaml)."""
    from argmap.files import write_new

    write_new(path, starter_map(), replace=force)
    click.echo(f"wrote {path}: edit it, then run `argmap check {path}`")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the map format, for editors."""
    from argmap.schema import schema_json

    click.echo(schema_json(), nl=False)


def starter_map() -> str:
    """The text of the starter map that `argmap new` writes."""
    from importlib.resources import files

    return files("argmap").joinpath("starter.argmap.yaml").read_text(encoding="utf-8")


# --- render --------------------------------------------------------------------------------------

# --- tree, stats, whatif -------------------------------------------------------------------------
