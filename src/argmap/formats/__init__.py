"""Maps in other tools' formats: Argdown and AIF JSON, read into the model and written from it.

The format of a file is taken from its suffix (``.argmap.yaml``/``.yml``/``.json`` argmap's own,
``.argdown``/``.ad`` Argdown), else from its content (a JSON object with ``nodes`` and ``edges``
is AIF), else it is argmap's YAML, as it always was; ``form`` says it explicitly. The readers and
writers are imported only when a file of their format is read or written, so that commands on
argmap's own maps start no slower.

What a reader could not keep (the dialogue layer of AIF, Argdown's prose) is said in notices:
one line each, logged to the ``argmap.formats`` logger, or printed where :func:`notices_to` says
(the command line prints them on standard error). ``logging`` and ``json`` are imported only when
a notice is logged or a file's content is looked at, so that reading argmap's own maps loads
neither.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.formats.json_scan import Scanned
    from argmap.model import Map

LOGGER = "argmap.formats"
"""The name of the logger that notices go to when nothing prints them (:func:`notices_to`)."""

_printers: list[Callable[[str], object]] = []


class Format(enum.Enum):
    """The map formats argmap reads and writes."""

    ARGMAP = "argmap"
    """argmap's own YAML (``dump_map``'s canonical form when written)."""
    ARGDOWN = "argdown"
    """Argdown 1.x text."""
    AIF = "aif"
    """AIFdb's JSON form of the Argument Interchange Format."""


class Leaves(enum.Enum):
    """What the Argdown and AIF readers make of an untagged statement that has no reasons."""

    CLAIM = "claim"
    """A claim, so that ``argmap check`` shows where support runs out (the default)."""
    EVIDENCE = "evidence"
    """Evidence: given, as the source of the map treats it."""


ARGMAP_SUFFIXES = (".argmap.yaml", ".argmap.yml", ".argmap.json")
ARGDOWN_SUFFIXES = (".argdown", ".ad")
MAP_SUFFIXES = (*ARGMAP_SUFFIXES, *ARGDOWN_SUFFIXES, ".yaml", ".yml", ".json")
"""Every suffix the readers know a map file by, the longer before the shorter they end
(``.argmap.yaml`` before ``.yaml``): what the name of a picture or report of the map drops."""


def format_of(name: str, data: bytes | None = None) -> Format:
    """The format of the file ``name``: by suffix, then by content, else argmap's YAML."""
    by_name = _format_by_name(name)
    if by_name is not None:
        return by_name
    if data is not None and looks_like_aif(data):
        return Format.AIF
    return Format.ARGMAP


def _format_by_name(name: str) -> Format | None:
    lower = name.lower()
    if lower.endswith(ARGMAP_SUFFIXES):
        return Format.ARGMAP
    if lower.endswith(ARGDOWN_SUFFIXES):
        return Format.ARGDOWN
    return None


def looks_like_aif(data: bytes) -> bool:
    """True for a JSON document whose top level is an object with ``nodes`` and ``edges``."""
    return _sniff_aif(data)[0]


def _sniff_aif(data: bytes) -> tuple[bool, Scanned | None]:
    """Whether ``data`` is AIF (see :func:`looks_like_aif`), and the document read, when it is
    AIF and valid JSON: the AIF reader takes it as it is, and the file is parsed once."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False, None
    from argmap.formats.json_scan import scan

    try:
        scanned = scan(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        # broken JSON that opens like AIF is reported as AIF, with the JSON error's place
        return b'"nodes"' in head[:4096] and b'"edges"' in head, None
    value = scanned.document
    if isinstance(value, dict) and "nodes" in value and "edges" in value:
        return True, scanned
    return False, None


def output_format(name: str) -> Format | None:
    """The format an output file's suffix names, or None when it names none."""
    lower = name.lower()
    if lower.endswith((".argmap.yaml", ".argmap.yml", ".yaml", ".yml")):
        return Format.ARGMAP
    if lower.endswith(ARGDOWN_SUFFIXES):
        return Format.ARGDOWN
    if lower.endswith(".json") and not lower.endswith(".argmap.json"):
        return Format.AIF
    return None


def read(name: str, data: bytes, *, form: str | None = None, leaves: str | None = None) -> Map:
    """The map in ``data``, the bytes of the file ``name``, read in its format.

    Raises :class:`argmap.errors.MapError` with every problem found, each with its place.
    """
    scanned = None
    if form:
        chosen = Format(form)
    elif (by_name := _format_by_name(name)) is not None:
        chosen = by_name
    else:
        is_aif, scanned = _sniff_aif(data)
        chosen = Format.AIF if is_aif else Format.ARGMAP
    given = Leaves(leaves) if leaves else Leaves.CLAIM
    if chosen is Format.ARGMAP:
        from argmap.load import loads

        return loads(data, name)
    from argmap.util import collector_paused

    with collector_paused():  # what a reader builds holds no cycles: reading stays linear
        if chosen is Format.ARGDOWN:
            from argmap.formats.argdown import read as read_argdown

            return read_argdown(name, data, leaves=given)
        from argmap.formats.aif import read as read_aif

        return read_aif(name, data, leaves=given, scanned=scanned)


def write(map_: Map, form: Format) -> str:
    """The text of ``map_`` in ``form``: the same map gives the same text, byte for byte."""
    if form is Format.ARGDOWN:
        from argmap.formats.argdown import write as write_argdown

        return write_argdown(map_)
    if form is Format.AIF:
        from argmap.formats.aif import write as write_aif

        return write_aif(map_)
    from argmap.dump import dump_map

    return dump_map(map_)


def notice(name: str, message: str) -> None:
    """Say, in one line, what a reader left out or changed: to the innermost :func:`notices_to`,
    else to the ``argmap.formats`` logger at level INFO."""
    if _printers:
        _printers[-1](f"{name}: note: {message}")
        return
    import logging

    logging.getLogger(LOGGER).info("%s: note: %s", name, message)


@contextlib.contextmanager
def notices_to(printer: Callable[[str], object]) -> Iterator[None]:
    """Within the block, each notice is one line given to ``printer`` instead of the logger: how
    the command line prints them, without loading ``logging`` for maps that give none."""
    _printers.append(printer)
    try:
        yield
    finally:
        _printers.pop()
