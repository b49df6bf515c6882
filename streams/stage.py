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

A stage takes the messages it has in hand as one batch (:func:`run_batch`, at most
``WIREWATCH_BATCH_MAX``, waiting at most ``WIREWATCH_BATCH_WAIT_MS`` to fill it): their
outputs go to the producer in order and every one (and every dead letter) is confirmed by
the broker before the batch is acknowledged, so an input's offset never commits before
what it caused is stored; an output the broker refuses for good stops the worker without
committing (:class:`SendFailed`, exit status 74): it restarts and redoes the input.

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
import weakref
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

import faust

from schemas.records import RecordError
from streams import codecs, metrics
from streams.deadletter import deadletter_headers
from streams.settings import Settings
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

    Every emit is confirmed by the broker before its input is acknowledged, so the
    input's offset is never committed before its outputs are stored; ``on_sent``
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


async def enqueue(emit: Emit, ingested: float | None = None,
                  origin: str | None = None) -> Awaitable[Any]:
    """Encode one message and hand it to the producer, with its headers, the ingest time
    and the origin; returns its delivery (awaiting it raises if the broker refuses it for
    good). Messages are handed over in the order this is called."""
    headers = list(emit.headers)
    if ingested is not None:
        headers.append((INGESTED_HEADER, repr(ingested).encode()))
    if origin is not None:
        headers.append((ORIGIN_HEADER, origin.encode()))
    return await emit.topic.send(key=codecs.encode_key(emit.key),
                                 value=codecs.encode(emit.value), headers=headers or None)


async def enqueue_deadletter(deadletter: faust.TopicT, message: faust.types.Message,
                             value: bytes, headers: Headers) -> Awaitable[None]:
    """Hand a dead letter to the producer: ``value`` untouched, or, when it would not fit
    in one broker message, a reference: its first :data:`REFERENCE_PREFIX_BYTES` bytes
    with headers saying so (the original stays on its topic at the position the headers
    give). Returns its delivery; a broker that finds it too large then gets the
    reference instead."""
    from aiokafka.errors import MessageSizeTooLargeError
    from faust.exceptions import ProducerSendError

    too_large = (MessageSizeTooLargeError, ProducerSendError)

    def reference() -> tuple[bytes, Headers]:
        return value[:REFERENCE_PREFIX_BYTES], [
            *headers, ("deadletter.truncated", b"true"),
            ("original.size", str(len(value)).encode())]

    async def as_reference(exc: Exception) -> Awaitable[Any]:
        log.warning("dead letter of %s[%s]@%s too large (%s); sending a reference",
                    message.topic, message.partition, message.offset, exc)
        body, extra = reference()
        return await deadletter.send(key=message.key, value=body, headers=extra)

    fits = len(value) + LETTER_HEADROOM_BYTES <= max_letter_bytes
    body, extra = (value, headers) if fits else reference()
    try:
        delivery = await deadletter.send(key=message.key, value=body, headers=extra)
    except too_large as exc:
        if not fits:
            raise
        delivery = await as_reference(exc)
        fits = False

    async def delivered() -> None:
        try:
            await delivery
        except too_large as exc:
            if not fits:
                raise
            await (await as_reference(exc))
    return delivered()


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


async def _deliver(stage: str, sending: Awaitable[Any]) -> None:
    """Await a send; when the broker refuses it for good, stop the worker without
    committing the input (a restarted worker redoes it)."""
    try:
        await sending
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        _send_failed(stage, exc)
        raise  # only reached when stop_worker is replaced (tests)


def _send_failed(stage: str, exc: Exception) -> None:
    stop_worker(SendFailed(f"{stage}: an output could not be delivered "
                           f"({type(exc).__name__}: {exc}); stopping without committing "
                           "its input"))


@dataclass(frozen=True, slots=True)
class Received:
    """One message as a handler sees it: key, bytes and the broker's timestamp."""

    key: str | None
    value: bytes
    timestamp: float
    #: the Faust event it came in (a table written while handling it needs it)
    event: Any = field(default=None, repr=False, compare=False)


#: what a handler made of one message: its result, or the exception it raised
Outcome = StageResult | Exception
#: a handler of several messages at once: one outcome per message, in order
BatchHandler = Callable[[Sequence[Received]], Awaitable[Sequence[Outcome]]]


def one_at_a_time(handler: Callable[[Received], StageResult]) -> BatchHandler:
    """The batch handler that calls ``handler`` on each message in turn; what a message
    raises is its outcome (judged by :func:`run_batch`: bad input or a bug)."""
    async def handle(items: Sequence[Received]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for item in items:
            try:
                with _current(item.event):
                    outcomes.append(handler(item))
            except Exception as exc:
                outcomes.append(exc)
        return outcomes
    return handle


@contextmanager
def _current(event: faust.EventT | None) -> Iterator[None]:
    """Make ``event`` Faust's current event while its message is handled: a table written
    then sends its changelog record to the event's partition (Faust finds it there; in a
    batch, the current event is otherwise none)."""
    if event is None:
        yield
        return
    from faust.streams import _current_event

    token = _current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        _current_event.reset(token)


def each_message(handler: Handler) -> BatchHandler:
    """:func:`one_at_a_time` for a handler of (key, bytes)."""
    return one_at_a_time(lambda item: handler(item.key, item.value))


def in_batches(stream: faust.StreamT, settings: Settings) -> AsyncIterator[Sequence[faust.EventT]]:
    """The stream's events in batches: what is in hand, at most ``batch_max``, waiting at
    most ``batch_wait_ms`` to fill one. Faust acknowledges a batch's events when the
    caller's loop body for it has returned."""
    return cast(faust.Stream, stream).take_events(settings.batch_max,
                                                  settings.batch_wait_ms / 1000)


async def run_stage(
    stage: str, event: faust.EventT, handler: Handler, deadletter: faust.TopicT
) -> StageResult:
    """Handle one event: send its results, dead-letter bad input, count and time it."""
    (result,) = await run_batch(stage, [event], each_message(handler), deadletter)
    return result


async def run_batch(
    stage: str, events: Sequence[faust.EventT], handler: BatchHandler,
    deadletter: faust.TopicT,
) -> list[StageResult]:
    """Handle several events at once: every output of every event is handed to the
    producer in order, then all are confirmed together (one wait for the broker instead
    of one per message) before this returns, so the caller acknowledges them only once
    the broker has everything they caused. Bad input is dead-lettered, bugs are kept and
    counted, as :func:`run_stage` describes."""
    for _ in events:
        fault.check(stage)
    started = time.perf_counter()
    messages = [event.message for event in events]
    values = [m.value if isinstance(m.value, bytes) else bytes(m.value or b"") for m in messages]
    outcomes = await handler([Received(codecs.decode_key(e.message.key), value,
                                       e.message.timestamp or 0.0, e)
                              for e, value in zip(events, values, strict=True)])
    results: list[StageResult] = []
    deliveries: list[tuple[Awaitable[Any], Callable[[], None] | None]] = []
    for message, value, outcome in zip(messages, values, outcomes, strict=True):
        if isinstance(outcome, Exception):
            result, letter = await _refuse(stage, message, value, outcome, deadletter)
            results.append(result)
            deliveries.append((letter, None))
            continue
        ingested, origin = ingested_at(message), origin_of(message)
        for emit in outcome.emits:
            deliveries.append((await enqueue(emit, ingested, origin), emit.on_sent))
        results.append(outcome)
    for delivery, on_sent in deliveries:  # in order: state changes follow the broker's order
        await _deliver(stage, delivery)
        if on_sent is not None:
            on_sent()
    for _ in events:
        fault.check(stage, sent=True)
    each = (time.perf_counter() - started) / max(1, len(events))
    for result in results:
        if result.outcome != "error":  # a bug was counted as it was kept
            metrics.count(stage, result.outcome)
            metrics.STAGE_SECONDS.labels(stage=stage).observe(each)
    return results


async def _refuse(stage: str, message: faust.types.Message, value: bytes, exc: Exception,
                  deadletter: faust.TopicT) -> tuple[StageResult, Awaitable[None]]:
    """Dead-letter a message its handler could not take: bad input, or a bug (counted,
    logged with its traceback, kept for replay; too many stop the worker). Returns the
    outcome and the dead letter's delivery."""
    where = f"{message.topic}[{message.partition}]@{message.offset}"
    bug = not isinstance(exc, INPUT_ERRORS)
    if bug:
        metrics.count(stage, "error")
        log.error("%s: BUG while handling %s (kept as a dead letter of kind 'bug' for "
                  "`deadletter replay` once fixed)", stage, where, exc_info=exc)
        if bug_budget.spend():
            stop_worker(StageBugRate(
                f"{stage}: more than {bug_budget.limit} unexpected errors within "
                f"{bug_budget.window_s:.0f}s; stopping the worker (last: {exc!r})"))
    else:
        log.warning("%s: dead-lettering %s: %s: %s", stage, where, type(exc).__name__, exc)
    headers = deadletter_headers(stage=stage, error=exc, topic=message.topic,
                                 partition=message.partition, offset=message.offset, bug=bug)
    try:
        letter = await enqueue_deadletter(deadletter, message, value, headers)
    except asyncio.CancelledError:
        raise
    except Exception as refused:
        _send_failed(stage, refused)
        raise  # only reached when stop_worker is replaced (tests)
    metrics.count_deadletter(stage, type(exc).__name__)
    return StageResult("error" if bug else "deadletter"), letter
