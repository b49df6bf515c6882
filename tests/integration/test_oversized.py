"""Messages too big for the broker or the body limit: never a crash, never lost.

A 6 MB raw message (under the embedded broker's own limit, over wirewatch's body
limit and over what one dead letter may carry) is dead-lettered as a reference; a
``publish`` of a file with an oversized line in the middle refuses that line, names it,
and still sends the lines after it.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from streams.client import read_topic
from streams.topics import TopicNames
from tests.integration.conftest import Pipeline, running_pipeline
from wirewatch.runtime.operations import dead_letters, summary, wait_accounted

pytestmark = pytest.mark.integration

DATED = {"source": "Test Wire", "published_at": "2026-11-20T10:00:00Z"}
STORY = "Gunmen shot dead three farmers near Jos in Nigeria on Thursday, police said."


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    with running_pipeline(Path(tmp_path_factory.mktemp("oversized"))) as running:
        yield running


def test_a_six_megabyte_message_is_dead_lettered_as_a_reference(pipeline: Pipeline) -> None:
    huge = orjson.dumps({"id": "huge-1", **DATED, "body": "x" * (6 * 1024 * 1024)})
    after = orjson.dumps({"id": "after-huge", **DATED, "body": STORY})

    async def go() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=pipeline.settings.bootstrap_servers,
                                    max_request_size=8 * 1024 * 1024, acks="all")
        await producer.start()
        try:
            for key, value in ((b"huge-1", huge), (b"after-huge", after)):
                await producer.send_and_wait(TopicNames().raw, key=key, value=value)
        finally:
            await producer.stop()
        await wait_accounted(pipeline.settings, 2, timeout=120, worker=pipeline.worker)

    asyncio.run(go())
    (letter,) = [d for d in asyncio.run(dead_letters(pipeline.settings)) if d.key == "huge-1"]
    assert letter.headers["error.class"] == "MessageTooLarge"
    assert letter.headers["deadletter.truncated"] == "true"
    assert int(letter.headers["original.size"]) == len(huge)
    assert letter.value == huge[:len(letter.value)] and len(letter.value) < 100_000
    assert letter.headers["original.topic"] == TopicNames().raw
    result = asyncio.run(summary(pipeline.settings))
    assert result.balanced and result.clean >= 1  # the story after it went through
    pipeline.worker.check()


def test_publish_refuses_an_oversized_line_and_sends_the_rest(
        pipeline: Pipeline, tmp_path: Path) -> None:
    lines = [orjson.dumps({"id": f"line-{n}", **DATED, "body": STORY + f" Report {n}."})
             for n in (1, 3)]
    big = orjson.dumps({"id": "line-2", **DATED, "body": "y" * (1536 * 1024)})
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([lines[0], big, lines[1]]) + b"\n")
    done = subprocess.run(
        [sys.executable, "-c", "from wirewatch.runtime.cli import main; main()", "publish",
         str(path), "--broker", pipeline.settings.broker or ""],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert f"refused {path}:2" in done.stderr and "message size limit" in done.stderr
    assert "published 2 message(s)" in done.stdout and "1 refused" in done.stdout

    async def keys() -> set[str | None]:
        return {r.key.decode() if r.key else None
                async for r in read_topic(pipeline.settings, TopicNames().raw)}

    assert {"line-1", "line-3"} <= asyncio.run(keys())
    assert "line-2" not in asyncio.run(keys())


def test_demo_refuses_an_oversized_line_like_publish_and_still_prints_its_summary(
        tmp_path: Path) -> None:
    bodies = [STORY, "A roadside bomb wounded six soldiers near Gao in Mali on Friday, the "
                     "army said in a statement."]  # two stories, not two copies of one
    stories = [orjson.dumps({"id": f"demo-{n}", **DATED, "body": body})
               for n, body in zip((1, 3), bodies, strict=True)]
    huge = orjson.dumps({"id": "demo-2", **DATED, "body": "z" * (6 * 1024 * 1024)})
    path = tmp_path / "with-a-huge-line.jsonl"
    path.write_bytes(b"\n".join([stories[0], huge, stories[1]]) + b"\n")
    done = subprocess.run(
        [sys.executable, "-c", "from wirewatch.runtime.cli import main; main()", "demo",
         "--articles", str(path), "--watch", "NG", "--json", "--timeout", "240"],
        capture_output=True, text=True, timeout=400)
    assert f"refused {path}:2" in done.stderr and "message size limit" in done.stderr
    summary_line = orjson.loads(done.stdout.strip().splitlines()[-1])["summary"]
    assert summary_line["raw"] == 2 and summary_line["clean"] == 2
    assert done.returncode == 1  # as publish: a line given was not sent
