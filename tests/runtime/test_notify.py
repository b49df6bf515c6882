"""wirewatch.runtime.notify: the webhook body, its signature, and the retry rules, against a
real local HTTP server."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from aiohttp import web

from schemas.records import Alert, Incident, Location, SourceRef, WatchedRole
from wirewatch.runtime.notify import (
    SIGNATURE_HEADER,
    GaveUp,
    PermanentFailure,
    RetryPolicy,
    Webhook,
    event_body,
    sign,
)


def alert(status: str = "new", version: int = 1) -> Alert:
    incident = Incident(incident_id="i", killed=12, wounded=30,
                        location=Location("Maiduguri", "NG", 11.8, 13.1), date="2026-11-17",
                        event_type="Explosions/Remote violence",
                        sub_event_type="Remote explosive/landmine/IED")
    return Alert("al-1", version, status, "high", [WatchedRole("NG", ["location"])], incident,  # type: ignore[arg-type]
                 [SourceRef("a1", "Wire", "2026-11-18T08:00:00Z")], "2026-11-18T08:01:00Z",
                 "2026-11-18T08:01:00Z")


def test_body_is_pagerduty_shaped() -> None:
    body = event_body(alert(), routing_key="R")
    assert body["dedup_key"] == "al-1" and body["event_action"] == "trigger"
    assert body["routing_key"] == "R"
    assert body["payload"]["severity"] == "error"
    assert body["payload"]["summary"].startswith("12 killed, 30 wounded")
    assert body["payload"]["custom_details"]["alert"]["alert_id"] == "al-1"
    update = event_body(alert("updated", 2), update_action="acknowledge")
    assert update["event_action"] == "acknowledge"
    assert update["payload"]["custom_details"]["version"] == 2


def test_signature_is_hmac_sha256_of_the_body() -> None:
    expected = hmac.new(b"s3cret", b"{}", hashlib.sha256).hexdigest()
    assert sign(b"{}", "s3cret") == f"sha256={expected}"


def test_backoff_grows_and_is_capped_and_honours_retry_after() -> None:
    policy = RetryPolicy(first_delay=1, max_delay=8)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5)] == [1, 2, 4, 8, 8]
    assert policy.delay(1, retry_after=5) == 5


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    from wirewatch.runtime.notify import _seconds

    now = datetime(2026, 11, 27, 8, 0, 0, tzinfo=UTC)
    assert _seconds("120", now) == 120.0
    assert _seconds("Fri, 27 Nov 2026 08:00:30 GMT", now) == 30.0
    assert _seconds("Fri, 27 Nov 2026 07:59:00 GMT", now) == 0.0  # already past
    assert _seconds("soon", now) is None and _seconds(None, now) is None


class Receiver:
    """A webhook receiver that answers with a scripted list of statuses (each optionally
    with a ``Retry-After`` value), then 202."""

    def __init__(self, statuses: list[int | tuple[int, str]]) -> None:
        self.statuses = statuses
        self.requests: list[tuple[bytes, dict[str, str]]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append((await request.read(), dict(request.headers)))
        answer = self.statuses.pop(0) if self.statuses else 202
        status, retry_after = answer if isinstance(answer, tuple) else (answer, None)
        headers = {"Retry-After": retry_after} if retry_after else {}
        return web.Response(status=status, text="ok", headers=headers)


@pytest.fixture
async def serve() -> AsyncIterator[Any]:
    runners: list[web.AppRunner] = []

    async def start(receiver: Receiver) -> str:
        app = web.Application()
        app.router.add_post("/hook", receiver.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{port}/hook"

    yield start
    for runner in runners:
        await runner.cleanup()


async def no_sleep(_: float) -> None:
    return None


async def test_retries_until_accepted_and_signs(serve: Any) -> None:
    receiver = Receiver([503, 500, 429])
    url = await serve(receiver)
    async with Webhook(url, secret="k", sleep=no_sleep) as hook:
        attempts = await hook.deliver(alert())
    assert attempts == 4 and len(receiver.requests) == 4
    body, headers = receiver.requests[-1]
    assert headers[SIGNATURE_HEADER] == sign(body, "k")
    assert orjson.loads(body)["dedup_key"] == "al-1"


async def test_other_client_errors_are_permanent(serve: Any) -> None:
    receiver = Receiver([400])
    url = await serve(receiver)
    async with Webhook(url, sleep=no_sleep) as hook:
        with pytest.raises(PermanentFailure, match="400"):
            await hook.deliver(alert())
    assert len(receiver.requests) == 1


async def test_network_errors_are_retried(serve: Any) -> None:
    receiver = Receiver([])
    url = await serve(receiver)
    delays: list[float] = []

    async def record(delay: float) -> None:
        delays.append(delay)
        hook.url = url  # the receiver comes back

    async with Webhook("http://127.0.0.1:9/hook", sleep=record, timeout=2) as hook:
        assert await hook.deliver(alert()) == 2
    assert delays == [0.5]


async def test_the_receivers_retry_after_sets_the_wait_in_both_forms(serve: Any) -> None:
    from email.utils import format_datetime

    later = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    receiver = Receiver([(429, "7"), (503, later), 500])
    url = await serve(receiver)
    delays: list[float] = []

    async def record(delay: float) -> None:
        delays.append(delay)

    async with Webhook(url, sleep=record) as hook:
        assert await hook.deliver(alert()) == 4
    assert delays[0] == 7.0
    assert 15.0 < delays[1] <= 20.0  # an HTTP-date, some of it already gone
    assert delays[2] == 2.0  # plain backoff again: 0.5, 1, 2


async def test_retries_are_bounded_and_then_the_alert_is_given_up(serve: Any) -> None:
    receiver = Receiver([503] * 20)
    url = await serve(receiver)
    async with Webhook(url, sleep=no_sleep, max_attempts=4) as hook:
        with pytest.raises(GaveUp, match="gave up after 4 attempts; last answer: HTTP 503"):
            await hook.deliver(alert())
    assert len(receiver.requests) == 4


async def test_the_retry_budget_in_seconds_bounds_one_alert(serve: Any) -> None:
    receiver = Receiver([503] * 20)
    url = await serve(receiver)
    waited: list[float] = []

    async def record(delay: float) -> None:
        waited.append(delay)

    async with Webhook(url, sleep=record, max_attempts=100, give_up_after=3.0) as hook:
        with pytest.raises(GaveUp):
            await hook.deliver(alert())
    assert waited == [0.5, 1.0, 2.0]  # 3.5 s of waits: the budget is spent
    assert issubclass(GaveUp, PermanentFailure)  # so notify dead-letters it and goes on
