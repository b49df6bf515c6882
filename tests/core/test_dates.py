"""wirewatch.dates: event dates resolved against publication."""

from datetime import date

import pytest

from wirewatch.dates import is_historical, parse_published, resolve

THURSDAY = date(2017, 2, 9)


@pytest.mark.parametrize("expression, expected", [
    ("on Wednesday", date(2017, 2, 8)),       # the day before a Thursday publication
    ("on Thursday", date(2017, 2, 9)),        # the day itself
    ("on Friday", date(2017, 2, 3)),          # a weekday after publication means last week
    ("yesterday", date(2017, 2, 8)),
    ("December 19", date(2016, 12, 19)),      # a past date without a year: last year
    ("1 May 2015", date(2015, 5, 1)),
    ("over the weekend", date(2017, 2, 4)),   # the Saturday before
    ("at the weekend", date(2017, 2, 4)),
    ("last weekend", date(2017, 2, 4)),
    ("last week", date(2017, 2, 2)),           # a week before, roughly
    ("a week ago", date(2017, 2, 2)),
])
def test_resolve(expression: str, expected: date) -> None:
    assert resolve(expression, THURSDAY) == expected


def test_resolve_without_publication_needs_a_year() -> None:
    assert resolve("on Tuesday", None) is None
    assert resolve("December 19", None) is None
    assert resolve("19 December 2016", None) == date(2016, 12, 19)


def test_resolve_ignores_text_without_a_date() -> None:
    assert resolve("in the morning", THURSDAY) is None


def test_parse_published() -> None:
    assert parse_published("2017-02-09T10:15:00Z") == THURSDAY
    assert parse_published("2017-02-09") == THURSDAY
    assert parse_published(None) is None


def test_is_historical() -> None:
    assert is_historical(date(2016, 12, 19), THURSDAY)
    assert not is_historical(date(2017, 2, 8), THURSDAY)
    assert not is_historical(None, THURSDAY)
