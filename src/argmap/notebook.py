"""The picture of a map in a notebook: a ``graphviz.Source`` that Jupyter shows as ``argmap render``
draws it. Imported only by :func:`argmap.render.diagram`, so that the graphviz package is loaded
only where a notebook asks for a picture."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import graphviz

from argmap.render import picture

SVG = "image/svg+xml"


class Diagram(graphviz.Source):  # type: ignore[misc]  # the graphviz package is untyped
    """A ``graphviz.Source`` of the map's DOT text. Shown inline (IPython's rich display), it is
    the SVG of :func:`argmap.render.picture`: every link's ``&`` escaped, so that the notebook's
    SVG stays well-formed with any Graphviz, and no ids beside the map's own. ``render()`` and
    ``pipe()`` are the graphviz package's own."""

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None, **_: Any
    ) -> dict[str, str]:
        wanted = SVG in (include or (SVG,)) and SVG not in (exclude or ())
        return {SVG: picture(self.source, "svg", self.engine).decode("utf-8")} if wanted else {}
