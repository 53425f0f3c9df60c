"""``argmap lsp``: the language server, over standard input and output.

Each open map is loaded and checked again a short while after the last change (the debounce,
``initializationOptions.debounce`` in milliseconds, 300 by default), in a worker thread so that
requests are answered meanwhile. Results of a version that has since changed are dropped. Every
request handler answers, whatever the text: a failure inside one is logged and answered empty.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import default_converter
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from argmap.errors import ArgmapError
from argmap.explore import Critical, critical
from argmap.lsp import diagnostics, index
from argmap.lsp.config import Sources
from argmap.util import collector_paused

if TYPE_CHECKING:
    import cattrs  # pygls's own dependency, named here for its types only

DEBOUNCE: Final = 0.3
"""Seconds of quiet after a change before the map is checked again."""
QUIET: Final = 1.0
"""Seconds a large map must stay unchanged after its diagnostics before it is indexed and its
critical statements are found; while the mapper types, the worker is kept for the next check."""
QUIET_ABOVE: Final = 256 * 1024
"""Characters above which a map counts as large (about 1,500 statements)."""
POLL: Final = 2.0
"""Seconds between looks at the sources on disk, to check quotes again when one changes."""
_LINES = re.compile(r"\r\n|\r|\n")
_MAP_NAME = re.compile(r"\.argmap\.(?:ya?ml|json)\Z", re.IGNORECASE)
_MAP_KEY = re.compile(r'^(?:argmap|"argmap")\s*:\s*\d', re.MULTILINE)
_LOOK_FOR_KEY: Final = 64 * 1024
"""How far into a text not named like a map to look for its ``argmap:`` version key."""
_F = TypeVar("_F", bound=Callable[..., Any])
_R = TypeVar("_R")
log = logging.getLogger("argmap.lsp")


class RequestFailed(JsonRpcException):
    """The protocol's RequestFailed: a request understood but refused (a rename to a taken id)."""

    CODE = -32803
    MESSAGE = "Request failed"


def is_map(uri: str, text: str) -> bool:
    """Whether a document is a map: named ``*.argmap.yaml`` (``.yml``, ``.json``), or a text
    with a top-level ``argmap:`` version key near its start. Editors that attach the server to
    every YAML file get nothing from it for other files."""
    return bool(_MAP_NAME.search(uri) or _MAP_KEY.search(text, 0, _LOOK_FOR_KEY))


def split_lines(text: str) -> list[str]:
    """The lines of a text as the protocol counts them (``\\n``, ``\\r\\n`` or ``\\r``)."""
    if "\r" not in text:  # most texts: five times quicker than the regular expression
        return text.split("\n")
    return _LINES.split(text)


class Document:
    """What the server knows of one open map: its last diagnosis, index and critical statements."""

    def __init__(self) -> None:
        self.task: asyncio.Task[None] | None = None
        self.diagnosis: diagnostics.Diagnosis | None = None
        self.index: index.Index | None = None
        self.index_version: int | None = None
        self.good_index: index.Index | None = None
        """The index of the last version that loaded, for completing while the YAML is broken."""
        self.critical: Mapping[str, Critical] | None = None
        self.stamps: object = None
        self.ignored = False
        """True for a document that is not a map: no diagnostics, no answers."""
        self.lines: tuple[int | None, list[str]] | None = None
        self.memory = diagnostics.Memory()
        """What diagnosing the last version leaves for the next; used by the worker only."""
        self.sent: dict[int, tuple[types.Diagnostic, dict[str, Any]]] = {}
        """The JSON of each diagnostic last published, by the diagnostic's ``id``."""


class ArgmapServer(LanguageServer):
    """The server and the state of the open maps."""

    def __init__(self) -> None:
        self.written = Written()
        super().__init__(
            "argmap", version("argmap"), converter_factory=lambda: converter(self.written)
        )
        self.documents: dict[str, Document] = {}
        self.sources = Sources()
        self.debounce = DEBOUNCE
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argmap-check")
        self.poller: asyncio.Task[None] | None = None

    def say(self, message: str) -> None:
        """A line in the client's log."""
        try:
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Log, message=message)
            )
        except Exception:  # the log is best effort; the request is answered regardless
            log.exception("cannot log")

    def schedule(self, uri: str, delay: float) -> None:
        """Check the map again after ``delay`` seconds, replacing a check not yet started."""
        state = self.documents.setdefault(uri, Document())
        if state.task is not None:
            state.task.cancel()
        state.task = asyncio.get_running_loop().create_task(self.analyse(uri, delay))
        if self.poller is None:
            self.poller = asyncio.get_running_loop().create_task(self.poll())

    async def analyse(self, uri: str, delay: float) -> None:
        """Diagnose the current text, publish, then index it and find its critical statements."""
        try:
            await asyncio.sleep(delay)
            document = self.workspace.get_text_document(uri)
            text, number = document.source, document.version
            state = self.documents.get(uri)
            if state is None:
                return
            state.ignored = not is_map(uri, text)
            if state.ignored:
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, version=number, diagnostics=[])
                )
                return
            path = _path(uri)
            source, notes = self.sources.text(path) if path else (None, ())
            state.stamps = self.sources.stamps(path) if path else None
            loop = asyncio.get_running_loop()
            name = str(path) if path else uri
            current = functools.partial(_same, document, number)
            diagnosis = await loop.run_in_executor(
                self.worker,
                _unless_stale,
                current,
                diagnostics.safe_diagnose,
                *(text, name, uri, source, notes, state.memory),
            )
            if diagnosis is None or not current() or self.documents.get(uri) is not state:
                return
            state.diagnosis = diagnosis
            state.critical = None
            lines = split_lines(text)
            codec = document.position_codec
            with collector_paused():  # thousands of acyclic diagnostics, converted and sent
                published = [_convert(d, lines, codec) for d in diagnosis.diagnostics]
                with self.written.reusing(state.sent) as sent:
                    self.text_document_publish_diagnostics(
                        types.PublishDiagnosticsParams(
                            uri=uri, version=number, diagnostics=published
                        )
                    )
                state.sent = sent
            if len(text) > QUIET_ABOVE:
                await asyncio.sleep(QUIET)  # typing on: leave the worker free for the next check
            built = await loop.run_in_executor(
                self.worker, _unless_stale, current, index.build, text
            )
            if built is None or not current():
                return  # a newer version is on its way: its own check will index it
            state.index, state.index_version = built, number
            if diagnosis.map is not None:
                state.good_index = built
            if diagnosis.map is not None and diagnosis.report is not None:
                found = await loop.run_in_executor(
                    self.worker,
                    _unless_stale,
                    current,
                    critical_of,
                    diagnosis.map,
                    diagnosis.report,
                )
                if found is not None and state.diagnosis is diagnosis:
                    state.critical = found
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a bug in a check must not stop the server
            log.exception("checking %s failed", uri)
            self.say(f"argmap: checking {uri} failed: {error!r}")

    async def poll(self) -> None:
        """Check a map again when its argmap.toml or its source changes on disk."""
        while True:
            await asyncio.sleep(POLL)
            for uri, state in list(self.documents.items()):
                path = _path(uri)
                try:
                    changed = path and self.sources.stamps(path) != state.stamps
                    if changed and state.stamps is not None:
                        self.schedule(uri, 0)
                except Exception:  # a file that vanishes while looked at
                    log.exception("polling %s", uri)

    def lines(self, document: TextDocument) -> list[str]:
        """The document's lines, split once per version (a large map has tens of thousands)."""
        state = self.documents.setdefault(document.uri, Document())
        if state.lines is None or state.lines[0] != document.version:
            state.lines = (document.version, split_lines(document.source))
        return state.lines[1]

    def current_index(self, uri: str) -> tuple[TextDocument, index.Index]:
        """The document and an index of its current text (built now when the last is stale)."""
        document = self.workspace.get_text_document(uri)
        state = self.documents.setdefault(uri, Document())
        if state.index is None or state.index_version != document.version:
            state.index, state.index_version = index.build(document.source), document.version
        return document, state.index


def _same(document: TextDocument, number: int | None) -> bool:
    return document.version == number


def _unless_stale(current: Callable[[], bool], work: Callable[..., _R], *args: Any) -> _R | None:
    """Run ``work`` in the worker unless the document has changed since it was queued."""
    return work(*args) if current() else None


def critical_of(argmap: Any, report: Any) -> Mapping[str, Critical]:
    """The single points of failure by statement id (none when the map is too deep to tell)."""
    try:
        return {c.statement: c for c in critical(argmap, report.evaluation)}
    except ArgmapError:
        return {}


def _path(uri: str) -> Path | None:
    try:
        path = to_fs_path(uri)
    except Exception:  # an unusual URI: no source configuration then
        return None
    return Path(path) if path else None


def _convert(diagnostic: types.Diagnostic, lines: list[str], codec: Any) -> types.Diagnostic:
    """The diagnostic in the client's units: itself where they are characters, else a copy (a
    diagnostic is kept for the next version as it is)."""
    where = _client_range(diagnostic.range, lines, codec)
    related = diagnostic.related_information or []
    places = [_client_range(r.location.range, lines, codec) for r in related]
    if where is diagnostic.range and all(
        p is r.location.range for p, r in zip(places, related, strict=True)
    ):
        return diagnostic
    return attrs.evolve(
        diagnostic,
        range=where,
        related_information=[
            attrs.evolve(r, location=attrs.evolve(r.location, range=p))
            for p, r in zip(places, related, strict=True)
        ]
        or diagnostic.related_information,
    )


def _client_range(where: types.Range, lines: list[str], codec: Any) -> types.Range:
    """``where`` in the client's units: the same range on lines of ASCII, where every encoding
    counts a character as one unit (and the codec's count, a character at a time, is most of
    publishing thousands of diagnostics); else what the codec says."""
    start, end = where.start, where.end
    if start.line == end.line < len(lines):
        text = lines[start.line]
        if end.character <= len(text) and text.isascii():
            return where
    return cast(types.Range, codec.range_to_client_units(lines, where))


class Written:
    """The JSON written for the diagnostics of one publication, by diagnostic, so that the next
    publication of the same document writes again only the diagnostics that are new: one kept
    from the version before (:class:`argmap.lsp.diagnostics.Memory`) is the very object, and
    diagnostics are never changed once made."""

    def __init__(self) -> None:
        self.before: dict[int, tuple[types.Diagnostic, dict[str, Any]]] | None = None
        self.now: dict[int, tuple[types.Diagnostic, dict[str, Any]]] = {}

    @contextlib.contextmanager
    def reusing(
        self, before: dict[int, tuple[types.Diagnostic, dict[str, Any]]]
    ) -> Iterator[dict[int, tuple[types.Diagnostic, dict[str, Any]]]]:
        """While a publication is written: reuse the JSON of ``before`` (the document's last),
        and gather this one's into the dictionary given."""
        self.before, self.now = before, {}
        try:
            yield self.now
        finally:
            self.before = None

    def json(self, diagnostic: types.Diagnostic) -> dict[str, Any]:
        """The diagnostic's JSON (:func:`diagnostic_json`), reused when it was written before."""
        if self.before is None:
            return diagnostic_json(diagnostic)
        key = id(diagnostic)
        known = self.before.get(key)  # the entry holds its diagnostic: the id is that one's
        out = known[1] if known is not None and known[0] is diagnostic else None
        if out is None:
            out = diagnostic_json(diagnostic)
        self.now[key] = (diagnostic, out)
        return out


def converter(written: Written | None = None) -> cattrs.Converter:
    """pygls's converter, which writes a diagnostic the way :func:`diagnostic_json` does
    (through ``written``, which reuses what a publication wrote before): cattrs's general
    hooks, field by field and optional by optional, were most of the time it took to send the
    thousands of diagnostics of a large map."""
    made: cattrs.Converter = default_converter()  # type: ignore[no-untyped-call]  # pygls leaves it untyped
    made.register_unstructure_hook(
        types.Diagnostic, diagnostic_json if written is None else written.json
    )
    return made


def _range_json(where: types.Range) -> dict[str, Any]:
    start, end = where.start, where.end
    return {
        "start": {"line": start.line, "character": start.character},
        "end": {"line": end.line, "character": end.character},
    }


def diagnostic_json(diagnostic: types.Diagnostic) -> dict[str, Any]:
    """A diagnostic as the protocol's JSON: the keys and values lsprotocol's own converter gives
    (fields that are None left out), for the fields argmap's diagnostics use; any other field
    set falls back to that converter (a test compares the two)."""
    if diagnostic.code_description is not None:
        return cast(dict[str, Any], _FALLBACK.unstructure(diagnostic))
    out: dict[str, Any] = {"range": _range_json(diagnostic.range), "message": diagnostic.message}
    if diagnostic.severity is not None:
        out["severity"] = diagnostic.severity.value
    if diagnostic.code is not None:
        out["code"] = diagnostic.code
    if diagnostic.source is not None:
        out["source"] = diagnostic.source
    if diagnostic.tags is not None:
        out["tags"] = [tag.value for tag in diagnostic.tags]
    if diagnostic.related_information is not None:
        out["relatedInformation"] = [
            {
                "location": {
                    "uri": related.location.uri,
                    "range": _range_json(related.location.range),
                },
                "message": related.message,
            }
            for related in diagnostic.related_information
        ]
    if diagnostic.data is not None:
        out["data"] = _FALLBACK.unstructure(diagnostic.data)
    return out


_FALLBACK: Final[cattrs.Converter] = default_converter()  # type: ignore[no-untyped-call]  # as above


def guarded(default: Callable[[], object]) -> Callable[[_F], _F]:
    """Answer ``default()`` when a handler fails (and log why), so no request goes unanswered
    with a crash; a refusal the client should show (:class:`RequestFailed`) passes through.
    Documents that are not maps get ``default()`` straight away."""

    def wrap(handler: _F) -> _F:
        @functools.wraps(handler)
        def run(ls: ArgmapServer, params: Any) -> object:
            document = getattr(params, "text_document", None)
            state = ls.documents.get(getattr(document, "uri", ""))
            if state is not None and state.ignored:
                return default()
            try:
                return handler(ls, params)
            except JsonRpcException:
                raise
            except Exception as error:
                log.exception("%s failed", handler.__name__)
                ls.say(f"argmap: {handler.__name__} failed: {error!r}")
                return default()

        return cast(_F, run)

    return wrap
