"""Where a quote is in its source: the source divided into sections and paragraphs, as a map's
locators (``section: background``, ``at: 2``) count them.

The rules, documented in ``maps/README.md``:

- a *paragraph* is a run of lines between blank lines (lines of white space only are blank);
- a paragraph *starts a section* when it begins with a heading: a run of capital letters ending in
  a colon (``BACKGROUND: Russia has been ...``: the heading carries the paragraph, which is the
  section's paragraph 1), a Markdown heading line (``# Background``, ``## Background``: the heading
  line is not counted; the next paragraph is 1), or a line that is the title or id of one of the
  map's sections (``Background`` or ``Background:`` alone on its line, counted like a Markdown
  heading), or when it begins with a section's ``starts:`` words (a part no heading marks, such as
  an untitled lead: then that paragraph is 1);
- a heading names a section of the map when it is the section's title or id, up to case; a heading
  that names none (``AUTHOR'S BIOS:``) still ends the section before it;
- the paragraphs of a section are counted from 1; a section of the map that the source shows no
  start of is not checked (and neither is text before the first start).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from argmap.analysis.quotes import SourceText, normalise_quote
from argmap.model import Section

_CAPS_HEADING = re.compile(r"^\s*([A-Z][A-Z\u2019'&\- ]*[A-Z])\s*:(\s|$)")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


@attrs.frozen
class Place:
    """A paragraph of a source: its section (None before the first heading, or under a heading
    that names no section of the map) and its number in it."""

    section: str | None
    """The id of the map's section, or None."""
    paragraph: int
    """Counted from 1 within the section."""


class Layout:
    """A source divided into sections and paragraphs, for the sections of one map."""

    def __init__(self, source: SourceText, sections: Sequence[Section]) -> None:
        text = source.text
        self.source = source
        by_name = {}
        for section in sections:
            by_name[normalise_quote(section.title).rstrip(":")] = section.id
            by_name.setdefault(normalise_quote(section.id), section.id)
        starts = [
            (normalise_quote(section.starts), section.id) for section in sections if section.starts
        ]
        self.found: set[str] = set()
        paragraph_starts: list[int] = []
        places: list[Place] = []
        current: str | None = None
        count = 0
        for block, start in _paragraphs(text):
            first_line = block.split("\n", 1)[0]
            heading: str | None = None
            carries = True  # the heading is part of the paragraph
            markdown = _MARKDOWN_HEADING.match(first_line)
            caps = _CAPS_HEADING.match(first_line)
            key = normalise_quote(first_line).rstrip(":").strip()
            if markdown:
                heading, carries = markdown.group(1), False
            elif key in by_name and "\n" not in block.strip():
                heading, carries = first_line, False
            elif caps:
                heading = caps.group(1)
            else:
                normalised = normalise_quote(block)
                starting = next(
                    (sid for words, sid in starts if normalised.startswith(words)), None
                )
                if starting is not None:
                    current, count = starting, 0
                    self.found.add(starting)
            if heading is not None:
                current = by_name.get(normalise_quote(heading).rstrip(":").strip())
                if current is not None:
                    self.found.add(current)
                count = 0
                if not carries:
                    continue
            count += 1
            paragraph_starts.append(start)
            places.append(Place(current, count))
        self.paragraph_starts = paragraph_starts
        self.places = places

    def place_of(self, char: int) -> Place | None:
        """The place of the paragraph holding character ``char`` of the source."""
        at = bisect.bisect_right(self.paragraph_starts, char) - 1
        return self.places[at] if at >= 0 else None

    def occurrences(self, quote: str) -> list[tuple[Place | None, int]]:
        """Every place the quote occurs, with the index of its first word in the source."""
        wanted = normalise_quote(quote)
        source = self.source
        found: list[tuple[Place | None, int]] = []
        if not wanted:
            return found
        start = source.normalised.find(wanted)
        while start >= 0:
            word = source.normalised.count(" ", 0, start)
            if word < len(source.spans):
                found.append((self.place_of(source.spans[word][0]), word))
            start = source.normalised.find(wanted, start + 1)
        return found

    def paragraph_words(self, char: int) -> set[str]:
        """The normalised words of the paragraph holding character ``char``."""
        at = bisect.bisect_right(self.paragraph_starts, char) - 1
        begin = self.paragraph_starts[at] if at >= 0 else 0
        end = (
            self.paragraph_starts[at + 1]
            if at + 1 < len(self.paragraph_starts)
            else len(self.source.text)
        )
        return set(_word_keys(self.source.text[begin:end]))


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """The paragraphs of ``text``: runs of non-blank lines, each with the offset it starts at."""
    out = []
    block: list[str] = []
    block_start = 0
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if not block:
                block_start = position
            block.append(line)
        elif block:
            out.append(("".join(block), block_start))
            block = []
        position += len(line)
    if block:
        out.append(("".join(block), block_start))
    return out


_TOKEN = re.compile(r"\w[\w\u2019'.,-]*\w|\w")
_NUMBER = re.compile(r"\d")


def _key(token: str) -> str:
    """A word as compared: case, possessive, and thousands separators ignored."""
    token = normalise_quote(token)
    for suffix in ("'s", "s'"):
        if token.endswith(suffix):
            token = token[: -len(suffix)] if suffix == "'s" else token[:-1]
    return token.replace(",", "").strip(".-'")


def _word_keys(text: str) -> list[str]:
    return [_key(t) for t in _TOKEN.findall(text)]


def specifics(text: str) -> list[str]:
    """The numbers, dates and names of a statement's text, in order, each once: every token with
    a digit, and every capitalised word that does not begin a sentence."""
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group().rstrip(".,")
        before = text[: match.start()].rstrip()
        sentence_start = not before or before[-1] in '.!?:;"\u201c('
        specific = _NUMBER.search(token) or (token[:1].isupper() and not sentence_start)
        if specific and token not in out:
            out.append(token)
    return out


def beyond(text: str, paragraph: set[str]) -> list[str]:
    """The numbers, dates and names of ``text`` that are not among a paragraph's words."""
    return [token for token in specifics(text) if _key(token) not in paragraph]
