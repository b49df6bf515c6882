"""Each agent under Faust's ``test_context``: real agent code, no broker.

Outbound sends are captured by replacing ``Topic.send``; the stage logic, the
tables and the dead-letter path are the real ones.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import faust
import orjson
import pytest
from aiokafka import ConsumerRecord

import agents
from schemas import validation_errors
from streams.app import names
from streams.stage import run_batch


@dataclass
class Sent:
    topic: str
    key: bytes | None
    value: bytes | None
    headers: Any


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Sent]]:
    captured: list[Sent] = []

    async def fake_send(self: faust.Topic, *, key: Any = None, value: Any = None,
                        headers: Any = None, **_: Any) -> asyncio.Future[None]:
        captured.append(Sent(self.get_topic_name(), key, value, headers))
        delivered: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        delivered.set_result(None)  # the broker has it
        return delivered

    monkeypatch.setattr(faust.Topic, "send", fake_send)
    yield captured


@pytest.fixture(autouse=True)
def empty_tables() -> None:
    """Each test starts with no remembered texts and an empty watchlist."""
    agents.clean.recent_stories.data.clear()
    agents.clean.deduplicator._index = None
    agents.alert.watchlist.clear()
    agents.alert.watchlist_mirror.caught_up.set()  # no broker: the mirror is fed by hand
    agents.alert.published.clear()
    agents.alert.pruning.clear()
    agents.alert.retired.clear()
    agents.alert.alerts_mirror.caught_up.set()


@dataclass
class FakeMessage:
    key: bytes
    value: bytes
    offset: int
    topic: str = names.clean
    partition: int = 0
    timestamp: float = 1_763_000_000.0
    headers: Any = ()


class FakeEvent:
    """What :func:`streams.stage.run_batch` reads of a Faust event: its message."""

    def __init__(self, key: bytes, value: bytes, offset: int) -> None:
        self.message = FakeMessage(key, value, offset)


def record(key: bytes, value: bytes | None) -> ConsumerRecord[bytes, bytes]:
    """A record as the watchlist mirror receives it from the broker."""
    return ConsumerRecord("wire.watchlist", 0, 0, 0, 0, key, value, None, 0, 0, [])


def on(captured: list[Sent], topic: str) -> list[Sent]:
    return [s for s in captured if s.topic == topic]


def value_of(sent: Sent) -> Any:
    """The JSON value of one sent message."""
    assert sent.value is not None
    return orjson.loads(sent.value)


ARTICLE = {
    "id": "t-1", "source": "Test Wire", "published_at": "2026-11-18T08:00:00Z",
    "title": "Bomb kills four soldiers in Hakkari",
    "body": "A roadside bomb killed four Turkish soldiers in Hakkari province on Tuesday, "
            "the defence ministry said.\n\nTwo other soldiers were wounded in the blast.",
}


async def test_clean_agent_emits_a_clean_article(sent: list[Sent]) -> None:
    async with agents.clean.clean.test_context() as agent:
        await agent.put(key=b"t-1", value=orjson.dumps(ARTICLE))
    (out,) = on(sent, names.unchecked)
    value = value_of(out)
    assert out.key == b"t-1"
    assert value["id"] == "t-1" and value["language"] == "en"
    assert not value.get("duplicate_of")
    assert validation_errors("article.clean.json", value) == []


async def test_dedup_agent_marks_another_wires_copy(sent: list[Sent]) -> None:
    from wirewatch.cleaning import clean_article, parse_raw

    second = {**ARTICLE, "id": "t-2", "source": "Other Wire",
              "body": "By our correspondent. " + str(ARTICLE["body"]) + " More follows."}
    other = {**ARTICLE, "id": "t-3", "body": "The central bank held its rate on Monday."}
    async with agents.clean.deduplicate.test_context() as agent:
        for article in (ARTICLE, second, other, ARTICLE):  # the last: a redelivery
            payload = orjson.dumps(clean_article(parse_raw(orjson.dumps(article))).to_dict())
            await agent.put(key=str(article["id"]).encode(), value=payload)
    values = [value_of(s) for s in on(sent, names.clean)]
    assert [(v["id"], v.get("duplicate_of")) for v in values] == [
        ("t-1", None), ("t-2", "t-1"), ("t-3", None), ("t-1", None)]
    assert set(agents.clean.recent_stories.data) == {"t-1", "t-2", "t-3"}


@pytest.mark.parametrize("payload, error", [
    (b"{not json", "NotJSON"),
    (b"[1, 2]", "NotAnObject"),
    (orjson.dumps({"id": "x", "source": "s", "body": 7}), "InvalidField"),
    (b"\xff\xfe\x00garbage", "InvalidEncoding"),
])
async def test_clean_agent_dead_letters_bad_input_and_keeps_going(
        sent: list[Sent], payload: bytes, error: str) -> None:
    async with agents.clean.clean.test_context() as agent:
        await agent.put(key=b"bad", value=payload)
        await agent.put(key=b"t-1", value=orjson.dumps(ARTICLE))
    (letter,) = on(sent, names.deadletter)
    assert letter.value == payload  # the original bytes, untouched
    headers = {k: v.decode() for k, v in letter.headers}
    assert headers["stage"] == "clean"
    assert headers["error.class"] == error
    assert headers["original.topic"] == names.raw
    assert validation_errors("deadletter.headers.json", headers) == []
    assert len(on(sent, names.unchecked)) == 1  # the next message still went through


def clean_payload() -> bytes:
    from wirewatch.cleaning import clean_article, parse_raw

    return orjson.dumps(clean_article(parse_raw(orjson.dumps(ARTICLE))).to_dict())


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait for ``condition`` (the extract agent reads on its own thread: ``put`` returns
    once the message is in the agent's hands, not once it is read)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def test_extract_agent_emits_classified_incidents(sent: list[Sent]) -> None:
    async with agents.extract.extract.test_context() as agent:
        await agent.put(key=b"t-1", value=clean_payload())
        await until(lambda: bool(on(sent, names.incidents)))
    assert on(sent, names.extracted) == []  # classified where found: no hop of its own
    (out,) = on(sent, names.incidents)
    incident = value_of(out)
    assert incident["killed"] == 4 and incident["wounded"] == 2
    assert incident["location"]["country"] == "TR"
    assert incident["sub_event_type"] == "Remote explosive/landmine/IED"
    assert dict(out.headers)["ce_type"] == b"org.wirewatch.incident"
    assert validation_errors("incident.json", incident) == []


async def test_extract_agent_reads_a_batch_and_keeps_each_outcome_apart(
        sent: list[Sent]) -> None:
    """One batch: an article, a message that is no article, a duplicate; the bad one is
    dead-lettered alone and the article's incident still goes out."""
    duplicate = {**orjson.loads(clean_payload()), "id": "t-3", "duplicate_of": "t-1"}
    events: Any = [FakeEvent(b"t-1", clean_payload(), 0), FakeEvent(b"t-2", b"{not json", 1),
                   FakeEvent(b"t-3", orjson.dumps(duplicate), 2)]
    results = await run_batch("extract", events, agents.extract.on_thread(None),
                              agents.extract.deadletter_topic)
    assert [r.outcome for r in results] == ["incidents", "deadletter", "duplicate"]
    assert len(on(sent, names.incidents)) == 1
    (letter,) = on(sent, names.deadletter)
    assert letter.value == b"{not json" and dict(letter.headers)["original.offset"] == b"1"


async def test_extract_agent_skips_duplicates(sent: list[Sent]) -> None:
    payload = orjson.loads(clean_payload())
    payload["duplicate_of"] = "t-0"
    events: Any = [FakeEvent(b"t-1", orjson.dumps(payload), 0)]
    (result,) = await run_batch("extract", events, agents.extract.on_thread(None),
                                agents.extract.deadletter_topic)
    assert result.outcome == "duplicate" and sent == []


async def test_classify_agent_classifies_what_an_older_version_left(sent: list[Sent]) -> None:
    from schemas.records import CleanArticle
    from wirewatch.pipeline import extract_incidents

    (incident,) = extract_incidents(CleanArticle.from_dict(orjson.loads(clean_payload())))
    async with agents.classify.classify.test_context() as agent:
        await agent.put(key=incident.incident_id.encode(), value=orjson.dumps(incident.to_dict()))
    (out,) = on(sent, names.incidents)
    value = value_of(out)
    assert value["sub_event_type"] == "Remote explosive/landmine/IED"
    assert value["event_type"] == "Explosions/Remote violence"
    assert validation_errors("incident.json", value) == []


async def test_watchlist_alert_and_track_agents(sent: list[Sent]) -> None:
    from wirewatch.cleaning import parse_raw
    from wirewatch.pipeline import analyse

    (incident,) = analyse(parse_raw(orjson.dumps(ARTICLE))).incidents
    payload = orjson.dumps(incident.to_dict())
    rule = {"country": "TR", "roles": ["victim"], "min_killed": 0}
    async with agents.alert.watch.test_context() as watcher:
        await watcher.put(key=b"TR", value=orjson.dumps(rule))
        await watcher.put(key=b"TR", value=b'{"country": "TR", "roles": ["bystander"]}')
    (letter,) = on(sent, names.deadletter)  # the group agent checks; the mirror applies
    assert dict(letter.headers)["error.class"] == b"WatchRuleError"
    agents.alert.mirror_watch_change(record(b"TR", orjson.dumps(rule)))
    assert agents.alert.watchlist["TR"] == rule

    async with agents.alert.alert.test_context() as agent:
        await agent.put(key=b"i", value=payload)
    (pending,) = on(sent, names.pending)
    assert pending.key == b"TR"  # every report of one country meets in one place

    # a second wire's report of the same bombing with a higher toll, then a repeat
    higher = {**incident.to_dict(), "incident_id": "i2", "killed": 6, "article_ids": ["t-9"],
              "sources": [{"article_id": "t-9", "source": "Other Wire",
                           "published_at": "2026-11-18T12:00:00Z"}]}
    async with agents.alert.track_alerts.test_context() as tracker:
        for value in (pending.value, orjson.dumps(higher), orjson.dumps(higher)):
            await tracker.put(key=pending.key, value=value)
    alerts = [value_of(s) for s in on(sent, names.alerts)]
    assert [(a["version"], a["status"], a["incident"]["killed"]) for a in alerts] == [
        (1, "new", 4), (2, "updated", 6)]
    assert alerts[0]["alert_id"] == alerts[1]["alert_id"]
    assert [s["article_id"] for s in alerts[1]["sources"]] == ["t-1", "t-9"]
    for value in alerts:
        assert validation_errors("alert.json", value) == []
    assert [(a.alert_id, a.version) for a in agents.alert.alerts_of("TR")] \
        == [(alerts[0]["alert_id"], 2)]  # one alert, at its latest version
    first = dict(on(sent, names.alerts)[0].headers)
    assert first["ce_specversion"] == b"1.0" and first["ce_subject"] == b"TR"
    assert first["ce_type"] == b"org.wirewatch.alert.new"
    assert first["ce_id"] == f"{alerts[0]['alert_id']}.v1".encode()
    assert dict(on(sent, names.alerts)[1].headers)["ce_type"] == b"org.wirewatch.alert.updated"

    agents.alert.mirror_watch_change(record(b"TR", None))
    assert "TR" not in agents.alert.watchlist
    async with agents.alert.alert.test_context() as agent:
        await agent.put(key=b"i", value=payload)
    assert len(on(sent, names.pending)) == 1  # unwatched: nothing goes on


async def test_a_bug_classifying_one_article_keeps_it_alone(
        sent: list[Sent], monkeypatch: pytest.MonkeyPatch) -> None:
    """A classification that fails on one article is that message's outcome (kept as a
    bug); the other article of the batch still goes out."""
    from agents import extract
    from streams import stage

    monkeypatch.setattr(stage, "bug_budget", stage.BugBudget(limit=10))  # this test's own
    real = extract.classified

    def fragile(incident: Any) -> Any:
        if incident.sources[0].article_id == "t-2":
            raise KeyError("no such sub-type")
        return real(incident)

    monkeypatch.setattr(extract, "classified", fragile)
    second = {**orjson.loads(clean_payload()), "id": "t-2"}
    events: Any = [FakeEvent(b"t-1", clean_payload(), 0),
                   FakeEvent(b"t-2", orjson.dumps(second), 1)]
    results = await run_batch("extract", events, extract.on_thread(None),
                              extract.deadletter_topic)
    assert [r.outcome for r in results] == ["incidents", "error"]
    assert len(on(sent, names.incidents)) == 1
    (letter,) = on(sent, names.deadletter)
    assert dict(letter.headers)["error.kind"] == b"bug"


def test_old_news_replayed_today_updates_its_alert_and_never_opens_it_again() -> None:
    """The tracker forgets an alert once no report could update it, on the reports' own
    clock: a 2017 incident alerted today is still known to the next 2017 report of it."""
    from schemas.records import WatchRule
    from streams import codecs
    from tests.core.test_alerting import report

    agents.alert.watchlist["SY"] = WatchRule("SY", ["victim", "location"]).to_dict()
    first = agents.alert.handle_pending("SY", codecs.encode(report("a", 3)))
    (emit,) = first.emits
    assert first.outcome == "new" and emit.on_sent is not None
    emit.on_sent()  # the broker has it
    second = agents.alert.handle_pending("SY", codecs.encode(report("b", 5)))
    assert second.outcome == "updated"
    assert [(e.value.alert_id, e.value.version) for e in second.emits] == [
        (emit.value.alert_id, 2)]


def test_the_reports_clock_is_never_later_than_the_alert() -> None:
    """An article dated in the future must not make a country's tracker forget the rest."""
    from dataclasses import replace

    from schemas.records import SourceRef, WatchRule
    from streams import codecs
    from tests.core.test_alerting import report

    agents.alert.watchlist["SY"] = WatchRule("SY", ["victim", "location"]).to_dict()
    (emit,) = agents.alert.handle_pending("SY", codecs.encode(report("a", 3))).emits
    future = replace(emit.value, sources=[SourceRef("a", "wire a", "2099-01-01T00:00:00Z")])
    assert agents.alert.reported_at(future) == future.updated_at
    assert agents.alert.reported_at(emit.value) == "2017-02-09T10:00:00Z"
