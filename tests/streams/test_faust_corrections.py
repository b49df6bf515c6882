"""The corrections to Faust: pinned to the source they replace, and in the right order.

The order matters for at-least-once delivery (see ``streams/faust_corrections.py``): a
stream partition is sought to its committed offset while it is paused, and resumed only
after, so the fetcher never delivers a record from before the seek.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from faust.tables.recovery import Recovery
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

from streams import faust_corrections
from streams.faust_corrections import FaustChanged, check_pinned


class Calls(list[str]):
    def record(self, name: str, result: Any = None) -> Any:
        def call(*_args: Any, **_kwargs: Any) -> Any:
            self.append(name)
            return result
        return call


def fake_recovery(calls: Calls, assignment: set[str], generation: int = 7,
                  moves_during_seek: bool = False) -> Any:
    """A stand-in for Faust's Recovery with just what the corrected methods touch."""
    app = SimpleNamespace(consumer_generation_id=generation,
                          conf=SimpleNamespace(broker_request_timeout=5.0))

    async def perform_seek() -> None:
        calls.append("seek")
        if moves_during_seek:
            app.consumer_generation_id += 1

    async def rebalance_complete() -> None:
        calls.append("rebalance_complete")

    async def maybe_start() -> None:
        calls.append("fetcher")

    async def wait(coroutine: Any, timeout: float | None = None) -> None:
        await coroutine

    app.consumer = SimpleNamespace(
        assignment=lambda: assignment, perform_seek=perform_seek,
        resume_partitions=lambda tps: calls.append(f"resume_partitions {sorted(tps)}"),
        resume_flow=calls.record("resume_flow"))
    app.on_rebalance_complete = SimpleNamespace(send=rebalance_complete)
    app.flow_control = SimpleNamespace(resume=calls.record("flow_control"))
    app._fetcher = SimpleNamespace(maybe_start=maybe_start)
    app.on_rebalance_end = calls.record("rebalance_end")
    app.assignor = SimpleNamespace(assigned_standbys=lambda: set())
    return SimpleNamespace(
        app=app, log=SimpleNamespace(info=lambda *a: None, warning=calls.record("warning")),
        _wait=wait, _is_changelog_tp=lambda tp: tp.endswith("-changelog"),
        completed=SimpleNamespace(set=calls.record("completed")),
        tables=SimpleNamespace(values=lambda: [], on_actives_ready=calls.record("actives"),
                               on_standbys_ready=calls.record("standbys")),
        _set_recovery_ended=calls.record("recovery_ended"),
        actives_for_table={}, standbys_for_table={})


@pytest.fixture(autouse=True)
def corrected() -> None:
    faust_corrections.apply(100)


@pytest.mark.parametrize("method", ["_resume_streams", "on_recovery_completed"])
def test_stream_partitions_are_sought_while_paused_and_resumed_after(method: str) -> None:
    calls = Calls()
    recovery = fake_recovery(calls, {"wire.incidents", "recent-stories-changelog"})
    asyncio.run(getattr(Recovery, method)(recovery, 7))
    seek = calls.index("seek")
    assert calls[seek + 1] == "resume_partitions ['wire.incidents']"  # nothing in between
    assert calls.index("flow_control") > seek + 1 and calls.index("resume_flow") > seek + 1
    assert calls[-1] == "rebalance_end"


@pytest.mark.parametrize("method", ["_resume_streams", "on_recovery_completed"])
def test_a_rebalance_during_the_seek_resumes_nothing(method: str) -> None:
    calls = Calls()
    recovery = fake_recovery(calls, {"wire.incidents"}, moves_during_seek=True)
    asyncio.run(getattr(Recovery, method)(recovery, 7))
    assert "seek" in calls and "warning" in calls
    assert not [c for c in calls if c.startswith("resume") or c == "flow_control"]


def test_corrections_are_applied_once() -> None:
    corrected = Recovery.on_recovery_completed
    faust_corrections.apply(100)
    assert Recovery.on_recovery_completed is corrected
    assert getattr(AIOKafkaConsumerThread._create_worker_consumer,
                   "_wirewatch_correction", False)


def test_a_changed_faust_method_is_refused_loudly() -> None:
    async def on_recovery_completed(self: Any, generation_id: int = 0) -> None:
        """Imagine an upgrade that rewrote this."""

    with pytest.raises(FaustChanged, match=r"Recovery\.on_recovery_completed is not the code"):
        check_pinned("Recovery.on_recovery_completed", on_recovery_completed)


def test_a_fetch_keeps_the_partitions_it_asked_for_when_they_are_paused_meanwhile() -> None:
    """Pausing partitions while a fetch waits must neither widen the fetch (aiokafka
    reads an empty set as every partition) nor make Faust drop what it fetched."""
    from faust.transport.consumer import Consumer

    live = {"clean-0", "clean-1"}
    asked: list[Any] = []

    async def getmany(active_partitions: Any, timeout: float) -> dict[str, list[int]]:
        asked.append(active_partitions)
        live.clear()  # every partition paused while the fetch waits
        return {"clean-0": [1, 2]}

    consumer: Any = SimpleNamespace(
        flow_active=True, app=SimpleNamespace(client_only=False),
        not_waiting_next_records=SimpleNamespace(set=lambda: None),
        _get_active_partitions=lambda: live, _getmany=getmany)
    records, active = asyncio.run(Consumer._wait_next_records(consumer, 1.0))
    assert asked == [frozenset({"clean-0", "clean-1"})]
    assert active == {"clean-0", "clean-1"} and records == {"clean-0": [1, 2]}
    # nothing active: no fetch at all (an empty set would mean every partition)
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    consumer.sleep = sleep
    assert asyncio.run(Consumer._wait_next_records(consumer, 1.0)) == ({}, frozenset())
    assert len(asked) == 1 and slept == [1]


def test_a_stream_partition_never_committed_is_read_from_its_beginning() -> None:
    from streams.faust_corrections import _from_committed_or_start

    class Aiokafka:
        def __init__(self) -> None:
            self.beginning: list[str] = []

        async def seek_to_committed(self) -> dict[Any, int | None]:
            return {Tp("wire.incidents", 0): 5, Tp("wire.incidents", 1): None,
                    Tp("wire.articles.clean", 1): 0, Tp("recent-stories-changelog", 0): None}

        async def seek_to_beginning(self, *tps: Any) -> None:
            self.beginning.extend(f"{tp.topic}[{tp.partition}]" for tp in tps)

    from aiokafka import TopicPartition as Tp

    kafka = Aiokafka()
    committed = asyncio.run(_from_committed_or_start(kafka, {"recent-stories-changelog"}))
    assert sorted(kafka.beginning) == ["wire.articles.clean[1]", "wire.incidents[1]"]
    assert committed[Tp("wire.incidents", 0)] == 5  # Faust sees what was committed
