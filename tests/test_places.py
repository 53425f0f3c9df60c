"""Quotes in their place: the source divided into sections (by their headings, or by the words a
map says a section starts with) and paragraphs, a quote checked against its locator
(misplaced-quote), and evidence that says more than its quote's paragraph (beyond-quote)."""

from __future__ import annotations

import textwrap

import pytest

from argmap.analysis import check
from argmap.analysis.places import Layout, Place, specifics
from argmap.analysis.quotes import SourceText
from argmap.dump import dump_map
from argmap.errors import MapError
from argmap.load import loads
from argmap.model import Code, Map, Section

ARTICLE = """\
Print this page

In August the drills began. A lead without a heading.

BACKGROUND: Russia has been involved since 1996. The five signed an agreement.

The exercises were the latest in a series.

IMPLICATIONS: Cooperation is deepening.

AUTHOR'S BIOS:

Someone is a researcher. The exercises were the latest in a series.
"""

SECTIONS = (
    Section("intro", "Introduction", starts="In August"),
    Section("background", "Background"),
    Section("implications", "Implications"),
)


def places(text: str, sections: tuple[Section, ...] = SECTIONS) -> list[Place]:
    return Layout(SourceText(text), sections).places


def test_capital_headings_carry_their_paragraph_and_starts_marks_an_untitled_lead() -> None:
    """'Print this page' comes before any start: no section. The lead is Introduction para. 1
    (its `starts:` words); BACKGROUND: carries Background para. 1, the next paragraph is para. 2;
    IMPLICATIONS: para. 1; AUTHOR'S BIOS: names no section of the map, so it ends Implications
    and what follows belongs to no section."""
    assert places(ARTICLE) == [
        Place(None, 1),
        Place("intro", 1),
        Place("background", 1),
        Place("background", 2),
        Place("implications", 1),
        Place(None, 1),
        Place(None, 2),
    ]


def test_markdown_headings_and_title_lines_are_not_counted() -> None:
    """A Markdown heading line and a line that is a section's title (here with a colon) start a
    section and are not paragraphs of it: the paragraph after them is para. 1."""
    text = "# Background\n\nFirst.\n\nSecond.\n\nImplications:\n\nThird.\n"
    assert places(text) == [
        Place("background", 1),
        Place("background", 2),
        Place("implications", 1),
    ]


def build(statements: str, sections: str = "") -> Map:
    body = textwrap.indent(textwrap.dedent(statements).strip("\n"), "  ")
    head = (
        f"sections:\n{textwrap.indent(textwrap.dedent(sections).strip(), '  ')}\n"
        if sections
        else ""
    )
    return loads(f"argmap: 1\ntitle: test\n{head}statements:\n{body}\n")


SECTIONS_YAML = """
    intro: {title: Introduction, starts: In August}
    background: Background
    implications: Implications
"""


def findings(statements: str, sections: str = SECTIONS_YAML) -> list[tuple[str, str]]:
    report = check(build(statements, sections), source=ARTICLE)
    wanted = (Code.MISPLACED_QUOTE, Code.BEYOND_QUOTE)
    return [(f.code.value, f.message) for f in report.findings if f.code in wanted]


def test_a_quote_elsewhere_in_the_same_section_names_both_paragraphs() -> None:
    """'The five signed an agreement' is in Background para. 1; the map says para. 2."""
    assert findings("""
        t: {thesis: T, reasons: [e]}
        e:
          evidence: The five signed it.
          quote: the five signed an agreement
          section: background
          at: 2
    """) == [
        (
            "misplaced-quote",
            "the quote of e is in Background, para. 1; the map says para. 2",
        )
    ]


def test_a_quote_in_another_section_names_the_section() -> None:
    """'Cooperation is deepening' is in Implications para. 1, not Background para. 1."""
    assert findings("""
        t: {thesis: T, reasons: [e]}
        e: {evidence: It deepens., quote: cooperation is deepening, section: background, at: 1}
    """) == [
        (
            "misplaced-quote",
            "the quote of e is in Implications, para. 1; the map says Background, para. 1",
        )
    ]


def test_a_quote_that_occurs_twice_is_ambiguous_only_when_neither_matches() -> None:
    """'the latest in a series' is in Background para. 2 and after the bios: at para. 2 it is
    fine; at para. 1 neither occurrence matches, and both are named."""
    fine = """
        t: {thesis: T, reasons: [e]}
        e: {evidence: A series., quote: the latest in a series, section: background, at: 2}
    """
    assert findings(fine) == []
    wrong = fine.replace("at: 2", "at: 1")
    assert findings(wrong) == [
        (
            "misplaced-quote",
            "the quote of e occurs 2 times (Background, para. 2; a part of the source no section "
            "of the map names), none of them at Background, para. 1, where the map says it is",
        )
    ]


def test_a_section_the_source_shows_no_start_of_is_not_checked() -> None:
    """Without `starts:`, the lead is in no section: a locator in Introduction is not checked,
    and a free-text locator never is."""
    sections = "intro: Introduction\nbackground: Background"
    assert (
        findings(
            """
        t: {thesis: T, reasons: [e, f]}
        e: {evidence: Drills., quote: the drills began, section: intro, at: 5}
        f: {evidence: Since then., quote: involved since 1996, section: background, at: p. 3}
        """,
            sections,
        )
        == []
    )


def test_evidence_with_numbers_or_names_its_paragraph_lacks_is_a_hint() -> None:
    """'Russia has been involved since 1996' is quoted; the text adds Kazakhstan and 2001, which
    are not in Background para. 1 (1996 and Russia are): beyond-quote at info, naming both. The
    first word of a sentence is not taken for a name."""
    report = check(
        build(
            """
            t: {thesis: T, reasons: [e]}
            e:
              evidence: Since 1996 Russia and Kazakhstan have been involved, until 2001.
              quote: involved since 1996
              section: background
              at: 1
            """,
            SECTIONS_YAML,
        ),
        source=ARTICLE,
    )
    (finding,) = [f for f in report.findings if f.code is Code.BEYOND_QUOTE]
    assert finding.severity.value == "info"
    assert finding.message == (
        "evidence e says more than its quote's paragraph: Kazakhstan, 2001 are not in it"
    )


def test_specifics_are_numbers_dates_and_capitalised_words_inside_a_sentence() -> None:
    """'In' begins the sentence; 'August', '1,200', 'PLA' and "China's" count."""
    assert specifics("In August 1,200 troops of China's PLA came.") == [
        "August",
        "1,200",
        "China's",
        "PLA",
    ]


def test_a_section_says_where_it_starts_and_survives_a_dump() -> None:
    """`id: {title, starts}` declares a section by the words it starts with; a dump writes it
    back in that form, and a section of that form without a title is refused."""
    m = build("t: {thesis: T, reasons: [e]}\ne: {evidence: E}", SECTIONS_YAML)
    assert m.sections[0] == Section("intro", "Introduction", starts="In August")
    assert loads(dump_map(m)) == m
    with pytest.raises(MapError, match="section 'intro' has no 'title'"):
        build("t: {thesis: T, reasons: [e]}\ne: {evidence: E}", "intro: {starts: In August}")
