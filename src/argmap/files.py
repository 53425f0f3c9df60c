"""Writing files whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from argmap.errors import ArgmapError


class OutputError(ArgmapError, OSError):
    """An output file cannot be written, or would replace a file the user did not ask to replace."""


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    A symbolic link is followed, so the file it points to is replaced and the link kept. A path
    that is no regular file (``/dev/stdout``, a pipe, a device) is written to directly: it cannot
    be replaced, and renaming over it would destroy it.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with contextlib.suppress(OSError):
        if not stat.S_ISREG(os.stat(path).st_mode):
            _write_through(path, payload)
            return
    path = Path(os.path.realpath(path))
    try:
        fd, temporary = _temporary(path.parent)
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(fd, "wb") as file:
            file.write(payload)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None


_ATTEMPTS = 1000
"""How many names a temporary file tries before writing fails: names are taken only by files
that crashed runs of this process's id left behind."""


def _temporary(folder: Path) -> tuple[int, str]:
    """A new, empty file in ``folder`` that only its owner may read, opened for writing, as
    ``tempfile.mkstemp`` makes one (created exclusively, never through a link): named after the
    process, so that no two live processes share a name, and the next free number. This spares
    each picture the ``tempfile`` module's import (random, shutil and compression: a few
    milliseconds of a small render)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for attempt in range(_ATTEMPTS):
        name = os.path.join(folder, f".argmap-{os.getpid()}-{attempt}.tmp")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


def _write_through(path: Path, payload: bytes) -> None:
    if stat.S_ISDIR(os.stat(path).st_mode):
        raise OutputError(f"{path}: is a directory")
    try:
        with open(path, "wb") as file:
            file.write(payload)
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None


def _mode_for(path: Path) -> int:
    """The mode a plain new file gets (or the replaced file had), not the temporary's 0600."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_new(path: Path, data: str, *, replace: bool = False) -> None:
    """Write a new file; refuse to overwrite an existing one unless ``replace`` is set."""
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; name the file to write")
    if path.exists() and not replace:
        raise OutputError(f"{path}: already exists; choose another name or pass --force")
    write_atomic(path, data)
