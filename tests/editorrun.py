"""How tests/test_editors.py runs an editor: as on a fresh account (new HOME and XDG folders),
in a session (process group) of its own, under a time limit, and never leaving behind a process
it started: each run's processes carry a marker in their environment, and those still running
after the editor has exited fail the test and are killed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

WAIT_MS = 20_000
"""How long a driver waits, at most, for each answer of the server."""
RUN_TIMEOUT = 90
"""How long one editor run may take in all before it is killed and the test fails."""
LINGER = 10
"""How long the processes an editor started may take to end after it has exited, in seconds."""


def clean_env(home: Path, path: list[Path | str], **extra: str) -> dict[str, str]:
    """An environment as on a fresh account: HOME and every XDG folder new and empty, PATH as
    given, and a marker the test finds again in each process started under it."""
    for name in ("home", "config", "data", "state", "cache", "empty"):
        (home / name).mkdir(parents=True, exist_ok=True)
    return {
        "HOME": str(home / "home"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CONFIG_DIRS": str(home / "empty"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PATH": os.pathsep.join(str(p) for p in path),
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "ARGMAP_EDITOR_TEST": uuid.uuid4().hex,
        "ARGMAP_WAIT_MS": str(WAIT_MS),
        **extra,
    }


def marked(marker: str) -> list[int]:
    """The processes whose environment carries this run's marker."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"ARGMAP_EDITOR_TEST={marker}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def run(argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run an editor in a session of its own under the time limit. Afterwards, fail if anything
    it started (the language server) is still running `LINGER` seconds after it exited; kill what
    is left either way."""
    process = subprocess.Popen(
        argv,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        pytest.fail(f"{argv[0]} did not finish within {RUN_TIMEOUT} s:\n{out}\n{err}")
    finally:
        left = wait_for_exit(env["ARGMAP_EDITOR_TEST"])
    assert left == [], f"still running after {argv[0]} exited: {left}"
    return subprocess.CompletedProcess(argv, process.returncode, out, err)


def wait_for_exit(marker: str) -> list[int]:
    """Wait up to `LINGER` seconds for the marked processes to end; kill and return those that
    do not."""
    deadline = time.monotonic() + LINGER
    while (left := marked(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return left
