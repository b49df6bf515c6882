"""wirewatch.quantities: number words, digits, qualifiers."""

import pytest

from wirewatch.quantities import VAGUE, phrase_value, qualifier_before, word_value


@pytest.mark.parametrize("word, value", [
    ("11", 11), ("1,250", 1250), ("three", 3), ("Twelve", 12), ("twenty-five", 25),
    ("forty", 40), ("zero", 0),
])
def test_word_value(word: str, value: int) -> None:
    assert word_value(word) == value


@pytest.mark.parametrize("word", ["several", "1.5", "twenty-ten", "people", ""])
def test_word_value_rejects_non_numbers(word: str) -> None:
    assert word_value(word) is None


@pytest.mark.parametrize("words, value", [
    (["two", "hundred", "and", "five"], 205), (["three", "thousand"], 3000),
    (["one", "hundred", "twenty"], 120), (["seven"], 7),
])
def test_phrase_value(words: list[str], value: int) -> None:
    assert phrase_value(words) == value


def test_phrase_value_rejects_junk() -> None:
    assert phrase_value(["two", "soldiers"]) is None
    assert phrase_value([]) is None


def test_vague_quantities_are_coded_as_acled_does() -> None:
    assert VAGUE["dozens"] == 12
    assert VAGUE["hundreds"] == 100


@pytest.mark.parametrize("before, qualifier", [
    (["at", "least"], "at_least"), (["killing", "more", "than"], "at_least"),
    (["nearly"], "approximate"), (["some"], "approximate"), (["killing"], "exact"), ([], "exact"),
])
def test_qualifier_before(before: list[str], qualifier: str) -> None:
    assert qualifier_before(before) == qualifier
