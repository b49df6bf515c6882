"""The one loop every agent runs: decode, call pure logic, send results or dead-letter.

A stage's handler is a plain function from (key, bytes) to a :class:`StageResult`.
The error policy is typed:

- an *input error* (:data:`INPUT_ERRORS`: bytes that do not decode, a message of the
  wrong shape, an article that cannot be cleaned, a bad watch rule) sends the original
  message to the dead-letter topic with the reason, and the worker goes on;
- any other exception is a bug in wirewatch, not bad input: it is counted (outcome
  ``error``), logged with its traceback, kept as a dead letter of kind ``bug`` (with the
  end of its traceback) so that ``deadletter replay`` can bring it back once fixed, and
  once more than ``WIREWATCH_MAX_ERRORS_PER_MINUTE`` happen within a minute the worker
  stops (:class:`StageBugRate`) so that a supervisor sees it.

Every output (and every dead letter) is confirmed by the broker before the stage takes
its next message, so an input's offset never commits before what it caused is stored;
an output the broker refuses for good stops the worker without committing
(:class:`SendFailed`, exit status 74): it restarts and redoes the input.

Every message a stage sends carries the ``wirewatch.ingested`` header: the time the
raw message that caused it entered the raw topic, so the alert stage can measure
ingest-to-alert latency.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import faust

from schemas.records import RecordError
from streams import codecs, metrics
from streams.deadletter import deadletter_headers
from wirewatch.cleaning import InvalidArticle
from wirewatch.watch import WatchRuleError

log = logging.getLogger(__name__)

Headers = list[tuple[str, bytes]]

#: the exception classes that mean "this message is bad", never "wirewatch is broken"
INPUT_ERRORS: tuple[type[Exception], ...] = (
    InvalidArticle, RecordError, codecs.DecodeError, WatchRuleError, UnicodeDecodeError,
)
#: header carrying the raw message's timestamp (epoch seconds, text) through every stage
INGESTED_HEADER = "wirewatch.ingested"
#: header carrying the raw message's position (``topic:partition:offset``) through every
#: stage: a redelivered message yields records with the same origin, so counts of
#: outcomes can be taken per distinct raw message
ORIGIN_HEADER = "wirewatch.origin"


class StageBugRate(RuntimeError):
    """Too many unexpected exceptions in a stage: the worker stops rather than go on."""


@dataclass(frozen=True, slots=True)
class Emit:
    """One message a stage sends on, with any headers of its own (e.g. CloudEvents).

    Every emit is confirmed by the broker before the stage takes its next message, so
    the input's offset is never committed before its outputs are stored; ``on_sent``
    runs once it is (a stage's state changes only after delivery: the alert tracker
    records an alert version only when the broker has it)."""

    topic: faust.TopicT
    key: str | None
    value: Any
    headers: Headers = field(default_factory=list)
    on_sent: Callable[[], None] | None = None


@dataclass(frozen=True, slots=True)
class StageResult:
    """What a handler did with one message: an outcome label and the messages to send."""

    outcome: str
    emits: Sequence[Emit] = field(default_factory=tuple)


Handler = Callable[[str | None, bytes], StageResult]


class BugBudget:
    """Counts unexpected exceptions; trips when more than ``limit`` fall within ``window_s``."""

    def __init__(self, limit: int, window_s: float = 60.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self._times: deque[float] = deque()

    def spend(self, now: float | None = None) -> bool:
        """Record one bug; True when the budget is exceeded."""
        now = time.monotonic() if now is None else now
        self._times.append(now)
        while self._times and now - self._times[0] > self.window_s:
            self._times.popleft()
        return len(self._times) > self.limit


#: one budget per worker process, shared by every stage (set from the settings at start)
bug_budget = BugBudget(limit=10)
#: largest dead letter the broker takes (WIREWATCH_MAX_MESSAGE_BYTES, set at start); a
#: bigger original is dead-lettered as a reference: its first bytes and its position
max_letter_bytes = 1_048_576
#: how much of an oversized original a reference keeps
REFERENCE_PREFIX_BYTES = 64 * 1024
#: room a dead letter's headers and framing take beside the original's bytes
LETTER_HEADROOM_BYTES = 64 * 1024


#: exit status of a worker stopped by :class:`StageBugRate` (EX_SOFTWARE)
EXIT_BUG_RATE = 70
#: exit status of a worker that could not deliver a stage's output (EX_IOERR)
EXIT_SEND_FAILED = 74


class SendFailed(RuntimeError):
    """A stage's output could not be delivered: the worker stops without committing."""


def stop_worker(reason: Exception) -> None:
    """Stop this worker process at once: :data:`EXIT_SEND_FAILED` for a
    :class:`SendFailed`, :data:`EXIT_BUG_RATE` otherwise.

    Offsets of unfinished messages are not committed, so nothing is lost: a restarted
    worker reads them again (at least once; ids derived from content deduplicate what
    it sends twice). Faust would restart a crashed agent and carry on past the message,
    which is exactly what must not happen here.
    """
    log.critical("%s", reason)
    logging.shutdown()
    os._exit(EXIT_SEND_FAILED if isinstance(reason, SendFailed) else EXIT_BUG_RATE)


def _header(message: faust.types.Message, name: str) -> bytes | None:
    headers = message.headers or ()
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    for key, value in pairs:
        if key == name:
            return bytes(value) if value is not None else None
    return None


def ingested_at(message: faust.types.Message) -> float:
    """When the raw message behind ``message`` entered the pipeline (epoch seconds)."""
    value = _header(message, INGESTED_HEADER)
    if value is not None:
        try:
            return float(value)
        except ValueError:
            pass
    return float(message.timestamp or time.time())


def origin_of(message: faust.types.Message) -> str:
    """The position of the raw message behind ``message`` (``topic:partition:offset``)."""
    value = _header(message, ORIGIN_HEADER)
    if value:
        return value.decode("utf-8", "replace")
    return f"{message.topic}:{message.partition}:{message.offset}"


async def send(emit: Emit, ingested: float | None = None, origin: str | None = None) -> None:
    """Encode and send one message, with its headers, the ingest time and the origin."""
    headers = list(emit.headers)
    if ingested is not None:
        headers.append((INGESTED_HEADER, repr(ingested).encode()))
    if origin is not None:
        headers.append((ORIGIN_HEADER, origin.encode()))
    pending = await emit.topic.send(key=codecs.encode_key(emit.key),
                                    value=codecs.encode(emit.value), headers=headers or None)
    await pending  # raises when the broker refuses it for good
    if emit.on_sent is not None:
        emit.on_sent()


async def send_deadletter(deadletter: faust.TopicT, message: faust.types.Message,
                          value: bytes, headers: Headers) -> None:
    """Dead-letter ``value`` untouched, or, when it would not fit in one broker message,
    as a reference: its first :data:`REFERENCE_PREFIX_BYTES` bytes with headers saying so
    (the original stays on its topic at the position the headers give)."""
    from aiokafka.errors import MessageSizeTooLargeError
    from faust.exceptions import ProducerSendError

    def reference() -> tuple[bytes, Headers]:
        return value[:REFERENCE_PREFIX_BYTES], [
            *headers, ("deadletter.truncated", b"true"),
            ("original.size", str(len(value)).encode())]

    fits = len(value) + LETTER_HEADROOM_BYTES <= max_letter_bytes
    body, extra = (value, headers) if fits else reference()
    try:
        await deadletter.send(key=message.key, value=body, headers=extra)
    except (MessageSizeTooLargeError, ProducerSendError) as exc:
        if body is not value:
            raise
        log.warning("dead letter of %s[%s]@%s too large (%s); sending a reference",
                    message.topic, message.partition, message.offset, exc)
        body, extra = reference()
        await deadletter.send(key=message.key, value=body, headers=extra)


class FaultInjection:
    """``WIREWATCH_FAULT_KILL_AT=stage:N[:after-send]``: the worker kills itself with
    SIGKILL as its ``stage`` takes its N-th message — before handling it, or with
    ``after-send`` once that message's outputs are delivered and before its offset can be
    committed. For crash-recovery tests and drills; unset in normal operation."""

    def __init__(self, spec: str | None = None) -> None:
        self.stage, self.at, self.seen, self.after_send = None, 0, 0, False
        if spec:
            stage, _, rest = spec.partition(":")
            n, _, phase = rest.partition(":")
            self.stage, self.at = stage, int(n or 1)
            self.after_send = phase == "after-send"

    def check(self, stage: str, sent: bool = False) -> None:
        """Count the message (before it is handled) and kill when its turn has come;
        ``sent``: called again once its outputs are delivered."""
        if stage != self.stage or sent != self.after_send:
            return
        self.seen += 1
        if self.seen >= self.at:
            log.critical("fault injection: SIGKILL in stage %s at message %d (%s)", stage,
                         self.seen, "after its outputs were sent" if sent else "before it")
            logging.shutdown()
            os.kill(os.getpid(), signal.SIGKILL)


fault = FaultInjection(os.environ.get("WIREWATCH_FAULT_KILL_AT"))


async def _deliver(stage: str, sending: Awaitable[None]) -> None:
    """Await a send; when the broker refuses it for good, stop the worker without
    committing the input (a restarted worker redoes it)."""
    try:
        await sending
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        stop_worker(SendFailed(f"{stage}: an output could not be delivered "
                               f"({type(exc).__name__}: {exc}); stopping without committing "
                               "its input"))
        raise  # only reached when stop_worker is replaced (tests)


async def run_stage(
    stage: str, event: faust.EventT, handler: Handler, deadletter: faust.TopicT
) -> StageResult:
    """Handle one event: send its results, dead-letter bad input, count and time it."""
    fault.check(stage)
    message = event.message
    key = codecs.decode_key(message.key)
    value = message.value if isinstance(message.value, bytes) else bytes(message.value or b"")
    started = time.perf_counter()
    try:
        result = handler(key, value)
    except INPUT_ERRORS as exc:
        log.warning("%s: dead-lettering %s[%s]@%s: %s: %s", stage, message.topic,
                    message.partition, message.offset, type(exc).__name__, exc)
        await _deliver(stage, send_deadletter(deadletter, message, value, deadletter_headers(
            stage=stage, error=exc, topic=message.topic,
            partition=message.partition, offset=message.offset,
        )))
        metrics.count(stage, "deadletter")
        metrics.count_deadletter(stage, type(exc).__name__)
        metrics.STAGE_SECONDS.labels(stage=stage).observe(time.perf_counter() - started)
        return StageResult("deadletter")
    except Exception as exc:
        metrics.count(stage, "error")
        log.exception("%s: BUG while handling %s[%s]@%s (kept as a dead letter of kind 'bug' "
                      "for `deadletter replay` once fixed)", stage, message.topic,
                      message.partition, message.offset)
        if bug_budget.spend():
            stop_worker(StageBugRate(
                f"{stage}: more than {bug_budget.limit} unexpected errors within "
                f"{bug_budget.window_s:.0f}s; stopping the worker (last: {exc!r})"))
        await _deliver(stage, send_deadletter(deadletter, message, value, deadletter_headers(
            stage=stage, error=exc, topic=message.topic, partition=message.partition,
            offset=message.offset, bug=True)))
        metrics.count_deadletter(stage, type(exc).__name__)
        return StageResult("error")
    ingested, origin = ingested_at(message), origin_of(message)
    for emit in result.emits:
        await _deliver(stage, send(emit, ingested, origin))
    fault.check(stage, sent=True)
    metrics.count(stage, result.outcome)
    metrics.STAGE_SECONDS.labels(stage=stage).observe(time.perf_counter() - started)
    return result
