"""Generate realistic argument maps of any size, for benchmarks.

The maps look like hand-written ones: theses on top, claims with one to three reasons (some linked),
evidence with quotes and locators in sections, a few assumptions, hedges, tags, rebuttals and
undercuts, some of them answered, and a rare circle of support. The same ``n`` and ``seed`` always
give the same text.
"""

from __future__ import annotations

import random
import sys

SECTIONS = ("background", "implications", "conclusions")
WORDS = [
    "security",
    "cooperation",
    "border",
    "exercise",
    "drill",
    "agreement",
    "region",
    "influence",
    "economy",
    "sanctions",
    "investment",
    "military",
    "trust",
    "threat",
    "presence",
    "partner",
    "balance",
    "elites",
    "protests",
    "interests",
    "power",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(n: int, seed: int = 0) -> str:
    """YAML text of a map with ``n`` statements (at least 1)."""
    rng = random.Random(seed)
    theses = max(1, n // 200)
    out = [
        "argmap: 1",
        f"title: Generated map of {n} statements",
        "source:",
        "  title: A generated text",
        "  author: Generator",
        "sections:",
        *(f"  {s}: {s.title()}" for s in SECTIONS),
        "statements:",
    ]
    for i in range(n):
        if i < theses:
            kind = "thesis"
        else:
            roll = i % 10
            kind = "evidence" if roll in (4, 5, 6, 7) else "assumption" if roll == 8 else "claim"
        out.append(f"  s{i}:")
        out.append(f"    {kind}: {_sentence(rng, rng.randint(6, 14))}")
        out.append(f"    section: {SECTIONS[i % 3]}")
        if kind == "evidence":
            out.append(f"    quote: {' '.join(rng.choice(WORDS) for _ in range(5))}")
            out.append(f"    at: {rng.randint(1, 9)}")
            continue
        if kind == "assumption":
            continue
        later = range(i + 1, min(n, i + 40))
        circle = i > theses and rng.random() < 0.002
        supported = len(later) >= 2 and rng.random() < 0.93
        if circle or supported:
            out.append("    reasons:")
        if supported:
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.3:
                    a, b = rng.sample(later, 2)
                    out.append(f"      - [s{a}, s{b}]")
                elif rng.random() < 0.05:
                    out.append(f"      - id: s{i}-r{rng.randint(0, 10**6)}")
                    out.append(f"        premises: s{rng.choice(later)}")
                    out.append(f"        objections: [s{rng.choice(later)}]")
                else:
                    out.append(f"      - s{rng.choice(later)}")
        if circle:
            out.append(f"      - s{rng.randint(theses, i - 1)}")  # a rare circle of support
        if len(later) >= 1 and rng.random() < 0.08:
            out.append(f"    objections: [s{rng.choice(later)}]")
        if rng.random() < 0.05:
            out.append("    hedge: most likely")
        if rng.random() < 0.1:
            out.append(f"    tags: [{rng.choice(WORDS)}]")
    return "\n".join(line for line in out if line) + "\n"


def attacked(n: int, seed: int = 0) -> str:
    """YAML text of a map of about ``n`` statements with objections at every level: ten theses,
    each on a long chain of claims; every claim rests on the next one linked with a piece of
    evidence, and one in forty also on a neighbouring chain; every claim is rebutted by an objection
    that rests on evidence of its own and is answered, and every third reason is undercut, the
    undercut answered too. Most statements carry their thesis, so the single points of failure are
    many and lie deep, below objections."""
    rng = random.Random(seed)
    chains = 10
    depth = max(1, n // (chains * 6))
    out = [
        "argmap: 1",
        f"title: Attacked map of {n} statements",
        "source:",
        "  title: A generated text",
        "  author: Generator",
        "statements:",
    ]

    def link(c: int, d: int) -> str:
        return f"c{c}-{d}" if d < depth else f"e{c}-bottom"

    def answered(name: str, ground: str, answer: str, kind: str) -> list[str]:
        """An objection ``name`` resting on evidence ``ground``, answered by ``answer``."""
        return [
            f"  {name}:",
            f"    claim: {_sentence(rng, 8)}",
            f"    reasons: [{ground}]",
            f"    objections: [{answer}]",
            f"  {ground}:",
            f"    evidence: {_sentence(rng, 6)}",
            f"  {answer}:",
            f"    {kind}: {_sentence(rng, 6)}",
        ]

    for c in range(chains):
        out += [f"  t{c}:", f"    thesis: {_sentence(rng, 8)}", f"    reasons: [c{c}-0]"]
    for c in range(chains):
        for d in range(depth):
            here = f"{c}-{d}"
            undercut = d % 3 == 0
            out += [f"  c{here}:", f"    claim: {_sentence(rng, 10)}", "    reasons:"]
            if undercut:
                out += [f"      - id: r{here}", f"        premises: [{link(c, d + 1)}, e{here}]"]
                out += [f"        objections: [u{here}]"]
            else:
                out.append(f"      - [{link(c, d + 1)}, e{here}]")
            if d % 40 == 39:
                out.append(f"      - {link((c + 1) % chains, d + 1)}")
            out.append(f"    objections: [o{here}]")
            out += [f"  e{here}:", f"    evidence: {_sentence(rng, 8)}", "    at: 1"]
            out += answered(f"o{here}", f"f{here}", f"a{here}", "evidence")
            if undercut:
                out += answered(f"u{here}", f"g{here}", f"b{here}", "assumption")
        out += [f"  e{c}-bottom:", f"    evidence: {_sentence(rng, 6)}"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0))
