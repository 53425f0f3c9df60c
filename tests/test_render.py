"""Rendering: choosing the output, running Graphviz, writing files whole, and ``argmap render``."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import click
import graphviz
import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap.cli import LEAVES, MAP_FORMATS, main
from argmap.dot import DrawOptions, to_dot
from argmap.errors import ExecutableNotFound, MapError, RenderError
from argmap.load import loads
from argmap.options import DEFAULT_WRAP, DIRECTIONS, ENGINES, Layout
from argmap.render import (
    FORMATS,
    INSTALL_HINT,
    default_output,
    diagram,
    draw,
    format_for,
    picture,
    render,
    resolve_output,
)
from dotreader import label_text, read_dot
from golden import assert_golden
from strategies import examples

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
HAVE_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAVE_DOT, reason="Graphviz's dot is not installed")

MAP = """\
argmap: 1
title: Should the city close its centre to cars?
source:
  title: Car-free centres
  url: https://example.org/car-free
statements:
  close-centre:
    thesis: The city should close its centre to private cars.
    reasons:
      - cleaner-air
      - [fewer-crashes, crashes-matter]
    objections: [deliveries]
  cleaner-air:
    evidence: Air pollution fell by about a third after a similar closure.
    quote: fell by almost a third
    at: p. 2
  fewer-crashes:
    claim: Fewer cars in the centre means fewer crashes.
  crashes-matter:
    assumption: Preventing crashes is worth some inconvenience.
  deliveries:
    claim: Shops could no longer receive deliveries.
"""

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF", "dot": b"digraph"}


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "city.argmap.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


@pytest.fixture
def no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH on which no Graphviz program can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


# --- choosing the output -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.svg", "svg"), ("a.PNG", "png"), ("out/a.pdf", "pdf"), ("a.dot", "dot"), ("a.gv", "dot")],
)
def test_the_format_follows_the_output_suffix(name: str, fmt: str) -> None:
    """``-o picture.png`` writes PNG without ``-f``."""
    assert format_for(Path(name)) == fmt


def test_an_unknown_suffix_is_an_error_not_a_guess() -> None:
    """A suffix that names no format asks for ``-f`` instead of writing something else."""
    with pytest.raises(RenderError, match=r"cannot tell the format .*'\.jpg'.*use -f svg\|png"):
        format_for(Path("a.jpg"))


def test_the_default_output_is_an_svg_beside_the_map() -> None:
    """``maps/city.argmap.yaml`` is drawn to ``maps/city.svg`` (or ``.png`` etc. with ``-f``)."""
    assert default_output(Path("maps/city.argmap.yaml"), "svg") == Path("maps/city.svg")
    assert default_output(Path("city.argmap.json"), "png") == Path("city.png")
    assert default_output(Path("notes.yml"), "pdf") == Path("notes.pdf")
    assert resolve_output(Path("m/city.argmap.yaml"), None, None) == (Path("m/city.svg"), "svg")


@pytest.mark.parametrize(
    ("name", "picture"),
    [
        ("debate.argdown", "debate.svg"),
        ("debate.AD", "debate.svg"),
        ("nodeset.json", "nodeset.svg"),
        ("city.argmap.yml", "city.svg"),
        ("notes.txt", "notes.txt.svg"),
        (".argdown", ".argdown.svg"),
    ],
)
def test_the_default_output_drops_any_suffix_the_readers_know(name: str, picture: str) -> None:
    """An Argdown or AIF map is drawn to ``NAME.svg``, not ``NAME.argdown.svg``; a suffix no
    reader knows stays, and a name that is only a suffix keeps it."""
    assert default_output(Path("maps") / name, "svg") == Path("maps") / picture


def test_format_given_wins_and_dash_means_standard_output() -> None:
    """``-f`` overrides the suffix; ``-o -`` writes to standard output (no path)."""
    map_path = Path("city.argmap.yaml")
    assert resolve_output(map_path, Path("x.txt"), "dot") == (Path("x.txt"), "dot")
    assert resolve_output(map_path, Path("-"), None) == (None, "svg")
    assert resolve_output(map_path, Path("-"), "png") == (None, "png")
    assert resolve_output(map_path, None, "pdf") == (Path("city.pdf"), "pdf")


def test_a_format_that_contradicts_the_suffix_is_refused() -> None:
    """``-o y.svg -f png`` would write PNG bytes under an SVG name: it is an error. A suffix that
    agrees, or that names no format (``out.img``), takes ``-f``."""
    map_path = Path("city.argmap.yaml")
    with pytest.raises(RenderError) as raised:
        resolve_output(map_path, Path("y.svg"), "png")
    assert (
        str(raised.value)
        == "y.svg: the suffix says svg but -f says png; name the file .png or drop -f"
    )
    with pytest.raises(RenderError, match="the suffix says dot but -f says pdf"):
        resolve_output(map_path, Path("y.gv"), "pdf")
    assert resolve_output(map_path, Path("y.SVG"), "svg") == (Path("y.SVG"), "svg")
    assert resolve_output(map_path, Path("y.gv"), "dot") == (Path("y.gv"), "dot")
    assert resolve_output(map_path, Path("out.img"), "png") == (Path("out.img"), "png")


def test_the_cli_refuses_a_format_that_contradicts_the_suffix(
    map_file: Path, tmp_path: Path
) -> None:
    """``argmap render -o y.svg -f dot``: one line, exit code 2, nothing written; ``-o out.img -f
    dot`` writes DOT to ``out.img``."""
    target = tmp_path / "y.svg"
    code, out, err = run("render", str(map_file), "-o", str(target), "-f", "dot")
    assert (code, out) == (2, "")
    assert err == f"{target}: the suffix says svg but -f says dot; name the file .dot or drop -f\n"
    assert not target.exists()
    free = tmp_path / "out.img"
    code, _, _ = run("render", str(map_file), "-o", str(free), "-f", "dot")
    assert code == 0
    assert free.read_text(encoding="utf-8") == draw(loads(MAP))


def test_the_cli_offers_the_librarys_choices() -> None:
    """``-f``, ``--direction``, ``--engine``, ``--layout`` and ``--wrap`` take what the library
    defines, so the two cannot drift apart."""
    command = main.get_command(click.Context(main), "render")
    assert command is not None
    options = {param.name: param for param in command.params}
    choices = {
        name: tuple(param.type.choices)
        for name, param in options.items()
        if isinstance(param.type, click.Choice)
    }
    layouts = tuple(layout.value for layout in Layout)
    assert choices == {
        "fmt": FORMATS,
        "direction": DIRECTIONS,
        "engine": ENGINES,
        "layout": layouts,
        "from_format": MAP_FORMATS,  # what every command that reads maps takes
        "leaves": LEAVES,
    }
    assert options["wrap"].default == DEFAULT_WRAP


def test_the_map_itself_is_never_the_output(map_file: Path) -> None:
    """``-o`` naming the map is refused before anything is drawn; the map stays as it was."""
    code, out, err = run("render", str(map_file), "-f", "dot", "-o", str(map_file))
    assert (code, out) == (2, "")
    assert err == f"{map_file}: this is the map itself; choose another output file\n"
    assert map_file.read_text(encoding="utf-8") == MAP


# --- running Graphviz, writing files -------------------------------------------------------------


@pytest.mark.usefixtures("no_graphviz")
def test_dot_output_needs_no_graphviz(tmp_path: Path) -> None:
    """Writing DOT text works with Graphviz absent."""
    source = draw(loads(MAP))
    out = render(source, tmp_path / "city.dot", "dot")
    assert out.read_text(encoding="utf-8") == source


@pytest.mark.usefixtures("no_graphviz")
def test_a_missing_dot_is_an_error_with_the_install_command(tmp_path: Path) -> None:
    """Without Graphviz, rendering SVG names the program and how to install it; no file appears."""
    with pytest.raises(ExecutableNotFound) as raised:
        render(draw(loads(MAP)), tmp_path / "city.svg", "svg")
    assert str(raised.value) == f"Graphviz's 'dot' program was not found; {INSTALL_HINT}"
    assert "apt-get install graphviz" in str(raised.value)
    assert "brew install graphviz" in str(raised.value)
    assert list(tmp_path.iterdir()) == [tmp_path / "empty-bin"]


@pytest.mark.usefixtures("no_graphviz")
def test_the_cli_reports_a_missing_dot_in_one_line_with_exit_2(map_file: Path) -> None:
    """``argmap render`` without Graphviz: one line on stderr, exit code 2, no traceback."""
    code, out, err = run("render", str(map_file))
    assert code == 2
    assert out == ""
    assert err == f"Graphviz's 'dot' program was not found; {INSTALL_HINT}\n"
    assert not map_file.with_name("city.svg").exists()


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_graphviz_writes_each_format(tmp_path: Path, fmt: str) -> None:
    """SVG, PNG and PDF come out as what they claim to be."""
    out = render(draw(loads(MAP)), tmp_path / f"city.{fmt}", fmt)  # type: ignore[arg-type]
    assert out.read_bytes().startswith(MAGIC[fmt])


@pytest.mark.dot
@needs_dot
def test_svg_elements_carry_map_ids_tooltips_and_the_source_link() -> None:
    """In SVG, each node's element id is its map id, its tooltip the full text with quote and
    locator, and the source is a link."""
    root = ElementTree.fromstring(picture(draw(loads(MAP)), "svg"))
    by_id = {element.get("id"): element for element in root.iter()}
    for statement_id in ("close-centre", "cleaner-air", "fewer-crashes", "crashes-matter"):
        assert statement_id in by_id
    title = "{http://www.w3.org/1999/xlink}title"
    link = next(by_id["cleaner-air"].iter("{http://www.w3.org/2000/svg}a"), None)
    assert link is not None
    assert link.get(title) == (
        "Air pollution fell by about a third after a similar closure.\n"
        "“fell by almost a third”\n— p. 2"
    )
    hrefs = {
        a.get("{http://www.w3.org/1999/xlink}href")
        for a in root.iter("{http://www.w3.org/2000/svg}a")
    }
    assert "https://example.org/car-free" in hrefs


@pytest.mark.dot
@needs_dot
def test_a_failed_render_leaves_the_earlier_file_in_place(tmp_path: Path) -> None:
    """When Graphviz fails, the error names the map and says Graphviz failed, in one line, and
    nothing is overwritten or left."""
    out = tmp_path / "city.svg"
    out.write_text("earlier picture", encoding="utf-8")
    failed = r"^city\.argmap\.yaml: Graphviz dot failed to draw the map: .*syntax error"
    with pytest.raises(RenderError, match=failed) as raised:
        render("digraph { this is not dot", out, "svg", name="city.argmap.yaml")
    assert "\n" not in str(raised.value)
    assert out.read_text(encoding="utf-8") == "earlier picture"
    assert [p.name for p in tmp_path.iterdir()] == ["city.svg"]


@pytest.mark.dot
@needs_dot
def test_a_render_replaces_the_file_whole(tmp_path: Path) -> None:
    """A second render replaces the first, with no temporary file left behind."""
    out = tmp_path / "city.svg"
    out.write_text("earlier picture", encoding="utf-8")
    render(draw(loads(MAP)), out, "svg")
    assert out.read_bytes().startswith(b"<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["city.svg"]


def test_diagram_returns_the_same_picture_as_a_graphviz_source() -> None:
    """``argmap.diagram(map)`` is a ``graphviz.Source`` of the DOT ``argmap render`` draws, which
    Jupyter displays inline."""
    the_map = loads(MAP)
    source = diagram(the_map, direction="LR", engine="neato")
    assert isinstance(source, graphviz.Source)
    assert source.source == draw(the_map, direction="LR")
    assert source.engine == "neato"
    assert hasattr(source, "_repr_mimebundle_")


@pytest.mark.dot
@needs_dot
def test_a_notebook_shows_the_diagram_as_argmap_render_draws_it() -> None:
    """Jupyter's inline SVG of ``diagram`` is :func:`picture`'s: with a link whose address has an
    ``&``, it still parses, and no id repeats (Graphviz's own output has ``a_`` ids for the links
    around elements)."""
    the_map = loads(MAP.replace("example.org/car-free", "example.org/car-free?a=1&b=2"))
    shown = diagram(the_map)._repr_mimebundle_()
    assert list(shown) == ["image/svg+xml"]
    svg = shown["image/svg+xml"]
    assert svg == picture(draw(the_map), "svg").decode("utf-8")
    ids = [i for e in ElementTree.fromstring(svg).iter() if (i := e.get("id"))]
    assert ids
    assert len(ids) == len(set(ids))
    assert not any(i.startswith("a_") for i in ids)
    assert "a=1&amp;b=2" in svg
    assert diagram(the_map)._repr_mimebundle_(exclude=["image/svg+xml"]) == {}


def test_one_options_class_serves_draw_diagram_to_dot_and_the_command(map_file: Path) -> None:
    """``DrawOptions`` is the one spelling of what a picture shows: ``draw`` and ``diagram`` take
    it (or its fields by name), ``to_dot`` takes it, and ``argmap render`` builds one from its
    flags."""
    the_map = loads(MAP)
    options = DrawOptions(direction="LR", wrap=20, depth=1, legend=False, findings=False)
    drawn = draw(the_map, options)
    assert drawn == draw(the_map, direction="LR", wrap=20, depth=1, legend=False, findings=False)
    assert drawn == to_dot(the_map, options)
    assert diagram(the_map, options).source == drawn
    flags = ("--direction", "LR", "--wrap", "20", "--depth", "1", "--no-legend", "--no-findings")
    assert _dot(map_file, *flags) == draw(loads(map_file.read_text(encoding="utf-8")), options)


@pytest.mark.parametrize(
    "fields",
    [{"direction": "UP"}, {"wrap": 0}, {"depth": -1}, {"layout": "huge"}],
)
def test_drawing_options_are_checked_where_they_are_made(fields: dict[str, object]) -> None:
    """A direction that is not TB, BT or LR, a wrap under 1, a negative depth or an unknown layout
    is refused when the options are made, once, not again by each function that takes them."""
    with pytest.raises(ValueError, match=next(iter(fields))):
        DrawOptions(**fields)  # type: ignore[arg-type]


# --- the command ---------------------------------------------------------------------------------


def _dot(map_file: Path, *options: str) -> str:
    code, out, err = run("render", str(map_file), "-f", "dot", "-o", "-", *options)
    assert (code, err) == (0, "")
    return out


def test_render_writes_beside_the_map_and_says_where(map_file: Path) -> None:
    """Without ``-o`` the picture goes next to the map, as SVG unless ``-f`` says otherwise."""
    code, out, err = run("render", str(map_file), "-f", "dot")
    written = map_file.with_name("city.dot")
    assert (code, out, err) == (0, "", f"wrote {written}\n")
    assert written.read_text(encoding="utf-8") == draw(loads(MAP))


def test_render_to_standard_output(map_file: Path) -> None:
    """``-o -`` prints the picture instead of writing a file."""
    assert _dot(map_file) == draw(loads(MAP))


def test_render_takes_the_format_from_the_output_suffix(map_file: Path, tmp_path: Path) -> None:
    """``-o x.dot`` writes DOT; an unknown suffix is a usage error with exit code 2."""
    code, _, _ = run("render", str(map_file), "-o", str(tmp_path / "x.dot"))
    assert code == 0
    assert (tmp_path / "x.dot").read_text(encoding="utf-8").startswith("digraph")
    code, _, err = run("render", str(map_file), "-o", str(tmp_path / "x.jpg"))
    assert code == 2
    assert err.count("\n") == 1
    assert "use -f svg|png|pdf|dot" in err


@pytest.mark.parametrize(("direction", "rankdir"), [("TB", "BT"), ("BT", "TB"), ("LR", "RL")])
def test_render_direction(map_file: Path, direction: str, rankdir: str) -> None:
    """``--direction`` sets where the thesis goes."""
    assert f"rankdir={rankdir}," in _dot(map_file, "--direction", direction)


def test_render_focus_and_depth(map_file: Path) -> None:
    """``--focus ID --depth N`` draws the statement and what is at most N steps below it;
    ``--depth`` alone counts from the theses."""
    text = _dot(map_file, "--focus", "close-centre", "--depth", "0", "--no-legend")
    assert '"close-centre" [' in text
    assert '"cleaner-air" [' not in text
    text = _dot(map_file, "--focus", "close-centre", "--depth", "1")
    assert '"cleaner-air" [' in text
    nodes = read_dot(_dot(map_file, "--depth", "0", "--no-legend")).nodes
    assert set(nodes) == {"close-centre"}


def test_render_unknown_focus_is_one_line_with_a_suggestion(map_file: Path) -> None:
    """A typo in ``--focus`` exits 2 with the closest id."""
    code, out, err = run("render", str(map_file), "--focus", "cleaner-aír", "-f", "dot")
    assert (code, out) == (2, "")
    assert err == "no statement 'cleaner-aír' in the map (did you mean 'cleaner-air'?)\n"


def test_render_wrap(map_file: Path) -> None:
    """``--wrap`` narrows labels: more line breaks."""
    assert _dot(map_file, "--wrap", "10").count("<BR/>") > _dot(map_file, "--wrap", "60").count(
        "<BR/>"
    )


def _label(map_file: Path, statement_id: str, *options: str) -> str:
    return label_text(read_dot(_dot(map_file, *options)).nodes[statement_id]["label"])


def test_render_no_legend_and_no_findings(map_file: Path) -> None:
    """``--no-legend`` drops the key; ``--no-findings`` drops the marks of ``argmap check``."""
    assert "_legend" in read_dot(_dot(map_file)).nodes
    assert "_legend" not in read_dot(_dot(map_file, "--no-legend")).nodes
    assert "⚠ unsupported" in _label(map_file, "deliveries")
    assert "⚠" not in _label(map_file, "deliveries", "--no-findings")


def test_render_status(map_file: Path) -> None:
    """``--status`` names each statement's evaluation status."""
    assert "grounded" not in _label(map_file, "cleaner-air")
    assert "✔ grounded" in _label(map_file, "cleaner-air", "--status")


def test_render_critical(map_file: Path) -> None:
    """``--critical`` marks the single points of failure with a double border."""
    from argmap.explore import critical

    marked = {c.statement for c in critical(loads(MAP))}
    assert marked
    graph = read_dot(_dot(map_file, "--critical"))
    assert {name for name, node in graph.nodes.items() if node.get("peripheries") == "2"} == marked


FAKE_ENGINE = """\
import pathlib, sys
name = pathlib.Path(sys.argv[0]).name
calls = pathlib.Path(sys.argv[0]).parent.parent / "calls"
calls.mkdir(exist_ok=True)
(calls / name).write_text(" ".join(sys.argv[1:]) + "\\n" + sys.stdin.read(), encoding="utf-8")
sys.stdout.write(f"<svg>drawn by {name}</svg>")
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_render_engine_runs_that_layout_program(
    map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """``--engine NAME`` runs the program NAME, and only it, on the map's DOT: every layout
    program on PATH is a stand-in that records its call."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for name in ENGINES:
        program = fake_bin / name
        program.write_text(f"#!{sys.executable}\n{FAKE_ENGINE}", encoding="utf-8")
        program.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake_bin))
    out = tmp_path / "picture.svg"
    code, _, err = run("render", str(map_file), "--engine", engine, "-o", str(out))
    assert (code, err) == (0, f"wrote {out}\n")
    assert out.read_text(encoding="utf-8") == f"<svg>drawn by {engine}</svg>"
    called = {
        path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "calls").iterdir()
    }
    assert called == {engine: f"-Tsvg\n{draw(loads(MAP))}"}


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize("engine", ["neato", "fdp", "circo", "twopi", "osage", "patchwork"])
def test_render_engine_lays_out_otherwise_than_dot(map_file: Path, engine: str) -> None:
    """With the real programs, another engine places the statements elsewhere than ``dot``."""
    if shutil.which(engine) is None:
        pytest.skip(f"Graphviz's {engine} is not installed")
    code, theirs, _ = run("render", str(map_file), "--engine", engine, "-o", "-")
    assert code == 0
    _, ours, _ = run("render", str(map_file), "-o", "-")
    assert _places(theirs) != _places(ours)


def _places(svg: str) -> dict[str | None, str | None]:
    """Where each statement's box is drawn: its outline's points, by the statement's id."""
    root = ElementTree.fromstring(svg)
    places: dict[str | None, str | None] = {}
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        if group.get("class") == "node":
            outline = next(group.iter("{http://www.w3.org/2000/svg}polygon"), None)
            places[group.get("id")] = outline.get("points") if outline is not None else None
    return places


# --- SVG ids -------------------------------------------------------------------------------------


def _svg_ids(source: str) -> list[str]:
    root = ElementTree.fromstring(picture(source, "svg"))
    return [found for element in root.iter() if (found := element.get("id")) is not None]


# Ids a map may use that look like names Graphviz or the drawing give their own parts: boxes,
# the graph, the key, junction edges, and the "a_" groups Graphviz puts around linked elements.
LOOKALIKES = """\
argmap: 1
title: Lookalikes
source:
  title: A source
  url: https://example.org/source
sections:
  a: A
  legend: Legend
  cluster_a: Cluster A
statements:
  cluster_a:
    thesis: Named like a section's box.
    section: a
    reasons:
      - id: cluster__legend
        premises: [to, a_to]
      - id: graph0
        premises: legend
  to:
    claim: Named like a junction's edge.
    section: cluster_a
    objections:
      - id: a_graph0
        premises: [from, a_cluster_a]
  a_to:
    claim: Named like the link around statement 'to'.
    section: legend
  legend:
    evidence: Named like the key.
    at: "1"
  from:
    claim: Named like part of an edge's id.
  a_cluster_a:
    claim: Named like the link around the box of section 'cluster_a'.
  a__legend:
    claim: Named like the link around the key.
    reasons: [a_a_to]
  a_a_to:
    claim: Named like the link around the link.
"""


@pytest.mark.dot
@needs_dot
def test_svg_ids_are_unique_whatever_the_map_names_things() -> None:
    """Statements, reasons and sections named like the drawing's own parts keep every SVG id
    unique, with every layer drawn; each statement keeps its map id."""
    source = draw(loads(LOOKALIKES), status=True, critical=True)
    ids = _svg_ids(source)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    the_map = loads(LOOKALIKES)
    assert set(the_map.statements) <= set(ids)
    assert {"cluster:section:a", "cluster:section:cluster_a", "cluster:legend"} <= set(ids)


lookalike_ids = st.sampled_from(
    ["a", "b", "to", "from", "legend", "graph0", "node1", "edge1", "clust1"]
).flatmap(
    lambda base: st.sampled_from(
        [base, f"a_{base}", f"a_a_{base}", f"cluster_{base}", f"cluster__{base}", f"{base}.r1"]
    )
)


@st.composite
def lookalike_maps(draw: st.DrawFn) -> str:
    """Map text whose statement, reason and section ids look like SVG ids of the drawing."""
    names = draw(st.lists(lookalike_ids, min_size=3, max_size=9, unique=True))
    split = draw(st.integers(min_value=2, max_value=len(names)))
    statements, inferences = names[:split], names[split:]
    sections = draw(st.lists(lookalike_ids, max_size=3, unique=True))
    lines = ["argmap: 1", "title: t"]
    if sections:
        lines += ["sections:", *(f"  {s}: S {s}" for s in sections)]
    lines.append("statements:")
    for n, statement in enumerate(statements):
        lines += [f"  {statement}:", f"    {'thesis' if n == 0 else 'claim'}: S{n}."]
        if sections:
            lines.append(f"    section: {draw(st.sampled_from(sections))}")
        below = statements[n + 1 :]
        if not below:
            continue
        mine: list[str | None] = [i for k, i in enumerate(inferences) if k % len(statements) == n]
        parts = ["reasons", "objections"]
        for part, inference in zip(parts, mine or [None], strict=False):
            premises = draw(st.lists(st.sampled_from(below), min_size=1, max_size=2, unique=True))
            if inference is None:
                lines.append(f"    {part}: [[{', '.join(premises)}]]")
            else:
                lines.append(f"    {part}:")
                lines.append(f"      - id: {inference}")
                lines.append(f"        premises: [{', '.join(premises)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.dot
@needs_dot
@examples(30)
@given(lookalike_maps())
def test_svg_ids_of_any_map_of_lookalike_ids_are_unique(text: str) -> None:
    """Whatever a map names its statements, reasons and sections, no SVG id repeats."""
    try:
        the_map = loads(text)
    except MapError:  # a name the map gives twice, say 'a.r1' and the first reason of 'a'
        assume(False)
        raise
    ids = _svg_ids(draw(the_map, status=True))
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert set(the_map.statements) <= set(ids)


# --- the committed pictures ----------------------------------------------------------------------


def _pictures() -> list[tuple[str, list[str]]]:
    """The pictures of ``maps/pictures.txt``: each file and the ``argmap render`` arguments."""
    listed = []
    for line in (REPO / "maps" / "pictures.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            picture_name, *arguments = shlex.split(line)
            listed.append((picture_name, arguments))
    return listed


def test_the_picture_list_is_what_the_maps_readme_shows() -> None:
    """``maps/pictures.txt`` lists every picture ``maps/README.md`` links to, and nothing else,
    and each of them is committed."""
    readme = (REPO / "maps" / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\(([^)\s]+\.(?:svg|png|pdf))\)", readme))
    listed = {picture_name for picture_name, _ in _pictures()}
    assert listed == shown
    for picture_name in listed:
        assert (REPO / "maps" / picture_name).is_file()


@pytest.mark.parametrize(("picture_name", "arguments"), _pictures(), ids=lambda p: str(p))
def test_each_committed_picture_is_drawn_from_todays_map(
    picture_name: str, arguments: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The DOT of each picture in ``maps/`` is the one reviewed in ``tests/golden/pictures/``: a
    map edited without ``make maps`` fails here. ARGMAP_UPDATE_GOLDEN=1 rewrites the goldens;
    then run ``make maps`` and commit both."""
    monkeypatch.chdir(REPO / "maps")
    code, drawn, err = run("render", *arguments, "-f", "dot", "-o", "-")
    assert (code, err) == (0, "")
    stale = f"maps/{picture_name} is stale: run make maps and update the golden"
    assert_golden(GOLDEN / "pictures" / f"{picture_name}.dot", drawn, stale)


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_the_example_maps_render_in_every_format(tmp_path: Path, fmt: str) -> None:
    """The maps shipped in ``maps/`` render to SVG, PNG and PDF."""
    maps = sorted((Path(__file__).resolve().parents[1] / "maps").glob("*.argmap.yaml"))
    if not maps:
        pytest.skip("no example maps yet")
    for path in maps:
        out = tmp_path / f"{path.name}.{fmt}"
        code, _, err = run("render", str(path), "-o", str(out))
        assert (code, err) == (0, f"wrote {out}\n")
        assert out.read_bytes().startswith(MAGIC[fmt])


def test_render_into_a_missing_folder_is_one_line(map_file: Path, tmp_path: Path) -> None:
    """An output folder that does not exist is reported in one line with exit code 2."""
    target = tmp_path / "no-such-folder" / "city.dot"
    code, out, err = run("render", str(map_file), "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"{target}: cannot write: ")
    assert err.count("\n") == 1


def test_a_layout_that_takes_too_long_is_stopped(
    map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A layout program that does not finish in time is stopped with a one-line error and exit
    2, and no picture is written (here a stand-in that sleeps, and a limit of a tenth of a
    second)."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    program = fake_bin / "dot"
    program.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake_bin))
    monkeypatch.setattr("argmap.render.LAYOUT_SECONDS", 0.1)
    out = tmp_path / "picture.svg"
    code, _, err = run("render", str(map_file), "-o", str(out))
    assert code == 2
    assert err == (
        f"{map_file}: Graphviz dot took more than 0.1 s; draw an overview with --layout overview, "
        "or part of the map with --focus and --depth\n"
    )
    assert not out.exists()
