"""The metric families and the rate window behind the operations page."""

from __future__ import annotations

from streams import metrics


def test_rates_over_one_and_five_minutes() -> None:
    window = metrics.RateWindow(horizon_s=600)
    window.sample({"clean": 0.0}, now=0.0)
    window.sample({"clean": 240.0}, now=240.0)  # 1/s for four minutes
    window.sample({"clean": 420.0}, now=300.0)  # then 3/s for one minute
    rates = window.rates()
    assert rates["clean"]["1m"] == 3.0
    assert rates["clean"]["5m"] == 1.4


def test_a_window_forgets_samples_past_its_horizon_and_needs_two() -> None:
    window = metrics.RateWindow(horizon_s=60)
    assert window.rates() == {}
    window.sample({"extract": 0.0}, now=0.0)
    window.sample({"extract": 10.0}, now=100.0)
    assert window.rates() == {}  # the first sample fell out of the horizon
    window.sample({"extract": 40.0}, now=110.0)
    assert window.rates()["extract"]["1m"] == 3.0


def test_messages_by_stage_sums_every_outcome() -> None:
    before = metrics.messages_by_stage().get("unit-test-stage", 0.0)
    metrics.count("unit-test-stage", "cleaned", 3)
    metrics.count("unit-test-stage", "deadletter")
    assert metrics.messages_by_stage()["unit-test-stage"] == before + 4
