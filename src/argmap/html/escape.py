"""Escaping for the page: every text of a map or source goes through :func:`text` or
:func:`attribute` before it becomes part of the HTML, so no text can become markup or code."""

from __future__ import annotations

import html
import re

# Characters HTML does not allow in text (C0 and C1 controls but tab, line feed and carriage
# return; non-characters), and lone surrogates, which cannot even be written as UTF-8.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]"
)


def clean(value: str) -> str:
    """``value`` with each character HTML cannot carry replaced by U+FFFD."""
    if value.isprintable():  # no control, surrogate or non-character: nothing to replace
        return value
    return _UNWRITABLE.sub("\ufffd", value)


def text(value: str) -> str:
    """``value`` as HTML text: ``&``, ``<`` and ``>`` escaped (quotes too, so that it is safe in
    an attribute as well)."""
    return html.escape(clean(value), quote=True)


def attribute(value: str) -> str:
    """``value`` as the content of a double-quoted attribute."""
    return html.escape(clean(value), quote=True)
