"""The one loop every agent runs: decode, call pure logic, send results or dead-letter.

A stage's handler is a plain function from (key, bytes) to a :class:`StageResult`;
any exception it raises sends the original message to the dead-letter topic with
the reason, and the worker goes on with the next message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import faust

from streams import codecs, metrics
from streams.deadletter import deadletter_headers

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Emit:
    """One message a stage sends on."""

    topic: faust.TopicT
    key: str | None
    value: Any


@dataclass(frozen=True, slots=True)
class StageResult:
    """What a handler did with one message: an outcome label and the messages to send."""

    outcome: str
    emits: Sequence[Emit] = field(default_factory=tuple)


Handler = Callable[[str | None, bytes], StageResult]


async def send(emit: Emit) -> None:
    """Encode and send one message."""
    await emit.topic.send(key=codecs.encode_key(emit.key), value=codecs.encode(emit.value))


async def run_stage(
    stage: str, event: faust.EventT, handler: Handler, deadletter: faust.TopicT
) -> StageResult:
    """Handle one event; on failure dead-letter it. Never raises for bad input."""
    message = event.message
    key = codecs.decode_key(message.key)
    value = message.value if isinstance(message.value, bytes) else bytes(message.value or b"")
    try:
        result = handler(key, value)
    except Exception as exc:
        log.warning("%s: dead-lettering %s[%s]@%s: %s", stage, message.topic,
                    message.partition, message.offset, exc)
        await deadletter.send(
            key=message.key,
            value=value,
            headers=deadletter_headers(
                stage=stage, error=exc, topic=message.topic,
                partition=message.partition, offset=message.offset,
            ),
        )
        metrics.count(stage, "deadletter")
        return StageResult("deadletter")
    for emit in result.emits:
        await send(emit)
    metrics.count(stage, result.outcome)
    return result
