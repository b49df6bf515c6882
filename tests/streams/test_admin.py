"""streams.admin: the topic catalogue created on a real (embedded) broker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    # the latest version of each alert stays: what a restarted worker re-reads is bounded
    assert requests["staging.wire.alerts"].topic_configs == {"cleanup.policy": "compact"}
    assert requests["staging.wire.alerts"].num_partitions == 6


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


@pytest.mark.integration
async def test_more_partitions_than_a_topic_has_grow_it_or_are_refused_by_name(
        broker: EmbeddedBroker) -> None:
    from streams.admin import TopicCreationError

    small = Settings.from_env({}, broker=broker.url, partitions=2, topic_prefix="d.")
    await ensure_topics(small)
    grown = Settings.from_env({}, broker=broker.url, partitions=4, topic_prefix="d.")
    try:
        await ensure_topics(grown)
    except TopicCreationError as exc:  # the embedded broker cannot add partitions
        assert "d.wire." in str(exc) and "has 2 partitions" in str(exc)
        assert "WIREWATCH_PARTITIONS asks 4" in str(exc)
    else:  # a broker that can (Apache Kafka): every data topic now has four
        seen = await partitions(grown)
        assert seen["d.wire.articles.raw"] == 4 and seen["d.wire.watchlist"] == 1


class FakeAdmin:
    """What ``_grow`` asks of the admin client, for a broker that adds partitions."""

    def __init__(self, have: dict[str, int]) -> None:
        self.have = have
        self.asked: dict[str, int] = {}

    async def describe_topics(self, names: list[str]) -> list[dict[str, object]]:
        return [{"topic": n, "partitions": list(range(self.have[n]))} for n in names]

    async def create_partitions(self, wanted: dict[str, Any], timeout_ms: int) -> object:
        self.asked = {name: np.total_count for name, np in wanted.items()}
        return type("Response", (), {"topic_errors": []})()


async def test_growing_asks_only_for_the_short_topics() -> None:
    from aiokafka.admin import NewTopic

    from streams.admin import _grow

    admin = FakeAdmin({"wire.articles.raw": 2, "wire.watchlist": 1, "wire.alerts": 8})
    topics = [NewTopic("wire.articles.raw", 4, 1), NewTopic("wire.watchlist", 1, 1),
              NewTopic("wire.alerts", 4, 1)]
    await _grow(admin, topics, 5.0)
    assert admin.asked == {"wire.articles.raw": 4}
