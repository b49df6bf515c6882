"""Hundreds of mixed messages over the broker: every one ends clean, duplicate or dead,
the counts add up exactly, and replayed dead letters are accounted for again."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from streams.topics import TopicNames
from tests.integration.conftest import Pipeline, running_pipeline
from wirewatch import BENCH_ARTICLES
from wirewatch.inputs import Message
from wirewatch.runtime.operations import (
    Summary,
    dead_letters,
    publish,
    replay_dead_letters,
    select_dead_letters,
    summary,
    wait_accounted,
)

pytestmark = pytest.mark.integration

KINDS = 10  # broken lines of each kind
LIMIT = 100_000  # WIREWATCH_MAX_BODY_BYTES for this module
DATED = {"source": "s", "published_at": "2026-11-20T10:00:00Z"}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    """A pipeline with a small message size limit, so an oversized message is cheap."""
    with running_pipeline(Path(tmp_path_factory.mktemp("accounting")),
                          max_body_bytes=LIMIT) as running:
        yield running

BROKEN: dict[str, bytes] = {
    "NotJSON": b"{this is not json",
    "NotAnObject": b'["a", "list"]',
    "InvalidField": orjson.dumps({"id": "x", **DATED, "body": 12}),
    "EmptyArticle": orjson.dumps({"id": "e", **DATED, "body": "   "}),
    "InvalidEncoding": b'{"id": "u", "source": "s", "body": "caf\xe9"}',
}
# kinds whose bytes must differ per message (a field, not the whole line, is wrong)
VARIANTS = {
    "InvalidField:missing-body": lambda n: orjson.dumps({"id": f"mb-{n}", **DATED}),
    "InvalidField:content-type": lambda n: orjson.dumps(
        {"id": f"ct-{n}", **DATED, "body": "text", "content_type": "image/png"}),
    "EmptyArticle:boilerplate": lambda n: orjson.dumps(
        {"id": f"bp-{n}", **DATED, "body": "Copyright 2026 Wire. All rights reserved."}),
}


def mixed() -> tuple[list[Message], int, int]:
    """The messages, how many are near-duplicates, how many are broken."""
    items: list[Message] = []
    originals = [orjson.loads(line) for line in BENCH_ARTICLES.read_bytes().splitlines()]
    for article in originals:
        items.append(Message(article["id"], orjson.dumps(article)))
    copies = 0
    for article in originals[:40:2]:
        copy = {**article, "id": "copy-" + article["id"], "source": "Second Wire",
                "body": "By a correspondent.\n\n" + article["body"] + "\n\nMore to follow."}
        items.append(Message(copy["id"], orjson.dumps(copy)))
        copies += 1
    broken = 0
    for n in range(KINDS):
        for kind, payload in BROKEN.items():
            items.insert(7 * n + len(kind), Message(f"{kind}-{n}", payload))
            broken += 1
        for kind, make in VARIANTS.items():
            items.insert(5 * n + len(kind), Message(f"{kind}-{n}", make(n)))
            broken += 1
    huge = orjson.dumps({"id": "huge", **DATED, "body": "word " * (LIMIT // 4)})
    items.append(Message("huge", huge))
    return items, copies, broken + 1


@pytest.fixture(scope="module")
def published(pipeline: Pipeline) -> tuple[Summary, int, int, int]:
    items, copies, broken = mixed()
    topic = TopicNames(pipeline.settings.topic_prefix).raw

    async def go() -> Summary:
        await publish(pipeline.settings, topic, items)
        return await wait_accounted(pipeline.settings, len(items), timeout=300,
                                    worker=pipeline.worker)

    return asyncio.run(go()), len(items), copies, broken


def test_counts_add_up_exactly(published: tuple[Summary, int, int, int]) -> None:
    result, total, copies, broken = published
    assert total > 200
    assert result.raw == total
    assert result.duplicate == copies
    assert result.deadletter == broken
    assert result.clean == total - copies - broken
    assert result.clean + result.duplicate + result.deadletter == result.raw


def test_every_kind_of_breakage_is_named(published: tuple[Summary, int, int, int]) -> None:
    result = published[0]
    assert result.deadletter_reasons == {
        "NotJSON": KINDS, "NotAnObject": KINDS, "InvalidField": 3 * KINDS,
        "EmptyArticle": 2 * KINDS, "InvalidEncoding": KINDS, "MessageTooLarge": 1,
    }


def test_replayed_dead_letters_are_accounted_again(
        pipeline: Pipeline, published: tuple[Summary, int, int, int]) -> None:
    before = published[0]

    async def go() -> Summary:
        letters = await dead_letters(pipeline.settings)
        chosen = select_dead_letters(letters, reason="NotJSON")
        assert len(chosen) == KINDS
        assert await replay_dead_letters(pipeline.settings, chosen) == KINDS
        return await wait_accounted(pipeline.settings, before.raw + KINDS, timeout=120,
                                    worker=pipeline.worker)

    after = asyncio.run(go())
    assert after.raw == before.raw + KINDS
    assert after.deadletter == before.deadletter + KINDS
    assert (after.clean, after.duplicate) == (before.clean, before.duplicate)
    assert asyncio.run(summary(pipeline.settings)).balanced
