"""Creating the topic catalogue on a broker."""

from __future__ import annotations

import asyncio
import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.security import client_options
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
    """Create every catalogue topic that does not exist yet, and grow the ones with fewer
    partitions than ``WIREWATCH_PARTITIONS`` asks (Kafka adds partitions, never removes
    them); return the names created. A broker that cannot add partitions gets a
    :class:`TopicCreationError` naming the topic."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=int(timeout * 1000),
        **client_options(settings),
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        await _grow(admin, [t for t in new_topics(settings) if t.name in existing], timeout)
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


async def _grow(admin: AIOKafkaAdminClient, topics: list[NewTopic], timeout: float) -> None:
    """Add partitions to existing topics that have fewer than the catalogue asks."""
    from aiokafka.admin import NewPartitions

    if not topics:
        return
    described = await admin.describe_topics([t.name for t in topics])
    have = {d["topic"]: len(d.get("partitions") or []) for d in described}
    short = {t.name: t.num_partitions for t in topics
             if 0 < have.get(t.name, 0) < t.num_partitions}
    if not short:
        return
    try:
        response = await admin.create_partitions(
            {name: NewPartitions(count) for name, count in short.items()},
            timeout_ms=int(timeout * 1000))
    except Exception as exc:  # an old or partial broker: say so, name the topics
        first = next(iter(short))
        raise TopicCreationError(
            f"topic {first} has {have[first]} partitions and WIREWATCH_PARTITIONS asks "
            f"{short[first]}, but the broker cannot add partitions ({type(exc).__name__}: "
            f"{exc}); add them with your Kafka tools or keep WIREWATCH_PARTITIONS at "
            f"{have[first]}") from exc
    for name, code, message in _topic_errors(response):
        if code:
            raise TopicCreationError(f"cannot add partitions to {name}: {message} "
                                     f"(code {code})")
    log.warning("added partitions: %s", ", ".join(f"{n} {have[n]} -> {c}"
                                                     for n, c in short.items()))


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
