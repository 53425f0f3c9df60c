"""Quotes and the source they come from: text normalised for comparison, and a source prepared
once for finding many quotes in it (and the passage closest to one that is not there)."""

from __future__ import annotations

import re
import unicodedata

import attrs

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
    }
)
_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """Text as compared with the source: case, whitespace, curly quotes and dash kinds ignored."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def normalise_statement(text: str) -> str:
    """Text as compared between statements: case, whitespace and punctuation ignored. (ASCII
    text is its own NFKC form, and ``str.split`` splits at the whitespace ``\\s`` matches.)"""
    if text.isascii():
        text = text.lower().encode("ascii").translate(_ASCII_PUNCTUATION_BYTES).decode("ascii")
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.split())


_ASCII_PUNCTUATION_BYTES = bytes(
    32 if c < 128 and unicodedata.category(chr(c)).startswith("P") else c for c in range(256)
)
"""Each ASCII punctuation byte to a space: ``bytes.translate`` applies a table of bytes many
times faster than ``str.translate`` one of characters."""


@attrs.frozen
class Passage:
    """The part of a source closest to a quote that is not in it."""

    text: str
    """The passage as written in the source (whitespace collapsed)."""
    similarity: float
    """difflib's ratio between the normalised quote and passage, 0 to 1."""


CLOSEST_WORDS = 60
"""Words of a missing quote compared with the source; quotes are meant to be short."""


class SourceText:
    """A source prepared once for finding many quotes in it."""

    def __init__(self, text: str) -> None:
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        self.text = text
        self.spans = words
        self.words = [normalise_quote(text[a:b]) for a, b in words]
        self.normalised = " ".join(self.words)

    def contains(self, quote: str) -> bool:
        """Whether the quote occurs, up to case, whitespace, quote and dash kinds."""
        return normalise_quote(quote) in self.normalised

    def closest(self, quote: str) -> Passage | None:
        """The passage most like the quote: windows of the quote's length in words are ranked by
        shared words, and the best few compared with difflib. A quote longer than
        ``CLOSEST_WORDS`` words is compared by its beginning, which keeps the comparison fast."""
        import difflib  # only for a quote that is missing: checks without one never load it
        import heapq

        wanted = normalise_quote(quote).split(" ")[:CLOSEST_WORDS]
        target = " ".join(wanted)
        width = len(wanted)
        words = self.words
        if not words or not target:
            return None
        width = min(width, len(words))
        vocabulary = set(wanted)
        hits = [w in vocabulary for w in words]
        score = sum(hits[:width])
        scores = [score]
        for start in range(1, len(words) - width + 1):
            score += hits[start + width - 1] - hits[start - 1]
            scores.append(score)
        candidates = heapq.nsmallest(8, range(len(scores)), key=lambda i: (-scores[i], i))
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(target)
        best: tuple[float, int, int] | None = None
        for start in sorted(candidates):
            for size in {max(1, width - 1), width, min(len(words) - start, width + 1)}:
                matcher.set_seq1(" ".join(words[start : start + size]))
                ratio = matcher.ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, start, size)
        assert best is not None
        ratio, start, size = best
        begin, end = self.spans[start][0], self.spans[start + size - 1][1]
        return Passage(_SPACE.sub(" ", self.text[begin:end]), ratio)
