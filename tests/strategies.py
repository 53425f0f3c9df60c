"""Hypothesis strategies for argument maps and for the texts inside them."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

from argmap.model import Ack, Code, Kind, Map, Objection, Reason, Section, Source, Statement

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,11}", fullmatch=True)

# Any printable text a person may type: quotes, backslashes, markup, emoji, right-to-left script,
# line breaks. Control characters other than newline and tab are left out: YAML cannot hold them.
texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn"),
        whitelist_characters="\n\t",
    ),
    min_size=1,
    max_size=80,
).filter(lambda text: bool(text.strip()))

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


@st.composite
def maps(draw: st.DrawFn, max_statements: int = 8) -> Map:
    """Valid maps: every reference resolves, ids are unique, no reason names its own claim."""
    statement_ids = draw(st.lists(ids, min_size=1, max_size=max_statements, unique=True))
    section_ids = draw(st.lists(ids, max_size=3, unique=True))
    sections = tuple(Section(sid, draw(tricky_texts)) for sid in section_ids)
    used: set[str] = set(statement_ids)

    def fresh_id(auto: str) -> str:
        if draw(st.booleans()):
            return auto
        return draw(ids.filter(lambda i: i not in used))

    def premises(owner: str) -> tuple[str, ...]:
        others = [i for i in statement_ids if i != owner]
        return tuple(draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True)))

    def objections(owner: str, depth: int, parent: str) -> tuple[Objection, ...]:
        """Objections under ``parent``, each perhaps with undercuts of its own."""
        if depth > 2:
            return ()
        out = []
        for n in range(1, draw(st.integers(0, 2)) + 1):
            oid = fresh_id(f"{parent}.o{n}")
            used.add(oid)
            undercuts = objections(owner, depth + 1, oid)
            out.append(Objection(oid, premises(owner), undercuts, draw(st.none() | tricky_texts)))
        return tuple(out)

    statements: dict[str, Statement] = {}
    if len(statement_ids) == 1:
        only = statement_ids[0]
        statements[only] = Statement(only, draw(st.sampled_from(Kind)), draw(tricky_texts))
    else:
        for sid in statement_ids:
            reasons = []
            for n in range(1, draw(st.integers(0, 2)) + 1):
                rid = fresh_id(f"{sid}.r{n}")
                used.add(rid)
                undercuts = objections(sid, 2, rid)
                note = draw(st.none() | tricky_texts)
                reasons.append(Reason(rid, premises(sid), undercuts, note))
            statements[sid] = Statement(
                id=sid,
                kind=draw(st.sampled_from(Kind)),
                text=draw(tricky_texts),
                reasons=tuple(reasons),
                objections=objections(sid, 1, sid),
                quote=draw(st.none() | tricky_texts),
                at=draw(st.none() | st.integers(1, 99) | tricky_texts),
                section=draw(st.none() | st.sampled_from(section_ids)) if section_ids else None,
                hedge=draw(st.none() | st.just("") | tricky_texts),
                note=draw(st.none() | tricky_texts),
                tags=tuple(draw(st.lists(tricky_texts, max_size=2))),
                acks=tuple(
                    Ack(code, draw(tricky_texts))
                    for code in draw(st.lists(st.sampled_from(Code), max_size=2, unique=True))
                ),
            )
    fields = ("title", "author", "publisher", "date")
    source = Source(
        **{k: draw(st.none() | tricky_texts) for k in fields}, url=draw(st.none() | urls)
    )
    return Map(title=draw(tricky_texts), statements=statements, source=source, sections=sections)


# --- hostile texts: what a careless or malicious map may hold ------------------------------------

WITH_DOT = max(5, settings().max_examples // 4)
"""Examples for a property that runs Graphviz on each: a quarter of the loaded profile's, so a
thorough profile runs more."""

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
    .filter(lambda text: bool(text.strip()))
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
    field, a section heading, a statement's text, quote, locator, hedge, note and tags, and the
    notes of a linked reason and of an objection."""
    text = hostile_texts

    def statement(sid: str, kind: Kind, **fields: object) -> Statement:
        return Statement(
            sid,
            kind,
            draw(text),
            quote=draw(st.none() | text),
            at=draw(st.none() | text),
            section="s",
            hedge=draw(st.none() | text),
            note=draw(st.none() | text),
            tags=tuple(draw(st.lists(text, max_size=2))),
            **fields,  # type: ignore[arg-type]
        )

    objection = Objection("o", ("e2",), note=draw(text))
    reason = Reason("r", ("e1", "e2"), note=draw(text))
    statements = {
        "t": statement("t", Kind.THESIS, reasons=(reason,), objections=(objection,)),
        "e1": statement("e1", Kind.EVIDENCE),
        "e2": statement("e2", Kind.ASSUMPTION),
    }
    names = ("title", "author", "publisher", "date")
    source = Source(**{name: draw(text) for name in names}, url=draw(urls))
    return Map(
        title=draw(text), statements=statements, source=source, sections=(Section("s", draw(text)),)
    )
