"""A whole topic mirrored into every worker, without a consumer group.

Faust's GlobalTable was meant to give every worker all of a table, but on a
single-partition changelog only the member that holds the partition fills it
(upstream faust-streaming has the same report), so with two workers the second one
saw an empty watchlist and dropped its incidents. A :class:`TopicMirror` sidesteps
the group protocol: each worker assigns itself every partition of the topic, reads
it from the beginning and keeps following it. It is used for state every worker
must see in full (the watchlist) and for the operations page (recent alerts, dead
letters by reason).

``caught_up`` is set once the mirror has read everything the topic held when it
started, so a stage can wait for the whole watchlist before it decides anything.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from streams.security import client_options
from streams.settings import Settings

log = logging.getLogger(__name__)

OnRecord = Callable[[ConsumerRecord], None]


class TopicMirror:
    """Follow every partition of ``topic`` from the beginning, calling ``on_record``."""

    def __init__(self, settings: Settings, topic: str, on_record: OnRecord,
                 retry_s: float = 1.0) -> None:
        self.settings = settings
        self.topic = topic
        self.on_record = on_record
        self.retry_s = retry_s
        self.caught_up = asyncio.Event()
        self.records = 0
        self._consumer: AIOKafkaConsumer | None = None
        self._resync = False

    def resync(self) -> None:
        """Catch up again to the topic's end as it is now: after a rebalance gives this
        worker partitions another worker held, what that worker published last must be
        read before anything is decided against the mirror. ``caught_up`` is cleared
        until then."""
        self._resync = True
        self.caught_up.clear()

    async def run(self) -> None:
        """Mirror until cancelled; after a failure start over (``on_record`` must be
        idempotent: the same records arrive again)."""
        failures = 0
        while True:
            try:
                await self._follow()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a lost broker: retry with backoff, say so once
                failures += 1
                if failures == 1:
                    log.warning("mirror of %s lost its broker (%s); retrying", self.topic, exc)
                await asyncio.sleep(min(self.retry_s * failures, 10.0))
            finally:
                await self._stop_consumer()

    async def _follow(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.settings.bootstrap_servers, enable_auto_commit=False,
            **client_options(self.settings),
            auto_offset_reset="earliest", group_id=None,
            fetch_max_wait_ms=self.settings.fetch_max_wait_ms,
            max_partition_fetch_bytes=self.settings.max_fetch_bytes,
        )
        self._consumer = consumer
        await consumer.start()
        partitions: set[int] = set()
        for _ in range(50):
            partitions = consumer.partitions_for_topic(self.topic) or set()
            if partitions:
                break
            await consumer._client.force_metadata_update()  # a topic created just now
            await asyncio.sleep(0.1)
        if not partitions:
            raise RuntimeError(f"topic {self.topic} has no partitions")
        tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        while True:
            # short polls until caught up (start-up waits on it), then the usual wait
            batch = await consumer.getmany(
                timeout_ms=500 if self.caught_up.is_set() else self.settings.fetch_max_wait_ms)
            for records in batch.values():
                for record in records:
                    self.records += 1
                    self.on_record(record)
            if self._resync:  # asked to catch up again: to the end as it is now
                self._resync = False
                ends = await consumer.end_offsets(tps)
                continue
            if not self.caught_up.is_set():
                # the embedded broker may report a high watermark short of the end; an
                # empty fetch once past it means the end
                positions = {tp: await consumer.position(tp) for tp in tps}
                if all(positions[tp] >= ends[tp] for tp in tps) and not batch:
                    self.caught_up.set()
                    log.info("mirror of %s caught up (%d records)", self.topic, self.records)

    async def _stop_consumer(self) -> None:
        consumer, self._consumer = self._consumer, None
        if consumer is not None:
            try:
                await consumer.stop()
            except Exception:  # stopping a consumer whose broker is gone
                log.debug("mirror of %s: consumer stop failed", self.topic, exc_info=True)
