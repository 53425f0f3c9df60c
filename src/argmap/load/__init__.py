"""Read a map file into the model, reporting every problem in one pass with its line and column.

A reader turns the file's text into a small tree of positioned nodes (:mod:`.nodes`): argmap's
YAML (:mod:`.read_yaml`), its JSON spelling (:mod:`.read_json`) or, through
:mod:`argmap.formats`, another format. The tree is then validated against the format and turned
into :class:`argmap.model.Map` (:mod:`.build`, with the field readers of :mod:`.fields`), once
for every format. :mod:`.read` reads the bytes of files.
"""

from __future__ import annotations

import os

from argmap.load.build import (
    INFERENCE_KEYS,
    KIND_KEYS,
    STATEMENT_FIELDS,
    TOP_KEYS,
    _Builder,
    build,
)
from argmap.load.fields import FIELD_CUTOFF, ID_PATTERN, MAX_ID_CHARS, SOURCE_KEYS
from argmap.load.nodes import (
    MAX_DEPTH,
    MAX_NODES,
    Mapping,
    Node,
    Scalar,
    Sequence,
    _Abort,
    _Problems,
)
from argmap.load.read import MAX_BYTES, _decode, _read, decode, read_source
from argmap.model import Map
from argmap.util import collector_paused

__all__ = [
    "FIELD_CUTOFF",
    "ID_PATTERN",
    "INFERENCE_KEYS",
    "KIND_KEYS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ID_CHARS",
    "MAX_NODES",
    "SOURCE_KEYS",
    "STATEMENT_FIELDS",
    "TOP_KEYS",
    "Mapping",
    "Node",
    "Scalar",
    "Sequence",
    "build",
    "decode",
    "load_map",
    "loads",
    "read_source",
]


def loads(text: str | bytes, name: str = "<string>") -> Map:
    """Build a map from the text of a map file; ``name`` is used in messages.

    Raises :class:`argmap.errors.MapError` listing every problem found.
    """
    with collector_paused():  # the tree holds no cycles: loading large maps stays linear
        return _loads(text, name)


def _loads(text: str | bytes, name: str) -> Map:
    problems = _Problems(name)
    try:
        if isinstance(text, bytes):
            text = _decode(text, problems)
        elif "\x00" in text:
            problems.at_offset(
                text.encode("utf-8", "replace"),
                text.index("\x00"),
                "binary file: it contains a NUL byte; a map is UTF-8 text",
            )
            raise _Abort
        # Each reader is imported when a file needs it: YAML's loads PyYAML, JSON's the json module.
        if name.lower().endswith(".json"):  # argmap's JSON spelling, read by JSON's rules
            from argmap.load.read_json import _parse_json

            root = _parse_json(text, problems)
        else:
            from argmap.load.read_yaml import _parse

            root = _parse(text, problems)
    except _Abort:
        raise problems.error() from None
    built = _Builder(problems).build(root)
    if built is None or problems.items:
        raise problems.error()
    return built


def load_map(
    path: str | os.PathLike[str], *, form: str | None = None, leaves: str | None = None
) -> Map:
    """Read and validate the map file at ``path``: argmap's YAML, or Argdown or AIF JSON.

    The format is ``form`` when given (``argmap``, ``argdown``, ``aif``), else taken from the
    file's suffix and content (:mod:`argmap.formats`); ``leaves`` (``claim`` or ``evidence``)
    says what the Argdown and AIF readers make of untagged statements without reasons.
    Raises :class:`argmap.errors.MapError` listing every problem found, each with its place.
    """
    from argmap import formats  # small; the readers themselves are imported only when used

    name = os.fspath(path)
    return formats.read(name, _read(name, "map"), form=form, leaves=leaves)
