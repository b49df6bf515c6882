"""How long ``wirewatch status`` takes when the topics hold many records.

    .venv/bin/python scripts/status_at_scale.py 100000 400000

For each N: an embedded broker, N small raw articles on ``wire.articles.raw`` (no worker
runs, so every one is lag), then ``status`` twice: as the command runs it by default
(outcome counts only while the topics hold at most ``STATUS_EXACT_LIMIT`` records; past
that, offsets and the ends of the topics) and with ``--exact-limit 0`` (every record
read). Prints the seconds each took and what each reported.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from streams import codecs
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.settings import Settings
from streams.topics import TopicNames
from wirewatch.inputs import Message
from wirewatch.runtime.operations import STATUS_EXACT_LIMIT, publish, status


async def fill(settings: Settings, n: int) -> None:
    """``n`` small raw articles."""
    await publish(settings, TopicNames(settings.topic_prefix).raw, (
        Message(f"a-{i}", codecs.encode(
            {"id": f"a-{i}", "source": "scale", "published_at": "2026-01-01T00:00:00Z",
             "body": f"Story number {i}.", "content_type": "text/plain"}))
        for i in range(n)))


async def measure(n: int) -> None:
    with EmbeddedBroker(Path(tempfile.mkdtemp()) / "broker.log") as broker:
        settings = Settings.from_env({}, broker=broker.url, partitions=4)
        await ensure_topics(settings)
        await fill(settings, n)
        for label, limit in (("default", STATUS_EXACT_LIMIT), ("exact", 0)):
            started = time.perf_counter()
            state = await status(settings, exact_limit=limit)
            took = time.perf_counter() - started
            counted = "counted" if state.summary is not None else "not counted"
            print(f"N={n:,} {label:8s} {took:7.2f} s  raw held "
                  f"{state.messages[TopicNames().raw]:,}  lag {sum(p.lag for p in state.lag):,}"
                  f"  outcomes {counted}", flush=True)


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["100000"]:
        asyncio.run(measure(int(arg)))
