"""streams.topics: the catalogue and its names."""

from streams.topics import CATALOGUE, TopicNames


def test_topic_names_and_prefix() -> None:
    assert TopicNames().raw == "wire.articles.raw"
    assert TopicNames("staging.").alerts == "staging.wire.alerts"
    watchlist = next(t for t in CATALOGUE if t.role == "watchlist")
    assert watchlist.compacted and watchlist.single_partition
    assert {t.base_name for t in CATALOGUE} >= {
        "wire.articles.raw", "wire.articles.clean", "wire.incidents", "wire.alerts",
        "wire.watchlist", "wire.deadletter"}
