"""Dead letters in the style of Kafka Connect: original bytes, headers that say why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wirewatch import dates

Headers = list[tuple[str, bytes]]

MAX_MESSAGE_CHARS = 1000


def deadletter_id(topic: str, partition: int, offset: int) -> str:
    """The stable id of a dead letter: where its original message was. A message
    redelivered after a crash and dead-lettered again gets the same id."""
    return f"{topic}:{partition}:{offset}"


def deadletter_headers(
    *, stage: str, error: BaseException, topic: str, partition: int, offset: int,
    now: datetime | None = None,
) -> Headers:
    """Headers naming the stage, error class and message, origin and time."""
    when = dates.rfc3339(now, timespec="milliseconds")
    message = str(error) or error.__class__.__name__
    return [
        ("deadletter.id", deadletter_id(topic, partition, offset).encode()),
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
    def id(self) -> str:
        """The stable id (original topic:partition:offset); distinct per original message."""
        return self.headers.get("deadletter.id") or deadletter_id(
            self.headers.get("original.topic", "?"),
            int(self.headers.get("original.partition", -1) or -1),
            int(self.headers.get("original.offset", -1) or -1))

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
