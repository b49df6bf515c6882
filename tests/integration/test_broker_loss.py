"""The broker goes away under a running worker: it says so once, reports not ready, and
after ``WIREWATCH_BROKER_LOSS_TIMEOUT`` exits non-zero for its supervisor to restart it."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from streams.broker import EmbeddedBroker, free_port
from streams.health import EXIT_BROKER_LOST
from wirewatch.operations import demo_settings
from wirewatch.worker import WorkerProcess

pytestmark = pytest.mark.integration


def ready_status(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"{url}/ready", timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except OSError:
        return 0, {}


def until(what: str, probe: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if probe():  # type: ignore[operator]
            return
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def test_a_lost_broker_makes_the_worker_unready_then_exit(tmp_path: Path) -> None:
    broker = EmbeddedBroker(tmp_path / "broker.log").start()
    settings = replace(demo_settings(broker.url, str(tmp_path)), web_port=free_port(),
                       broker_loss_timeout=8.0)
    import asyncio

    from streams.admin import ensure_topics

    asyncio.run(ensure_topics(settings))
    worker = WorkerProcess(settings, log_path=tmp_path / "worker.log").start()
    assert worker.web_url is not None
    try:
        until("the worker to be ready", lambda: ready_status(worker.web_url or "")[0] == 200,
              240)
        broker.stop()
        lost_at = time.monotonic()
        until("/ready to say the broker is gone", lambda: "broker: not reachable" in
              ready_status(worker.web_url or "")[1].get("missing", []), 60)  # type: ignore[operator]
        assert worker.proc is not None
        code = worker.proc.wait(timeout=120)
        assert code == EXIT_BROKER_LOST
        assert time.monotonic() - lost_at < 90  # bounded, not forever
        log = (tmp_path / "worker.log").read_text()
        assert log.count("NOT reachable") == 1  # said once, not at every retry
        assert "exiting with status 75" in log
        error_lines = [line for line in log.splitlines() if "[ERROR]" in line]
        assert len(error_lines) < 20, error_lines[-5:]
    finally:
        worker.stop()
        broker.stop()
