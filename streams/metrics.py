"""Prometheus counters of what each stage did with each message."""

from __future__ import annotations

from prometheus_client import Counter

MESSAGES = Counter(
    "wirewatch_messages_total",
    "Messages handled, by stage and outcome (clean, duplicate, deadletter, emitted, ...).",
    ["stage", "outcome"],
)


def count(stage: str, outcome: str, n: int = 1) -> None:
    """Count ``n`` messages of ``stage`` that ended as ``outcome``."""
    MESSAGES.labels(stage=stage, outcome=outcome).inc(n)
