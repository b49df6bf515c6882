"""The operations surface every worker serves over Faust's web server (docs/operations.md).

``/health`` (liveness), ``/ready`` (readiness with the reason when not),
``/metrics`` (Faust's Prometheus sensor families plus :mod:`streams.metrics`),
``/api/state`` (what the operations page shows) and ``/`` (the page itself,
``streams/static/index.html``, script and style inline: nothing from the internet).
``/watchlist/`` is served by the alert stage.

What the page shows comes from this worker: its own stage rates and lag, the alert
stage's copy of ``wire.alerts`` and a copy of ``wire.deadletter`` (both mirrored
without a consumer group, :class:`streams.mirror.TopicMirror`), so every worker's page
shows every alert and every dead letter.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import faust
from aiokafka import ConsumerRecord

from streams import metrics
from streams.health import PROBE_INTERVAL_S, Readiness
from streams.mirror import TopicMirror
from streams.settings import Settings
from streams.topics import TopicNames

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")


@dataclass
class OperationsView:
    """The state behind ``/api/state`` this module keeps: dead letters by reason and the
    stage rates."""

    #: dead letter id → (stage, error class): a letter written twice counts once
    deadletters: dict[str, tuple[str, str]] = field(default_factory=dict)
    rates: metrics.RateWindow = field(default_factory=metrics.RateWindow)

    def on_deadletter(self, record: ConsumerRecord) -> None:
        """Remember each dead letter's stage and error class by its position."""
        headers = {k: v.decode("utf-8", "replace") for k, v in record.headers or ()}
        letter_id = headers.get("deadletter.id") or f"{record.partition}:{record.offset}"
        self.deadletters[letter_id] = (headers.get("stage", "?"),
                                       headers.get("error.class", "?"))

    def deadletters_by_reason(self) -> list[dict[str, Any]]:
        counts: dict[tuple[str, str], int] = {}
        for reason in self.deadletters.values():
            counts[reason] = counts.get(reason, 0) + 1
        return [{"stage": stage, "error": error, "count": n}
                for (stage, error), n in sorted(counts.items(), key=lambda kv: -kv[1])]


def lag_by_partition(app: faust.App, topics: set[str]) -> list[dict[str, Any]]:
    """High watermark minus committed offset for each partition this worker holds.

    The embedded broker may report a high watermark short of the end, so lag is
    clamped at 0 (it never overstates; on Apache Kafka it is exact).
    """
    consumer = app.consumer
    committed = getattr(consumer, "_committed_offset", {})
    rows = []
    for tp in sorted(consumer.assignment()):
        if tp.topic not in topics:  # table changelogs and Faust's own topics
            continue
        try:
            high = consumer.highwater(tp)
        except Exception:  # no fetch yet for this partition
            continue
        if high is None or high < 0:
            continue
        done = committed.get(tp)
        lag = max(0, high - (done if done is not None else 0))
        rows.append({"topic": tp.topic, "partition": tp.partition, "lag": lag})
    return rows


def install(app: faust.App, settings: Settings, ready: Readiness,
            rules: Callable[[], list[dict[str, Any]]],
            recent_alerts: Callable[[], list[dict[str, Any]]]) -> OperationsView:
    """Register the operations pages, timers and the dead-letter mirror on ``app``; the
    watch rules and the recent alerts come from the alert stage, which mirrors the
    watchlist and ``wire.alerts`` already."""
    from faust.sensors.prometheus import setup_prometheus_sensors

    names = TopicNames(settings.topic_prefix)
    consumed = set(names.consumed())
    view = OperationsView()
    deadletter_mirror = TopicMirror(settings, names.deadletter, view.on_deadletter)
    identity = f"{socket.gethostname()}:{settings.web_port} (pid {os.getpid()})"
    setup_prometheus_sensors(app, pattern="/metrics",
                             name_prefix=settings.app_id.replace("-", "_") + "_faust")

    @app.task
    async def mirror_deadletters() -> None:
        await deadletter_mirror.run()

    @app.timer(PROBE_INTERVAL_S)
    async def sample() -> None:
        view.rates.sample(metrics.messages_by_stage())
        rows = lag_by_partition(app, consumed)
        for row in rows:
            metrics.CONSUMER_LAG.labels(topic=row["topic"], partition=str(row["partition"])) \
                .set(row["lag"])

    @app.page("/health")
    async def health(web: Any, request: Any) -> Any:
        return web.json({"status": "ok"})

    @app.page("/ready")
    async def readiness(web: Any, request: Any) -> Any:
        missing = ready.missing()
        body = {"ready": not missing, "missing": missing, "worker": identity}
        return web.json(body, status=200 if not missing else 503)

    @app.page("/api/state")
    async def state(web: Any, request: Any) -> Any:
        return web.json({
            "worker": identity,
            "ready": not ready.missing(),
            "missing": ready.missing(),
            "alerts": recent_alerts(),
            "rates": view.rates.rates(),
            "lag": lag_by_partition(app, consumed),
            "deadletters": view.deadletters_by_reason(),
            "watch": rules(),
            "time": time.time(),
        })

    @app.page("/")
    async def index(web: Any, request: Any) -> Any:
        return web.html((STATIC / "index.html").read_text(encoding="utf-8"))

    return view
