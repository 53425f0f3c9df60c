"""The ``check`` command: label each map and report what leaves a conclusion ungrounded."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import MAP_PATH, main, map_inputs, use_colour
from argmap.options import CheckFormat
from argmap.status import Severity


@main.command()
@map_inputs
@click.argument("maps", nargs=-1, required=True, type=MAP_PATH)
@click.option(
    "--format",
    "form",
    type=click.Choice([f.value for f in CheckFormat]),
    default=CheckFormat.HUMAN.value,
    help="Text for people (default), JSON for tools, or GitHub annotations.",
)
@click.option("--select", multiple=True, metavar="CODES", help="Report only these codes.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Do not report these codes.")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=Severity.WARNING.value,
    show_default=True,
    help="Exit 1 when a finding at or above this severity is not acknowledged.",
)
@click.option(
    "--source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Plain text of the source: every quote must occur in it.",
)
def check(
    maps: tuple[Path, ...],
    form: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    source: Path | None,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Label every statement of each MAP and report what leaves a conclusion ungrounded.

    Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 when a map cannot be read.
    """
    from argmap.load import read_source
    from argmap.text import report

    try:
        chosen = report.parse_codes(select) if select else None
        ignored = report.parse_codes(ignore)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--select/--ignore") from None
    if chosen is not None and not chosen:
        raise click.BadParameter("names no finding code", param_hint="--select")
    text = read_source(source) if source else None
    checked = report.check_files(
        maps, source=text, select=chosen, ignore=ignored, form=from_format, leaves=leaves
    )
    severity, chosen_format = Severity(fail_on), CheckFormat(form)
    colour = use_colour() and chosen_format is CheckFormat.HUMAN
    root = report.workspace() if chosen_format is CheckFormat.GITHUB else None
    output = report.format_checked(chosen_format, checked, severity, colour=colour, root=root)
    click.echo(output, nl=False, color=colour)
    click.get_current_context().exit(report.exit_code(checked, severity))
