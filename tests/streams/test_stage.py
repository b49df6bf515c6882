"""The typed error policy of the stage loop: bad input is dead-lettered, bugs are loud."""

from __future__ import annotations

from typing import Any

import pytest

from schemas.records import RecordError
from streams import stage
from streams.stage import BugBudget, StageResult, run_stage


class FakeMessage:
    topic = "wire.articles.raw"
    partition = 2
    offset = 41
    key = b"k"
    value = b"{}"
    timestamp = 1_700_000_000.0
    headers: Any = (("wirewatch.ingested", b"1699999999.5"),)


class FakeEvent:
    message = FakeMessage()


EVENT: Any = FakeEvent()  # what run_stage reads of a Faust event


class Capture:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, **kwargs: Any) -> Any:
        self.sent.append(kwargs)
        return stored()


async def stored() -> None:
    """A delivery the broker confirmed."""


def raising(exc: Exception) -> Any:
    def handler(key: str | None, payload: bytes) -> StageResult:
        raise exc
    return handler


async def test_bad_input_is_dead_lettered_with_its_class() -> None:
    letters: Any = Capture()
    result = await run_stage("clean", EVENT, raising(RecordError("missing field 'id'")),
                             letters)
    assert result.outcome == "deadletter"
    (letter,) = letters.sent
    headers = dict(letter["headers"])
    assert headers["error.class"] == b"RecordError"
    assert headers["original.offset"] == b"41" and letter["value"] == b"{}"
    assert headers["error.kind"] == b"input" and b"error.traceback" not in headers


class Refusing:
    """A topic whose broker refuses every record for good."""

    async def send(self, **kwargs: Any) -> Any:
        async def refused() -> None:
            raise RuntimeError("TOPIC_AUTHORIZATION_FAILED")
        return refused()


async def test_an_output_the_broker_refuses_stops_the_worker_before_the_commit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stopped: list[BaseException] = []
    monkeypatch.setattr(stage, "stop_worker", stopped.append)
    recorded: list[str] = []
    topic: Any = Refusing()

    def handler(key: str | None, payload: bytes) -> StageResult:
        return StageResult("new", [stage.Emit(topic, "al-1", {"x": 1},
                                              on_sent=lambda: recorded.append("al-1"))])

    with pytest.raises(RuntimeError):  # the real stop_worker exits the process here
        await run_stage("track", EVENT, handler, Capture())  # type: ignore[arg-type]
    (reason,) = stopped
    assert isinstance(reason, stage.SendFailed) and "TOPIC_AUTHORIZATION_FAILED" in str(reason)
    assert recorded == []  # state changes only after delivery


async def test_state_changes_once_the_broker_has_the_output() -> None:
    recorded: list[str] = []
    out = Capture()

    class Accepting:
        async def send(self, **kwargs: Any) -> Any:
            out.sent.append(kwargs)

            async def stored() -> None:
                assert recorded == []  # not before the broker has it
            return stored()

    topic: Any = Accepting()

    def handler(key: str | None, payload: bytes) -> StageResult:
        return StageResult("new", [stage.Emit(topic, "al-1", {"x": 1},
                                              on_sent=lambda: recorded.append("al-1"))])

    result = await run_stage("track", EVENT, handler, Capture())  # type: ignore[arg-type]
    assert result.outcome == "new" and recorded == ["al-1"] and len(out.sent) == 1


async def test_a_bug_is_kept_for_replay_and_too_many_stop_the_worker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stopped: list[BaseException] = []
    monkeypatch.setattr(stage, "bug_budget", BugBudget(limit=2))
    monkeypatch.setattr(stage, "stop_worker", stopped.append)
    letters: Any = Capture()
    for _ in range(2):
        result = await run_stage("clean", EVENT, raising(KeyError("oops")),
                                 letters)
        assert result.outcome == "error"
    assert stopped == []
    # kept for `deadletter replay` once fixed, marked as a bug with where it failed
    first = dict(letters.sent[0]["headers"])
    assert first["error.kind"] == b"bug" and first["error.class"] == b"KeyError"
    assert b"test_stage.py" in first["error.traceback"] and letters.sent[0]["value"] == b"{}"
    await run_stage("clean", EVENT, raising(AttributeError("x")),
                    letters)
    (reason,) = stopped
    assert isinstance(reason, stage.StageBugRate) and "more than 2" in str(reason)


def test_the_budget_only_counts_the_last_minute() -> None:
    budget = BugBudget(limit=2, window_s=60)
    assert not budget.spend(now=0) and not budget.spend(now=1)
    assert not budget.spend(now=70)  # the first two are older than a minute
    assert not budget.spend(now=71)
    assert budget.spend(now=72)  # three within the last minute


def test_the_ingest_time_travels_in_a_header_or_is_the_raw_timestamp() -> None:
    assert stage.ingested_at(EVENT.message) == 1699999999.5

    class Raw(FakeMessage):
        headers: Any = None
    raw: Any = Raw()
    assert stage.ingested_at(raw) == 1_700_000_000.0



def test_the_fault_point_is_before_a_message_or_after_its_outputs_are_sent() -> None:
    before = stage.FaultInjection("track:3")
    after = stage.FaultInjection("track:3:after-send")
    assert (before.stage, before.at, before.after_send) == ("track", 3, False)
    assert (after.stage, after.at, after.after_send) == ("track", 3, True)
    for _ in range(5):  # the other phase never counts, so never kills
        before.check("track", sent=True)
        after.check("track", sent=False)
    assert before.seen == after.seen == 0
