"""The wirewatch metric families of docs/operations.md, on the default Prometheus registry.

A worker serves them on ``/metrics`` beside Faust's own sensor families
(:func:`streams.web.install`). Names follow Prometheus conventions: base units
(seconds), ``_total`` on counters, none on gauges.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram

MESSAGES = Counter(
    "wirewatch_messages",
    "Messages handled, by stage and outcome (clean, duplicate, deadletter, classified, ...).",
    ["stage", "outcome"],
)
DEADLETTERS = Counter(
    "wirewatch_deadletters",
    "Messages sent to the dead-letter topic, by stage and error class.",
    ["stage", "error"],
)
ALERTS = Counter(
    "wirewatch_alerts", "Alert versions published, by status (new/updated) and severity.",
    ["status", "severity"],
)
STAGE_SECONDS = Histogram(
    "wirewatch_stage_seconds", "Time a stage spends on one message (pure logic and sends).",
    ["stage"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
INGEST_TO_ALERT_SECONDS = Histogram(
    "wirewatch_ingest_to_alert_seconds",
    "From the raw message's timestamp to the publication of the alert it caused.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0),
)
CONSUMER_LAG = Gauge(
    "wirewatch_consumer_lag",
    "Messages not yet processed on a partition this worker holds (high watermark - committed).",
    ["topic", "partition"],
)
WATCH_RULES = Gauge("wirewatch_watch_rules", "Watch rules this worker applies.")
WEBHOOK_DELIVERIES = Counter(
    "wirewatch_webhook_deliveries",
    "Webhook delivery attempts of `wirewatch notify`, by outcome.",
    ["outcome"],
)

#: label values that exist from the start, so a dashboard sees zeros rather than nothing
for _outcome in ("delivered", "retried", "dead_lettered"):
    WEBHOOK_DELIVERIES.labels(outcome=_outcome)
for _status in ("new", "updated"):
    for _severity in ("low", "medium", "high", "critical"):
        ALERTS.labels(status=_status, severity=_severity)


def count(stage: str, outcome: str, n: int = 1) -> None:
    """Count ``n`` messages of ``stage`` that ended as ``outcome``."""
    MESSAGES.labels(stage=stage, outcome=outcome).inc(n)


def count_deadletter(stage: str, error: str) -> None:
    """Count one message a stage dead-lettered."""
    DEADLETTERS.labels(stage=stage, error=error).inc()


def messages_by_stage() -> dict[str, float]:
    """Messages handled so far per stage, every outcome together (from the counter)."""
    totals: dict[str, float] = {}
    for family in MESSAGES.collect():
        for sample in family.samples:
            if sample.name.endswith("_total"):
                stage = sample.labels["stage"]
                totals[stage] = totals.get(stage, 0.0) + sample.value
    return totals


class RateWindow:
    """Per-stage message rates over the last minutes, from periodic samples of a counter."""

    def __init__(self, horizon_s: float = 600.0) -> None:
        self.horizon_s = horizon_s
        self._samples: deque[tuple[float, dict[str, float]]] = deque()

    def sample(self, totals: dict[str, float], now: float | None = None) -> None:
        """Record the counter's totals at ``now`` and forget samples past the horizon."""
        now = time.monotonic() if now is None else now
        self._samples.append((now, dict(totals)))
        while self._samples and now - self._samples[0][0] > self.horizon_s:
            self._samples.popleft()

    def rates(self, windows_s: Iterable[float] = (60.0, 300.0)) -> dict[str, dict[str, float]]:
        """``{stage: {"1m": per-second rate, "5m": ...}}`` over each window (as far back as
        samples go)."""
        if len(self._samples) < 2:
            return {}
        now, latest = self._samples[-1]
        out: dict[str, dict[str, float]] = {}
        for window in windows_s:
            then, earlier = next(((t, v) for t, v in self._samples if now - t <= window),
                                 self._samples[0])
            span = now - then
            label = f"{int(window // 60)}m"
            for stage, total in latest.items():
                rate = (total - earlier.get(stage, 0.0)) / span if span > 0 else 0.0
                out.setdefault(stage, {})[label] = round(rate, 3)
        return out
