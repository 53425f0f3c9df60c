"""Pictures that are safe to open and show every text as written, whatever a map holds.

Each test renders with the real Graphviz ``dot`` (marker ``dot``) and reads the SVG with an XML
parser, as a browser would: a text must come out as the characters the map holds, never as markup,
an entity, a Graphviz escape (``\\N``, ``\\G``, ``\\n``...) or code; the only link is the source's
http(s) address.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import given

from argmap.dot import to_dot
from argmap.dot.quoting import HEADING_CHARS, one_line
from argmap.errors import MapError, RenderError
from argmap.load import load_map, loads
from argmap.model import Map, Objection, Reason
from argmap.render import draw, picture
from strategies import examples, hostile_maps

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def svg_of(source: str) -> ElementTree.Element:
    """The SVG Graphviz draws of ``source``, parsed: a document that does not parse fails here."""
    return ElementTree.fromstring(picture(source, "svg"))


def group(svg: ElementTree.Element, element_id: str) -> ElementTree.Element:
    found = [g for g in svg.iter(f"{SVG}g") if g.get("id") == element_id]
    assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
    return found[0]


def shown(element: ElementTree.Element) -> str:
    """The words an element's ``<text>`` lines show, one space between words."""
    return words(" ".join("".join(t.itertext()) for t in element.iter(f"{SVG}text")))


def tooltip(element: ElementTree.Element) -> str:
    """The tooltip of an element, as an SVG reader shows it."""
    titles = [a.get(f"{XLINK}title") for a in element.iter(f"{SVG}a")]
    assert titles, "no tooltip"
    return reads(titles[0] or "")


def words(text: str) -> str:
    return " ".join(text.split())


def reads(text: str) -> str:
    """A text as an SVG tooltip shows it: a tab is a space (XML reads it so in an attribute), and
    Graphviz writes every second space of a run as a no-break space."""
    return text.replace("\t", " ").replace("\xa0", " ")


def assert_safe(svg: ElementTree.Element) -> None:
    """No script, no foreign object, no event handler, no link that is not http(s)."""
    for element in svg.iter():
        assert element.tag not in (f"{SVG}script", f"{SVG}foreignObject"), element.tag
        for name, value in element.attrib.items():
            local = name.rpartition("}")[2]
            assert not local.lower().startswith("on"), (name, value)
            if local == "href":
                assert value.startswith(("http://", "https://")), value


# --- every text, as written ----------------------------------------------------------------------


@pytest.mark.dot
@needs_dot
@examples(25)
@given(hostile_maps())
def test_graphviz_shows_every_text_of_any_map_as_written(the_map: Map) -> None:
    """Entities, character references written as text, backslash escapes, markup, quotes, braces,
    line breaks, tabs, C1 controls, line separators, right-to-left marks and emoji: the SVG parses,
    each statement's tooltip is its text and more, exactly; its box shows the text's words; the
    title, headings, notes, locators, hedges and source fields come out as written (one-line fields
    with their line breaks as spaces); and nothing in it can run."""
    svg = svg_of(draw(the_map, status=True))
    assert_safe(svg)
    for statement in the_map.statements.values():
        node = group(svg, statement.id)
        hover = tooltip(node)
        assert hover.startswith(reads(statement.text))
        for field in (statement.quote, statement.note, *statement.tags):
            if field is not None:
                assert reads(field) in hover
        for words_of in (statement.hedge, statement.certainty, statement.by):
            if words_of:
                assert reads(one_line(str(words_of))) in hover
        locator = the_map.locator(statement)
        if locator is not None:
            assert reads(one_line(locator)) in hover
        assert words(statement.text) in shown(node)
    thesis = the_map.statements["t"]
    inferences: list[Reason | Objection] = [*thesis.reasons, *thesis.objections]
    for inference in inferences:
        assert inference.note is not None
        quoted = f"\n“{inference.quote}”" if inference.quote is not None else ""
        assert tooltip(group(svg, inference.id)) == reads(
            f"{inference.id}{quoted}\nNote: {inference.note}"
        )
    heading = the_map.sections[0].title
    assert words(one_line(heading)) in shown(group(svg, "cluster:section:s"))
    everything = shown(svg)
    assert words(one_line(the_map.title)) in everything
    source = the_map.source
    for field in (source.title, source.author, source.publisher, source.date):
        assert field is not None
        assert words(one_line(field)) in everything


def test_the_dot_of_any_text_has_no_escape_graphviz_would_expand() -> None:
    """Backslashes are doubled in labels and written four times in tooltips (Graphviz removes
    escapes twice there); an ``&`` in a tooltip is ``&amp;``, so ``&#1;`` stays text."""
    the_map = loads(
        "argmap: 1\ntitle: t\nstatements:\n  s: {claim: 'C:\\Notes\\Graph.txt &#1; \\N'}\n"
    )
    source = to_dot(the_map)
    assert "C:\\\\Notes\\\\Graph.txt &amp;#1; \\\\N" in source
    assert 'tooltip="C:\\\\\\\\Notes\\\\\\\\Graph.txt &amp;#1; \\\\\\\\N"' in source


# --- what was seen, each pinned ------------------------------------------------------------------


MAP = """\
argmap: 1
title: {title}
source:
  title: {source}
  url: {url}
sections:
  s: {heading}
statements:
  t:
    thesis: {text}
    section: s
    hedge: {hedge}
    at: {at}
    reasons: [e]
  e: {{evidence: plain}}
"""


def a_map(**fields: str) -> Map:
    """The map above, each field given as a YAML double-quoted text (default: plain words)."""
    values = dict.fromkeys(("title", "source", "heading", "text", "hedge", "at"), '"plain"')
    values["url"] = '"https://example.org/plain"'
    values.update(fields)
    return loads(MAP.format(**values), "m.argmap.yaml")


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize(
    "text",
    [
        "x &#1; y",
        "&#xD800; breaks UTF-8",
        "&lt;b&gt; and &amp; and &#65;",
        "C:\\Notes\\Graph.txt",
        "\\N \\G \\L \\E \\T \\H \\n \\l \\r",
        "two \\\\ backslashes",
        "<b>bold</b> ]]> <script>alert(1)</script>",
        "]",
    ],
)
def test_references_escapes_and_markup_show_as_written(text: str) -> None:
    """Character references are not turned into characters (a raw U+0001 or a lone surrogate
    once made the SVG unreadable), entities not expanded, Graphviz's ``\\N``-style escapes not
    replaced by names or line breaks: box and tooltip show the text as written."""
    quoted = '"' + text.replace("\\", "\\\\") + '"'
    the_map = a_map(text=quoted, title=quoted, heading=quoted, hedge=quoted, at=quoted)
    svg = svg_of(draw(the_map))
    assert_safe(svg)
    node = group(svg, "t")
    assert tooltip(node).startswith(text)
    assert words(text) in shown(node)
    assert shown(svg).count(words(text)) >= 4  # title, heading, text, hedge, locator


@pytest.mark.dot
@needs_dot
def test_line_breaks_and_tabs_in_one_line_fields_are_spaces() -> None:
    """A tab or line break in a title, hedge, heading, locator or source field shows as a space,
    not as words glued together (``line oneline two``)."""
    glued = '"line one\\nline two\\tthree"'
    the_map = a_map(title=glued, source=glued, heading=glued, hedge=glued, at=glued)
    everything = shown(svg_of(draw(the_map)))
    assert everything.count("line one line two three") == 5
    assert "oneline" not in everything
    assert "twothree" not in everything


@pytest.mark.dot
@needs_dot
def test_a_blank_line_in_a_locator_or_heading_is_drawn() -> None:
    """A blank line once became an empty ``<FONT></FONT>``, which Graphviz refuses."""
    blank = '"first\\n\\nsecond"'
    svg = svg_of(draw(a_map(at=blank, heading=blank, hedge=blank, text=blank)))
    assert "first second" in shown(group(svg, "t"))


@pytest.mark.dot
@needs_dot
def test_a_heading_too_long_for_graphviz_is_cut_and_kept_whole_in_its_tooltip() -> None:
    """A 10,000-character heading once failed the layout (an edge longer than 65,535 points); the
    box shows its start, the tooltip all of it that a tooltip holds."""
    heading = "word " * 2000
    svg = svg_of(draw(a_map(heading=f'"{heading}"', title=f'"{heading}"')))
    box = group(svg, "cluster:section:s")
    assert len(shown(box)) <= HEADING_CHARS
    assert shown(box).endswith("…")
    assert tooltip(box).startswith("word word")


def test_an_id_too_long_for_graphviz_is_refused_with_its_place() -> None:
    """Graphviz fails on a name of more than 16,384 characters: the loader refuses long ids (a
    JSON map, as YAML itself limits a key to 1,024 characters)."""
    long_id = "a" * 20_000
    text = f'{{"argmap": 1, "title": "t",\n "statements": {{"{long_id}": {{"thesis": "x"}}}}}}'
    with pytest.raises(MapError) as raised:
        loads(text, "m.argmap.json")
    assert str(raised.value).startswith(
        "m.argmap.json:2:17: statement id 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' is 20,000 characters"
    )


@pytest.mark.dot
@needs_dot
def test_a_graphviz_failure_names_the_map_in_one_line(tmp_path: Path) -> None:
    """When Graphviz fails anyway, the message says which map, and that Graphviz failed."""
    with pytest.raises(RenderError) as raised:
        picture("digraph { <bad>", "svg", name="maps/x.argmap.yaml")
    message = str(raised.value)
    assert message.startswith("maps/x.argmap.yaml: Graphviz dot failed to draw the map: ")
    assert "\n" not in message


# --- the source link -----------------------------------------------------------------------------

REFUSED = "refused"

URLS = [
    ("https://example.org/a?x=1&y=2", "https://example.org/a?x=1&y=2"),
    ("HTTPS://EXAMPLE.ORG/Upper", "https://EXAMPLE.ORG/Upper"),
    ("http://example.org", "http://example.org"),
    ("https://bücher.example/ä?q=ö", "https://xn--bcher-kva.example/%C3%A4?q=%C3%B6"),
    (
        'https://example.org/x"onmouseover="alert(1)"',
        "https://example.org/x%22onmouseover=%22alert%281%29%22",
    ),
    (
        'https://example.org/"><script>alert(1)</script>',
        "https://example.org/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E",
    ),
    ("https://example.org/a&amp;b&#65;", "https://example.org/a%26amp;b%26#65;"),
    ("https://example.org/C:\\x", "https://example.org/C:%5Cx"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("file:///etc/passwd", None),
    ("//example.org/x", None),
    ("ftp://example.org/x", None),
    ("example.org", None),
    ('https://example.org/"><script>alert(1)</script></a><a x="', REFUSED),
    ('https://example.org/x" onmouseover="alert(document.domain)" style="x', REFUSED),
    ("  https://example.org/", REFUSED),
    ("  javascript:alert(1)", REFUSED),
    ("https://", REFUSED),
    ("http:///path", REFUSED),
    ("http://[::1", REFUSED),
    ("https://example.org:99999/", REFUSED),
    ("https://exa mple.org/", REFUSED),
    ("https://exa<mple.org/", REFUSED),
]


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_only_a_web_address_becomes_a_link_and_it_is_written_safely(
    url: str, expected: str | None
) -> None:
    """A hostile address is refused with its place, left as no link, or written percent-encoded so
    that it cannot end its attribute; an ``&`` is the one character left for XML to escape."""
    if expected == REFUSED:
        with pytest.raises(MapError, match=r"^m\.argmap\.yaml:5:8: the source url"):
            a_map(url=_yaml(url))
        return
    source = draw(a_map(url=_yaml(url)), findings=False)
    if expected is None:
        assert "HREF" not in source
    else:
        assert f'HREF="{expected.replace("&", "&amp;")}"' in source


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize(("url", "expected"), [(u, e) for u, e in URLS if e != REFUSED])
def test_the_svg_links_only_to_the_web_address_and_stays_well_formed(
    url: str, expected: str | None
) -> None:
    """Graphviz writes a link's address as it is; argmap's SVG still parses, holds no script or
    event handler, and links exactly to the address (or to nothing)."""
    svg = svg_of(draw(a_map(url=_yaml(url)), findings=False))
    assert_safe(svg)
    hrefs = [a.get(f"{XLINK}href") for a in svg.iter(f"{SVG}a") if a.get(f"{XLINK}href")]
    assert hrefs == ([expected] if expected is not None else [])


# --- reading maps --------------------------------------------------------------------------------


def test_a_json_map_is_read_by_jsons_rules(tmp_path: Path) -> None:
    """``json.dumps`` writes an emoji as a surrogate pair escape, which YAML refused: a
    ``.argmap.json`` file loads every escape JSON allows."""
    path = tmp_path / "m.argmap.json"
    path.write_text(
        '{"argmap": 1, "title": "\\ud83d\\ude00 \\u0085 \\/ \\t", "statements": '
        '{"t": {"thesis": "T", "at": 3, "hedge": true, "reasons": ["e"]}, "e": {"evidence": "E"}}}'
    )
    the_map = load_map(path)
    assert the_map.title == "😀 \x85 / \t"
    assert the_map.statements["t"].at == 3
    assert the_map.statements["t"].hedge == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"argmap": 1,\n "title": "a" "b"}', "2:15: JSON syntax error: expected ',' or '}'"),
        ('{"argmap": 1,\n  "title": "\\q"}', "2:13: JSON syntax error: invalid \\escape"),
        ('{"argmap": 1,\n  "title": "\\ud800"}', "2:12: 'title' holds U+D800, half of a surrogate"),
        ('{"argmap": 1,\n  "title": "a\tb"}', "2:14: JSON syntax error: U+0009 must be escaped"),
        ('{"argmap": 1, "argmap": 1}', "1:15: duplicate key 'argmap' in the map"),
        ('{"argmap": 1}\n{', "2:1: JSON syntax error: more after the end of the JSON value"),
    ],
)
def test_json_problems_keep_their_line_and_column(text: str, message: str) -> None:
    """A JSON map's mistakes are reported at their place, like a YAML map's."""
    with pytest.raises(MapError) as raised:
        loads(text, "m.argmap.json")
    assert f"m.argmap.json:{message}" in str(raised.value)


@pytest.mark.parametrize("character", ["\x81", "\x9f", "\x7f"])
def test_a_raw_control_character_in_yaml_is_one_line_naming_it(character: str) -> None:
    """YAML refuses raw C1 controls; the message is one line with the place and the character,
    instead of PyYAML's two lines ending in 'position 19'."""
    with pytest.raises(MapError) as raised:
        loads(f"argmap: 1\ntitle: ab{character}c\nstatements: {{t: {{thesis: x}}}}\n", "m.yaml")
    message = str(raised.value)
    assert message.startswith(f"m.yaml:2:10: the control character U+{ord(character):04X} ")
    assert "\n" not in message
