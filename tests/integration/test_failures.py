"""An operator's bad day: two workers in one group, a worker killed with SIGKILL at a
stage (before a message, or after its outputs were sent and before its offset could
commit), and a worker joining mid-stream and then leaving, stopped or killed.

Each run starts its own embedded broker, publishes the bundled samples and compares
what reaches ``wire.alerts`` with the alerts of the undisturbed run
(``tests/integration/test_pipeline.py``): the same alert ids and versions, each once,
and every raw message accounted for exactly once per distinct message.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from streams import codecs
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker, free_port
from streams.client import read_topic
from streams.settings import Settings
from streams.topics import TopicNames
from tests.integration.test_pipeline import EXPECTED, WATCH, ordered_samples
from wirewatch.runtime.operations import (
    demo_settings,
    publish,
    wait_accounted,
    wait_ready,
    watch_set,
)
from wirewatch.runtime.worker import WorkerProcess
from wirewatch.watch import parse_rules

pytestmark = pytest.mark.integration

#: (alert id, version) of the undisturbed run: the Maiduguri alert is updated once
REFERENCE = {(alert_id, 1) for alert_id in EXPECTED} | {("al-ae40633a599c0d02c299374b", 2)}


async def alert_versions(settings: Settings) -> list[tuple[str, int]]:
    out = []
    async for record in read_topic(settings, TopicNames().alerts):
        alert = codecs.decode(record.value)
        out.append((alert["alert_id"], alert["version"]))
    return out


async def wait_for_alerts(settings: Settings, worker: WorkerProcess,
                          timeout: float = 180.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not set(await alert_versions(settings)) >= REFERENCE:
        worker.check()
        if loop.time() > deadline:
            missing = REFERENCE - set(await alert_versions(settings))
            raise AssertionError(f"alerts missing after the restart: {sorted(missing)}")
        await asyncio.sleep(0.5)


def test_two_workers_in_one_group_alert_like_one(tmp_path: Path) -> None:
    with EmbeddedBroker(tmp_path / "broker.log") as broker:
        settings = demo_settings(broker.url, str(tmp_path))
        asyncio.run(ensure_topics(settings))
        asyncio.run(watch_set(settings, parse_rules(WATCH)))
        items = ordered_samples()
        with WorkerProcess(settings, index=0) as first, WorkerProcess(settings, index=1) \
                as second:
            asyncio.run(publish(settings, TopicNames().raw, items))
            result = asyncio.run(wait_accounted(settings, len(items), timeout=300,
                                                worker=first))
            second.check()
            versions = asyncio.run(alert_versions(settings))
    assert result.balanced and result.raw == len(items)
    assert set(versions) == REFERENCE
    assert len(versions) == len(set(versions))  # nothing twice


# before a message is handled, and "after-send": once a batch's outputs are delivered and
# before its offsets can commit (the restarted worker redoes what was already sent)
@pytest.mark.parametrize("stage, at", [("clean", "6"), ("extract", "5"), ("track", "3"),
                                       ("extract", "5:after-send"), ("track", "3:after-send")])
def test_a_worker_killed_mid_stage_loses_and_doubles_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, at: str) -> None:
    with EmbeddedBroker(tmp_path / "broker.log") as broker:
        settings = demo_settings(broker.url, str(tmp_path))
        asyncio.run(ensure_topics(settings))
        asyncio.run(watch_set(settings, parse_rules(WATCH)))
        items = ordered_samples()
        monkeypatch.setenv("WIREWATCH_FAULT_KILL_AT", f"{stage}:{at}")
        doomed = WorkerProcess(settings, log_path=tmp_path / "doomed.log").start()
        monkeypatch.delenv("WIREWATCH_FAULT_KILL_AT")
        try:
            asyncio.run(publish(settings, TopicNames().raw, items))
            assert doomed.proc is not None
            code = doomed.proc.wait(timeout=240)
            assert code == -signal.SIGKILL, (tmp_path / "doomed.log").read_text()[-2000:]
        finally:
            with contextlib.suppress(Exception):
                doomed.stop()
        restarted = settings.replace(web_port=free_port())
        with WorkerProcess(restarted, log_path=tmp_path / "restarted.log") as worker:
            # the stages before the kill may have finished already: wait for the new
            # worker to be ready, then for the alerts, then for every topic to settle
            asyncio.run(wait_ready([worker], lambda: False, timeout=240))
            asyncio.run(wait_for_alerts(restarted, worker))
            result = asyncio.run(wait_accounted(restarted, len(items), timeout=300,
                                                worker=worker, quiet=3.0))
            versions = asyncio.run(alert_versions(restarted))
    assert result.balanced and result.raw == len(items)
    assert (result.clean, result.duplicate, result.deadletter) == (14, 1, 3)
    assert set(versions) == REFERENCE
    assert len(versions) == len(set(versions)), sorted(versions)



async def wait_until(what: str, condition: Callable[[], bool], worker: WorkerProcess,
                     timeout: float = 180.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        worker.check()
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.2)


@pytest.mark.parametrize("leaves", ["stopped", "killed"])
def test_a_worker_joining_then_leaving_mid_stream_alerts_like_one(
        tmp_path: Path, leaves: str) -> None:
    """Partitions move twice while the samples flow: a second worker joins after the
    first half is published, takes its share of the second half, and leaves — stopped,
    or killed with SIGKILL once it has handled messages of its own. The alerts are
    exactly one worker's, each version once, and every raw message is accounted for."""
    with EmbeddedBroker(tmp_path / "broker.log") as broker:
        settings = demo_settings(broker.url, str(tmp_path))
        asyncio.run(ensure_topics(settings))
        asyncio.run(watch_set(settings, parse_rules(WATCH)))
        items = ordered_samples()
        half = len(items) // 2
        with WorkerProcess(settings, index=0) as first:
            asyncio.run(publish(settings, TopicNames().raw, items[:half]))
            joining = WorkerProcess(settings.replace(web_port=free_port()), index=0,
                                    log_path=tmp_path / "joining.log").start()
            try:
                asyncio.run(wait_ready([joining], lambda: False, timeout=240))
                asyncio.run(publish(settings, TopicNames().raw, items[half:]))
                asyncio.run(wait_until("the joining worker to handle messages",
                                       lambda: joining.messages_handled() > 0, joining))
                if leaves == "killed":
                    assert joining.proc is not None
                    joining.proc.send_signal(signal.SIGKILL)
                    joining.proc.wait(timeout=30)
            finally:
                joining.stop()  # leaves the group (at once, if it was killed)
            result = asyncio.run(wait_accounted(settings, len(items), timeout=300,
                                                worker=first, quiet=3.0))
            asyncio.run(wait_for_alerts(settings, first))
            versions = asyncio.run(alert_versions(settings))
    assert result.balanced and result.raw == len(items)
    assert (result.clean, result.duplicate, result.deadletter) == (14, 1, 3)
    assert set(versions) == REFERENCE
    assert len(versions) == len(set(versions)), sorted(versions)
