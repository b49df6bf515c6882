"""Corrections to Faust (faust-streaming 0.15), applied once when the app is created.

Each correction replaces one Faust method. A replaced method is pinned to the digest of
the source it was written against: when an upgrade changes that source, :func:`apply`
refuses to start (:class:`FaustChanged`) instead of silently running a correction that
no longer fits, and whoever upgrades re-reads the new source and the correction.

- **Fetch wait** (:func:`short_fetch_wait`): Faust builds its worker consumer with a fixed
  ``fetch_max_wait_ms=1500``; a fetch waiting for data can then hold a fresh message
  back for that long at every stage. It becomes ``WIREWATCH_FETCH_MAX_WAIT_MS``.
- **Seek before resuming** (:func:`seek_before_resuming`): after a rebalance Faust
  resumes the stream partitions, *then* awaits the seek to their committed offsets. Its
  fetcher runs all along: what it delivers during the seek is handled or dropped, its
  read offset (below which a record counts as already read) moves past the committed
  offset, and once the seek makes the consumer fetch those records again they are
  dropped as read. A restarted worker then skipped inputs it had to redo — found by the
  crash test, with a log of every fetch: records 2-6 of a partition whose committed
  offset was 1 were fetched before the seek, lost with the flow, and dropped when
  fetched again (read offset 9) — and the partition's offset could never commit again.
  Both places Faust does this (``Recovery._resume_streams`` without tables,
  ``Recovery.on_recovery_completed`` with them: the near-duplicate index is a table, so
  a worker takes the second) seek while the partitions are still paused and resume them
  afterwards, with no wait in between.
- **A fetch takes what it asked for** (:func:`fetch_what_was_asked`): Faust hands the
  consumer thread its *live* set of active partitions and filters the answer with the
  same set. Pausing partitions empties that set while a fetch waits in the other thread,
  and aiokafka reads an empty set as "every partition": it hands over, and moves past,
  the records it had prefetched for paused partitions, which Faust then drops as not
  active. Found by the crash test with a log of every fetch: the two partitions a killed
  worker had never committed were prefetched by the restarted worker while paused,
  handed over during the seek and dropped, so five clean articles and five incidents
  were never read again. Each fetch now takes a copy of the set, and the answer is
  filtered with that copy.
- **No commit means the beginning** (:func:`uncommitted_from_the_start`): a seek "to the
  committed offsets" leaves a stream partition that has none where its fetch position
  happens to be, so records read and dropped before the seek are not read again. Such a
  partition is sought to its beginning (the consumer's ``auto_offset_reset`` is
  ``earliest``): at least once, as for a committed one.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from typing import Any

#: sha256 (first 16 hex digits) of the source of each Faust method replaced here
PINNED = {
    "AIOKafkaConsumerThread._create_worker_consumer": "c2701bfc3e6f6cad",
    "Recovery._resume_streams": "d986a6710c1aca98",
    "Recovery.on_recovery_completed": "6ef567acf072e46d",
    "Consumer._wait_next_records": "6218e1969a636b3f",
    "AIOKafkaConsumerThread.seek_to_committed": "775ab0adc4b052ab",
}

_MARK = "_wirewatch_correction"


class FaustChanged(RuntimeError):
    """A Faust method wirewatch corrects is not the one the correction was written for."""


def digest(function: Callable[..., Any]) -> str:
    """The first 16 hex digits of the sha256 of ``function``'s source."""
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def check_pinned(name: str, function: Callable[..., Any]) -> None:
    """Refuse (:class:`FaustChanged`) when ``function`` is not the source pinned for
    ``name``."""
    expected = PINNED[name]
    if digest(function) != expected:
        import faust

        raise FaustChanged(
            f"faust-streaming {faust.__version__}: {name} is not the code wirewatch's "
            f"correction was written for (source digest {digest(function)}, expected "
            f"{expected}); see streams/faust_corrections.py before running this version")


def _replace(owner: type, attribute: str, name: str,
             make: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    original = getattr(owner, attribute)
    if getattr(original, _MARK, False):
        return
    check_pinned(name, original)
    replacement = make(original)
    setattr(replacement, _MARK, True)
    setattr(owner, attribute, replacement)


def short_fetch_wait(max_wait_ms: int) -> None:
    """Make Faust's worker consumers poll with ``max_wait_ms`` instead of its fixed 1.5 s
    (read when the consumer starts, so setting it after construction is enough)."""
    from faust.transport.drivers import aiokafka as driver

    def make(original: Callable[..., Any]) -> Callable[..., Any]:
        def create(self: Any, transport: Any) -> Any:
            consumer = original(self, transport)
            consumer._fetch_max_wait_ms = max_wait_ms  # a private attribute: see above
            return consumer
        return create

    _replace(driver.AIOKafkaConsumerThread, "_create_worker_consumer",
             "AIOKafkaConsumerThread._create_worker_consumer", make)


async def seek_then_resume(recovery: Any, generation_id: int) -> bool:
    """Seek the assigned stream partitions to their committed offsets while they are
    paused, then resume them; False when another rebalance began meanwhile (the caller
    stops: that rebalance finishes the work)."""
    app = recovery.app
    consumer = app.consumer
    assignment = consumer.assignment()
    if app.consumer_generation_id != generation_id:
        recovery.log.warning("Recovery rebalancing again")
        return False
    if assignment:
        recovery.log.info("Seek stream partitions to committed offsets.")
        await recovery._wait(consumer.perform_seek(),
                             timeout=app.conf.broker_request_timeout)
        if app.consumer_generation_id != generation_id:
            recovery.log.warning("Recovery rebalancing again")
            return False
        consumer.resume_partitions(
            {tp for tp in assignment if not recovery._is_changelog_tp(tp)})
    else:
        recovery.log.info("Resuming streams with empty assignment")
    return True


async def _resume_flow(recovery: Any, *, standbys_ready: bool) -> None:
    """What Faust does once the stream partitions are resumed: let the flow go."""
    app = recovery.app
    recovery.completed.set()
    recovery.log.info("Resuming flow...")
    app.flow_control.resume()
    app.consumer.resume_flow()
    await app._fetcher.maybe_start()
    recovery.tables.on_actives_ready()
    if standbys_ready:
        recovery.tables.on_standbys_ready()
    app.on_rebalance_end()
    recovery.log.info("Worker ready")


def seek_before_resuming() -> None:
    """Replace the two places Faust resumes stream partitions after a rebalance (see the
    module's docstring)."""
    import asyncio

    from faust.tables.recovery import Recovery

    def make_resume_streams(_original: Callable[..., Any]) -> Callable[..., Any]:
        async def resume_streams(self: Any, generation_id: int = 0) -> None:
            await self.app.on_rebalance_complete.send()
            if await seek_then_resume(self, generation_id):
                await _resume_flow(self, standbys_ready=True)
        return resume_streams

    def make_on_recovery_completed(_original: Callable[..., Any]) -> Callable[..., Any]:
        async def on_recovery_completed(self: Any, generation_id: int = 0) -> None:
            self.log.info("Restore complete!")
            await self.app.on_rebalance_complete.send()
            self._set_recovery_ended()
            callbacks = [asyncio.ensure_future(table.on_recovery_completed(
                self.actives_for_table[table], self.standbys_for_table[table]))
                for table in self.tables.values()]
            if callbacks:
                await asyncio.wait(callbacks)
            if await seek_then_resume(self, generation_id):
                await _resume_flow(
                    self, standbys_ready=not self.app.assignor.assigned_standbys())
        return on_recovery_completed

    _replace(Recovery, "_resume_streams", "Recovery._resume_streams", make_resume_streams)
    _replace(Recovery, "on_recovery_completed", "Recovery.on_recovery_completed",
             make_on_recovery_completed)


def fetch_what_was_asked() -> None:
    """Each fetch asks for, and keeps, a copy of the active partitions taken when it
    starts (see the module's docstring)."""
    from faust.transport.consumer import Consumer

    def make(_original: Callable[..., Any]) -> Callable[..., Any]:
        async def wait_next_records(self: Any, timeout: float) -> tuple[Any, Any]:
            if not self.flow_active:
                await self.wait(self.can_resume_flow)
            try:
                self.not_waiting_next_records.set()
                client_only = self.app.client_only
                active = None if client_only else frozenset(self._get_active_partitions())
                records: Any = {}
                if client_only or active:
                    records = await self._getmany(active_partitions=active, timeout=timeout)
                else:
                    await self.sleep(1)
                return records, active
            finally:
                self.not_waiting_next_records.set()
        return wait_next_records

    _replace(Consumer, "_wait_next_records", "Consumer._wait_next_records", make)


async def _from_committed_or_start(consumer: Any, changelogs: set[str]) -> Any:
    """aiokafka's seek to the committed offsets, then the start of every stream partition
    that has no committed offset (changelogs are Faust's recovery's own)."""
    committed = await consumer.seek_to_committed()
    fresh = [tp for tp, offset in committed.items() if not offset and tp.topic not in changelogs]
    if fresh:
        await consumer.seek_to_beginning(*fresh)
    return committed


def uncommitted_from_the_start() -> None:
    """A stream partition with no committed offset is sought to its beginning whenever
    Faust seeks to the committed offsets (see the module's docstring)."""
    from faust.transport.drivers import aiokafka as driver

    def make(_original: Callable[..., Any]) -> Callable[..., Any]:
        async def seek_to_committed(self: Any) -> Any:
            changelogs = set(self.consumer.app.tables.changelog_topics)
            return await self.call_thread(_from_committed_or_start, self._ensure_consumer(),
                                          changelogs)
        return seek_to_committed

    _replace(driver.AIOKafkaConsumerThread, "seek_to_committed",
             "AIOKafkaConsumerThread.seek_to_committed", make)


def apply(fetch_max_wait_ms: int) -> None:
    """Every correction (idempotent)."""
    short_fetch_wait(fetch_max_wait_ms)
    seek_before_resuming()
    fetch_what_was_asked()
    uncommitted_from_the_start()
