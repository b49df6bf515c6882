"""Forward alerts to a webhook, PagerDuty Events v2 style, at least once.

Each alert becomes one POST. ``dedup_key`` is the alert id, so a receiver folds every
version of one event into one incident; ``event_action`` is ``trigger`` for a new alert
and ``update_action`` (default ``trigger``, which PagerDuty treats as a follow-up to the
open incident with that key) for an update. With a secret, the body is signed:
``X-Wirewatch-Signature: sha256=<hex HMAC-SHA256 of the body>``.

Delivery: 2xx is success; 429, 5xx and network errors are retried with exponential
backoff (honouring ``Retry-After`` as seconds or as an HTTP-date; tenacity does the
retrying), at most ``max_attempts`` times and ``give_up_after`` seconds of waiting per
alert; any other 4xx is permanent. An alert refused for good, or still failing when
its retries run out (:class:`GaveUp`, with the receiver's last answer), goes to the
dead-letter topic, so one receiver outage never blocks the alerts behind it for long,
and the consumer keeps polling. The consumer commits an alert's offset only after one
of those outcomes, so a crash re-sends rather than loses.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import orjson
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
)

from schemas.records import Alert

log = logging.getLogger(__name__)

#: PagerDuty severities for wirewatch's
SEVERITY = {"critical": "critical", "high": "error", "medium": "warning", "low": "info"}
SIGNATURE_HEADER = "X-Wirewatch-Signature"


class PermanentFailure(Exception):
    """The receiver refused the alert for good (a 4xx other than 429)."""


class GaveUp(PermanentFailure):
    """The receiver kept failing until the alert's retries ran out."""


class Retryable(Exception):
    """An attempt failed in a way worth repeating: 429, 5xx or a network error."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff between attempts, capped; a longer ``Retry-After`` wins (up to
    the cap). Used as a tenacity ``wait``."""

    first_delay: float = 0.5
    max_delay: float = 30.0
    factor: float = 2.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        backoff = min(self.max_delay, self.first_delay * self.factor ** (attempt - 1))
        return max(backoff, min(retry_after or 0.0, self.max_delay))

    def __call__(self, state: RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome else None
        retry_after = failure.retry_after if isinstance(failure, Retryable) else None
        return self.delay(state.attempt_number, retry_after)


def summary_line(alert: Alert) -> str:
    """One line a duty officer can read: toll, what, where, when."""
    inc = alert.incident
    toll = f"{inc.killed} killed" + (f", {inc.wounded} wounded" if inc.wounded else "")
    where = ", ".join(p for p in (inc.location.name, inc.location.country) if p)
    what = inc.sub_event_type or "incident"
    return f"{toll}: {what} in {where or 'unknown place'} on {inc.date or 'unknown date'}"


def event_body(alert: Alert, routing_key: str | None = None,
               update_action: str = "trigger") -> dict[str, Any]:
    """The PagerDuty-style body for one alert."""
    inc = alert.incident
    body: dict[str, Any] = {
        "dedup_key": alert.alert_id,
        "event_action": "trigger" if alert.status == "new" else update_action,
        "payload": {
            "summary": summary_line(alert)[:1024],
            "source": "wirewatch",
            "severity": SEVERITY.get(alert.severity, "warning"),
            "timestamp": alert.updated_at,
            "component": inc.location.name,
            "group": inc.location.country,
            "class": inc.sub_event_type,
            "custom_details": {"status": alert.status, "version": alert.version,
                               "alert": alert.to_dict()},
        },
    }
    if routing_key:
        body["routing_key"] = routing_key
    return body


def sign(body: bytes, secret: str) -> str:
    """The signature header value for ``body``."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


class Webhook:
    """POSTs alerts to one URL with retries; see the module docstring for the rules."""

    def __init__(self, url: str, secret: str | None = None, routing_key: str | None = None,
                 update_action: str = "trigger", policy: RetryPolicy | None = None,
                 timeout: float = 10.0,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 max_attempts: int = 8, give_up_after: float = 120.0) -> None:
        self.url = url
        self.secret = secret
        self.routing_key = routing_key
        self.update_action = update_action
        self.policy = policy or RetryPolicy()
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.give_up_after = give_up_after
        self._sleep = sleep
        self._session: Any = None

    async def __aenter__(self) -> Webhook:
        import aiohttp

        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.timeout))
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()

    async def deliver(self, alert: Alert) -> int:
        """Send until the receiver accepts; return the number of attempts.

        Raises :class:`PermanentFailure` on a 4xx other than 429, and :class:`GaveUp`
        when ``max_attempts`` attempts or ``give_up_after`` seconds of waiting pass
        without success. The retries are tenacity's, waiting as :class:`RetryPolicy` says.
        """
        body = orjson.dumps(event_body(alert, self.routing_key, self.update_action))
        headers = {"Content-Type": "application/json"}
        if self.secret:
            headers[SIGNATURE_HEADER] = sign(body, self.secret)

        def warn(state: RetryCallState) -> None:
            failure = state.outcome.exception() if state.outcome else None
            delay = state.next_action.sleep if state.next_action else 0.0
            log.warning("alert %s: attempt %d failed (%s); retrying in %.1fs",
                        alert.alert_id, state.attempt_number, failure, delay)

        def spent(state: RetryCallState) -> bool:
            return state.attempt_number >= self.max_attempts or \
                (state.idle_for or 0.0) >= self.give_up_after

        retrying = AsyncRetrying(retry=retry_if_exception_type(Retryable), wait=self.policy,
                                 stop=spent, sleep=self._sleep, before_sleep=warn,
                                 reraise=True)
        try:
            async for attempt in retrying:
                with attempt:
                    await self._post(body, headers)
        except Retryable as last:
            tries = retrying.statistics.get("attempt_number", self.max_attempts)
            raise GaveUp(f"{self.url}: gave up after {tries} attempts; last answer: "
                         f"{last}") from last
        attempts: int = retrying.statistics["attempt_number"]
        return attempts

    async def _post(self, body: bytes, headers: dict[str, str]) -> None:
        """One attempt: returns on 2xx, raises :class:`Retryable` or :class:`PermanentFailure`."""
        import aiohttp

        try:
            async with self._session.post(self.url, data=body, headers=headers) as resp:
                if 200 <= resp.status < 300:
                    return
                text = (await resp.text())[:200]
                if resp.status != 429 and 400 <= resp.status < 500:
                    raise PermanentFailure(f"{self.url} answered {resp.status}: {text}")
                raise Retryable(f"HTTP {resp.status}",
                                retry_after=_seconds(resp.headers.get("Retry-After")))
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise Retryable(f"{type(exc).__name__}: {exc}") from exc


def _seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` value in seconds: delay-seconds or an HTTP-date (RFC 9110)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
