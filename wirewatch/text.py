"""Cheap text utilities shared by the stages: sentence splitting and hashing."""

from __future__ import annotations

import hashlib
import re

#: abbreviations a full stop does not end a sentence after: titles and ranks ("Gen.",
#: "Sgt."), and months before a day ("Nov. 24", wire style)
_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "No", "Capt", "Sgt", "Maj", "Brig",
    "Cpl", "Pvt", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Prof", "Jr", "Sr", "Mt", "Ft",
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
)
# A sentence ends at . ! ? (and a closing quote or bracket, which stays with it) before
# whitespace and an upper-case letter, digit or opening quote; or at a line break.
# (The cheap test, "just after . ! ?", comes first: the abbreviation guards then run only
# there, not at every character.)
_BOUNDARY = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))"
    r"(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) +
    r"(?<!\bU\.S\.)(?<!\bU\.N\.)\s+(?=[\"“‘'(]?[A-Z0-9])"
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
