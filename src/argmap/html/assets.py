"""What the page carries besides the map: its style and scripts (package data beside this
module), the theme's colours as CSS, and the hashes the Content-Security-Policy names them by."""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

from argmap.dot.theme import Theme
from argmap.model import Kind
from argmap.status import Severity


def colours(theme: Theme) -> str:
    """The theme's colours as CSS custom properties, so the page and the diagram agree."""
    pairs = {
        "error": theme.findings[Severity.ERROR].color,
        "warning": theme.findings[Severity.WARNING].color,
        "info": theme.findings[Severity.INFO].color,
        "acknowledged": theme.acknowledged.color,
        "link": theme.link_color,
        **{f"status-{status.value}": mark.color for status, mark in theme.statuses.items()},
        "thesis": theme.kinds[Kind.THESIS].fillcolor,
    }
    body = "".join(f"--am-{name}:{colour};" for name, colour in pairs.items())
    return f":root{{{body}}}\n"


def asset(name: str) -> str:
    """The text of one of the page's style or script files, shipped beside this module."""
    return files("argmap.html").joinpath(name).read_text(encoding="utf-8")


def digest(content: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script or style."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
