"""The ``argmap`` command: thin click wrappers around the library. Exit codes: 0 clean, 1 findings,
2 unreadable or malformed input or a usage error.

This module holds the group, the exit codes and what commands share (the map path, --from and
--leaves, colour); each family of commands has its module: :mod:`.checks`, :mod:`.pictures`,
:mod:`.outline`, :mod:`.convert`, :mod:`.share` and :mod:`.start`.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

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


def _notices(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Prints the readers' one-line notices (what they left out) on standard error."""
    import logging

    from argmap import formats

    class Notices(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(self.format(record), err=True)

    if not formats.logger.handlers:
        formats.logger.addHandler(Notices())
        formats.logger.setLevel(logging.INFO)
        formats.logger.propagate = False
    return value


def map_inputs(command: Callable[..., None]) -> Callable[..., None]:
    """Adds --from and --leaves to a command that reads maps: the command takes them as
    ``from_format`` and ``leaves`` and passes them to every ``load_map`` it calls."""
    command = click.option(
        "--leaves",
        type=click.Choice(LEAVES),
        callback=_notices,
        help="Argdown and AIF: untagged statements without reasons are claims (default), "
        "or evidence.",
    )(command)
    return click.option(
        "--from",
        "from_format",
        type=click.Choice(MAP_FORMATS),
        callback=_notices,
        help="The format of the map files. Default: from each file's suffix, then its content.",
    )(command)


# The commands, a module for each family: importing them registers them on ``main``, so they
# come after it (E402) and are imported for that alone (F401).
from argmap.cli import checks, convert, outline, pictures, share, start  # noqa: E402, F401
