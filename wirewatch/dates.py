"""Resolving event dates against the article's publication time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
#: a month's name or abbreviation as wires write it ("October", "Oct.", "Sept."), for
#: patterns of calendar dates
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_RELATIVE = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "overnight": 0, "the day before": -1,
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
HISTORICAL_AFTER_DAYS = 45


#: RFC 3339 date-time (JSON Schema's "date-time" format): date, time, offset or Z
_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def rfc3339(when: datetime | None = None, timespec: str = "seconds") -> str:
    """``when`` (default: now) as an RFC 3339 UTC timestamp ending in ``Z``."""
    moment = when or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec=timespec).replace("+00:00", "Z")


def is_rfc3339(value: str) -> bool:
    """True when ``value`` is an RFC 3339 date-time that names a real instant."""
    return bool(_RFC3339.match(value)) and instant(value.upper()) is not None


def instant(value: str | None) -> datetime | None:
    """An ISO 8601 / RFC 3339 timestamp as an aware datetime (a naive one taken as UTC);
    None if unreadable."""
    try:
        when = datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def parse_published(value: str | None) -> date | None:
    """The calendar date of an RFC 3339 (or bare ISO) timestamp; None if unreadable."""
    if not value:
        return None
    when = instant(value)
    if when is not None:
        return when.date()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def weekday_on_or_before(published: date, weekday: int) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published``."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


@cache
def _dateparser() -> Any:
    import dateparser

    return dateparser


def resolve(expression: str, published: date | None) -> date | None:
    """The date an expression such as "on Thursday", "December 19" or "1 May 2020" names."""
    text = expression.strip().lower()
    text = re.sub(r"^(on|last|this|early|late|since)\s+", "", text)
    if published is not None:
        for phrase, offset in _RELATIVE.items():
            if phrase in text:
                return published + timedelta(days=offset)
        # (a leading "last" or "this" is gone by now: "last week" is "week" here)
        if text in ("week", "a week ago"):
            return published - timedelta(days=7)  # "last week": a week before, roughly
        if re.fullmatch(r"((over|at|during) )?(the )?weekend", text):
            # "over the weekend": its Saturday (a Sunday report is a day from it either way)
            return weekday_on_or_before(published, WEEKDAYS.index("saturday"))
        match = _WEEKDAY.search(text)
        if match and not _YEAR.search(text) and not re.search(r"\d", text):
            return weekday_on_or_before(published, WEEKDAYS.index(match.group(1).lower()))
    if not re.search(r"\d|january|february|march|april|may|june|july|august|september|"
                     r"october|november|december", text):
        return None
    base = datetime.combine(published, datetime.min.time()) if published else datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "REQUIRE_PARTS": ["month"], "DATE_ORDER": "DMY"}
    parsed = _dateparser().parse(expression, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if published is None and not _YEAR.search(expression):
        return None
    return parsed.date()


def is_historical(event: date | None, published: date | None) -> bool:
    """True when the event is well before publication: the article only recalls it."""
    if event is None or published is None:
        return False
    return (published - event).days > HISTORICAL_AFTER_DAYS
