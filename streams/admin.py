"""Creating the topic catalogue on a broker."""

from __future__ import annotations

import asyncio
import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.settings import Settings
from streams.topics import CATALOGUE, TopicNames

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36


class TopicCreationError(RuntimeError):
    """The broker refused to create a topic of the catalogue."""


def new_topics(settings: Settings) -> list[NewTopic]:
    """The catalogue as ``NewTopic`` requests (the watchlist compacted, on one partition)."""
    names = TopicNames(settings.topic_prefix)
    return [
        NewTopic(
            names.name(spec),
            1 if spec.single_partition else settings.partitions,
            settings.replication_factor,
            topic_configs={"cleanup.policy": "compact"} if spec.compacted else {},
        )
        for spec in CATALOGUE
    ]


async def ensure_topics(settings: Settings, timeout: float = 30.0) -> list[str]:
    """Create every catalogue topic that does not exist yet; return the names created."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=int(timeout * 1000)
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [t for t in new_topics(settings) if t.name not in existing]
        if not wanted:
            return []
        response = await admin.create_topics(wanted, timeout_ms=int(timeout * 1000))
        for name, code, message in _topic_errors(response):
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise TopicCreationError(f"cannot create topic {name}: {message} (code {code})")
        await _wait_visible(admin, {t.name for t in wanted}, timeout)
        log.info("created topics: %s", ", ".join(t.name for t in wanted))
        return [t.name for t in wanted]
    finally:
        await admin.close()


def _topic_errors(response: object) -> list[tuple[str, int, str | None]]:
    out = []
    for err in getattr(response, "topic_errors", []):
        name, code = err[0], err[1]
        message = err[2] if len(err) > 2 else None
        out.append((name, code, message))
    return out


async def _wait_visible(admin: AIOKafkaAdminClient, names: set[str], timeout: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not names <= set(await admin.list_topics()):
        if loop.time() > deadline:
            raise TopicCreationError(f"topics not visible after {timeout:.0f}s: {sorted(names)}")
        await asyncio.sleep(0.05)
