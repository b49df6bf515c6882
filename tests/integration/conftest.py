"""A real pipeline for integration tests: embedded broker, topics, one worker process."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.settings import Settings
from wirewatch.runtime.operations import demo_settings
from wirewatch.runtime.worker import WorkerProcess

T = TypeVar("T")


@dataclass
class Pipeline:
    settings: Settings
    worker: WorkerProcess


@contextmanager
def running_pipeline(workdir: Path, **overrides: Any) -> Iterator[Pipeline]:
    """Broker + topic catalogue + one worker with demo settings (and ``overrides``)."""
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = demo_settings(broker.url, str(workdir)).replace(**overrides)
        asyncio.run(ensure_topics(settings))
        with WorkerProcess(settings) as worker:
            yield Pipeline(settings, worker)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    """Broker + topic catalogue + one worker, shared by a module's tests."""
    with running_pipeline(Path(tmp_path_factory.mktemp("pipeline"))) as running:
        yield running


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = 90.0,
             every: float = 0.25) -> T:
    """Poll ``probe`` until it returns something truthy; fail with ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(every)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")
