"""The format reference in maps/README.md shows maps that really load and check as it says."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.analysis import check
from argmap.errors import MapError
from argmap.load import loads

REFERENCE = Path(__file__).resolve().parents[1] / "maps" / "README.md"


def yaml_blocks() -> list[str]:
    """The ```yaml blocks of the reference, in order."""
    return re.findall(r"```yaml\n(.*?)```", REFERENCE.read_text(encoding="utf-8"), re.DOTALL)


def test_the_first_example_is_a_whole_map_with_the_finding_the_text_names() -> None:
    """The opening example loads, and `argmap check` finds only the hedge the text mentions."""
    example = loads(yaml_blocks()[0], "maps/README.md")
    report = check(example)
    assert [(f.code.value, f.statement) for f in report.findings] == [
        ("hedged-load", "fewer-crashes")
    ]
    assert [(v.thesis, v.status.value) for v in report.verdicts] == [("close-centre", "grounded")]


def test_every_fragment_of_the_reference_has_the_right_shape() -> None:
    """The later examples are pieces of maps that leave out the statements they point to: wrapped
    in a map, the only complaints about them are those missing statements."""
    fragments = 0
    complaints: list[str] = []
    for block in yaml_blocks()[1:]:
        if block.startswith("#"):
            continue  # the editor directive
        if block.startswith("reasons:"):
            block = "  c:\n    claim: C\n" + "".join(f"    {line}\n" for line in block.splitlines())
        body = block if block.startswith("statements:") else "statements:\n" + block
        fragments += 1
        try:
            loads("argmap: 1\ntitle: T\n" + body, "maps/README.md")
        except MapError as error:
            complaints += [p.message for p in error.problems]
    assert fragments >= 3
    assert complaints  # the fragments do leave statements out...
    assert [c for c in complaints if "names unknown statement" not in c] == []  # ...and only that
