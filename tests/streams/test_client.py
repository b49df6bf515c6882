"""streams.client: produce, read a topic to its end, follow it, count it — against the
embedded broker, with no consumer group."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.client import count_records, partition_extents, producer, read_topic
from streams.settings import Settings
from streams.topics import TopicNames

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    with EmbeddedBroker(Path(tmp_path_factory.mktemp("client")) / "broker.log") as broker:
        configured = Settings.from_env({}, broker=broker.url, partitions=3)
        asyncio.run(ensure_topics(configured))
        yield configured


async def test_what_is_sent_is_read_back_to_the_end(settings: Settings) -> None:
    topic = TopicNames().raw
    async with producer(settings) as prod:
        for n in range(25):
            await prod.send_and_wait(topic, f"value-{n}".encode(), key=f"k{n % 5}".encode())
    values = sorted([r.value async for r in read_topic(settings, topic)])
    assert values == sorted(f"value-{n}".encode() for n in range(25))
    assert await count_records(settings, [topic, TopicNames().alerts]) == {
        topic: 25, TopicNames().alerts: 0}


async def test_a_follower_sees_new_messages_and_stops_when_told(settings: Settings) -> None:
    topic = TopicNames().incidents
    stop = asyncio.Event()
    seen: list[bytes] = []

    async def follow() -> None:
        async for record in read_topic(settings, topic, follow=True, stop=stop):
            seen.append(record.value)
            if len(seen) == 3:
                stop.set()

    follower = asyncio.create_task(follow())
    async with producer(settings) as prod:
        for n in range(3):
            await prod.send_and_wait(topic, f"late-{n}".encode(), key=b"k")
    await asyncio.wait_for(follower, timeout=60)
    assert seen == [b"late-0", b"late-1", b"late-2"]  # one key: one partition, in order


async def test_an_unknown_topic_reads_as_empty(settings: Settings) -> None:
    assert [r async for r in read_topic(settings, "no.such.topic")] == []


async def test_extents_find_each_partition_end_in_batches_of_many_records(
        settings: Settings) -> None:
    """Sent without waiting, records share batches: the embedded broker then reports a
    high watermark short of the end, and the extents still find the end."""
    topic = TopicNames().clean
    async with producer(settings) as prod:
        sent = [await prod.send(topic, f"batched-{n}".encode(), partition=n % 3)
                for n in range(40)]
        await asyncio.gather(*sent)
    extents = await partition_extents(settings, [topic, TopicNames().pending])
    by_partition = {(e.topic, e.partition): e for e in extents}
    assert sorted(by_partition) == sorted([(topic, p) for p in range(3)]
                                          + [(TopicNames().pending, p) for p in range(3)])
    assert [by_partition[(topic, p)].held for p in range(3)] == [14, 13, 13]
    assert all(by_partition[(TopicNames().pending, p)].held == 0 for p in range(3))
    assert await count_records(settings, [topic]) == {topic: sum(e.held for e in extents)}
