"""The `argmap lsp` command: the rest of the command line never loads the server's libraries, and
without them the command says how to install them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap.cli import main


def test_the_command_line_starts_without_the_language_server_libraries() -> None:
    """pygls and lsprotocol are imported by `argmap lsp` only, so other commands start as fast."""
    code = (
        "import sys, argmap.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pygls', 'lsprotocol', 'cattrs'}))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout == "[]\n"


def test_without_pygls_the_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing optional dependency is a one-line error with the install command, exit 2."""
    monkeypatch.setitem(sys.modules, "argmap.lsp.features", None)  # import fails as if missing
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 2
    assert result.output == (
        "argmap lsp needs pygls and lsprotocol (argmap.lsp.features is missing): "
        "pip install 'argmap[lsp]'\n"
    )


def test_the_server_answers_initialize_and_exits_on_exit() -> None:
    """Over stdio, by hand: an initialize request gets the server's capabilities, and shutdown
    then exit end the process with code 0."""
    messages = [
        '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}',
        '{"jsonrpc":"2.0","id":2,"method":"shutdown"}',
        '{"jsonrpc":"2.0","method":"exit"}',
    ]
    data = "".join(f"Content-Length: {len(m)}\r\n\r\n{m}" for m in messages).encode()
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lsp"], input=data, capture_output=True, timeout=60
    )
    assert done.returncode == 0
    bodies = [
        json.loads(part)
        for part in re.split(rb"Content-Length: \d+\r\n.*?\r\n\r\n", done.stdout)
        if part
    ]
    assert [b["id"] for b in bodies] == [1, 2]
    capabilities = bodies[0]["result"]["capabilities"]
    assert {
        name: capabilities.get(name)
        for name in ("definitionProvider", "referencesProvider", "hoverProvider")
    } == {"definitionProvider": True, "referencesProvider": True, "hoverProvider": True}
    assert capabilities["renameProvider"] is True  # prepareRename only for clients that say so
    assert bodies[1]["result"] is None
