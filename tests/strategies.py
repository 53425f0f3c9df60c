"""Hypothesis strategies for argument maps and for the texts inside them, and how many examples
each property tries."""

from __future__ import annotations

import functools
import string
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

from argmap.model import (
    Ack,
    Attribution,
    Code,
    Grade,
    Kind,
    Level,
    Map,
    Objection,
    Reason,
    Section,
    Source,
    Statement,
)


def examples(n: int, **more: Any) -> settings:
    """Settings for a property tried on ``n`` examples in the default profile, and on as many
    times more as the profile loaded by tests/conftest.py says (ten in the thorough one); ``more``
    are further Hypothesis settings. The default profile keeps Hypothesis's own 100 examples."""
    return settings(max_examples=n * settings().max_examples // 100, **more)


_alphanumeric = string.ascii_letters + string.digits

# The ids a map may use, ``[A-Za-z0-9][A-Za-z0-9_.-]{0,11}``: built from two strings, which costs
# a fifth of what drawing from that regular expression does.
ids = st.tuples(
    st.sampled_from(_alphanumeric), st.text(alphabet=_alphanumeric + "_.-", max_size=11)
).map("".join)


def _not_blank(text: str) -> str:
    """``text``, with a letter added in front if it is only spaces: a map's texts are never blank.
    (Mapping costs nothing, where filtering out blank texts doubles the time texts take.)"""
    return text if text.strip() else f"x{text}"


# Any printable text a person may type: quotes, backslashes, markup, emoji, right-to-left script,
# line breaks. Control characters other than newline and tab are left out: YAML cannot hold them.
texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn"),
        whitelist_characters="\n\t",
    ),
    min_size=1,
    max_size=80,
).map(_not_blank)

tricky_texts = st.one_of(
    texts,
    st.sampled_from(
        [
            'He said "no" \\ then left',
            "<b>bold</b> & {braces} [brackets] | pipes",
            "line one\nline two",
            "emoji 🙂 and مرحبا بالعالم (right to left)",
            "null",
            "true",
            "123",
            "- dash first",
            "key: value",
            "# not a comment",
            "  leading and trailing spaces  ",
        ]
    ),
)


# Strategies built once: building them anew inside each map costs more than drawing from them.
_kinds = st.sampled_from(Kind)
_acks = st.lists(st.sampled_from(Code), max_size=2, unique=True)
_counts = st.integers(0, 2)
_picks = st.lists(st.integers(0, 15), min_size=1, max_size=3)
_locators = st.none() | st.integers(1, 99)
_levels = st.none() | st.sampled_from(Level)
_grades = st.none() | st.builds(Grade, st.sampled_from("ABCDEF"), st.integers(1, 6))

# Statement ids for maps that are about structure alone: ready-made and out of alphabetical order,
# so that map order is not sorted order. Drawing one costs one choice where a free id costs ten.
_names = st.sampled_from(["t", "b", "a2", "a10", "x.1", "e-2", "f_3", "Z", "y", "c", "m", "k"])


def maps(max_statements: int = 8) -> st.SearchStrategy[Map]:
    """Valid maps: every reference resolves, ids are unique, no reason names its own claim; every
    field of the model drawn, each text from the tricky texts: a statement's text, quote,
    locator, section, hedge or certainty marker, level, note, tags and acknowledgements, and for
    evidence its source (``by:`` as a name, a name with a role, or unnamed) and grade; a reason's
    or objection's id, note, and either the mapper's ``assumed:`` mark or the author's
    connective as its quote; a section's heading and ``starts:``; the map's title and source."""
    return _maps(max_statements, ids, detailed=True)


def shapes(max_statements: int = 8) -> st.SearchStrategy[Map]:
    """Maps for a property about structure alone (labels, circles, single points of failure):
    statements of every kind with their reasons, objections and undercuts, as :func:`maps`
    draws them, but each text the statement's own id and no optional field. Drawing one takes
    a fraction of the choices of a detailed map, so that many more shapes are tried in the time.
    """
    return _maps(max_statements, _names, detailed=False)


@functools.cache  # one strategy per shape: a test may draw maps inside its body
def _maps(
    max_statements: int, names: st.SearchStrategy[str], detailed: bool
) -> st.SearchStrategy[Map]:
    """Maps of up to ``max_statements`` statements named by ``names``; ``detailed``: every
    optional field drawn too."""
    statement_lists = st.lists(names, min_size=1, max_size=max_statements, unique=True)
    optional_texts = st.none() | tricky_texts
    locators = _locators | tricky_texts
    hedges = st.none() | st.just("") | tricky_texts
    attributions = st.none() | st.builds(
        Attribution,
        tricky_texts,
        st.none() | tricky_texts,
        unnamed=st.booleans(),
    )

    @st.composite
    def draw_map(draw: st.DrawFn) -> Map:
        statement_ids = draw(statement_lists)
        section_ids = draw(st.lists(ids, max_size=3, unique=True)) if detailed else []
        sections = tuple(
            Section(sid, draw(tricky_texts), starts=draw(optional_texts)) for sid in section_ids
        )
        used: set[str] = set(statement_ids)

        def fresh_id(auto: str) -> str:
            if not detailed or draw(st.booleans()):
                return auto
            given = draw(ids)
            return auto if given in used else given

        def note() -> str | None:
            return draw(optional_texts) if detailed else None

        def link() -> dict[str, Any]:
            """Whose a reason's or objection's link is: the mapper's (``assumed:``), or the
            author's, perhaps with the connective that draws it as its quote."""
            if not detailed:
                return {}
            if draw(st.booleans()):
                return {"assumed": True}
            return {"quote": draw(optional_texts)}

        def premises(owner: str) -> tuple[str, ...]:
            others = [i for i in statement_ids if i != owner]
            return tuple(dict.fromkeys(others[n % len(others)] for n in draw(_picks)))

        def objections(owner: str, depth: int, parent: str) -> tuple[Objection, ...]:
            """Objections under ``parent``, each perhaps with undercuts of its own."""
            if depth > 2:
                return ()
            out = []
            for n in range(1, draw(_counts) + 1):
                oid = fresh_id(f"{parent}.o{n}")
                used.add(oid)
                undercuts = objections(owner, depth + 1, oid)
                out.append(Objection(oid, premises(owner), undercuts, note(), **link()))
            return tuple(out)

        def details(kind: Kind) -> dict[str, Any]:
            """The optional fields of a statement of ``kind``, all of them drawn: a hedge or a
            certainty marker (never both), and a source and grade for evidence alone."""
            if not detailed:
                return {}
            section = None
            if draw(st.booleans()) and section_ids:
                section = section_ids[draw(_picks)[0] % len(section_ids)]
            hedge = draw(hedges)
            evidence = kind is Kind.EVIDENCE
            return {
                "text": draw(tricky_texts),
                "quote": draw(optional_texts),
                "at": draw(locators),
                "section": section,
                "hedge": hedge,
                "certainty": draw(optional_texts) if hedge is None else None,
                "level": draw(_levels),
                "by": draw(attributions) if evidence else None,
                "grade": draw(_grades) if evidence else None,
                "note": draw(optional_texts),
                "tags": tuple(draw(st.lists(tricky_texts, max_size=2))),
                "acks": tuple(Ack(code, draw(tricky_texts)) for code in draw(_acks)),
            }

        statements: dict[str, Statement] = {}
        if len(statement_ids) == 1:
            only = statement_ids[0]
            kind = draw(_kinds)
            statements[only] = Statement(**{"text": only, **details(kind)}, id=only, kind=kind)
        else:
            for sid in statement_ids:
                reasons = []
                for n in range(1, draw(_counts) + 1):
                    rid = fresh_id(f"{sid}.r{n}")
                    used.add(rid)
                    undercuts = objections(sid, 2, rid)
                    reasons.append(Reason(rid, premises(sid), undercuts, note(), **link()))
                kind = draw(_kinds)
                statements[sid] = Statement(
                    **{"text": sid, **details(kind)},
                    id=sid,
                    kind=kind,
                    reasons=tuple(reasons),
                    objections=objections(sid, 1, sid),
                )
        if not detailed:
            return Map(title="t", statements=statements)
        fields = ("title", "author", "publisher", "date")
        source = Source(**{k: draw(optional_texts) for k in fields}, url=draw(st.none() | urls))
        title = draw(tricky_texts)
        return Map(title=title, statements=statements, source=source, sections=sections)

    return draw_map()


# --- hostile texts: what a careless or malicious map may hold ------------------------------------

HOSTILE_PIECES = (
    "&",
    ";",
    "#",
    "\\",
    "<",
    ">",
    '"',
    "'",
    "{",
    "}",
    "[",
    "]",
    "|",
    "\n",
    "\t",
    " ",
    "  ",
    "\x81",
    "\x9f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u200f",
    "\u202e",
    "\xa0",
    "🙂",
    "مرحبا",
    "&#1;",
    "&#xD800;",
    "&amp;",
    "&lt;b&gt;",
    "&#65;",
    "\\N",
    "\\G",
    "\\L",
    "\\n",
    "\\l",
    "\\\\",
    "C:\\Notes\\Graph.txt",
    "]]>",
    "<script>alert(1)</script>",
    "%s",
    "{0}",
)
"""Pieces that markup, DOT, Graphviz's escapes, XML or YAML could read as more than text: entities
and character references written as text, backslash escapes, C1 controls, line separators,
right-to-left marks, emoji."""

hostile_texts = (
    st.lists(st.sampled_from(HOSTILE_PIECES) | texts, min_size=1, max_size=6)
    .map("".join)
    .map(_not_blank)
)
"""Texts the loader accepts, made of hostile pieces and any printable text."""

urls = st.one_of(
    st.sampled_from(
        [
            "https://example.org/a?x=1&y=2",
            "HTTPS://EXAMPLE.ORG/Upper",
            "https://bücher.example/ä?q=ö#f",
            'https://example.org/x"onmouseover="alert(1)"',
            'https://example.org/"><script>alert(1)</script>',
            "https://example.org/a&amp;b&#65;",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/x",
            "//example.org/x",
            "doi:10.1000/xyz",
        ]
    ),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zs", "Zl", "Zp")), max_size=20
    ).map(lambda path: "https://example.org/" + path),
)
"""Source addresses the loader accepts, links or not: none holds a space or a control character."""


@st.composite
def hostile_maps(draw: st.DrawFn) -> Map:
    """Small maps with a hostile text in every field a picture draws: the title, each source
    field, a section heading, a statement's text, quote, locator, hedge or certainty marker,
    note and tags, whose the evidence is, and the notes and quotes of a linked reason and of an
    objection."""
    text = hostile_texts

    def statement(sid: str, kind: Kind, **fields: object) -> Statement:
        hedge = draw(st.none() | text)
        return Statement(
            sid,
            kind,
            draw(text),
            quote=draw(st.none() | text),
            at=draw(st.none() | text),
            section="s",
            hedge=hedge,
            certainty=draw(st.none() | text) if hedge is None else None,  # one or the other
            note=draw(st.none() | text),
            tags=tuple(draw(st.lists(text, max_size=2))),
            **fields,  # type: ignore[arg-type]
        )

    objection = Objection("o", ("e2",), note=draw(text), quote=draw(st.none() | text))
    reason = Reason("r", ("e1", "e2"), note=draw(text), quote=draw(st.none() | text))
    by = Attribution(draw(text), role=draw(st.none() | text), unnamed=draw(st.booleans()))
    statements = {
        "t": statement("t", Kind.THESIS, reasons=(reason,), objections=(objection,)),
        "e1": statement("e1", Kind.EVIDENCE, by=by),
        "e2": statement("e2", Kind.ASSUMPTION),
    }
    names = ("title", "author", "publisher", "date")
    source = Source(**{name: draw(text) for name in names}, url=draw(urls))
    return Map(
        title=draw(text), statements=statements, source=source, sections=(Section("s", draw(text)),)
    )
