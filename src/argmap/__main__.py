"""The ``argmap`` command's entry point, also ``python -m argmap``.

``argmap --version`` is answered here, from the version the build wrote into the package, without
loading the command line (click alone takes about three times as long as Python's own start). Any
other command line goes to :mod:`argmap.cli`, whose modules load with the cyclic garbage collector
paused and are then frozen out of its reach: they live as long as the process, and collecting them
again and again, and once more at exit, took a fifth of a small command's time; what the command
leaves alive is frozen likewise before the interpreter exits.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Run the ``argmap`` command on ``sys.argv``."""
    if sys.argv[1:] == ["--version"]:
        from argmap import __version__

        print(f"argmap, version {__version__}")
        return
    gc.disable()
    try:
        from argmap.cli import main as command
    finally:
        gc.freeze()
        gc.enable()
    try:
        command()
    finally:
        # What is alive now (the command's modules, the map and what was found in it) is
        # frozen too: the collection at exit would walk all of it only to free memory the
        # process gives back to the system anyway, 5 ms of a check of the seed map.
        gc.freeze()


if __name__ == "__main__":
    main()
