"""The published JSON Schema and the loader agree on which maps are well-formed."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from argmap.errors import MapError
from argmap.load import loads
from argmap.schema import schema_json

VALIDATOR = jsonschema.Draft7Validator(json.loads(schema_json()))

BASE = """\
argmap: 1
title: T
statements:
  t: {thesis: T, reasons: [e]}
  e: {evidence: E}
"""


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as an editor's YAML 1.2 language server does: only true and false are booleans,
    and dates and `yes` stay text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag.endswith(("int", "float", "null"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)

# Each case adds lines to a small valid map: (case, extra YAML, does the map stay valid?)
CASES = [
    ("number as title", "title: 123", True),
    ("year as evidence text", "  y: {evidence: 2019}", True),
    ("yes as a quote", "  y: {evidence: E2, quote: yes}", True),
    ("numbers as tags", "  y: {claim: C, tags: [1, 2]}", True),
    ("decimal locator", "  y: {evidence: E2, at: 1.5}", True),
    ("true as locator", "  y: {evidence: E2, at: true}", True),
    ("free-text locator", "  y: {evidence: E2, at: p. 12}", True),
    ("number as url", "source: {url: 42}", True),
    ("hedge true", "  y: {claim: C, hedge: true}", True),
    ("numeric statement id", "  123: {claim: C, reasons: [e]}", True),
    ("blank title", 'title: "   "', False),
    ("blank hedge", '  y: {claim: C, hedge: " "}', False),
    ("blank acknowledgement", '  y: {claim: C, ack: {orphan: " "}}', False),
    ("blank section heading", 'sections: {s: " "}', False),
    ("blank reason note", '  y: {claim: C, reasons: [{premises: e, note: "  "}]}', False),
    ("paragraph zero", "  y: {evidence: E2, at: 0}", False),
    ("negative paragraph", "  y: {evidence: E2, at: -2}", False),
    ("unknown field", "  y: {claim: C, qoute: x}", False),
    ("two kinds", "  y: {claim: C, evidence: E}", False),
    ("no kind", "  y: {note: N}", False),
    ("unknown finding code", "  y: {claim: C, ack: {nonsense: why}}", False),
    ("list as text", "  y: {claim: [a, b]}", False),
    ("mapping as tags", "  y: {claim: C, tags: {a: b}}", False),
    ("bad id", "  'bad id': {claim: C}", False),
    ("reason without premises", "  y: {claim: C, reasons: [{note: N}]}", False),
    ("empty premises", "  y: {claim: C, reasons: [[]]}", False),
    ("version 2", "argmap: 2", False),
]


def _map(extra: str) -> str:
    """The base map with ``extra``: a top-level line replaces the base's, others add statements."""
    if extra.startswith("  "):
        return BASE + extra + "\n"
    key = extra.split(":", 1)[0]
    lines = [line for line in BASE.splitlines() if not line.startswith(key + ":")]
    return "\n".join([extra, *lines]) + "\n"


@pytest.mark.parametrize(("case", "extra", "valid"), CASES, ids=[c[0] for c in CASES])
def test_schema_and_loader_agree(case: str, extra: str, valid: bool) -> None:
    """An editor validating with the schema accepts exactly the maps that argmap loads."""
    text = _map(extra)
    try:
        loads(text)
        loaded = True
    except MapError:
        loaded = False
    schema_ok = VALIDATOR.is_valid(yaml.load(text, Loader=Yaml12Loader))
    assert (loaded, schema_ok) == (valid, valid), case
