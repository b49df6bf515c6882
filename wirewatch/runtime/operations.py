"""What the command line does against a broker: publish, watch, read alerts, account, demo."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from schemas.records import Alert, RecordError, WatchRule
from streams import codecs, metrics
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.client import count_records, partition_extents, producer, read_topic
from streams.deadletter import DeadLetter
from streams.security import client_options
from streams.settings import Settings
from streams.topics import TopicNames
from wirewatch import dates
from wirewatch.inputs import Message
from wirewatch.runtime.notify import Webhook
from wirewatch.runtime.worker import WorkerProcess
from wirewatch.watch import format_rule

#: room a record's framing and headers take beside its key and value
RECORD_OVERHEAD_BYTES = 512
#: ``status`` counts outcomes per distinct message (which reads every record of the
#: topics it counts) only while those topics hold at most this many offsets; past it,
#: it reports offsets, lag and recent records alone (``status --exact-limit``)
STATUS_EXACT_LIMIT = 200_000
#: records ``status`` reads from the end of each partition for recent alerts and, when it
#: does not count outcomes, for dead letters by reason
STATUS_RECENT_RECORDS = 2_000

Refused = Callable[[Message, str], None]


async def publish(
    settings: Settings, topic: str, items: Iterable[Message],
    progress: Callable[[int], None] | None = None, on_refused: Refused | None = None,
) -> int:
    """Send every message; return how many were acknowledged.

    A message the broker cannot take (over ``WIREWATCH_MAX_MESSAGE_BYTES``, or refused by
    the broker) is reported to ``on_refused`` with the reason, and the rest still go;
    without ``on_refused`` the first refusal raises :class:`ValueError`.
    """
    from aiokafka.errors import KafkaError

    def refuse(item: Message, reason: str) -> None:
        if on_refused is None:
            raise ValueError(f"{item.where or item.key}: {reason}")
        on_refused(item, reason)
        if progress:
            progress(1)

    limit = settings.max_message_bytes
    sent = 0
    async with producer(settings) as prod:
        pending: list[tuple[Message, asyncio.Future[object]]] = []
        for item in items:
            size = len(item.value) + len(item.key or "") + RECORD_OVERHEAD_BYTES
            if size > limit:
                refuse(item, f"{len(item.value):,} bytes, over the broker's message size "
                             f"limit of {limit:,} (WIREWATCH_MAX_MESSAGE_BYTES)")
                continue
            try:
                pending.append((item, await prod.send(topic, key=codecs.encode_key(item.key),
                                                      value=item.value)))
            except KafkaError as exc:  # refused by the client before it was sent
                refuse(item, f"{len(item.value):,} bytes: {type(exc).__name__}: {exc}")
                continue
            if len(pending) >= 256:
                sent += await _settle(pending, progress, refuse)
                pending = []
        sent += await _settle(pending, progress, refuse)
    return sent


async def _settle(pending: list[tuple[Message, asyncio.Future[object]]],
                  progress: Callable[[int], None] | None,
                  refuse: Callable[[Message, str], None]) -> int:
    from aiokafka.errors import KafkaError

    acknowledged = 0
    for item, future in pending:
        try:
            await future
        except KafkaError as exc:  # refused by the broker
            refuse(item, f"{len(item.value):,} bytes: {type(exc).__name__}: {exc}")
            continue
        acknowledged += 1
        if progress:
            progress(1)
    return acknowledged


async def watch_set(settings: Settings, rules: list[WatchRule]) -> None:
    """Watch these countries (replacing any earlier rule for them)."""
    names = TopicNames(settings.topic_prefix)
    async with producer(settings) as prod:
        for rule in rules:
            await prod.send_and_wait(names.watchlist, key=codecs.encode_key(rule.country),
                                     value=codecs.encode(rule))


async def watch_remove(settings: Settings, countries: list[str]) -> None:
    """Stop watching these countries (a null value on the compacted topic)."""
    names = TopicNames(settings.topic_prefix)
    async with producer(settings) as prod:
        for code in countries:
            await prod.send_and_wait(names.watchlist, key=codecs.encode_key(code), value=None)


async def watch_list(settings: Settings) -> list[WatchRule]:
    """The current watchlist, read from the topic (last value per country wins)."""
    names = TopicNames(settings.topic_prefix)
    rules: dict[str, WatchRule | None] = {}
    async for record in read_topic(settings, names.watchlist):
        key = codecs.decode_key(record.key)
        if not key:
            continue
        try:
            rules[key] = WatchRule.from_dict(codecs.decode(record.value)) if record.value \
                else None
        except ValueError:
            continue
    return [r for _, r in sorted(rules.items()) if r is not None]


async def alerts(settings: Settings, *, follow: bool = False,
                 last: int | None = None) -> AsyncIterator[Alert]:
    """Alerts on the alerts topic, oldest first (with ``last``, only about the last that
    many versions of each partition); with ``follow``, wait for new ones."""
    names = TopicNames(settings.topic_prefix)
    async for record in read_topic(settings, names.alerts, follow=follow, last=last):
        with contextlib.suppress(RecordError):
            yield Alert.from_json(record.value)


async def dead_letters(settings: Settings, last: int | None = None) -> list[DeadLetter]:
    """Every dead letter, oldest first (with ``last``, only about the last that many of
    each partition)."""
    names = TopicNames(settings.topic_prefix)
    return [
        DeadLetter.from_headers(codecs.decode_key(r.key), r.value or b"", r.headers,
                                r.partition, r.offset)
        async for r in read_topic(settings, names.deadletter, last=last)
    ]


def unique_letters(letters: Iterable[DeadLetter]) -> list[DeadLetter]:
    """The first letter of each id: a message dead-lettered twice (redelivered after a
    crash) is one dead letter."""
    seen: set[str] = set()
    out = []
    for letter in letters:
        if letter.id not in seen:
            seen.add(letter.id)
            out.append(letter)
    return out


def letters_by_stage(letters: Iterable[DeadLetter]) -> dict[tuple[str, str], int]:
    """How many distinct dead letters each (stage, error class) holds."""
    counts: dict[tuple[str, str], int] = {}
    for letter in unique_letters(letters):
        where = (letter.stage, letter.headers.get("error.class", "?"))
        counts[where] = counts.get(where, 0) + 1
    return counts


def select_dead_letters(
    letters: Iterable[DeadLetter], positions: Iterable[str] = (), stage: str | None = None,
    reason: str | None = None,
) -> list[DeadLetter]:
    """The letters at ``positions`` ("partition:offset", as ``deadletter ls`` shows them),
    narrowed to a stage and/or an error class; no position means every letter."""
    wanted = set(positions)
    return [d for d in unique_letters(letters)
            if (not wanted or f"{d.partition}:{d.offset}" in wanted)
            and (stage is None or d.stage == stage)
            and (reason is None or d.headers.get("error.class") == reason)]


async def replay_dead_letters(settings: Settings, letters: Iterable[DeadLetter]) -> int:
    """Send each letter's original bytes, with its key, back to the topic it came from.

    Ids are derived from content, so a replayed article that now goes through creates
    no second alert; the replay is marked with a ``replayed.from`` header.
    """
    sent = 0
    async with producer(settings) as prod:
        for letter in unique_letters(letters):
            topic = letter.headers.get("original.topic")
            if not topic:
                continue
            marker = f"{letter.partition}:{letter.offset}".encode()
            await prod.send_and_wait(topic, value=letter.value,
                                     key=codecs.encode_key(letter.key),
                                     headers=[("replayed.from", marker)])
            sent += 1
    return sent


@dataclass(slots=True)
class NotifyCounts:
    """What ``notify`` did."""

    delivered: int = 0
    attempts: int = 0
    dead_lettered: int = 0


async def notify(settings: Settings, webhook: Webhook, stop: asyncio.Event | None = None,
                 group: str = "wirewatch-notify",
                 on_delivered: Callable[[Alert, int], None] | None = None) -> NotifyCounts:
    """Forward every alert (from the group's committed offset) to ``webhook``, at least once.

    An alert's offset is committed only after the receiver accepted it, or refused it for
    good and it went to the dead-letter topic. Runs until ``stop`` is set.
    """
    from aiokafka import AIOKafkaConsumer
    from aiokafka.structs import OffsetAndMetadata, TopicPartition

    from streams.deadletter import deadletter_headers
    from wirewatch.runtime.notify import PermanentFailure

    names = TopicNames(settings.topic_prefix)
    counts = NotifyCounts()
    consumer = AIOKafkaConsumer(
        names.alerts, bootstrap_servers=settings.bootstrap_servers, group_id=group,
        enable_auto_commit=False, auto_offset_reset="earliest",
        session_timeout_ms=int(settings.session_timeout * 1000),
        heartbeat_interval_ms=int(settings.heartbeat_interval * 1000),
        rebalance_timeout_ms=int(settings.rebalance_timeout * 1000),
        **client_options(settings),
    )
    stop = stop or asyncio.Event()
    try:
        await consumer.start()
        async with producer(settings) as prod:
            while not stop.is_set():
                # one alert per poll: its retries are bounded (Webhook.give_up_after), so
                # the time between polls stays under the consumer's max poll interval
                batch = await consumer.getmany(timeout_ms=200, max_records=1)
                for tp, records in batch.items():
                    for record in records:
                        try:
                            alert = Alert.from_json(record.value)
                            attempts = await webhook.deliver(alert)
                            counts.attempts += attempts
                            counts.delivered += 1
                            metrics.WEBHOOK_DELIVERIES.labels(outcome="delivered").inc()
                            metrics.WEBHOOK_DELIVERIES.labels(outcome="retried").inc(
                                attempts - 1)
                            if on_delivered:
                                on_delivered(alert, counts.attempts)
                        except (PermanentFailure, RecordError) as exc:
                            await prod.send_and_wait(
                                names.deadletter, value=record.value, key=record.key,
                                headers=deadletter_headers(
                                    stage="notify", error=exc, topic=record.topic,
                                    partition=record.partition, offset=record.offset))
                            counts.dead_lettered += 1
                            metrics.WEBHOOK_DELIVERIES.labels(outcome="dead_lettered").inc()
                        await consumer.commit(
                            {TopicPartition(tp.topic, tp.partition):
                             OffsetAndMetadata(record.offset + 1, "")})
    finally:
        await consumer.stop()
    return counts


@dataclass(slots=True)
class Summary:
    """Where every raw message ended up, read back from the topics."""

    raw: int = 0
    clean: int = 0
    duplicate: int = 0
    deadletter: int = 0
    incidents: int = 0
    alerts: int = 0
    deadletter_reasons: dict[str, int] = field(default_factory=dict)
    #: dead letters from later stages (extract, classify, alert), not raw outcomes
    deadletter_later: int = 0
    #: every dead letter, by (stage, error class)
    deadletters_by_stage: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def balanced(self) -> bool:
        return self.clean + self.duplicate + self.deadletter == self.raw

    def to_dict(self) -> dict[str, int]:
        return {"raw": self.raw, "clean": self.clean, "duplicate": self.duplicate,
                "deadletter": self.deadletter, "incidents": self.incidents,
                "alerts": self.alerts}


async def summary(settings: Settings) -> Summary:
    """Count each outcome on the topics themselves (by reading them, not by offsets), per
    distinct message: a message redelivered after a crash is processed again and its
    results written again, but it is one raw message with one outcome. Clean records
    count once per raw origin (the ``wirewatch.origin`` header), dead letters once per
    id (their original position), incidents once per incident id and alerts once per
    alert id and version (ids are derived from content)."""
    from streams.stage import ORIGIN_HEADER

    names = TopicNames(settings.topic_prefix)
    out = Summary()
    counts = await count_records(settings, [names.raw])
    out.raw = counts[names.raw]
    outcome: dict[str, bool] = {}
    async for record in read_topic(settings, names.clean):
        origin = next((v.decode("utf-8", "replace") for k, v in record.headers or ()
                       if k == ORIGIN_HEADER), f"{record.topic}:{record.partition}:"
                                                f"{record.offset}")
        duplicate = False
        with contextlib.suppress(ValueError, AttributeError):
            duplicate = bool(codecs.decode(record.value).get("duplicate_of"))
        outcome.setdefault(origin, duplicate)
    out.duplicate = sum(outcome.values())
    out.clean = len(outcome) - out.duplicate
    out.incidents = len({codecs.decode_key(r.key) async for r in
                         read_topic(settings, names.incidents)})
    versions: set[tuple[str | None, object]] = set()
    async for record in read_topic(settings, names.alerts):
        version: object = None
        with contextlib.suppress(ValueError, AttributeError):
            version = codecs.decode(record.value).get("version")
        versions.add((codecs.decode_key(record.key), version))
    out.alerts = len(versions)
    letters = await dead_letters(settings)
    out.deadletters_by_stage = letters_by_stage(letters)
    for letter in unique_letters(letters):
        if letter.headers.get("original.topic") == names.raw:
            out.deadletter += 1
            reason = letter.headers.get("error.class", "?")
            out.deadletter_reasons[reason] = out.deadletter_reasons.get(reason, 0) + 1
        else:
            out.deadletter_later += 1
    return out


async def wait_accounted(settings: Settings, expected_raw: int, timeout: float,
                         worker: WorkerProcess | Sequence[WorkerProcess] | None = None,
                         quiet: float = 2.0) -> Summary:
    """Wait until every raw message has an outcome and no topic has grown for ``quiet`` s.

    The first condition is exact (clean + duplicate + dead letters == raw, counted on the
    topics). The second stands in for "every later stage has caught up": Faust's committed
    offsets are not a reliable progress signal on the embedded broker, so we wait for the
    downstream topics to stop growing while the worker is alive.
    """
    names = TopicNames(settings.topic_prefix)
    # the summary already counts clean, incidents, alerts and dead letters; these are the
    # internal topics in between
    internal = [names.unchecked, names.extracted, names.pending]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    stable_since: float | None = None
    previous: tuple[Summary, dict[str, int]] | None = None
    state = "waiting for the first outcomes"
    while True:
        for each in [worker] if isinstance(worker, WorkerProcess) else worker or ():
            each.check()
        if loop.time() > deadline:
            raise TimeoutError(f"pipeline did not finish within {timeout:.0f}s ({state})")
        current = await summary(settings)
        snapshot = (current, await count_records(settings, internal))
        accounted = current.raw >= expected_raw and current.balanced
        state = (f"{current.clean} clean + {current.duplicate} duplicate + "
                 f"{current.deadletter} dead-lettered of {current.raw} raw")
        if accounted and snapshot == previous:
            stable_since = stable_since or loop.time()
            if loop.time() - stable_since >= quiet:
                return current
        else:
            stable_since = None
        previous = snapshot
        await asyncio.sleep(0.25)


async def wait_ready(workers: Sequence[WorkerProcess], stopped: Callable[[], bool],
                     timeout: float = 300.0) -> None:
    """Return once every worker is ready — its ``/ready`` answers 200, or, with the web
    port off, its readiness file says so; raise if a worker dies or time runs out.
    ``stopped`` ends the wait early (Ctrl-C)."""
    import aiohttp

    from streams.health import read_ready_file

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    pending = list(workers)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        while pending and not stopped():
            for worker in list(pending):
                worker.check()
                if worker.web_url is None:
                    if read_ready_file(worker.settings.data_dir, worker.pid):
                        pending.remove(worker)
                    continue
                with contextlib.suppress(aiohttp.ClientError, asyncio.TimeoutError):
                    async with session.get(f"{worker.web_url}/ready") as resp:
                        if resp.status == 200:
                            pending.remove(worker)
            if loop.time() > deadline:
                raise TimeoutError(f"workers not ready within {timeout:.0f}s")
            await asyncio.sleep(0.25)


@dataclass(slots=True)
class PartitionLag:
    """The consumer group's position on one partition."""

    topic: str
    partition: int
    end: int
    committed: int | None

    @property
    def lag(self) -> int:
        return max(0, self.end - (self.committed or 0))

    def to_dict(self) -> dict[str, object]:
        return {"topic": self.topic, "partition": self.partition, "end": self.end,
                "committed": self.committed, "lag": self.lag}


@dataclass(slots=True)
class Status:
    """What ``wirewatch status`` shows: one screen for an operator."""

    broker: str
    group: str
    #: outcomes per distinct message; None when the topics hold too much to read whole
    summary: Summary | None
    #: why there is no summary (the topics hold more than the exact-count limit)
    summary_skipped: str | None
    #: offsets each topic holds (end - start over its partitions)
    messages: dict[str, int]
    lag: list[PartitionLag]
    alerts_last_hour: int
    last_alert_at: str | None
    deadletters: list[dict[str, object]]

    @property
    def deadletters_scope(self) -> str:
        """"all" (every dead letter, counted once per message, beside the outcome counts)
        or "recent" (the last :data:`STATUS_RECENT_RECORDS` of each partition)."""
        return "all" if self.summary is not None else "recent"

    def to_dict(self) -> dict[str, object]:
        return {"broker": self.broker, "group": self.group,
                "summary": self.summary.to_dict() if self.summary else None,
                "summary_skipped": self.summary_skipped,
                "messages": self.messages, "lag": [p.to_dict() for p in self.lag],
                "total_lag": sum(p.lag for p in self.lag),
                "alerts_last_hour": self.alerts_last_hour, "last_alert_at": self.last_alert_at,
                "deadletters": self.deadletters, "deadletters_scope": self.deadletters_scope}


async def status(settings: Settings, now: datetime | None = None,
                 exact_limit: int = STATUS_EXACT_LIMIT) -> Status:
    """The topics' offsets and the consumer group's lag (from offsets: the same cost
    whatever the topics hold), the alerts of the last hour and the dead letters by
    reason (from the end of their topics), and the outcome counts of :func:`summary`
    when the topics it reads hold at most ``exact_limit`` offsets (0: always)."""
    from aiokafka import TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    names = TopicNames(settings.topic_prefix)
    now = now or datetime.now(UTC)
    extents = await partition_extents(settings, names.all())
    messages = {name: 0 for name in names.all()}
    for extent in extents:
        messages[extent.topic] += extent.held
    ends = {(e.topic, e.partition): e.end for e in extents}
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers,
                                **client_options(settings))
    await admin.start()
    try:
        tps = [TopicPartition(t["topic"], p["partition"])
               for t in await admin.describe_topics(names.consumed())
               for p in t.get("partitions", [])]
        # the partitions are named: the embedded broker cannot answer "all of the group's"
        committed = await admin.list_consumer_group_offsets(settings.app_id, partitions=tps)
    finally:
        await admin.close()
    lag = []
    for tp in sorted(tps):
        meta = committed.get(tp)
        offset = meta.offset if meta is not None and meta.offset >= 0 else None
        lag.append(PartitionLag(tp.topic, tp.partition, ends.get((tp.topic, tp.partition), 0),
                                offset))
    counted = sum(messages[name] for name in
                  (names.raw, names.clean, names.incidents, names.alerts, names.deadletter))
    summary_now: Summary | None = None
    skipped: str | None = None
    if not exact_limit or counted <= exact_limit:
        summary_now = await summary(settings)
        letters = summary_now.deadletters_by_stage
    else:
        skipped = (f"the topics hold {counted:,} records, over the exact-count limit "
                   f"{exact_limit:,} (--exact-limit)")
        letters = letters_by_stage(await dead_letters(settings, last=STATUS_RECENT_RECORDS))
    # read after the summary: alerts only grow, so the recent ones seen here include every
    # one the summary counted (a status taken while alerts arrive stays consistent)
    alerts_recent: set[str] = set()
    last_alert: str | None = None
    async for alert in alerts(settings, last=STATUS_RECENT_RECORDS):
        when = dates.instant(alert.updated_at)
        if when and (last_alert is None or alert.updated_at > last_alert):
            last_alert = alert.updated_at
        if when and (now - when).total_seconds() <= 3600:
            alerts_recent.add(f"{alert.alert_id}.v{alert.version}")
    return Status(
        broker=settings.broker or "", group=settings.app_id, summary=summary_now,
        summary_skipped=skipped, messages=messages, lag=lag,
        alerts_last_hour=len(alerts_recent), last_alert_at=last_alert,
        deadletters=[{"stage": s, "error": e, "count": n}
                     for (s, e), n in sorted(letters.items(), key=lambda kv: -kv[1])],
    )


def demo_settings(broker_url: str, data_dir: str, base: Settings | None = None) -> Settings:
    """Settings for a one-process demo or test: short group timeouts, a private data dir."""
    base = base or Settings.from_env()
    return Settings.from_env(
        {}, broker=broker_url, data_dir=data_dir, app_id=base.app_id,
        topic_prefix=base.topic_prefix, partitions=2, rebalance_timeout=1.0,
        session_timeout=6.0, heartbeat_interval=0.5, max_body_bytes=base.max_body_bytes,
        log_level="warning", web_port=0,
    )


async def run_demo(
    items: list[Message], rules: list[WatchRule], on_alert: Callable[[Alert], None],
    timeout: float = 300.0, data_dir: str | None = None, on_refused: Refused | None = None,
) -> Summary:
    """Embedded broker + one worker + these articles, end to end; alerts as they arrive.
    A message the broker cannot take goes to ``on_refused`` (as ``publish`` reports it)
    and the rest still run."""
    workdir = Path(data_dir or tempfile.mkdtemp(prefix="wirewatch-demo-"))
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = demo_settings(broker.url, str(workdir))
        await ensure_topics(settings)
        await watch_set(settings, rules)
        with WorkerProcess(settings) as worker:
            sent = await publish(settings, TopicNames(settings.topic_prefix).raw, items,
                                 on_refused=on_refused)
            stop = asyncio.Event()
            follower = asyncio.create_task(_follow_alerts(settings, on_alert, stop))
            try:
                await wait_accounted(settings, sent, timeout, worker)
            finally:
                stop.set()
                await follower
            return await summary(settings)


async def _follow_alerts(settings: Settings, on_alert: Callable[[Alert], None],
                         stop: asyncio.Event) -> None:
    """Print alerts as they arrive; after ``stop``, drain what is left and return."""
    names = TopicNames(settings.topic_prefix)
    async for record in read_topic(settings, names.alerts, follow=True, stop=stop):
        with contextlib.suppress(RecordError):
            on_alert(Alert.from_json(record.value))


__all__ = ["Status", "Summary", "alerts", "dead_letters", "format_rule", "publish", "run_demo",
           "status", "summary", "wait_accounted", "wait_ready", "watch_list", "watch_remove",
           "watch_set"]
