"""Plain aiokafka clients for the command line: publish, read topics, watch progress."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition

from streams.security import client_options
from streams.settings import Settings


@asynccontextmanager
async def producer(settings: Settings) -> AsyncIterator[AIOKafkaProducer]:
    """A started producer (acks=all, no idempotence: the embedded broker lacks it)."""
    prod = AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers, acks="all", enable_idempotence=False,
        **client_options(settings),
        max_request_size=settings.max_message_bytes + 65_536,
        linger_ms=5,
    )
    try:
        await prod.start()
        yield prod
    finally:
        await prod.stop()


def _consumer(settings: Settings, **kwargs: Any) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
        auto_offset_reset="earliest", **client_options(settings), **kwargs,
    )


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """The partitions of ``topic`` (waits for metadata)."""
    parts = consumer.partitions_for_topic(topic)
    if not parts:
        await consumer._client.force_metadata_update()
        parts = consumer.partitions_for_topic(topic) or set()
    return [TopicPartition(topic, p) for p in sorted(parts)]


async def count_records(settings: Settings, topics: Iterable[str]) -> dict[str, int]:
    """How many records each topic holds, counted by reading it to the end."""
    counts: dict[str, int] = {}
    for topic in topics:
        counts[topic] = 0
        async for _ in read_topic(settings, topic):
            counts[topic] += 1
    return counts


@dataclass(frozen=True, slots=True)
class Extent:
    """The offsets one partition holds: ``start`` (the first kept) to ``end`` (the next
    to be written)."""

    topic: str
    partition: int
    start: int
    end: int

    @property
    def held(self) -> int:
        """How many offsets lie between start and end (on a compacted topic, an upper
        bound on the records kept)."""
        return max(0, self.end - self.start)


async def partition_extents(settings: Settings, topics: Iterable[str]) -> list[Extent]:
    """Where every partition of ``topics`` starts and ends, from offsets: a request for
    the offsets and at most three short fetches at the end, whatever the topics hold
    (nothing is read whole). The end is where the records stop: the embedded broker reports a high
    watermark short of the last record batch's end, so what lies past it is read."""
    consumer = _consumer(settings)
    try:
        await consumer.start()
        tps = [tp for topic in topics for tp in await partitions_of(consumer, topic)]
        if not tps:
            return []
        starts = await consumer.beginning_offsets(tps)
        ends = dict(await consumer.end_offsets(tps))
        consumer.assign(tps)
        for tp in tps:
            consumer.seek(tp, ends[tp])
        for _ in range(3):  # the tail of a last batch; a busy topic is not followed
            batch = await consumer.getmany(timeout_ms=150)
            if not batch:
                break
            for tp, records in batch.items():
                ends[tp] = max(ends[tp], records[-1].offset + 1)
        return [Extent(tp.topic, tp.partition, starts[tp], ends[tp]) for tp in tps]
    finally:
        await consumer.stop()


async def read_topic(
    settings: Settings, topic: str, *, follow: bool = False, stop: asyncio.Event | None = None,
    last: int | None = None,
) -> AsyncIterator[ConsumerRecord]:
    """Every message of ``topic`` from the beginning (or, with ``last``, from at most that
    many records before each partition's end: a large topic is not read whole); then stop,
    or with ``follow`` wait for more.

    A follower given ``stop`` reads what the topic holds at the moment ``stop`` is set,
    then returns. Reads without a consumer group, so it never disturbs the workers.
    "The end" is where the reported high watermarks are passed and one more fetch brings
    nothing: the embedded broker reports a partition's high watermark as the last record
    batch's base offset + 1, short of the end when that batch holds several records.
    """
    consumer = _consumer(settings)
    try:
        await consumer.start()
        tps = await partitions_of(consumer, topic)
        if not tps:
            return
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        if last is not None:
            starts = await consumer.beginning_offsets(tps)
            for tp, end in (await consumer.end_offsets(tps)).items():
                consumer.seek(tp, max(starts[tp], end - last))
        while True:
            if not follow:
                ends = await consumer.end_offsets(tps)
                behind = [tp for tp in tps if await consumer.position(tp) < ends[tp]]
                batch = await consumer.getmany(timeout_ms=1000 if behind else 150)
                if not batch and not behind:
                    return
            else:
                batch = await consumer.getmany(timeout_ms=200)
                if stop is not None and stop.is_set():
                    follow = False
            for records in batch.values():
                for record in records:
                    yield record
    finally:
        await consumer.stop()
