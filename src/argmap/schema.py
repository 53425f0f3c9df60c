"""The JSON Schema of the map format, for editors that validate and complete maps as they are typed.

The schema is JSON Schema draft-07, the newest draft the YAML language server (VS Code's YAML
extension, and the editors that run it) validates with; descriptions sit beside an ``allOf`` of the
referenced definition, since draft-07 ignores the keywords next to a ``$ref``. The schema describes
the shape of a map; references between ids are checked when a map is loaded.
As the loader does, it takes a number or ``true`` written where text belongs as that text, and
refuses text that is only white space.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import Code, Kind, Level

SCHEMA_ID = "urn:argmap:format:1"
ID = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
NOT_BLANK = r"\S"


DRAFT = "http://json-schema.org/draft-07/schema#"


def _ref(name: str, description: str | None = None) -> dict[str, Any]:
    """A reference to a definition, with a description that draft-07 does not ignore."""
    if description is None:
        return {"$ref": f"#/definitions/{name}"}
    return {"description": description, "allOf": [{"$ref": f"#/definitions/{name}"}]}


def _text(description: str) -> dict[str, Any]:
    return _ref("text", description)


def _premises(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "oneOf": [
            _ref("id"),
            {"type": "array", "items": _ref("id"), "minItems": 1},
        ],
    }


def schema() -> dict[str, Any]:
    """The schema as data."""
    inference = {
        "description": "A premise id, a list of co-premise ids (linked), or the full form.",
        "oneOf": [
            _ref("id"),
            {"type": "array", "items": _ref("id"), "minItems": 1},
            {
                "type": "object",
                "additionalProperties": False,
                "oneOf": [{"required": ["premises"]}, {"required": ["assumed"]}],
                "properties": {
                    "id": _ref("id"),
                    "premises": _premises("The co-premises: one id or a list of ids."),
                    "assumed": _premises(
                        "The co-premises of a link the mapper reads into the text (the author "
                        "does not draw it): one id or a list of ids, in place of premises."
                    ),
                    "quote": _text("The author's connective that draws this link."),
                    "note": _text("The mapper's note."),
                    "objections": _ref("inferences", "Undercuts: objections to this inference."),
                },
            },
        ],
    }
    kind_text = {kind.value: _text(_KIND_HELP[kind]) for kind in Kind}
    statement = {
        "type": "object",
        "description": "A statement: one of thesis, claim, evidence, assumption holds its text.",
        "additionalProperties": False,
        "minProperties": 1,
        "oneOf": [{"required": [kind.value]} for kind in Kind],
        "properties": {
            **kind_text,
            "reasons": _ref(
                "inferences", "Independent reasons; each alone supports the statement."
            ),
            "objections": _ref("inferences", "Rebuttals: objections against the statement."),
            "quote": _text("A short verbatim quote from the source."),
            "at": {
                "description": "Paragraph number within the section, or a free-text locator.",
                "anyOf": [
                    {"type": "integer", "minimum": 1},
                    {"type": "string", "pattern": NOT_BLANK},
                    {"type": "number", "not": {"type": "integer"}},
                    {"type": "boolean"},
                ],
            },
            "section": _ref("id", "The section's id."),
            "hedge": _ref("text", "The author's hedge ('most likely'), or true."),
            "certainty": _text("The author's marker of stated certainty ('it is clear')."),
            "level": {
                "description": "The stated confidence, where the hedge's words do not say it.",
                "enum": [level.term for level in Level],
            },
            "by": {
                "description": "Whose the evidence is: a name, or name/unnamed with a role.",
                "anyOf": [
                    _ref("text"),
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "name": _text("The person or body."),
                            "unnamed": _text("How the text refers to a source it does not name."),
                            "role": _text("Who they are."),
                        },
                        "oneOf": [{"required": ["name"]}, {"required": ["unnamed"]}],
                    },
                ],
            },
            "grade": {
                "type": "string",
                "description": "Source grade: reliability A-F and credibility 1-6, as B2.",
                "pattern": "^[A-Fa-f][1-6]$",
            },
            "note": _text("The mapper's note."),
            "tags": {
                "description": "Free tags.",
                "anyOf": [
                    _ref("text"),
                    {"type": "array", "items": _ref("text")},
                ],
            },
            "ack": {
                "type": "object",
                "description": "Findings the mapper knowingly accepts: code -> why.",
                "propertyNames": {"enum": [code.value for code in Code]},
                "additionalProperties": _ref("text"),
            },
        },
    }
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "argmap map, format version 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["argmap", "title", "statements"],
        "properties": {
            "argmap": {"const": 1, "description": "The format version."},
            "title": _text("The map's title."),
            "source": {
                "type": "object",
                "additionalProperties": False,
                "description": "The text that the map maps.",
                "properties": {
                    name: _text(f"The source's {name}.")
                    for name in ("title", "author", "publisher", "date", "url")
                },
            },
            "sections": {
                "type": "object",
                "description": "The parts of the source, in order: id -> heading, or id -> "
                "{title, starts} for a part no heading of the source marks.",
                "propertyNames": {"pattern": ID},
                "additionalProperties": {
                    "oneOf": [
                        _ref("text"),
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["title"],
                            "properties": {
                                "title": _text("The section's heading as shown."),
                                "starts": _text(
                                    "The words its first paragraph begins with in the source."
                                ),
                            },
                        },
                    ]
                },
            },
            "statements": {
                "type": "object",
                "description": "The statements, by id.",
                "minProperties": 1,
                "propertyNames": {"pattern": ID},
                "additionalProperties": _ref("statement"),
            },
        },
        "definitions": {
            "id": {"anyOf": [{"type": "string", "pattern": ID}, {"type": "integer", "minimum": 0}]},
            "text": {
                "anyOf": [
                    {"type": "string", "pattern": NOT_BLANK},
                    {"type": "number"},
                    {"type": "boolean"},
                ]
            },
            "inference": inference,
            "inferences": {
                "oneOf": [
                    _ref("id"),
                    {"type": "array", "items": _ref("inference")},
                ]
            },
            "statement": statement,
        },
    }


_KIND_HELP = {
    Kind.THESIS: "A main conclusion of the text.",
    Kind.CLAIM: "An intermediate claim.",
    Kind.EVIDENCE: "A fact, figure, event or statement by a named source.",
    Kind.ASSUMPTION: "An unstated premise that the mapper makes explicit.",
}


def schema_json() -> str:
    """The schema as JSON text, the same on every run."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
