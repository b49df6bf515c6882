"""Cheap text utilities shared by the stages: sentence splitting and hashing."""

from __future__ import annotations

import hashlib
import re

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and an upper-case letter, digit or opening quote; or at a line break.
_BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bCol)(?<!\bLt)(?<!\bNo)"
    r"(?<!\bU\.S)(?<!\bU\.N)(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(]?[A-Z0-9])"
)


def sentences(text: str) -> list[str]:
    """Split text into sentences: paragraphs first, then sentence punctuation."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        out.extend(s.strip() for s in _BOUNDARY.split(paragraph) if s.strip())
    return out


def normalise(text: str) -> str:
    """Lower-cased words only: what two copies of one story have in common."""
    return " ".join(re.findall(r"\w+", text.lower()))


def content_hash(text: str) -> str:
    """A stable hash of the normalised text."""
    return hashlib.sha256(normalise(text).encode()).hexdigest()[:32]


def stable_id(*parts: object, length: int = 20) -> str:
    """A deterministic id from its parts (same parts, same id, on every worker)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return digest[:length]
