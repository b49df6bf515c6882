"""Typed settings, each read from one environment variable (``WIREWATCH_*``).

Every field documents itself; ``wirewatch run --help`` and the README list them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _setting(env: str, default: Any, doc: str) -> Any:
    return field(default=default, metadata={"env": env, "doc": doc})


@dataclass(frozen=True, slots=True)
class Settings:
    """Runtime configuration of a wirewatch worker or client."""

    broker: str | None = _setting(
        "WIREWATCH_BROKER", None,
        "Kafka bootstrap URL, e.g. kafka://localhost:9092. Unset: start the embedded broker.",
    )
    app_id: str = _setting(
        "WIREWATCH_APP_ID", "wirewatch", "Faust application id; also the consumer group id."
    )
    topic_prefix: str = _setting(
        "WIREWATCH_TOPIC_PREFIX", "", "Prefix prepended to every topic name (e.g. 'staging.')."
    )
    partitions: int = _setting(
        "WIREWATCH_PARTITIONS", 4, "Partitions of each data topic: the unit of parallelism."
    )
    replication_factor: int = _setting(
        "WIREWATCH_REPLICATION_FACTOR", 1, "Replication factor of the topics wirewatch creates."
    )
    rebalance_timeout: float = _setting(
        "WIREWATCH_REBALANCE_TIMEOUT", 10.0,
        "Seconds a consumer-group rebalance may take (keep short on the embedded broker).",
    )
    session_timeout: float = _setting(
        "WIREWATCH_SESSION_TIMEOUT", 10.0,
        "Seconds before a silent worker is dropped from the group.",
    )
    heartbeat_interval: float = _setting(
        "WIREWATCH_HEARTBEAT_INTERVAL", 1.0, "Seconds between consumer heartbeats."
    )
    watch: str = _setting(
        "WIREWATCH_WATCH", "", "Watch rules seeded at start, e.g. 'TR,RU:perpetrator' (SPEC §5)."
    )
    max_body_bytes: int = _setting(
        "WIREWATCH_MAX_BODY_BYTES", 1_000_000, "Raw messages larger than this are dead-lettered."
    )
    max_message_bytes: int = _setting(
        "WIREWATCH_MAX_MESSAGE_BYTES", 1_048_576,
        "Largest message the broker accepts (Kafka's message.max.bytes): `publish` refuses "
        "larger lines, and a dead letter that would not fit keeps only a prefix.",
    )
    dedup_window_hours: float = _setting(
        "WIREWATCH_DEDUP_WINDOW_HOURS", 48.0,
        "How long a story is remembered for the near-duplicate check (another wire's copy).",
    )
    fetch_max_wait_ms: int = _setting(
        "WIREWATCH_FETCH_MAX_WAIT_MS", 100,
        "Longest a worker's fetch waits for new data: the latency each stage can add.",
    )
    alert_window_hours: float = _setting(
        "WIREWATCH_ALERT_WINDOW_HOURS", 72.0,
        "How long an alert stays open to updates from later reports of the same event.",
    )
    max_errors_per_minute: int = _setting(
        "WIREWATCH_MAX_ERRORS_PER_MINUTE", 10,
        "Unexpected errors (bugs, not bad input) a worker tolerates per minute before it "
        "stops with exit code 70.",
    )
    broker_loss_timeout: float = _setting(
        "WIREWATCH_BROKER_LOSS_TIMEOUT", 60.0,
        "Seconds a worker waits for a lost broker to come back before it exits with status "
        "75 for its supervisor to restart it.",
    )
    data_dir: str = _setting(
        "WIREWATCH_DATA_DIR", ".wirewatch", "Folder for worker state and the embedded broker's log."
    )
    log_level: str = _setting("WIREWATCH_LOG_LEVEL", "warning", "Worker log level.")
    web_port: int = _setting(
        "WIREWATCH_WEB_PORT", 6066,
        "Port of the worker's HTTP endpoint (operations page, /metrics, /health, /ready); "
        "worker N of --workers uses port + N; 0 disables it.",
    )
    web_host: str = _setting(
        "WIREWATCH_WEB_HOST", "127.0.0.1",
        "Address the worker's HTTP endpoint binds; 0.0.0.0 inside a container.",
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``environ`` (default: the process environment), then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.name, raw, f.default)
        settings = cls(**values)
        overrides = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **overrides) if overrides else settings

    @property
    def max_fetch_bytes(self) -> int:
        """How much a worker's consumers fetch from a partition at once and its producer
        sends in one request: room for any message the raw topic may hold, and for its dead
        letter (a fetch limit below a message's size would stall its partition)."""
        return max(4 * 1024 * 1024, 2 * self.max_body_bytes)

    @property
    def broker_urls(self) -> list[str]:
        """The broker as Faust wants it: one ``kafka://host:port`` URL per bootstrap server."""
        return [f"kafka://{server}" for server in self.bootstrap_servers.split(",")]

    @property
    def bootstrap_servers(self) -> str:
        """The broker URL as aiokafka wants it: ``host:port[,host:port]`` without scheme."""
        if not self.broker:
            raise ValueError("no broker configured")
        parts = (p.strip() for p in self.broker.replace(";", ",").split(","))
        return ",".join(p.split("://", 1)[-1] for p in parts if p)

    def to_env(self) -> dict[str, str]:
        """The environment variables that reproduce these settings in a child process."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                out[f.metadata["env"]] = str(value)
        return out

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(environment variable, default, doc) for every setting."""
        return [(f.metadata["env"], repr(f.default), f.metadata["doc"]) for f in fields(cls)]


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError as exc:
        kind = type(default).__name__
        raise ValueError(f"setting {name}: cannot read {raw!r} as {kind}") from exc
    return raw
