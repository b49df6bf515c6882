"""The Faust application and its topics, configured from :class:`Settings`.

Every topic carries bytes: agents decode with :mod:`streams.codecs` themselves so a
message that does not decode reaches the dead-letter topic untouched.
"""

from __future__ import annotations

from pathlib import Path

import faust

from streams import faust_corrections
from streams.security import faust_credentials
from streams.settings import Settings
from streams.topics import TopicNames


def create_app(settings: Settings) -> faust.App:
    """A Faust app for ``settings`` (at-least-once: the embedded broker has no transactions)."""
    faust_corrections.apply(settings.fetch_max_wait_ms)
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
