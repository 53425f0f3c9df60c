"""``argmap serve``: the report of a map on a local web server, rebuilt on each save.

The page polls ``/state`` (a few bytes, four times a second) and, when a newer report is there,
fetches it and swaps it in, keeping the view, the chosen statement and the search. A map that
does not load keeps the last good report; its problems come with ``/state`` and show above it.
Files are watched with watchfiles, imported only here.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.html.page import Live
from argmap.options import Direction

LOCAL = frozenset({"127.0.0.1", "localhost", "::1"})


class ServeError(ArgmapError, OSError):
    """The server cannot start: the port is in use, or the address cannot be had."""


class Preview:
    """The last good report of a map and the problems of its latest version, rebuilt on demand."""

    def __init__(
        self,
        map_path: Path,
        source_path: Path | None,
        direction: Direction = "TB",
        form: str | None = None,
        leaves: str | None = None,
    ) -> None:
        self.map_path, self.source_path, self.direction = map_path, source_path, direction
        self.form, self.leaves = form, leaves
        self.lock = threading.Lock()
        self.version = 0
        self.page: bytes | None = None
        self.problems: list[str] = []

    def rebuild(self) -> None:
        """Build the report again; on failure keep the last good one and record the problems."""
        from argmap.html import report
        from argmap.load import load_map, read_source

        try:
            argmap = load_map(self.map_path, form=self.form, leaves=self.leaves)
            source = read_source(self.source_path) if self.source_path else None
            page = report(argmap, source, direction=self.direction, live=Live(self.version + 1))
        except ArgmapError as error:
            with self.lock:
                self.problems = str(error).splitlines() or [type(error).__name__]
            return
        with self.lock:
            self.version += 1
            self.page = page.encode("utf-8")
            self.problems = []

    def state(self) -> bytes:
        """What the page polls for: the newest report's version, and the problems if any."""
        with self.lock:
            return json.dumps({"version": self.version, "problems": self.problems}).encode()

    def current(self) -> bytes:
        """The last good page, or, before there was one, a page that shows the problems and
        reloads when the map can be read."""
        from argmap.html.page import waiting

        with self.lock:
            return self.page if self.page is not None else waiting().encode("utf-8")


def _handler(preview: Preview, local: bool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
            if local and host not in LOCAL:
                self._send(421, b"not a local name", "text/plain")  # no DNS rebinding
                return
            path = self.path.split("?", 1)[0]
            if path == "/state":
                self._send(200, preview.state(), "application/json")
            elif path in ("/", "/index.html"):
                self._send(200, preview.current(), "text/html; charset=utf-8")
            else:
                self._send(404, b"not found", "text/plain")

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Requests are not logged: the page polls several times a second."""

    return Handler


class _Server6(ThreadingHTTPServer):
    """The same server on an IPv6 address (``--host ::1``)."""

    address_family = socket.AF_INET6


def open_server(preview: Preview, host: str, port: int) -> ThreadingHTTPServer:
    """A server for the preview on ``host:port`` (0: any free port); a one-line
    :class:`ServeError` when the address cannot be had."""
    kind = _Server6 if ":" in host else ThreadingHTTPServer
    try:
        server = kind((host, port), _handler(preview, host in LOCAL))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(
                f"argmap serve: port {port} on {host} is in use; choose another with --port"
            ) from None
        raise ServeError(
            f"argmap serve: cannot listen on {host}:{port}: {error.strerror}"
        ) from None
    server.daemon_threads = True
    return server


def watch(preview: Preview, stop: threading.Event) -> None:
    """Rebuild the preview each time the map or the source is saved, until ``stop`` is set.

    The folders are watched rather than the files, so that editors that save by writing a new
    file and renaming it over the old one are seen too."""
    import watchfiles

    targets = {Path(os.path.realpath(p)) for p in (preview.map_path, preview.source_path) if p}
    folders = sorted({str(t.parent) for t in targets})

    def wanted(change: watchfiles.Change, path: str) -> bool:
        return Path(os.path.realpath(path)) in targets

    for _ in watchfiles.watch(
        *folders, watch_filter=wanted, stop_event=stop, debounce=50, step=20, rust_timeout=200
    ):
        preview.rebuild()


def serve(
    map_path: Path,
    source_path: Path | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    direction: Direction = "TB",
    form: str | None = None,
    leaves: str | None = None,
) -> None:
    """Serve the report of ``map_path`` until Ctrl-C, rebuilding it on each save; ``form`` and
    ``leaves`` are :func:`argmap.load_map`'s."""
    preview = Preview(map_path, source_path, direction, form, leaves)
    preview.rebuild()
    server = open_server(preview, host, port)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, stop), name="argmap-watch")
    watcher.start()
    shown = f"[{host}]" if ":" in host else host
    print(
        f"serving {map_path} at http://{shown}:{server.server_address[1]}/ (Ctrl-C stops)",
        file=sys.stderr,
        flush=True,
    )
    for problem in preview.problems:
        print(problem, file=sys.stderr, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr, flush=True)
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=5)
