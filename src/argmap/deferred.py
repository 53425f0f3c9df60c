"""Modules of a dependency that run on first use rather than when their package is imported.

The ``argmap`` command (:mod:`argmap.__main__`) defers attrs' validators and converters this way:
``import attrs`` runs both, and they build a dozen classes of their own, which argmap's model does
not use. Only the command does it, before anything imports attrs; a library user's ``import
attrs`` is left as it is.
"""

from __future__ import annotations

import sys
import threading
import types


class _Deferred(types.ModuleType):
    """A module whose code runs when one of its names is first asked for: until then it holds
    only what the import system sets (its spec, loader and file). Its own lock keeps two threads
    from running it twice; running it may run another deferred module, never this one."""

    def __getattr__(self, name: str) -> object:
        namespace = self.__dict__
        with namespace["_deferred_lock"]:
            if not namespace.get("_deferred_ran"):
                namespace["_deferred_ran"] = True
                namespace["__spec__"].loader.exec_module(self)
        if name in namespace:
            return namespace[name]
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")


def defer(package: str, names: tuple[str, ...]) -> None:
    """Make the modules ``package.NAME`` run on first use, before ``package`` is imported: the
    package's own ``from . import NAME`` then finds them in :data:`sys.modules` and runs nothing.
    Nothing is done once the package is imported, or for a module that is not found."""
    if package in sys.modules:
        return
    from importlib.machinery import PathFinder

    found = PathFinder.find_spec(package)
    if found is None or not found.submodule_search_locations:
        return
    for name in names:
        spec = PathFinder.find_spec(f"{package}.{name}", list(found.submodule_search_locations))
        if spec is None or spec.loader is None:
            continue
        module = _Deferred(spec.name)
        module.__dict__["_deferred_lock"] = threading.RLock()
        module.__spec__ = spec
        module.__loader__ = spec.loader
        module.__file__ = spec.origin
        module.__package__ = package
        sys.modules[spec.name] = module
