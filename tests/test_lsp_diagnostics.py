"""The diagnostics of a map text (argmap.lsp.diagnostics), worked out in the process: what each
finding points at besides its statement."""

from __future__ import annotations

from argmap.lsp import diagnostics

HEAD = "argmap: 1\ntitle: T\nstatements:\n"


def related(text: str, code: str) -> list[tuple[int, str, str]]:
    """The related information of the diagnostic with ``code``: (line, the text of its range,
    its message)."""
    found = diagnostics.diagnose(HEAD + text, "m.argmap.yaml", "file:///m.argmap.yaml")
    lines = (HEAD + text).splitlines()
    (diagnostic,) = [d for d in found.diagnostics if d.code == code]
    out = []
    for info in diagnostic.related_information or ():
        where = info.location.range
        line = lines[where.start.line]
        out.append(
            (where.start.line, line[where.start.character : where.end.character], info.message)
        )
    return out


def test_a_thesis_that_needs_only_the_mappers_link_points_at_the_link() -> None:
    """A thesis grounded on the author's evidence through a link the mapper assumed: on the
    author's words alone it is not grounded, and all it needs is that link, which is where the
    rests-on-mapper diagnostic points, at the link's id."""
    text = (
        "  t:\n"
        "    thesis: T\n"
        "    reasons:\n"
        "      - id: r-read\n"
        "        assumed: [e]\n"
        "  e: {evidence: E, at: 1}\n"
    )
    assert related(text, "rests-on-mapper") == [(6, "r-read", "assumed reason r-read")]


def test_a_link_without_an_id_is_pointed_at_where_it_starts() -> None:
    """An assumed link written without an id (named t.r1) is pointed at where it starts, and an
    assumption it needs at its id, in the order the finding names them."""
    text = (
        "  t:\n"
        "    thesis: T\n"
        "    reasons:\n"
        "      - assumed: [e, a]\n"
        "  e: {evidence: E, at: 1}\n"
        "  a: {assumption: A}\n"
    )
    assert related(text, "rests-on-mapper") == [
        (8, "a", "assumption a"),
        (6, "assumed", "assumed reason t.r1"),
    ]
