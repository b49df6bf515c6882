"""The broker goes away under a running worker: it says so once, reports not ready, and
after ``WIREWATCH_BROKER_LOSS_TIMEOUT`` exits non-zero for its supervisor to restart it."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker, free_port
from streams.health import EXIT_BROKER_LOST
from tests.integration.conftest import wait_for
from wirewatch.runtime.operations import demo_settings
from wirewatch.runtime.worker import WorkerProcess

pytestmark = pytest.mark.integration


def missing(body: dict[str, object]) -> list[str]:
    value = body.get("missing")
    return [str(m) for m in value] if isinstance(value, list) else []


def ready_status(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"{url}/ready", timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
    except OSError:
        return 0, {}


def test_a_lost_broker_makes_the_worker_unready_then_exit(tmp_path: Path) -> None:
    broker = EmbeddedBroker(tmp_path / "broker.log").start()
    settings = demo_settings(broker.url, str(tmp_path)).replace(web_port=free_port(),
                       broker_loss_timeout=8.0)
    asyncio.run(ensure_topics(settings))
    worker = WorkerProcess(settings, log_path=tmp_path / "worker.log").start()
    assert worker.web_url is not None
    try:
        url = worker.web_url
        wait_for("the worker to be ready", lambda: ready_status(url)[0] == 200, 240)
        broker.stop()
        wait_for("/ready to say the broker is gone",
                 lambda: "broker: not reachable" in missing(ready_status(url)[1]), 60)
        assert worker.proc is not None
        # bounded, not forever: it exits by itself (wait raises if it never does)
        assert worker.proc.wait(timeout=120) == EXIT_BROKER_LOST
        log = (tmp_path / "worker.log").read_text()
        assert log.count("NOT reachable") == 1  # said once, not at every retry
        assert "exiting with status 75" in log
        error_lines = [line for line in log.splitlines() if "[ERROR]" in line]
        assert len(error_lines) < 20, error_lines[-5:]
    finally:
        worker.stop()
        broker.stop()
