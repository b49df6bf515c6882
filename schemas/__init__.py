"""The message contracts: one JSON Schema per topic message, and matching records."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_FILES = (
    "article.raw.json",
    "article.clean.json",
    "incident.json",
    "alert.json",
    "watch_rule.json",
    "deadletter.headers.json",
)


@cache
def _registry() -> Registry:
    resources_ = []
    for name in SCHEMA_FILES:
        doc = json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
        resources_.append((name, Resource.from_contents(doc)))
        resources_.append((doc["$id"], Resource.from_contents(doc)))
    return Registry().with_resources(resources_)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema document ``name`` (e.g. ``"incident.json"``)."""
    resource = _registry().get(name)
    if resource is None:
        raise KeyError(f"no schema named {name!r}")
    contents: dict[str, Any] = resource.contents
    return contents


@cache
def validator(name: str) -> Draft202012Validator:
    """A draft 2020-12 validator for schema ``name``, resolving sibling ``$ref``s."""
    return Draft202012Validator(load_schema(name), registry=_registry())


def validation_errors(name: str, instance: Any) -> list[str]:
    """Human-readable reasons ``instance`` does not satisfy schema ``name`` (empty when valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator(name).iter_errors(instance)
    ]
