"""The HTML report and the live preview: the seed map's report with its source against
``argmap render`` of the same map, a 1,000-statement map's report against its layout time, and
``argmap serve`` from a save to the new page."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from generate import generate
from timing import median_seconds

from argmap.dot import to_dot
from argmap.html import report
from argmap.html.facts import gather
from argmap.load import loads
from argmap.render import picture

ARGMAP = Path(sys.executable).with_name("argmap")
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "maps" / "china-russia-central-asia.argmap.yaml"
SOURCE = REPO.parent / "shared" / "sources" / "china-russia-security-cooperation-central-asia.txt"
CACHED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Both commands are timed as a user runs them, with Python's compiled modules cached."""
POLL_SECONDS = 0.25
"""How often the served page asks for a newer report (live.js); the worst case adds it whole."""


def rows() -> list[tuple[str, str, float, bool]]:
    if shutil.which("dot") is None:
        return []
    out = []
    if SEED.exists() and SOURCE.exists():
        out.append(_seed_row())
    out.append(_large_row())
    if SEED.exists():
        out.append(_serve_row())
    return out


def _seed_row() -> tuple[str, str, float, bool]:
    with tempfile.TemporaryDirectory() as folder:
        svg, page = Path(folder) / "seed.svg", Path(folder) / "seed.html"

        def run(*arguments: str) -> None:
            subprocess.run([str(ARGMAP), *arguments], check=True, capture_output=True, env=CACHED)

        run("report", str(SEED), "-o", str(page))  # compiles every module both commands use

        # The same picture as the report's: statuses and single points of failure shown.
        render = median_seconds(
            lambda: run("render", str(SEED), "--status", "--critical", "-o", str(svg)), 11
        )
        whole = median_seconds(
            lambda: run("report", str(SEED), "--source", str(SOURCE), "-o", str(page)), 11
        )
    return (
        "argmap report seed map --source (whole process)",
        f"<= argmap render --status --critical ({render:.3f} s) + 0.3 s",
        whole,
        whole <= render + 0.3,
    )


def _large_row() -> tuple[str, str, float, bool]:
    argmap = loads(generate(1000))
    facts = gather(argmap)
    dot = to_dot(
        argmap,
        findings=facts.report.findings,
        evaluation=facts.report.evaluation,
        critical=tuple(facts.critical),
    )
    layout = median_seconds(lambda: picture(dot, "svg"), 3)
    whole = median_seconds(lambda: report(argmap), 3)
    return (
        "HTML report of 1,000 statements",
        f"<= Graphviz's layout ({layout:.3f} s) + 3 s",
        whole,
        whole <= layout + 3.0,
    )


def _serve_row() -> tuple[str, str, float, bool]:
    with tempfile.TemporaryDirectory() as folder:
        map_path = Path(folder) / "seed.argmap.yaml"
        original = SEED.read_text(encoding="utf-8")
        map_path.write_text(original, encoding="utf-8")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(
            [str(ARGMAP), "serve", str(map_path), "--port", str(port)],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stderr is not None
            server.stderr.readline()  # serving ... : the first report is built
            time.sleep(0.5)
            samples = []
            for n in range(7):
                samples.append(_save_to_page(map_path, original, port, n))
        finally:
            server.terminate()
            server.wait(timeout=10)
    samples.sort()
    seconds = samples[len(samples) // 2] + POLL_SECONDS
    return (
        "argmap serve: save to updated page, seed map",
        f"<= 1 s (rebuild + {POLL_SECONDS} s poll)",
        seconds,
        seconds <= 1.0,
    )


def _save_to_page(map_path: Path, original: str, port: int, n: int) -> float:
    """Seconds from writing a changed map to the server offering the new page."""
    before = _state(port)["version"]
    start = time.perf_counter()
    map_path.write_text(original.replace("title:", f"title: v{n}", 1), encoding="utf-8")
    while _state(port)["version"] == before:
        if time.perf_counter() - start > 10:
            raise RuntimeError("argmap serve did not rebuild within 10 s")
        time.sleep(0.01)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
        response.read()
    return time.perf_counter() - start


def _state(port: int) -> dict[str, object]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/state") as response:
        result: dict[str, object] = json.loads(response.read())
    return result
