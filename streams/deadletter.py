"""Dead letters in the style of Kafka Connect: original bytes, headers that say why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

Headers = list[tuple[str, bytes]]

MAX_MESSAGE_CHARS = 1000


def deadletter_headers(
    *, stage: str, error: BaseException, topic: str, partition: int, offset: int,
    now: datetime | None = None,
) -> Headers:
    """Headers naming the stage, error class and message, origin and time."""
    when = (now or datetime.now(UTC)).isoformat(timespec="milliseconds")
    message = str(error) or error.__class__.__name__
    return [
        ("stage", stage.encode()),
        ("error.class", error.__class__.__name__.encode()),
        ("error.message", message[:MAX_MESSAGE_CHARS].encode("utf-8", "replace")),
        ("original.topic", topic.encode()),
        ("original.partition", str(partition).encode()),
        ("original.offset", str(offset).encode()),
        ("time", when.encode()),
    ]


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A dead letter read back from the topic."""

    key: str | None
    value: bytes
    headers: dict[str, str]
    partition: int
    offset: int

    @property
    def stage(self) -> str:
        return self.headers.get("stage", "?")

    @property
    def reason(self) -> str:
        return f"{self.headers.get('error.class', '?')}: {self.headers.get('error.message', '')}"

    @classmethod
    def from_headers(
        cls, key: str | None, value: bytes, headers: object, partition: int, offset: int
    ) -> DeadLetter:
        decoded = {
            k: (v.decode("utf-8", "replace") if isinstance(v, bytes | bytearray) else str(v))
            for k, v in (headers or [])  # type: ignore[attr-defined]
        }
        return cls(key, value, decoded, partition, offset)
