"""Read the bytes of a map or source file, refusing what is not a regular file of UTF-8 text."""

from __future__ import annotations

import os
import stat
from typing import Final

from argmap.errors import MapError, Problem
from argmap.load.nodes import _Abort, _Problems

MAX_BYTES: Final = 64 * 1024 * 1024
"""Largest map file read; a map of 100,000 statements takes about 15 MB."""


def _decode(data: bytes, problems: _Problems) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        problems.at_offset(data, nul, "binary file: it contains a NUL byte; a map is UTF-8 text")
        raise _Abort
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.at_offset(
            data, error.start, f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded"
        )
        raise _Abort from None


def decode(data: bytes, name: str) -> str:
    """The text of a map file's bytes, or a MapError at the first NUL or undecodable byte."""
    problems = _Problems(name)
    try:
        return _decode(data, problems)
    except _Abort:
        raise problems.error() from None


def read_source(path: str | os.PathLike[str]) -> str:
    """The plain text of a source, for checking quotes against it.

    Raises :class:`argmap.errors.MapError` for a file that is not UTF-8 text or cannot be read.
    """
    name = os.fspath(path)
    data = _read(name, "source")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems = _Problems(name)
        problems.at_offset(
            data, error.start, f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded"
        )
        raise problems.error() from None


def _read(name: str, what: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES, or a one-line error naming it."""

    def refuse(message: str) -> MapError:
        return MapError([Problem(name, 1, 1, message)])

    if name == "-":
        raise refuse(f"a {what} is read from a file, not from standard input: name the file")
    try:
        status = os.stat(name)
        if stat.S_ISDIR(status.st_mode):
            raise refuse(f"is a directory, not a {what} file")
        if not stat.S_ISREG(status.st_mode):
            raise refuse("not a regular file (a pipe or a device); save it to a file")
        if status.st_size > MAX_BYTES:
            raise refuse(
                f"file too large: {status.st_size / 2**20:.0f} MiB "
                f"(a {what} may have at most {MAX_BYTES // 2**20} MiB)"
            )
        with open(name, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise refuse("no such file") from None
    except OSError as error:
        raise refuse(f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise refuse(f"file too large (a {what} may have at most {MAX_BYTES // 2**20} MiB)")
    return data
