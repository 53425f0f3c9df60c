"""The HTML report without a browser: same bytes for the same map, a policy that allows only the
page's own code, every text escaped, the embedded SVG stripped of anything that could run, quotes
found in the source, and the ``report`` and ``serve`` commands' exits."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import socket
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from argmap.analysis import SourceText
from argmap.cli import main
from argmap.html import escape, report
from argmap.html.facts import gather
from argmap.html.page import page as render_page
from argmap.html.serve import Preview
from argmap.html.source import marked, occurrences
from argmap.html.svg import embeddable
from argmap.load import load_map, loads
from argmap.model import Map
from strategies import maps, tricky_texts

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)

HOSTILE = '<script>alert(1)</script>" onmouseover="alert(2)" x=\'</textarea>&amp; &#1; \\N'

MAP = f"""\
argmap: 1
title: {json.dumps(HOSTILE)}
source:
  title: Car-free centres
  url: https://example.org/a?x=1&y=2
statements:
  close-centre:
    thesis: {json.dumps(HOSTILE)}
    reasons: [cleaner-air]
    hedge: '<b>maybe</b>'
  cleaner-air:
    evidence: Air pollution fell by about a third.
    quote: fell by almost a THIRD
    at: '</script><script>alert(3)</script>'
  unfounded:
    claim: Nobody said this.
    quote: words that are nowhere
"""

SOURCE = "After the closure, air pollution Fell  by almost a third.\n<script>alert(4)</script>\n"


class _Page(HTMLParser):
    """What a browser would see as code or as a way out of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.in_script = False
        self.events: list[str] = []
        self.links: list[str] = []
        self.sources: list[str] = []
        self.tags: list[str] = []
        self.texts: list[str] = []
        self.policy = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        self.events.extend(name for name, _ in attrs if name.startswith("on"))
        self.links.extend(v for k, v in attrs if k in ("href", "xlink:href") and v)
        self.sources.extend(k for k, _ in attrs if k in ("src", "srcset", "action", "style"))
        if tag == "script":
            self.in_script = True
            self.scripts.append("")
        if values.get("http-equiv") == "Content-Security-Policy":
            self.policy = values.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts[-1] += data
        else:
            self.texts.append(data)


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    return parsed


def _sha(content: str) -> str:
    return base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()


@needs_dot
def test_same_map_same_bytes() -> None:
    """Two reports of one map and source are identical, byte for byte."""
    argmap = loads(MAP)
    assert report(argmap, SOURCE) == report(loads(MAP), SOURCE)


@needs_dot
def test_policy_allows_only_the_inline_code_and_texts_stay_text() -> None:
    """The page runs only its own two inline parts (script and style, named by hash in the
    policy, which allows nothing else); no text of the map or source becomes an element, an
    event handler, a link or a fetch."""
    page = report(loads(MAP), SOURCE)
    parsed = _parse(page)
    assert len(parsed.scripts) == 1
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert parsed.policy.split("; ") == [
        "default-src 'none'",
        f"script-src 'sha256-{_sha(parsed.scripts[0])}'",
        f"style-src 'sha256-{_sha(style)}'",
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    assert parsed.events == []
    assert parsed.sources == []
    assert "alert" not in "".join(parsed.scripts)
    assert set(parsed.tags) <= _ALLOWED_TAGS
    web = [link for link in parsed.links if not link.startswith("#")]
    assert web == ["https://example.org/a?x=1&y=2"] * 2  # the header and the diagram
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page
    assert "&amp;#1;" in page
    assert "\x01" not in page


_ALLOWED_TAGS = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "div",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "cite",
        "strong",
        "ul",
        "ol",
        "li",
        "code",
        "section",
        "span",
        "label",
        "input",
        "button",
        "aside",
        "dl",
        "dt",
        "dd",
        "q",
        "article",
        "script",
        "svg",
        "g",
        "path",
        "polygon",
        "polyline",
        "ellipse",
        "text",
        "tspan",
    ]
)


def test_embedded_svg_loses_everything_that_could_run() -> None:
    """Whatever Graphviz lets through, the embedded SVG has no script, foreignObject, style, event
    attribute or non-web link; texts and attributes are escaped again; statement nodes get their
    number."""
    svg = b"""<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="10pt" height="10pt" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="c1" class="node" onclick="alert(1)"><title>c1</title>
<a xlink:href="javascript:alert(2)" xlink:title="tip &lt;b&gt;"><text style="x">a &#1; b</text></a>
<a xlink:href="https://example.org/?a=1&amp;b=2" onmouseover="alert(3)"><text>ok</text></a>
<script>alert(4)</script><foreignObject><p>x</p></foreignObject><style>*{}</style>
<image href="http://example.org/x.png"/>
</g></svg>"""
    out = embeddable(svg, {"c1": 7})
    for bad in ("script", "foreignObject", "style", "onclick", "onmouseover", "javascript"):
        assert bad not in out
    assert "<image" not in out
    assert "\x01" not in out
    assert '<g class="node" data-k="7" tabindex="0" role="button" aria-label="c1">' in out
    assert '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer external">' in out
    assert "<title>tip &lt;b&gt;</title>" in out
    assert 'width="10pt"' not in out


def test_quotes_are_marked_where_they_occur_in_the_author_s_words() -> None:
    """A quote is found up to case and spacing and marked over the source's own words; the mark
    links to its statement and the statement to the mark."""
    source = SourceText(SOURCE)
    found = occurrences(source, [(0, "fell by almost a THIRD"), (1, "nowhere at all")])
    assert [(o.statement, SOURCE[o.start : o.end]) for o in found] == [
        (0, "Fell  by almost a third.")
    ]
    html, anchors = marked(source, found, ["cleaner-air", "unfounded"])
    assert anchors == {0: "q-0"}
    assert '<a class="quote" href="#st-0" id="q-0" data-k="0" data-all="0"' in html
    assert "&lt;script&gt;" in html


def test_overlapping_quotes_mark_each_piece_for_every_statement() -> None:
    """Where two quotes overlap, the shared words carry both statements."""
    source = SourceText("one two three four")
    found = occurrences(source, [(0, "one two three"), (1, "three four")])
    html, anchors = marked(source, found, ["a", "b"])
    assert anchors == {0: "q-0", 1: "q-1"}
    assert 'data-all="0 1" title="quoted by a, b">three</a>' in html


@needs_dot
def test_report_lists_quotes_not_found() -> None:
    """With a source, a quote that does not occur is listed as not found."""
    page = report(loads(MAP), SOURCE)
    missing = page.split("Quotes not found in the source", 1)[1].split("</ul>", 1)[0]
    assert "unfounded" in missing
    assert "words that are nowhere" in missing
    assert "cleaner-air" not in missing


@needs_dot
def test_report_command_writes_the_page(tmp_path: Path) -> None:
    """``argmap report MAP --source FILE -o OUT`` writes the page and says so; by default the
    page goes beside the map as NAME.html."""
    map_path = tmp_path / "m.argmap.yaml"
    map_path.write_text(MAP, encoding="utf-8")
    source = tmp_path / "source.txt"
    source.write_text(SOURCE, encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(map_path), "--source", str(source)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.stderr == f"wrote {tmp_path / 'm.html'}\n"


def test_report_of_a_broken_map_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    """A map that cannot be read gives its problem in one line, exit 2, and no file; neither
    may the report replace the map itself."""
    map_path = tmp_path / "m.argmap.yaml"
    map_path.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(map_path), "-o", str(out)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"{map_path}:3:1: YAML syntax error")
    assert not out.exists()
    itself = CliRunner().invoke(main, ["report", str(map_path), "-o", str(map_path)])
    assert itself.exit_code == 2
    assert itself.stderr == f"{map_path}: this is the map itself; choose another output file\n"


def test_serve_on_a_port_in_use_is_one_line_exit_2(tmp_path: Path) -> None:
    """``argmap serve`` on a port something else listens on stops with one line and exit 2."""
    map_path = tmp_path / "m.argmap.yaml"
    map_path.write_text(MAP, encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(map_path), "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap serve: port {port} on 127.0.0.1 is in use; choose another with --port\n"
    )


@needs_dot
def test_preview_reads_the_map_in_the_format_serve_was_given(tmp_path: Path) -> None:
    """``serve --from argdown`` hands the format to every rebuild: an Argdown file named .txt is
    served as Argdown, while without the format it is argmap YAML and cannot be read."""
    map_path = tmp_path / "debate.txt"
    map_path.write_text("[t]: The thesis. #thesis\n  + [e]: The evidence. #evidence\n")
    served = Preview(map_path, None, form="argdown")
    served.rebuild()
    assert served.problems == []
    assert b"The evidence." in served.current()
    unread = Preview(map_path, None)
    unread.rebuild()
    assert unread.problems[0].startswith(f"{map_path}:2:3: YAML syntax error")


@needs_dot
def test_preview_keeps_the_last_good_report_when_the_map_breaks(tmp_path: Path) -> None:
    """A save that breaks the map keeps the last good page and reports the problems with their
    lines; the next good save replaces the page and clears them."""
    map_path = tmp_path / "m.argmap.yaml"
    map_path.write_text(MAP, encoding="utf-8")
    preview = Preview(map_path, None)
    preview.rebuild()
    good = preview.current()
    assert b'<meta name="argmap-version" content="1">' in good
    map_path.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    preview.rebuild()
    assert preview.current() == good
    assert re.fullmatch(
        rb'\{"version": 1, "problems": \[".*m.argmap.yaml:3:1: YAML syntax error.*"\]\}',
        preview.state(),
    )
    map_path.write_text(MAP.replace("Nobody said this.", "Somebody did."), encoding="utf-8")
    preview.rebuild()
    assert b"Somebody did." in preview.current()
    assert preview.state() == b'{"version": 2, "problems": []}'


@pytest.mark.parametrize("name", ["tutorial.argmap.yaml", "china-russia-central-asia.argmap.yaml"])
def test_what_rejecting_brings_down_is_what_whatif_says(name: str) -> None:
    """Each statement's "rejecting it" is whatif's answer for it alone, changes of earned
    confidence included: the report skips asking only for statements that nothing rests on, and
    that changes no answer."""
    from argmap import explore
    from argmap.html.facts import gather
    from argmap.load import load_map

    argmap = load_map(Path(__file__).resolve().parents[1] / "maps" / name)
    facts = gather(argmap)
    for sid in argmap.statements:
        asked = explore.whatif(argmap, reject=[sid]).changes
        assert [c for c in facts.falls[sid] if c.statement != sid] == [
            c for c in asked if c.statement != sid
        ], sid


def test_rejecting_it_shows_what_others_earn_when_their_status_stays() -> None:
    """Rejecting the firmer of a thesis's two routes leaves it grounded but earning less: the
    details say so, as whatif does."""
    from argmap.html.facts import gather
    from argmap.html.page import page as render_page

    argmap = loads(
        "argmap: 1\ntitle: Two routes\nstatements:\n"
        "  t: {thesis: T, reasons: [e1, c2]}\n"
        "  e1: {evidence: E1}\n"
        "  c2: {claim: C2, hedge: probably, reasons: [e2]}\n"
        "  e2: {evidence: E2}\n"
    )
    html = render_page(gather(argmap), "<svg></svg>")
    assert "earns almost certain \u2192 likely" in html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argmap=maps(), source=tricky_texts)
def test_any_text_of_a_map_shows_as_written_and_never_as_markup(argmap: Map, source: str) -> None:
    """Whatever a map's texts hold (markup, quotes, references, emoji, right-to-left script),
    the page shows each as written and gains no element, attribute or script from it."""
    page = render_page(gather(argmap, source), "")
    parsed = _Page()
    parsed.feed(page)
    shown = "".join(parsed.texts)
    for statement in argmap.statements.values():
        assert statement.text in shown
        if statement.quote:
            assert statement.quote in shown
    assert argmap.title in shown
    assert source in shown
    assert parsed.events == []
    assert parsed.sources == []
    assert set(parsed.tags) <= _ALLOWED_TAGS
    assert len(parsed.scripts) == 1


@needs_dot
def test_diagram_of_hostile_texts_embeds_as_well_formed_inert_svg() -> None:
    """The texts that broke or subverted Graphviz's SVG (see the safe-output issue) give an
    embedded diagram that parses as XML and holds nothing that runs."""
    hostile = ["x &#1; y", "&#xD800; z", "&lt;b&gt; &amp; &#65;", "C:\\Notes\\Graph.txt \\N \\G"]
    lines = ["argmap: 1", "title: 'x &#1; y'", "statements:"]
    for n, words in enumerate(hostile):
        lines += [f"  s{n}:", f"    claim: {json.dumps(words)}", f"    hedge: {json.dumps(words)}"]
    page = report(loads("\n".join(lines) + "\n"))
    svg = page[page.index("<svg") : page.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    names = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert names <= {"svg", "g", "title", "path", "polygon", "ellipse", "text", "a", "polyline"}
    assert not [k for element in root.iter() for k in element.attrib if k.startswith("on")]
    assert "\x01" not in page


def test_the_seed_map_s_report_in_maps_is_current() -> None:
    """maps/china-russia-central-asia.html is what `make maps` writes from the map as it is now:
    everything but the diagram is built again and compared byte for byte (the diagram, taken
    from the file, depends on the Graphviz version)."""
    folder = Path(__file__).resolve().parents[1] / "maps"
    kept = (folder / "china-russia-central-asia.html").read_text(encoding="utf-8")
    svg = kept[kept.index("<svg") : kept.index("</svg>") + len("</svg>")]
    facts = gather(load_map(folder / "china-russia-central-asia.argmap.yaml"))
    assert render_page(facts, svg) == kept, "the map changed: run make maps"


@pytest.mark.parametrize("character", ["\x01", "\x7f", "\x85", "\ud800", "\ufdd0", "\ufffe"])
def test_characters_html_cannot_carry_become_replacement_characters(character: str) -> None:
    """Controls, lone surrogates and non-characters are shown as U+FFFD; line breaks and tabs
    stay, and markup characters are escaped."""
    assert escape.text(f"<a{character}>\n\t") == "&lt;a\ufffd&gt;\n\t"


def test_large_maps_say_what_rejecting_brings_down_only_for_critical_statements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past ``WHATIF_ALL`` statements the report asks whatif only about the single points of
    failure, and every other statement's details say so and name the command to ask."""
    from argmap.html import facts as facts_module

    monkeypatch.setattr(facts_module, "WHATIF_ALL", 2)
    argmap = loads(MAP)
    gathered = gather(argmap)
    assert set(gathered.falls) == set(gathered.critical) == {"cleaner-air"}
    page = render_page(gathered, "")
    assert "<code>argmap whatif MAP --reject unfounded</code> lists what changes" in page
    assert "leaves without ground: " in page


@needs_dot
def test_the_local_server_answers_only_requests_for_a_local_name(tmp_path: Path) -> None:
    """On 127.0.0.1 the preview serves its page and state to a local name, refuses a request
    addressed to any other name (a page elsewhere that rebinds its name to 127.0.0.1), and knows
    no other path."""
    import http.client
    import threading

    from argmap.html.serve import open_server

    map_path = tmp_path / "m.argmap.yaml"
    map_path.write_text(MAP, encoding="utf-8")
    preview = Preview(map_path, None)
    preview.rebuild()
    server = open_server(preview, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    port = server.server_address[1]

    def get(path: str, host: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        result = response.status, response.read()
        connection.close()
        return result

    try:
        assert get("/state", f"localhost:{port}") == (200, b'{"version": 1, "problems": []}')
        status, body = get("/", f"127.0.0.1:{port}")
        assert status == 200
        assert body == preview.current()
        assert get("/state", f"evil.example:{port}") == (421, b"not a local name")
        assert get("/etc/passwd", f"127.0.0.1:{port}")[0] == 404
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@needs_dot
def test_the_readme_s_report_examples_write_the_pages_they_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The `argmap report` lines of the README's section on sharing run as written (in a copy of
    the repository's layout) and write the file they name; `argmap serve` runs until stopped, so
    the browser tests try it instead."""
    import shlex

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Sharing a map", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line[2:] for line in block.splitlines() if line.startswith("$ argmap report")]
    assert len(commands) == 2
    work = tmp_path / "argmap"
    (work / "maps").mkdir(parents=True)
    for path in (root / "maps").glob("*.argmap.yaml"):
        shutil.copy(path, work / "maps" / path.name)
    shared = root.parent / "shared"
    if shared.exists():
        (tmp_path / "shared").symlink_to(shared, target_is_directory=True)
    monkeypatch.chdir(work)
    for command in commands:
        if "../shared/" in command and not shared.exists():
            continue
        result = CliRunner().invoke(main, shlex.split(command, comments=True)[1:])
        assert result.exit_code == 0, (command, result.output)
        written = result.stderr.removeprefix("wrote ").strip()
        assert written in command or written == "maps/tutorial.html"
        assert Path(written).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_statements_details_say_how_sure_whose_and_on_what_it_rests() -> None:
    """The details give the stated and the earned confidence, whose the evidence is and its
    grade, the mapper's note and tags, each reason with its premises together and whose link it
    is, and the objections, including those against one of its reasons."""
    from argmap.html.facts import gather
    from argmap.html.page import page as render_page

    argmap = loads(
        "argmap: 1\ntitle: Details\nstatements:\n"
        "  t:\n"
        "    thesis: T\n"
        "    certainty: it is clear\n"
        "    note: The mapper's <note>\n"
        "    tags: [crux, 'a & b']\n"
        "    reasons:\n"
        "      - {premises: [e1, a1], quote: 'Given E1,'}\n"
        "      - {id: r2, assumed: e2, objections: [c3]}\n"
        "    objections: [c4]\n"
        "  e1: {evidence: E1, by: {name: Xu Qiliang, role: general}, grade: B2}\n"
        "  e2: {evidence: E2, by: {unnamed: Chinese sources}}\n"
        "  a1: {assumption: A1}\n"
        "  c3: {claim: C3}\n"
        "  c4: {claim: C4}\n"
    )
    html = re.sub(r"<a [^>]*>|</a>", "", render_page(gather(argmap), "<svg></svg>"))
    t = html[html.index('data-id="t"') : html.index('data-id="e1"')]
    assert "<dt>Certainty</dt><dd>it is clear</dd>" in t
    assert "<dt>Confidence</dt><dd>stated certain; earns almost certain</dd>" in t
    assert (
        '<dt>Rests on</dt><dd><ul class="am-reasons">'
        "<li><code>e1</code> and <code>a1</code> together <q>Given E1,</q></li>"
        "<li><code>e2</code> (the mapper's link)</li></ul></dd>"
    ) in t
    assert (
        '<dt>Objections</dt><dd><ul class="am-reasons"><li><code>c4</code></li>'
        "<li><code>c3</code>, against the reason from <code>e2</code></li></ul></dd>"
    ) in t
    assert "<dt>Note</dt><dd>The mapper&#x27;s &lt;note&gt;</dd>" in t
    assert "<dt>Tags</dt><dd>crux, a &amp; b</dd>" in t
    e1 = html[html.index('data-id="e1"') : html.index('data-id="e2"')]
    assert "<dt>By</dt><dd>Xu Qiliang, general</dd>" in e1
    assert "<dt>Grade</dt><dd>B2</dd>" in e1
    e2 = html[html.index('data-id="e2"') : html.index('data-id="a1"')]
    assert "<dt>By</dt><dd>an unnamed source (Chinese sources)</dd>" in e2
