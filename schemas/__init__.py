"""The message contracts: typed models (:mod:`schemas.records`) and the JSON Schema
documents generated from them, one per topic message.

``python -m schemas`` writes the documents; ``tests/core/test_schemas.py`` fails when a
committed document differs from what the models generate. :func:`validation_errors`
checks a message against a committed document with a standard JSON Schema validator,
as a service coding against the contract would.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode

from schemas.records import MESSAGE_RECORDS, Alert, CleanArticle, Incident, Record

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://wirewatch.dev/schemas/"
#: records the pipeline writes: every field is always present, so all are required
_WRITTEN: tuple[type[Record], ...] = (CleanArticle, Incident, Alert)
SCHEMA_FILES = tuple(str(record.schema_file) for record in MESSAGE_RECORDS)
FOLDER = Path(__file__).parent


class _Draft202012(GenerateJsonSchema):
    def generate(self, schema: Any, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        document = super().generate(schema, mode=mode)
        return {"$schema": DIALECT, **document}


def generate(record: type[Record]) -> dict[str, Any]:
    """The JSON Schema document for a message record (draft 2020-12).

    Messages the pipeline writes are described as written (``serialization`` mode: every
    field present); messages others write to us (raw articles, watch rules, in
    ``validation`` mode) may leave out what has a default.
    """
    mode: JsonSchemaMode = "serialization" if record in _WRITTEN else "validation"
    document = TypeAdapter(record).json_schema(by_alias=True, mode=mode,
                                                schema_generator=_Draft202012)
    return {"$schema": document.pop("$schema"), "$id": BASE_URI + str(record.schema_file),
            **document}


def render(document: dict[str, Any]) -> str:
    """A schema document as committed: two-space indents, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path = FOLDER) -> list[Path]:
    """Write every message's schema document into ``folder``; the paths written."""
    written = []
    for record in MESSAGE_RECORDS:
        path = folder / str(record.schema_file)
        path.write_text(render(generate(record)), encoding="utf-8")
        written.append(path)
    return written


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The committed JSON Schema document ``name`` (e.g. ``"incident.json"``)."""
    if name not in SCHEMA_FILES:
        raise KeyError(f"no schema named {name!r}")
    document: dict[str, Any] = json.loads(
        resources.files(__name__).joinpath(name).read_text("utf-8"))
    return document


@cache
def validator(name: str) -> Draft202012Validator:
    """A draft 2020-12 validator for the committed schema ``name``."""
    return Draft202012Validator(load_schema(name),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def validation_errors(name: str, instance: Any) -> list[str]:
    """Human-readable reasons ``instance`` does not satisfy schema ``name`` (empty when valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator(name).iter_errors(instance)
    ]
