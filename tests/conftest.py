"""Shared fixtures: sample articles and helpers used across the suite."""

from __future__ import annotations

import json

import pytest

from wirewatch import SAMPLE_ARTICLES


def sample_lines() -> list[bytes]:
    """The bundled sample file, one raw message per line (valid or not)."""
    return [line for line in SAMPLE_ARTICLES.read_bytes().splitlines() if line.strip()]


def sample_articles() -> list[dict[str, object]]:
    """The valid raw articles of the bundled samples."""
    out = []
    for line in sample_lines():
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict) and isinstance(value.get("body"), str):
            out.append(value)
    return out


@pytest.fixture
def samples() -> list[dict[str, object]]:
    return sample_articles()
