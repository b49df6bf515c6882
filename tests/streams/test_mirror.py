"""streams.mirror: a whole topic followed by every worker, caught up on demand."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer, ConsumerRecord

from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.mirror import TopicMirror
from streams.settings import Settings
from streams.topics import TopicNames

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker(Path(tmp_path_factory.mktemp("mirror")) / "broker.log") as running:
        yield running


async def send(settings: Settings, topic: str, keys: list[str]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers)
    await producer.start()
    try:
        for key in keys:
            await producer.send_and_wait(topic, key=key.encode(), value=b"{}")
    finally:
        await producer.stop()


async def test_a_resync_waits_for_what_was_written_since(broker: EmbeddedBroker) -> None:
    settings = Settings.from_env({}, broker=broker.url, partitions=2, topic_prefix="m.")
    await ensure_topics(settings)
    topic = TopicNames("m.").alerts
    await send(settings, topic, ["a1", "a2"])
    seen: list[str] = []

    def on_record(record: ConsumerRecord) -> None:
        seen.append(record.key.decode())

    mirror = TopicMirror(settings, topic, on_record)
    task = asyncio.create_task(mirror.run())
    try:
        await asyncio.wait_for(mirror.caught_up.wait(), 60)
        assert sorted(seen) == ["a1", "a2"]
        # another worker publishes, then a rebalance hands this worker its partitions
        await send(settings, topic, ["a3", "a4"])
        mirror.resync()
        assert not mirror.caught_up.is_set()
        await asyncio.wait_for(mirror.caught_up.wait(), 60)
        assert sorted(seen) == ["a1", "a2", "a3", "a4"]  # nothing judged before this
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_reading_only_the_last_records_of_each_partition(broker: EmbeddedBroker) -> None:
    from streams.client import read_topic

    settings = Settings.from_env({}, broker=broker.url, partitions=1, topic_prefix="t.")
    await ensure_topics(settings)
    topic = TopicNames("t.").alerts
    await send(settings, topic, [f"k{n}" for n in range(10)])
    keys = [r.key.decode() async for r in read_topic(settings, topic, last=3)]
    assert keys == ["k7", "k8", "k9"]
    everything = [r.key.decode() async for r in read_topic(settings, topic)]
    assert len(everything) == 10
