"""Meaning-preserving rewrites of a news text, for metamorphic testing.

Each rewrite changes how a story is told, never what happened: a headline that restates
the toll, a wire dateline, a background sentence about an earlier attack, a caveat that
the toll may rise, numbers spelled out, an acronym in brackets after a name, publisher
furniture around the story. The extraction must give the same current tolls for the
rewritten text as for the original (``tests/core/test_metamorphic.py``;
``wirewatch eval --rewrite KIND`` measures the same on a labelled file).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from wirewatch import dates

Gold = Mapping[str, Any]
Rewrite = Callable[[str, Gold], str]

_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spelled(n: int) -> str:
    """An integer below 100 in words ("forty-two")."""
    if n < 20:
        return _SMALL[n]
    tens, units = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_SMALL[units]}" if units else "")


def headline(text: str, gold: Gold) -> str:
    """A headline restating the toll the story gives (nothing when it gives none)."""
    killed, wounded = gold.get("killed") or 0, gold.get("wounded") or 0
    if not killed and not wounded:
        return text
    parts = []
    if killed:
        parts.append(f"{killed} killed")
    if wounded:
        parts.append(f"{wounded} wounded")
    return f"{' and '.join(parts).capitalize()} in attack, officials say\n\n{text}"


def dateline(text: str, gold: Gold) -> str:
    """A wire dateline: the agency, and where the reporter files from."""
    return f"(Wire Service) - {text}"


_BACKGROUNDS = (
    "In March 2009, a similar attack in the region killed 14 people.",
    "In March 2009, gunmen stormed a market in the region, killing 14 people.",
    "Fourteen people died when a bomb went off at a bus station in the region in 2009.",
)


def background(text: str, gold: Gold) -> str:
    """A sentence recalling an earlier, dated attack (one of a few phrasings, chosen by the
    text so that a file gets all of them)."""
    return f"{text}\n\n{_BACKGROUNDS[len(text) % len(_BACKGROUNDS)]}"


def caveat(text: str, gold: Gold) -> str:
    """The usual warning that the toll may still change."""
    return f"{text}\n\nOfficials said the death toll could rise."


_NUMBER_BEFORE_WORD = re.compile(r"(?<![\d.,:/-])\b([1-9]\d?)\b(?= [a-z])")


_AFTER_A_MONTH = re.compile(rf"\b{dates.MONTH}\s*$", re.I)


def numbers_as_words(text: str, gold: Gold) -> str:
    """Counts below 100 before a word spelled out ("12 people" → "twelve people"), with a
    capital at the start of a sentence; a day of the month stays a number ("Nov. 24")."""
    def spell(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 12):match.start()]
        if _AFTER_A_MONTH.search(before):
            return match.group(0)
        words = spelled(int(match.group(1)))
        starts_a_sentence = not before.strip() or before.rstrip()[-1] in ".!?\n"
        return words.capitalize() if starts_a_sentence else words

    return _NUMBER_BEFORE_WORD.sub(spell, text)


_NAME = re.compile(r"(?<=[a-z,] )((?:[A-Z][a-z]{2,} ){1,2}[A-Z][a-z]{2,})\b(?! \()")


def acronym(text: str, gold: Gold) -> str:
    """An acronym in brackets after the first name of two or three words in the text."""
    match = _NAME.search(text)
    if match is None:
        return text
    initials = "".join(word[0] for word in match.group(1).split())
    return f"{text[:match.end()]} ({initials}){text[match.end():]}"


def furniture(text: str, gold: Gold) -> str:
    """Publisher furniture around the story: share buttons, related links, a footer."""
    return ("Advertisement\nShare this article\n\n" + text + "\n\nRelated stories\n"
            "Markets close higher on tech rally\nWeather: storms expected at the weekend\n\n"
            "© 2026 Wire Service. All rights reserved.")


REWRITES: dict[str, Rewrite] = {
    "headline": headline, "dateline": dateline, "background": background, "caveat": caveat,
    "numbers": numbers_as_words, "acronym": acronym, "furniture": furniture,
}
