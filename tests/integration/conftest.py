"""A real pipeline for integration tests: embedded broker, topics, one worker process."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.settings import Settings
from wirewatch.operations import demo_settings
from wirewatch.worker import WorkerProcess


@dataclass
class Pipeline:
    settings: Settings
    worker: WorkerProcess


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    """Broker + topic catalogue + one worker, shared by a module's tests."""
    workdir = Path(tmp_path_factory.mktemp("pipeline"))
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = demo_settings(broker.url, str(workdir))
        asyncio.run(ensure_topics(settings))
        with WorkerProcess(settings) as worker:
            yield Pipeline(settings, worker)
