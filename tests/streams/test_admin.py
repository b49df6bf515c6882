"""streams.admin: the topic catalogue created on a real (embedded) broker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer

from streams.admin import ensure_topics, new_topics
from streams.broker import EmbeddedBroker
from streams.settings import Settings
from streams.topics import CATALOGUE, TopicNames


def test_the_requests_follow_the_catalogue() -> None:
    settings = Settings.from_env({}, partitions=6, topic_prefix="staging.")
    requests = {t.name: t for t in new_topics(settings)}
    names = TopicNames("staging.")
    assert set(requests) == {names.name(spec) for spec in CATALOGUE}
    watchlist = requests["staging.wire.watchlist"]
    assert watchlist.num_partitions == 1
    assert watchlist.topic_configs == {"cleanup.policy": "compact"}
    assert requests["staging.wire.articles.raw"].num_partitions == 6
    assert requests["staging.wire.articles.raw"].topic_configs == {}


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker(Path(tmp_path_factory.mktemp("admin")) / "broker.log") as running:
        yield running


async def partitions(settings: Settings) -> dict[str, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers)
    await consumer.start()
    try:
        topics = await consumer.topics()
        return {t: len(consumer.partitions_for_topic(t) or ()) for t in topics}
    finally:
        await consumer.stop()


@pytest.mark.integration
async def test_ensure_topics_creates_the_catalogue_once(broker: EmbeddedBroker) -> None:
    settings = Settings.from_env({}, broker=broker.url, partitions=3, topic_prefix="a.")
    created = await ensure_topics(settings)
    names = TopicNames("a.")
    assert sorted(created) == sorted(names.name(spec) for spec in CATALOGUE)
    seen = await partitions(settings)
    assert seen["a.wire.watchlist"] == 1
    assert seen["a.wire.articles.raw"] == 3 and seen["a.wire.alerts"] == 3
    assert await ensure_topics(settings) == []  # a second worker finds them all there


@pytest.mark.integration
async def test_a_prefix_keeps_deployments_apart(broker: EmbeddedBroker) -> None:
    first = Settings.from_env({}, broker=broker.url, topic_prefix="b.")
    second = Settings.from_env({}, broker=broker.url, topic_prefix="c.")
    assert len(await ensure_topics(first)) == len(CATALOGUE)
    assert len(await ensure_topics(second)) == len(CATALOGUE)
    seen = await partitions(first)
    assert "b.wire.alerts" in seen and "c.wire.alerts" in seen
