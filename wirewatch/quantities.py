"""Reading casualty quantities: digits, number words, vague amounts, qualifiers.

Vague amounts are coded conservatively, as ACLED does: "dozens" = 12, "hundreds" = 100.
"""

from __future__ import annotations

import re

from schemas.records import Qualifier

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE: dict[str, int] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "several": 3,
    "a few": 3, "a couple": 2, "a handful": 3, "a dozen": 12, "dozen": 12, "a score": 20,
    "numerous": 3, "many": 3,
}
EXACT_VAGUE = {"a dozen", "dozen", "a couple", "a score"}
AT_LEAST = (
    "at least", "more than", "over", "upwards of", "no fewer than", "no less than",
    "at minimum", "a minimum of", "in excess of", "not less than",
)
APPROXIMATE = (
    "about", "around", "nearly", "almost", "approximately", "some", "roughly", "an estimated",
    "up to", "close to", "as many as", "estimated", "perhaps", "possibly", "reportedly",
)
#: number words from two up, for patterns that look for a count ("kidnapped 14 soldiers")
NUMBER_WORDS = "|".join(w for w in (*UNITS, *TENS) if w not in ("zero", "no", "one"))

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def word_value(word: str) -> int | None:
    """The value of a single number token (``"11"``, ``"three"``, ``"twenty-five"``)."""
    w = word.lower().strip()
    if _DIGITS.match(w):
        return int(w.replace(",", ""))
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    if "-" in w:
        head, _, tail = w.partition("-")
        if head in TENS and tail in UNITS and 0 < UNITS[tail] < 10:
            return TENS[head] + UNITS[tail]
    return None


def phrase_value(words: list[str]) -> int | None:
    """The value of a run of number words (``["two", "hundred", "and", "five"]``)."""
    total, current, seen = 0, 0, False
    for raw in words:
        w = raw.lower()
        if w == "and" and seen:
            continue
        if w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
            seen = True
            continue
        value = word_value(w)
        if value is None:
            return None
        current += value
        seen = True
    return total + current if seen else None


def qualifier_before(words_before: list[str]) -> Qualifier:
    """The qualifier that the (lower-cased) words right before a number express."""
    tail = " ".join(words_before[-3:])
    for phrase in AT_LEAST:
        if tail.endswith(phrase):
            return "at_least"
    for phrase in APPROXIMATE:
        if tail.endswith(phrase):
            return "approximate"
    return "exact"
