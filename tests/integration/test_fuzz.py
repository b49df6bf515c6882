"""Ten thousand generated messages, most of them broken in some way: the worker stays up
and every one is accounted for exactly (clean + duplicate + dead-lettered = raw)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from streams.topics import TopicNames
from tests.integration.conftest import Pipeline, running_pipeline
from wirewatch.inputs import Message
from wirewatch.runtime.operations import publish, wait_accounted

pytestmark = pytest.mark.integration

COUNT = 10_000
SEED = 20261127
WORDS = ("the", "market", "village", "convoy", "police", "said", "on", "Thursday",
         "officials", "near", "district", "road", "council", "water", "prices", "school",
         "rain", "harvest", "talks")


def article(rng: random.Random, n: int, **changes: object) -> bytes:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))).capitalize() + "."
    value = {"id": f"fz-{n}", "source": "Fuzz Wire",
             "published_at": "2026-11-20T10:00:00Z", "body": body, **changes}
    return orjson.dumps(value)


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


KINDS: list[Callable[[random.Random, int], bytes]] = [
    lambda r, n: article(r, n),                                          # valid, dull
    lambda r, n: article(r, n, body=f"Gunmen killed {r.randint(1, 40)} villagers near "
                                     f"Maiduguri in Nigeria on Wednesday, police said {n}."),
    lambda r, n: r.randbytes(r.randint(1, 300)),                         # noise
    lambda r, n: b'{"id": "x", "body": "caf\xe9 \xff"}',                  # invalid UTF-8
    lambda r, n: article(r, n, body="a\u0000b killed"),                  # NUL inside
    lambda r, n: orjson.dumps(r.choice([1, "text", None, [1, 2], True])),  # not an object
    lambda r, n: deep(r.choice([50, 2000, 10_000])),                     # deep nesting
    lambda r, n: b'{"id": "big", "body": "b", "n": ' + b"9" * 5000 + b"}",  # huge int
    lambda r, n: article(r, n, body=r.randint(0, 10)),                   # wrong type
    lambda r, n: article(r, n, id=None),                                 # missing id
    lambda r, n: article(r, n, published_at=r.choice(["yesterday", "", "9999-99-99"])),
    lambda r, n: article(r, n, content_type="text/html",
                         body="<html><body><p>Shelling <b>killed</b> two people in "
                              "Kharkiv.</p><script>x()</script></body></html>"),
    lambda r, n: article(r, n, body="\u0642\u062a\u0644 \u062b\u0644\u0627\u062b\u0629 "
                                    "\u0623\u0634\u062e\u0627\u0635 \u202e rtl"),
    lambda r, n: b'{"id": "s", "source": "s", "published_at": "2026-11-20T10:00:00Z", '
                 b'"body": "\\ud800 lone surrogate"}',
    lambda r, n: article(r, n, body="word " * r.randint(20_000, 180_000)),  # up to 900 KB
    lambda r, n: b"",                                                    # empty
    lambda r, n: article(r, n, body=" \n\t " * r.randint(1, 5)),        # blank body
]
WEIGHTS = [30, 6, 8, 4, 4, 5, 3, 2, 4, 4, 4, 4, 4, 3, 1, 2, 2]


def generated() -> Iterator[Message]:
    rng = random.Random(SEED)
    for n in range(COUNT):
        make = rng.choices(KINDS, WEIGHTS)[0]
        yield Message(f"fz-{n}", make(rng, n))


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    with running_pipeline(Path(tmp_path_factory.mktemp("fuzz"))) as running:
        yield running


def test_ten_thousand_generated_messages_are_accounted_exactly(pipeline: Pipeline) -> None:
    items = list(generated())
    assert len(items) == COUNT == len({m.key for m in items})

    async def go() -> None:
        sent = await publish(pipeline.settings, TopicNames().raw, items)
        assert sent == COUNT
        result = await wait_accounted(pipeline.settings, COUNT, timeout=1200,
                                      worker=pipeline.worker)
        assert result.raw == COUNT
        assert result.clean + result.duplicate + result.deadletter == COUNT
        assert result.deadletter > COUNT // 3  # most of them are broken
        assert {"NotJSON", "NotAnObject", "InvalidEncoding", "InvalidField",
                "EmptyArticle"} <= set(result.deadletter_reasons)

    asyncio.run(go())
    pipeline.worker.check()  # still up
