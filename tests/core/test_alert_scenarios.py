"""Alert scenarios end to end through the pure pipeline and the tracker (no broker):
what a duty officer would see for stories of our own, replayed in publication order."""

from __future__ import annotations

from schemas.records import Alert, RawArticle
from tests.core.extraction.helpers import FRIENDLY_FIRE
from wirewatch.replay import Replay
from wirewatch.watch import parse_rules


def feed(replay: Replay, article_id: str, published: str, body: str) -> list[Alert]:
    return replay.feed(RawArticle(id=article_id, source="test wire", published_at=published,
                                  body=body))


def last_versions(alerts: list[Alert]) -> dict[str, Alert]:
    latest: dict[str, Alert] = {}
    for alert in alerts:
        latest[alert.alert_id] = alert
    return latest


def test_the_acceptance_story_gives_a_turkey_watcher_three_alerts() -> None:
    replay = Replay(parse_rules("TR"))
    alerts = feed(replay, "ff", "2017-02-09T12:00:00Z", FRIENDLY_FIRE)
    assert sorted((a.incident.killed, a.incident.date) for a in alerts) == [
        (3, "2017-02-09"), (5, "2017-02-08"), (5, "2017-02-09")]
    assert len({a.alert_id for a in alerts}) == 3
    assert all(a.version == 1 and a.status == "new" for a in alerts)
    strike = next(a for a in alerts if a.incident.killed == 3)
    assert strike.incident.accidental and strike.incident.wounded == 11


def test_two_incidents_of_one_story_are_two_alerts_with_their_own_tolls() -> None:
    replay = Replay(parse_rules("NG"))
    alerts = feed(replay, "two", "2026-04-07T10:00:00Z",
                  "Gunmen killed nine traders at a market in Maiduguri, Nigeria, on Monday. "
                  "Separately, a roadside bomb killed four soldiers near Gwoza on Sunday.")
    assert sorted(a.incident.killed for a in alerts) == [4, 9]
    assert len({a.alert_id for a in alerts}) == 2


def test_a_rising_toll_from_another_wire_updates_the_same_alert() -> None:
    replay = Replay(parse_rules("NG"))
    (first,) = feed(replay, "w1", "2026-04-06T09:00:00Z",
                    "Gunmen killed nine traders at a market in Maiduguri, Nigeria, on Monday.")
    (update,) = feed(replay, "w2", "2026-04-06T18:00:00Z",
                     "The death toll from Monday's attack on a market in Maiduguri, Nigeria, "
                     "rose to 14, officials said.")
    assert update.alert_id == first.alert_id and update.version == 2
    assert update.incident.killed == 14  # the revised toll, not 9 + 14


def test_a_funeral_restating_the_toll_adds_nothing() -> None:
    replay = Replay(parse_rules("NG"))
    feed(replay, "w1", "2026-04-06T09:00:00Z",
         "Gunmen killed nine traders at a market in Maiduguri, Nigeria, on Monday.")
    after = feed(replay, "w3", "2026-04-08T09:00:00Z",
                 "Hundreds attended the funeral of the nine traders killed in Maiduguri, "
                 "Nigeria, on Wednesday.")
    assert after == []
    assert [a.incident.killed for a in last_versions(replay.published).values()] == [9]


def test_after_the_window_closes_no_id_starts_over() -> None:
    replay = Replay(parse_rules("NG"), alert_window_hours=72)
    story = ("Gunmen killed nine traders at a market in Maiduguri, Nigeria, on "
             "6 April 2026.")
    for n, day in enumerate(("06", "10", "14", "20")):
        feed(replay, f"late{n}", f"2026-04-{day}T09:00:00Z", story)
    ids = {a.alert_id for a in replay.published}
    assert len(ids) == 1
    assert [a.version for a in replay.published] == [1, 2, 3, 4]
    assert [a.status for a in replay.published] == ["new", "updated", "updated", "updated"]
