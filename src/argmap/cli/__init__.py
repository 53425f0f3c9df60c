"""The ``argmap`` command: thin click wrappers around the library. Exit codes: 0 clean, 1 findings,
2 unreadable or malformed input or a usage error.

This module holds the group, the exit codes and what commands share (the map path, --from and
--leaves, colour); each family of commands has its module: :mod:`.checks`, :mod:`.pictures`,
:mod:`.outline`, :mod:`.convert`, :mod:`.share` and :mod:`.start`. A command line loads only the
module of its command (:data:`COMMANDS`); ``argmap --help`` loads them all to list them.
"""

from __future__ import annotations

import errno
import functools
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from argmap import __version__
from argmap.options import DIRECTIONS

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

COMMANDS = {
    "check": "checks",
    "convert": "convert",
    "lsp": "start",
    "new": "start",
    "render": "pictures",
    "report": "share",
    "schema": "start",
    "serve": "share",
    "stats": "outline",
    "tree": "outline",
    "whatif": "outline",
}
"""Each command and the module of this package that defines it (importing the module registers
its commands on :func:`main`): defining every command's options on each run took a few
milliseconds of a small command's time."""


class ArgmapGroup(click.Group):
    """Loads a command's module when the command is asked for; turns argmap's own errors into
    one-line messages and exit code 2 (anything else is a bug)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            # An unknown name loads every module, so that the error names the closest commands.
            module = COMMANDS.get(cmd_name)
            for name in [module] if module else sorted(set(COMMANDS.values())):
                importlib.import_module(f"{__name__}.{name}")
        return super().get_command(ctx, cmd_name)

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

direction_option = click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default="TB",
    show_default=True,
    help="Thesis at the top (TB), bottom (BT) or left (LR).",
)
"""--direction, for every command that draws the map."""

# --- reading other formats: --from and --leaves on every command that reads maps ----------------

MAP_FORMATS = ("argmap", "argdown", "aif")
"""The values of argmap.formats.Format, spelt out so that starting the command imports nothing."""
LEAVES = ("claim", "evidence")
"""The values of argmap.formats.Leaves."""


def _print_notice(line: str) -> None:
    click.echo(line, err=True)


def map_inputs(command: Callable[..., None]) -> Callable[..., None]:
    """Adds --from and --leaves to a command that reads maps: the command takes them as
    ``from_format`` and ``leaves`` and passes them to every ``load_map`` it calls. The readers'
    one-line notices (what they left out) are printed on standard error while it runs."""

    @functools.wraps(command)
    def reading(*args: Any, **kwargs: Any) -> None:
        from argmap.formats import notices_to

        with notices_to(_print_notice):
            command(*args, **kwargs)

    with_leaves = click.option(
        "--leaves",
        type=click.Choice(LEAVES),
        help="Argdown and AIF: untagged statements without reasons are claims (default), "
        "or evidence.",
    )(reading)
    return click.option(
        "--from",
        "from_format",
        type=click.Choice(MAP_FORMATS),
        help="The format of the map files. Default: from each file's suffix, then its content.",
    )(with_leaves)
