"""The ``argmap`` command: thin click wrappers around the library. Exit codes: 0 clean, 1 findings,
2 unreadable or malformed input or a usage error."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from argmap import __version__
from argmap.options import (
    DEFAULT_WRAP,
    DIRECTIONS,
    ENGINES,
    PICTURE_FORMATS,
    CheckFormat,
    Direction,
    Layout,
    PictureFormat,
    StatsFormat,
)
from argmap.status import Severity

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


_OUTPUT_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


class ArgmapGroup(click.Group):
    """Turns argmap's own errors into one-line messages and exit code 2; anything else is a bug."""

    def invoke(self, ctx: click.Context) -> object:
        from argmap.errors import ArgmapError

        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            click.echo(str(error), err=True)
            ctx.exit(error.exit_code)
        except OSError as error:
            if error.errno not in _OUTPUT_FULL:
                raise
            # Standard output cannot take more (a full disk, /dev/full): say so once, and keep
            # the interpreter from failing again when it flushes at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            click.echo(f"argmap: cannot write the output: {error.strerror}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


# The version as the build wrote it: package_name= would load importlib.metadata (about 35 ms).
@click.group(cls=ArgmapGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Check and draw argument maps: which claims are supported, and where support runs out."""


# The loader says what is wrong with a path (missing, a directory, too large), in the same words
# for every command, check included.
MAP_PATH = click.Path(path_type=Path)

# --- reading other formats: --from and --leaves on every command that reads maps ----------------

MAP_FORMATS = ("argmap", "argdown", "aif")
"""The values of argmap.formats.Format, spelt out so that starting the command imports nothing."""
LEAVES = ("claim", "evidence")
"""The values of argmap.formats.Leaves."""


def _reading(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Makes --from / --leaves the readers' defaults while the command runs, and prints the
    readers' one-line notices (what they left out) on standard error."""
    import logging

    from argmap import formats

    class Notices(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(self.format(record), err=True)

    if not formats.logger.handlers:
        formats.logger.addHandler(Notices())
        formats.logger.setLevel(logging.INFO)
        formats.logger.propagate = False
    if value is not None:
        form, leaves = (value, None) if param.name == "from_format" else (None, value)
        ctx.with_resource(formats.reading(form, leaves))


def map_inputs(command: Callable[..., None]) -> Callable[..., None]:
    """Adds --from and --leaves to a command that reads maps."""
    command = click.option(
        "--leaves",
        type=click.Choice(LEAVES),
        expose_value=False,
        callback=_reading,
        help="Argdown and AIF: untagged statements without reasons are claims (default), "
        "or evidence.",
    )(command)
    return click.option(
        "--from",
        "from_format",
        type=click.Choice(MAP_FORMATS),
        expose_value=False,
        callback=_reading,
        help="The format of the map files. Default: from each file's suffix, then its content.",
    )(command)


# --- check ---------------------------------------------------------------------------------------


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
    checked = report.check_files(maps, source=text, select=chosen, ignore=ignored)
    severity, chosen_format = Severity(fail_on), CheckFormat(form)
    colour = use_colour() and chosen_format is CheckFormat.HUMAN
    root = report.workspace() if chosen_format is CheckFormat.GITHUB else None
    output = report.format_checked(chosen_format, checked, severity, colour=colour, root=root)
    click.echo(output, nl=False, color=colour)
    click.get_current_context().exit(report.exit_code(checked, severity))


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


# --- render --------------------------------------------------------------------------------------

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
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default="TB",
    show_default=True,
    help="Thesis at the top (TB), bottom (BT) or left (LR).",
)
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
    help="exact or fast search, or an overview of the top levels; auto: by size.",
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
    source = draw(load_map(map_path), options)
    name = str(map_path)
    if target is None:
        click.echo(picture(source, chosen, engine, name=name), nl=False)
    else:
        click.echo(f"wrote {write_picture(source, target, chosen, engine, name=name)}", err=True)


# --- tree, stats, whatif -------------------------------------------------------------------------


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
    map_path: Path, focus: str | None, depth: int | None, critical: bool, width: int | None
) -> None:
    """Print MAP as an indented outline: theses, reasons, objections, evidence, with statuses."""
    import shutil

    from argmap import explore
    from argmap.load import load_map
    from argmap.text.tree import format_tree

    outline = explore.outline(load_map(map_path), focus=focus, depth=depth, with_critical=critical)
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
def stats_command(maps: tuple[Path, ...], form: str) -> None:
    """Figures of each MAP: statements, reasons, objections, depth, grounding, findings."""
    from argmap import explore
    from argmap.errors import MapError
    from argmap.load import load_map
    from argmap.text import answers

    results, unreadable = [], []
    for path in maps:  # every readable map gets its figures, as with check
        try:
            results.append((str(path), explore.stats(load_map(path))))
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
@click.option("--critical", is_flag=True, help="List the single points of failure instead.")
@click.pass_context
def whatif_command(
    ctx: click.Context,
    map_path: Path,
    reject: tuple[str, ...],
    accept: tuple[str, ...],
    critical: bool,
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
    if critical == bool(reject or accept):
        raise click.UsageError("give --reject/--accept, or --critical")
    if (reject or accept) and not _ids(reject) + _ids(accept):
        raise click.UsageError("--reject/--accept name no statement")
    argmap = load_map(map_path)
    if critical:
        evaluation = evaluate(argmap)
        found = explore.critical(argmap, evaluation)
        click.echo(answers.format_critical(argmap, found, evaluation), nl=False)
    else:
        result = explore.whatif(argmap, reject=_ids(reject), accept=_ids(accept))
        click.echo(answers.format_whatif(result), nl=False)


# --- convert -------------------------------------------------------------------------------------


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
def convert(source: Path, output: Path, to_format: str | None) -> None:
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
    text = formats.write(load_map(source), chosen)
    if to_stdout:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)


# --- report, serve -------------------------------------------------------------------------------


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
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default="TB",
    show_default=True,
    help="Thesis at the top (TB), bottom (BT) or left (LR).",
)
def report_command(
    map_path: Path, source: Path | None, output: Path | None, direction: str
) -> None:
    """Write one self-contained HTML page of MAP to share: verdicts, diagram, findings, the
    source with its quotes marked, and each statement's details. Exit 0 when written, 2 when not."""
    from argmap.html import default_output, write_report

    target = output or default_output(map_path)
    written = write_report(map_path, target, source_path=source, direction=_direction(direction))
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
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default="TB",
    show_default=True,
    help="Thesis at the top (TB), bottom (BT) or left (LR).",
)
def serve_command(
    map_path: Path, source: Path | None, port: int, host: str, direction: str
) -> None:
    """Serve MAP's report at http://127.0.0.1:PORT/ and update the open page on each save of MAP
    (or of the source). A broken map keeps the last good report, with its problems above it.
    Ctrl-C stops. Exit 0 when stopped, 2 when it cannot start (a port in use)."""
    from argmap.html.serve import serve

    serve(map_path, source, host=host, port=port, direction=_direction(direction))


def _direction(value: str) -> Direction:
    """The --direction choice, as the type the library takes (click has checked it)."""
    return next(d for d in DIRECTIONS if d == value)
