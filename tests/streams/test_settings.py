"""streams.settings: environment, overrides, the README's table."""

from pathlib import Path

import pytest

from streams.settings import Settings, settings_table


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
    with pytest.raises(ValueError, match="WIREWATCH_PARTITIONS: cannot read 'many'"):
        Settings.from_env({"WIREWATCH_PARTITIONS": "many"})
    with pytest.raises(ValueError, match="WIREWATCH_REBALANCE_TIMEOUT"):
        Settings.from_env({}, rebalance_timeout="soon")


def test_round_trip_through_the_environment() -> None:
    settings = Settings.from_env({}, broker="kafka://h:1", partitions=3, topic_prefix="t.")
    assert Settings.from_env(settings.to_env()) == settings


def test_the_process_environment_is_read_and_empty_means_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WIREWATCH_PARTITIONS", "6")
    monkeypatch.setenv("WIREWATCH_TOPIC_PREFIX", "")
    monkeypatch.setenv("wirewatch_app_id", "lower-case-name")
    settings = Settings.from_env()
    assert settings.partitions == 6 and settings.topic_prefix == ""
    assert settings.app_id == "lower-case-name"
    assert Settings.from_env({}).partitions == 4  # a given environment replaces the process's


def test_replace_validates_and_keeps_the_rest() -> None:
    settings = Settings.from_env({}, partitions=3, topic_prefix="t.")
    changed = settings.replace(web_port=7000)
    assert changed.web_port == 7000 and changed.partitions == 3 and settings.web_port == 6066
    with pytest.raises(ValueError, match="WIREWATCH_WEB_PORT"):
        settings.replace(web_port="high")


def test_the_readme_table_is_the_model() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert settings_table() in readme, "paste `python -m streams.settings` into the README"
