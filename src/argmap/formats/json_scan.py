"""Read a JSON document once, as :func:`json.loads` reads it, and say where each element of its
top-level ``nodes`` and ``edges`` arrays starts: the places AIF's reader gives its problems.

The top-level object and those two arrays are walked here; every value in them is read by the
json module's own decoder (:meth:`json.JSONDecoder.raw_decode`), so that the document is parsed
once. Any text that this walk does
not take is given to :func:`json.loads`, so that a broken file gets json's own message and place.
This module needs only :mod:`json`: the sniffing of a file's format reads the file with it, and
the AIF reader takes what the sniffing read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NamedTuple, cast

_SPACE = cast("Callable[[str, int], re.Match[str]]", re.compile(r"[ \t\n\r]*").match)
"""Skips JSON's white space, as json itself does (it always matches, if only nothing)."""
_ARRAYS = ("nodes", "edges")


class Scanned(NamedTuple):
    """A JSON document read once: its value, and where the elements of its arrays start."""

    text: str
    document: Any
    starts: dict[str, list[int]]
    """The offset into ``text`` of each element of the top-level ``nodes`` and ``edges`` (of the
    last one of each name, as json keeps the last), when the document is an object."""


class _NotTaken(Exception):
    """The walk met what it does not take: json.loads says what it is."""


def scan(text: str) -> Scanned:
    """The document in ``text`` with the starts of its elements; raises
    :class:`json.JSONDecodeError` (or RecursionError) exactly as ``json.loads(text)`` does."""
    try:
        return _walk(text)
    except (_NotTaken, json.JSONDecodeError) as error:
        document = json.loads(text)  # raises json's own error for a broken document
        if isinstance(document, dict):  # the walk takes every object json takes: never so
            raise json.JSONDecodeError("cannot be read", text, 0) from error
        return Scanned(text, document, {})


def _walk(text: str) -> Scanned:
    space, value = _SPACE, _DECODER.raw_decode
    document: dict[str, Any] = {}
    starts: dict[str, list[int]] = {}
    index = space(text, 0).end()
    if text[index : index + 1] != "{":
        raise _NotTaken
    index = space(text, index + 1).end()
    if text[index : index + 1] == "}":
        index += 1
    else:
        while True:
            if text[index : index + 1] != '"':
                raise _NotTaken
            key, index = value(text, index)
            index = space(text, index).end()
            if text[index : index + 1] != ":":
                raise _NotTaken
            index = space(text, index + 1).end()
            if key in _ARRAYS and text[index : index + 1] == "[":
                document[key], index, starts[key] = _array(text, index)
            else:
                document[key], index = value(text, index)
            index = space(text, index).end()
            after = text[index : index + 1]
            index = space(text, index + 1).end()
            if after == "}":
                break
            if after != ",":
                raise _NotTaken
    if space(text, index).end() != len(text):
        raise _NotTaken
    return Scanned(text, document, starts)


def _array(text: str, index: int) -> tuple[list[Any], int, list[int]]:
    """The array that opens at ``index``, where it ends, and where each element starts."""
    value, after = _DECODER.raw_decode, _AFTER_ITEM.match
    items: list[Any] = []
    starts: list[int] = []
    index = _SPACE(text, index + 1).end()
    if text[index : index + 1] == "]":
        return items, index + 1, starts
    while True:
        starts.append(index)
        item, index = value(text, index)
        items.append(item)
        found = after(text, index)
        if found is None:
            raise _NotTaken
        index = found.end()
        if found.group(1) is None:  # the closing ']'
            return items, index, starts


_AFTER_ITEM = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*|\])")
"""What follows an element of an array: a comma and the next element's white space, or ']'."""
_DECODER = json.JSONDecoder()
"""A decoder as json.loads's own (no hooks, strict): it reads each value."""
