"""Dead letters in the style of Kafka Connect: original bytes, headers that say why."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import datetime

from schemas.records import DeadLetterHeaders
from wirewatch import dates

Headers = list[tuple[str, bytes]]

MAX_MESSAGE_CHARS = 1000
#: how much of a bug's traceback a dead letter keeps (its end: where it failed)
MAX_TRACEBACK_CHARS = 2000


def deadletter_id(topic: str, partition: int, offset: int) -> str:
    """The stable id of a dead letter: where its original message was. A message
    redelivered after a crash and dead-lettered again gets the same id."""
    return f"{topic}:{partition}:{offset}"


def deadletter_headers(
    *, stage: str, error: BaseException, topic: str, partition: int, offset: int,
    now: datetime | None = None, bug: bool = False,
) -> Headers:
    """Headers naming the stage, error class and message, origin and time (their contract
    is :class:`schemas.records.DeadLetterHeaders`); for a ``bug``, also the kind and the
    last frames of the traceback."""
    message = str(error) or error.__class__.__name__
    frames = traceback.format_exception(type(error), error, error.__traceback__, limit=-4)
    headers = DeadLetterHeaders(
        deadletter_id=deadletter_id(topic, partition, offset), stage=stage,  # type: ignore[arg-type]
        error_class=error.__class__.__name__, error_message=message[:MAX_MESSAGE_CHARS],
        original_topic=topic, original_partition=str(partition), original_offset=str(offset),
        time=dates.rfc3339(now, timespec="milliseconds"),
        error_kind="bug" if bug else "input",
        error_traceback="".join(frames)[-MAX_TRACEBACK_CHARS:] if bug else "")
    return [(name, value.encode("utf-8", "replace"))
            for name, value in headers.to_dict().items() if value != ""]


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
