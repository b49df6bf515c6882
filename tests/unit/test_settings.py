"""streams.settings and streams.topics: environment, overrides, topic names."""

import pytest

from streams.settings import Settings
from streams.topics import CATALOGUE, TopicNames


def test_defaults_and_environment() -> None:
    assert Settings.from_env({}).partitions == 4
    settings = Settings.from_env({"WIREWATCH_BROKER": "kafka://k1:9092,k2:9093",
                                  "WIREWATCH_PARTITIONS": "8", "WIREWATCH_WATCH": "TR"})
    assert settings.partitions == 8 and settings.watch == "TR"
    assert settings.bootstrap_servers == "k1:9092,k2:9093"
    assert settings.broker_urls == ["kafka://k1:9092", "kafka://k2:9093"]


def test_overrides_win_and_none_is_ignored() -> None:
    settings = Settings.from_env({"WIREWATCH_PARTITIONS": "8"}, partitions=2, broker=None)
    assert settings.partitions == 2 and settings.broker is None


def test_bad_values_say_which_setting() -> None:
    with pytest.raises(ValueError, match="partitions"):
        Settings.from_env({"WIREWATCH_PARTITIONS": "many"})


def test_round_trip_through_the_environment() -> None:
    settings = Settings.from_env({}, broker="kafka://h:1", partitions=3, topic_prefix="t.")
    assert Settings.from_env(settings.to_env()) == settings


def test_topic_names_and_prefix() -> None:
    assert TopicNames().raw == "wire.articles.raw"
    assert TopicNames("staging.").alerts == "staging.wire.alerts"
    watchlist = next(t for t in CATALOGUE if t.role == "watchlist")
    assert watchlist.compacted and watchlist.single_partition
    assert {t.base_name for t in CATALOGUE} >= {
        "wire.articles.raw", "wire.articles.clean", "wire.incidents", "wire.alerts",
        "wire.watchlist", "wire.deadletter"}
