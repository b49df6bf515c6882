"""Alerts over the broker: two wires' reports of one bombing make one alert, updated; a
watch rule added mid-stream takes effect; notify delivers every version at least once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
from aiohttp import web

from schemas.records import Alert
from streams.broker import free_port
from streams.topics import TopicNames
from tests.integration.conftest import Pipeline, running_pipeline
from wirewatch.inputs import Message
from wirewatch.runtime.notify import Webhook
from wirewatch.runtime.operations import alerts, notify, publish, wait_accounted, watch_set
from wirewatch.watch import parse_rules

pytestmark = pytest.mark.integration

FIRST = {
    "id": "gw-2026-1110-001", "source": "Gulf Wire", "published_at": "2026-11-10T09:00:00Z",
    "title": "Bus station blast kills nine in Gombe",
    "body": "A bomb exploded at a crowded bus station in Gombe on Monday, killing nine people "
            "and wounding 20, police said. Rescue workers searched the wreckage of two "
            "buses into the night.",
}
SECOND = {
    "id": "rw-2026-1111-077", "source": "River Wire", "published_at": "2026-11-11T07:30:00Z",
    "title": "Gombe bombing toll climbs to 14",
    "body": "The number of people killed in Monday's bombing at the Gombe bus station has "
            "risen to 14, a hospital director said on Tuesday, as five of the wounded died "
            "overnight. The state governor declared three days of mourning.",
}
KENYA = {
    "id": "kw-2026-1112-{n}", "source": "Kestrel Wire", "published_at": "2026-11-12T10:00:00Z",
    "body": "{what} near Mandera in Kenya on Wednesday, killing {k} police officers, "
            "a regional commander said.",
}


def kenya(n: int, what: str, k: str) -> dict[str, str]:
    return {**KENYA, "id": KENYA["id"].format(n=n), "body": KENYA["body"].format(what=what, k=k)}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    with running_pipeline(Path(tmp_path_factory.mktemp("alerts")),
                          web_port=free_port("127.0.0.1")) as running:
        yield running


def send(pipeline: Pipeline, *articles: dict[str, str]) -> None:
    items = [Message(a["id"], orjson.dumps(a)) for a in articles]
    asyncio.run(publish(pipeline.settings, TopicNames().raw, items))


def accounted(pipeline: Pipeline, raw: int) -> None:
    asyncio.run(wait_accounted(pipeline.settings, raw, timeout=120, worker=pipeline.worker))


def all_alerts(pipeline: Pipeline) -> list[Alert]:
    async def read() -> list[Alert]:
        return [a async for a in alerts(pipeline.settings)]
    return asyncio.run(read())


async def wait_until_worker_watches(pipeline: Pipeline, country: str) -> None:
    url = f"http://127.0.0.1:{pipeline.settings.web_port}/watchlist/"
    async with aiohttp.ClientSession() as session:
        for _ in range(300):
            pipeline.worker.check()
            try:
                async with session.get(url) as resp:
                    if resp.status == 200 and country in await resp.json():
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"the worker never applied the rule for {country}")


def test_two_reports_of_one_bombing_make_one_alert_updated(pipeline: Pipeline) -> None:
    asyncio.run(watch_set(pipeline.settings, parse_rules("NG")))
    asyncio.run(wait_until_worker_watches(pipeline, "NG"))
    send(pipeline, FIRST)
    accounted(pipeline, 1)
    send(pipeline, SECOND)
    accounted(pipeline, 2)
    received = all_alerts(pipeline)
    assert len({a.alert_id for a in received}) == 1
    assert [(a.version, a.status, a.incident.killed) for a in received] == [
        (1, "new", 9), (2, "updated", 14)]
    last = received[-1]
    assert [s.article_id for s in last.sources] == [FIRST["id"], SECOND["id"]]
    assert last.incident.wounded == 20
    # the same report again (a replay) changes nothing and publishes nothing
    send(pipeline, SECOND)
    accounted(pipeline, 3)
    assert len(all_alerts(pipeline)) == 2


def test_a_watch_rule_added_mid_stream_takes_effect(pipeline: Pipeline) -> None:
    send(pipeline, kenya(1, "Gunmen ambushed a patrol", "two"))
    accounted(pipeline, 4)
    assert not [a for a in all_alerts(pipeline) if a.incident.location.country == "KE"]
    asyncio.run(watch_set(pipeline.settings, parse_rules("KE")))
    asyncio.run(wait_until_worker_watches(pipeline, "KE"))
    send(pipeline, kenya(2, "A roadside bomb hit a police truck", "three"))
    accounted(pipeline, 5)
    kenyan = [a for a in all_alerts(pipeline) if a.incident.location.country == "KE"]
    assert [(a.incident.killed, a.sources[0].article_id) for a in kenyan] == [
        (3, "kw-2026-1112-2")]


def test_notify_delivers_every_version_at_least_once(pipeline: Pipeline) -> None:
    statuses = [503, 503]  # the receiver fails twice before accepting
    received: list[dict[str, Any]] = []

    async def handle(request: web.Request) -> web.Response:
        if statuses:
            return web.Response(status=statuses.pop(0))
        received.append(await request.json())
        return web.Response(status=202)

    async def go() -> int:
        app = web.Application()
        app.router.add_post("/hook", handle)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port("127.0.0.1")
        await web.TCPSite(runner, "127.0.0.1", port).start()
        expected = len(all_alerts_async := [a async for a in alerts(pipeline.settings)])
        stop = asyncio.Event()

        def delivered(alert: Alert, attempts: int) -> None:
            if len(received) >= expected:
                stop.set()

        async def no_sleep(_: float) -> None:
            return None

        try:
            async with Webhook(f"http://127.0.0.1:{port}/hook", sleep=no_sleep) as hook:
                counts = await asyncio.wait_for(
                    notify(pipeline.settings, hook, stop, on_delivered=delivered), 120)
            # a second run of the same group finds nothing left to deliver
            stop2 = asyncio.Event()
            async with Webhook(f"http://127.0.0.1:{port}/hook", sleep=no_sleep) as hook:
                task = asyncio.create_task(notify(pipeline.settings, hook, stop2))
                await asyncio.sleep(0)  # let it start
                stop2.set()
                again = await asyncio.wait_for(task, 120)
        finally:
            await runner.cleanup()
        assert again.delivered == 0
        assert counts.delivered == expected and counts.attempts == expected + 2
        return len(all_alerts_async)

    expected = asyncio.run(go())
    keys = [(r["dedup_key"], r["payload"]["custom_details"]["version"]) for r in received]
    assert len(keys) == expected == len(set(keys))
    assert {r["event_action"] for r in received} == {"trigger"}
