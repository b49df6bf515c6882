"""The Faust application and its topics, configured from :class:`Settings`.

Every topic carries bytes: agents decode with :mod:`streams.codecs` themselves so a
message that does not decode reaches the dead-letter topic untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import faust

from streams.security import faust_credentials
from streams.settings import Settings
from streams.topics import TopicNames


def _short_fetch_wait(max_wait_ms: int) -> None:
    """Make Faust's worker consumers poll with ``max_wait_ms`` instead of its fixed 1.5 s.

    Faust builds the aiokafka consumer with ``fetch_max_wait_ms=1500`` and no setting to
    change it; a fetch that waits for data can then hold a fresh message back for up to
    that long at every stage, which adds seconds to ingest-to-alert latency over four
    stages. The value is read when the consumer starts, so setting it after construction
    is enough.
    """
    from faust.transport.drivers import aiokafka as driver

    original = driver.AIOKafkaConsumerThread._create_worker_consumer
    if getattr(original, "_wirewatch", False):
        return

    def create(self: Any, transport: Any) -> Any:
        consumer = original(self, transport)
        consumer._fetch_max_wait_ms = max_wait_ms  # a private attribute: see the docstring
        return consumer

    create._wirewatch = True  # type: ignore[attr-defined]
    driver.AIOKafkaConsumerThread._create_worker_consumer = create  # type: ignore[method-assign]


def _seek_before_resuming() -> None:
    """After a rebalance, seek the stream partitions to their committed offsets *before*
    resuming them, not after.

    Faust (0.15) resumes the newly assigned stream partitions, then awaits the seek to the
    committed offsets, then resumes the flow, which empties the streams' queues. Its
    fetcher runs all along: records fetched while the seek is awaited are delivered,
    then thrown away with the queues, and its read offset has moved past them, so when
    the seek makes the consumer fetch them again they are dropped as already read. The
    reports a restarted worker should have redone were lost in the process and the
    partition's offset could not be committed any more (found by the crash test: the
    restarted worker's first report was the tenth, not the third). Seeking first, while
    the partitions are still paused, then resuming partitions and flow with no wait in
    between, leaves nothing to throw away.
    """
    from faust.tables.recovery import Recovery

    original = Recovery._resume_streams
    if getattr(original, "_wirewatch", False):
        return

    async def resume_streams(self: Any, generation_id: int = 0) -> None:
        app = self.app
        consumer = app.consumer
        await app.on_rebalance_complete.send()
        assignment = consumer.assignment()
        if app.consumer_generation_id != generation_id:
            self.log.warning("Recovery rebalancing again")
            return
        if assignment:
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(),
                             timeout=app.conf.broker_request_timeout)
            if app.consumer_generation_id != generation_id:
                self.log.warning("Recovery rebalancing again")
                return
            consumer.resume_partitions(
                {tp for tp in assignment if not self._is_changelog_tp(tp)})
        else:
            self.log.info("Resuming streams with empty assignment")
        self.completed.set()
        self.log.info("Resuming flow...")
        app.flow_control.resume()
        consumer.resume_flow()
        await app._fetcher.maybe_start()
        self.tables.on_actives_ready()
        self.tables.on_standbys_ready()
        app.on_rebalance_end()
        self.log.info("Worker ready")

    resume_streams._wirewatch = True  # type: ignore[attr-defined]
    Recovery._resume_streams = resume_streams  # type: ignore[method-assign]


def create_app(settings: Settings) -> faust.App:
    """A Faust app for ``settings`` (at-least-once: the embedded broker has no transactions)."""
    _short_fetch_wait(settings.fetch_max_wait_ms)
    _seek_before_resuming()
    return faust.App(
        settings.app_id,
        broker=settings.broker_urls if settings.broker else "kafka://localhost:9092",
        store="memory://",
        autodiscover=False,
        processing_guarantee="at_least_once",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        broker_rebalance_timeout=settings.rebalance_timeout,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.heartbeat_interval,
        broker_commit_interval=0.5,
        consumer_auto_offset_reset="earliest",
        consumer_max_fetch_size=settings.max_fetch_bytes,
        producer_max_request_size=settings.max_fetch_bytes,
        producer_acks=-1,
        web_enabled=settings.web_port > 0,
        web_port=settings.web_port or 6066,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        datadir=str(Path(settings.data_dir) / f"{settings.app_id}-data"),
        broker_credentials=faust_credentials(settings),
    )


settings = Settings.from_env()
app = create_app(settings)
names = TopicNames(settings.topic_prefix)


def _topic(name: str) -> faust.TopicT:
    return app.topic(name, key_serializer="raw", value_serializer="raw")


raw_topic = _topic(names.raw)
unchecked_topic = _topic(names.unchecked)
clean_topic = _topic(names.clean)
extracted_topic = _topic(names.extracted)
incidents_topic = _topic(names.incidents)
pending_topic = _topic(names.pending)
alerts_topic = _topic(names.alerts)
watchlist_topic = _topic(names.watchlist)
deadletter_topic = _topic(names.deadletter)
