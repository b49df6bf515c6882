"""Plain aiokafka clients for the command line: publish, read topics, watch progress."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition

from streams.settings import Settings


@asynccontextmanager
async def producer(settings: Settings) -> AsyncIterator[AIOKafkaProducer]:
    """A started producer (acks=all, no idempotence: the embedded broker lacks it)."""
    prod = AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers, acks="all", enable_idempotence=False,
        max_request_size=max(2 * settings.max_body_bytes, 1_048_576) + 65_536,
        linger_ms=5,
    )
    await prod.start()
    try:
        yield prod
    finally:
        await prod.stop()


def _consumer(settings: Settings, **kwargs: Any) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
        auto_offset_reset="earliest", **kwargs,
    )


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """The partitions of ``topic`` (waits for metadata)."""
    parts = consumer.partitions_for_topic(topic)
    if not parts:
        await consumer._client.force_metadata_update()  # noqa: SLF001 - public API lacks it
        parts = consumer.partitions_for_topic(topic) or set()
    return [TopicPartition(topic, p) for p in sorted(parts)]


async def end_offsets(settings: Settings, topics: Iterable[str]) -> dict[TopicPartition, int]:
    """The high watermark of every partition of ``topics``."""
    consumer = _consumer(settings)
    await consumer.start()
    try:
        tps = [tp for t in topics for tp in await partitions_of(consumer, t)]
        return dict(await consumer.end_offsets(tps)) if tps else {}
    finally:
        await consumer.stop()


async def read_topic(
    settings: Settings, topic: str, *, follow: bool = False, stop: asyncio.Event | None = None
) -> AsyncIterator[ConsumerRecord]:
    """Every message of ``topic`` from the beginning; then stop, or with ``follow`` wait for more.

    A follower given ``stop`` reads up to the end offsets of the moment ``stop`` is set,
    then returns. Reads without a consumer group, so it never disturbs the workers.
    """
    consumer = _consumer(settings)
    await consumer.start()
    try:
        tps = await partitions_of(consumer, topic)
        if not tps:
            return
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        remaining = {tp for tp in tps if ends[tp] > 0}
        while follow or remaining:
            if follow and stop is not None and stop.is_set():
                follow = False
                ends = await consumer.end_offsets(tps)
                remaining = {tp for tp in tps if await consumer.position(tp) < ends[tp]}
                continue
            batch = await consumer.getmany(timeout_ms=200)
            for tp, records in batch.items():
                for record in records:
                    yield record
                    if record.offset + 1 >= ends.get(tp, 0):
                        remaining.discard(tp)
    finally:
        await consumer.stop()
