"""The commands that show a map in the terminal: ``tree``, ``stats``, ``whatif``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli import EXIT_BAD_INPUT, MAP_PATH, main, map_inputs, use_colour
from argmap.options import StatsFormat


def _ids(values: tuple[str, ...]) -> list[str]:
    """Statement ids from a repeatable option, each value possibly comma-separated."""
    return [part for value in values for part in value.replace(",", " ").split()]


@main.command("tree")
@map_inputs
@click.argument("map_path", metavar="MAP", type=MAP_PATH)
@click.option("--focus", metavar="ID", help="Show only this statement and what is below it.")
@click.option(
    "--depth", type=click.IntRange(min=0), metavar="N", help="At most N statements below each root."
)
@click.option("--critical", is_flag=True, help="Mark the single points of failure.")
@click.option(
    "--width",
    type=click.IntRange(min=0),
    metavar="N",
    help="Wrap at N columns, 0 never. Default: the terminal's width, or 80 when piped.",
)
def tree_command(
    map_path: Path,
    focus: str | None,
    depth: int | None,
    critical: bool,
    width: int | None,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Print MAP as an indented outline: theses, reasons, objections, evidence, with statuses."""
    import shutil

    from argmap import explore
    from argmap.load import load_map
    from argmap.text.tree import format_tree

    argmap = load_map(map_path, form=from_format, leaves=leaves)
    outline = explore.outline(argmap, focus=focus, depth=depth, with_critical=critical)
    if width is None:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 80
    click.echo(format_tree(outline, width, use_colour()), nl=False)


@main.command("stats")
@map_inputs
@click.argument("maps", metavar="MAP...", nargs=-1, required=True, type=MAP_PATH)
@click.option(
    "--format",
    "form",
    type=click.Choice([f.value for f in StatsFormat]),
    default=StatsFormat.TEXT.value,
    show_default=True,
    help="Text for people, or sorted JSON for tools.",
)
def stats_command(
    maps: tuple[Path, ...], form: str, from_format: str | None, leaves: str | None
) -> None:
    """Figures of each MAP: statements, reasons, objections, depth, grounding, findings."""
    from argmap import explore
    from argmap.errors import MapError
    from argmap.load import load_map
    from argmap.text import answers

    results, unreadable = [], []
    for path in maps:  # every readable map gets its figures, as with check
        try:
            results.append(
                (str(path), explore.stats(load_map(path, form=from_format, leaves=leaves)))
            )
        except MapError as error:
            unreadable.append(str(error))
    if results:
        click.echo(answers.format_stats_as(results, StatsFormat(form)), nl=False)
    for problems in unreadable:
        click.echo(problems, err=True)
    if unreadable:
        click.get_current_context().exit(EXIT_BAD_INPUT)


IDS = "ID[,ID...]"
"""How --reject and --accept show that they take ids joined by commas, or repeated."""


# Extra arguments are allowed so that `--reject a b` is answered with the forms that work.
@main.command("whatif", context_settings={"allow_extra_args": True})
@map_inputs
@click.argument("map_path", metavar="MAP", type=MAP_PATH)
@click.option("--reject", multiple=True, metavar=IDS, help="Treat as false (or repeat it).")
@click.option("--accept", multiple=True, metavar=IDS, help="Treat as given (or repeat it).")
@click.option(
    "--author-only",
    is_flag=True,
    help="Take away the mapper's reading: every assumption and assumed link.",
)
@click.option("--critical", is_flag=True, help="List the single points of failure instead.")
@click.pass_context
def whatif_command(
    ctx: click.Context,
    map_path: Path,
    reject: tuple[str, ...],
    accept: tuple[str, ...],
    author_only: bool,
    critical: bool,
    from_format: str | None,
    leaves: str | None,
) -> None:
    """Evaluate MAP again with statements rejected or granted, and show every status that changes,
    theses first; or, with --critical, the statements whose rejection alone leaves a thesis without
    ground. Exit 0 when the question is answered, whatever the answer; 2 when it cannot be."""
    from argmap import explore
    from argmap.analysis import evaluate
    from argmap.load import load_map
    from argmap.text import answers

    if ctx.args:
        raise click.UsageError(
            f"unexpected {' '.join(ctx.args)!r}: --reject and --accept take ids joined by commas "
            "(--reject a,b) or the option again (--reject a --reject b), and one MAP"
        )
    if critical == bool(reject or accept or author_only):
        raise click.UsageError("give --reject/--accept or --author-only, or --critical")
    if (reject or accept) and not _ids(reject) + _ids(accept):
        raise click.UsageError("--reject/--accept name no statement")
    argmap = load_map(map_path, form=from_format, leaves=leaves)
    if critical:
        evaluation = evaluate(argmap)
        found = explore.critical(argmap, evaluation)
        click.echo(answers.format_critical(argmap, found, evaluation), nl=False)
    else:
        result = explore.whatif(
            argmap, reject=_ids(reject), accept=_ids(accept), author_only=author_only
        )
        click.echo(answers.format_whatif(result), nl=False)
