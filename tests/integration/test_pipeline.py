"""Every stage over the embedded broker: raw articles in, exact alerts out.

Runs the bundled samples (with the malformed lines moved to the front, so later
messages must still be processed after a dead letter) through a real worker.
"""

from __future__ import annotations

import asyncio

import orjson
import pytest

from schemas import validation_errors
from schemas.records import Alert
from streams.topics import TopicNames
from tests.conftest import sample_lines
from tests.integration.conftest import Pipeline
from wirewatch.inputs import Message
from wirewatch.runtime.operations import (
    Summary,
    alerts,
    dead_letters,
    publish,
    wait_accounted,
    watch_set,
)
from wirewatch.watch import parse_rules

pytestmark = pytest.mark.integration

WATCH = "TR,SY,NG,PK,AF,SO,UA,ML"

# alert id → (location country, killed) expected from the bundled samples.
EXPECTED = {
    "al-ae40633a599c0d02c299374b": ("NG", {12, 19}),  # Maiduguri bombing, two reports
    "al-8771026468a8600b901d3b79": ("UA", {3}),       # Kharkiv shelling
    "al-38add7d33b50f276e3dfdc41": ("PK", {6}),       # checkpoint attack
    "al-652af2e725271db95a1f3f78": ("SO", {15}),      # Mogadishu hotel
    "al-36068864701b0b702f2db1ce": ("AF", {2}),       # Helmand landmine
    "al-e657057f953bd3d2cb800a7c": ("SY", {5}),       # Idlib drone strike
    "al-5b6980b2386461c717a4f3e1": ("ML", {9}),       # Mopti attack (boilerplate-wrapped)
    "al-d3377b356c41c3b0ecf8be95": ("TR", {2}),       # Hakkari roadside bomb (HTML)
    "al-df24d6a9d9f05daf393a510e": ("UA", {4}),       # Kramatorsk air strike
}
NO_ALERT_ARTICLES = {"fw-2026-1119-020", "nw-2026-1120-512", "hl-2026-1119-404",
                     "kw-2026-1121-333"}  # rates, a protest, coffee, a recalled 2015 attack
DUPLICATE_PAIR = {"nw-2026-1118-001", "ps-2026-1118-417"}


def ordered_samples() -> list[Message]:
    """Malformed lines first, then every valid article."""
    bad: list[Message] = []
    good: list[Message] = []
    for number, line in enumerate(sample_lines()):
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            value = None
        target = good if isinstance(value, dict) and isinstance(value.get("body"), str) else bad
        key = value["id"] if target is good else f"malformed-{number}"
        target.append(Message(key, line))
    return bad + good


@pytest.fixture(scope="module")
def outcome(pipeline: Pipeline) -> tuple[Summary, list[Alert], int]:
    items = ordered_samples()

    async def go() -> tuple[Summary, list[Alert]]:
        await watch_set(pipeline.settings, parse_rules(WATCH))
        await publish(pipeline.settings, TopicNames().raw, items)
        summary = await wait_accounted(pipeline.settings, len(items), timeout=240,
                                       worker=pipeline.worker)
        return summary, [a async for a in alerts(pipeline.settings)]

    summary, received = asyncio.run(go())
    return summary, received, len(items)


def test_every_raw_message_is_accounted_for(outcome: tuple[Summary, list[Alert], int]) -> None:
    summary, _, published = outcome
    assert summary.raw == published == 18
    assert (summary.clean, summary.duplicate, summary.deadletter) == (14, 1, 3)
    assert summary.clean + summary.duplicate + summary.deadletter == summary.raw


def test_exactly_the_expected_alerts(outcome: tuple[Summary, list[Alert], int]) -> None:
    _, received, _ = outcome
    assert {a.alert_id for a in received} == set(EXPECTED)
    for alert in received:
        country, tolls = EXPECTED[alert.alert_id]
        assert alert.incident.location.country == country
        assert alert.incident.killed in tolls
        assert validation_errors("alert.json", orjson.loads(orjson.dumps(alert.to_dict()))) == []
    # the two-wire story reached extraction once; the toll update revised its alert
    maiduguri = [a for a in received if a.alert_id == "al-ae40633a599c0d02c299374b"]
    assert [(a.version, a.status, a.incident.killed) for a in maiduguri] == [
        (1, "new", 12), (2, "updated", 19)]
    last = maiduguri[-1]
    assert last.incident.wounded == 30  # revised up only
    sources = [s.article_id for s in last.sources]
    assert len(sources) == 2 and sources[1] == "nw-2026-1120-044"
    assert sources[0] in DUPLICATE_PAIR
    assert len({a.alert_id for a in received}) == len(received) - 1  # one update, no copies


def test_no_alert_for_non_violent_or_recalled_news(
        outcome: tuple[Summary, list[Alert], int]) -> None:
    _, received, _ = outcome
    sources = {s.article_id for a in received for s in a.sources}
    assert not sources & NO_ALERT_ARTICLES


def test_malformed_messages_are_dead_lettered_with_reasons(
        pipeline: Pipeline, outcome: tuple[Summary, list[Alert], int]) -> None:
    letters = asyncio.run(dead_letters(pipeline.settings))
    raw_letters = [d for d in letters if d.headers["original.topic"] == TopicNames().raw]
    assert sorted(d.headers["error.class"] for d in raw_letters) == \
        ["InvalidField", "NotAnObject", "NotJSON"]
    originals = {m.value for m in ordered_samples()[:3]}
    assert {d.value for d in raw_letters} == originals  # the bytes, untouched
    for letter in raw_letters:
        assert letter.headers["stage"] == "clean"
        assert letter.headers["error.message"]
    pipeline.worker.check()  # and the worker is still alive
