"""The commands that start a map and help editors: ``new``, ``schema``, ``lsp``."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import main


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


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default).")
def lsp_command(stdio: bool) -> None:
    """Run the language server for editors, over standard input and output.

    Needs the optional dependencies: pip install 'argmap[lsp]'.
    """
    from argmap.errors import ArgmapError

    try:
        from argmap.lsp.features import serve
    except ImportError as error:
        raise ArgmapError(
            f"argmap lsp needs pygls and lsprotocol ({error.name} is missing): "
            "pip install 'argmap[lsp]'"
        ) from None
    serve()


def starter_map() -> str:
    """The text of the starter map that `argmap new` writes."""
    from importlib.resources import files

    return files("argmap").joinpath("starter.argmap.yaml").read_text(encoding="utf-8")
