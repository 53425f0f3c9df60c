"""argmap: check and draw argument maps.

The names below are loaded on first use, so that ``import argmap`` and ``argmap --version`` start
without importing typing, YAML or Graphviz support::

    import argmap
    m = argmap.load_map("maps/tutorial.argmap.yaml")
    report = argmap.check(m)
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (about 10 ms)
if TYPE_CHECKING:
    from typing import Any

    from argmap._version import __version__
    from argmap.analysis import check, evaluate
    from argmap.dump import dump_map
    from argmap.errors import ArgmapError, MapError, RenderError
    from argmap.explore import critical, stats, tree, whatif
    from argmap.load import load_map, loads
    from argmap.model import Kind, Map, Statement
    from argmap.render import diagram

_EXPORTS = {
    "load_map": "argmap.load",
    "loads": "argmap.load",
    "dump_map": "argmap.dump",
    "Map": "argmap.model",
    "Statement": "argmap.model",
    "Kind": "argmap.model",
    "ArgmapError": "argmap.errors",
    "MapError": "argmap.errors",
    "RenderError": "argmap.errors",
    "check": "argmap.analysis",
    "evaluate": "argmap.analysis",
    "diagram": "argmap.render",
    "tree": "argmap.explore",
    "stats": "argmap.explore",
    "whatif": "argmap.explore",
    "critical": "argmap.explore",
}

__all__ = [
    "ArgmapError",
    "Kind",
    "Map",
    "MapError",
    "RenderError",
    "Statement",
    "__version__",
    "check",
    "critical",
    "diagram",
    "dump_map",
    "evaluate",
    "load_map",
    "loads",
    "stats",
    "tree",
    "whatif",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _installed_version()
    from argmap.util import loaded_on_use

    return loaded_on_use(__name__, _EXPORTS, name)


def _installed_version() -> str:
    """The version the build wrote into the package, from pyproject.toml."""
    try:
        from argmap._version import __version__
    except ModuleNotFoundError:  # installed before the build wrote the file: ask the metadata
        from importlib.metadata import version

        return version("argmap")
    return __version__
