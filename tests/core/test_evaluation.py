"""wirewatch.evaluation: the docs/evaluation.md metrics, on a labelled file we write ourselves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.records import Incident, Location
from wirewatch.evaluation import EvalFileError, evaluate, predict, read_rows

ROWS: list[dict[str, Any]] = [
    {"id": "r1", "published_at": "2026-03-05",
     "text": "A roadside bomb killed four soldiers and wounded two near Kandahar in "
             "Afghanistan on Tuesday.",
     "gold": {"killed": 4, "wounded": 2, "country": "AF",
              "event_type": "Explosions/Remote violence",
              "sub_event_type": "Remote explosive/landmine/IED"}},
    {"id": "r2", "published_at": None,
     "text": "Thousands marched in Nairobi against police killings.",
     "gold": {"killed": 0, "wounded": None, "country": None, "event_type": None,
              "sub_event_type": None}},
    {"id": "r3", "published_at": "2026-03-05",
     "text": "Gunmen killed nine villagers in central Mali on Sunday.",
     "gold": {"killed": 10, "wounded": None, "country": "ML", "event_type": None,
              "sub_event_type": None}},
]


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    return path


def test_metrics_over_labelled_rows_only(labelled: Path) -> None:
    report = evaluate(read_rows(labelled))
    doc = report.to_dict()
    assert doc["n"] == 3
    assert doc["killed_exact"] == pytest.approx(2 / 3, abs=1e-4)  # r3 is labelled 10, we say 9
    assert doc["wounded_exact"] == 1.0  # only r1 is labelled
    assert doc["country_accuracy"] == 1.0
    assert doc["sub_event_type_accuracy"] == 1.0
    assert set(doc) == {"n", "killed_exact", "wounded_exact", "country_accuracy",
                        "event_type_accuracy", "sub_event_type_accuracy", "articles_per_s",
                        "rules"}
    # every row's figures came from a rule that fired: "killing" before a figure, at least
    assert doc["rules"]["role.casualty_then_count"] >= 1
    assert all(isinstance(n, int) and n > 0 for n in doc["rules"].values())


def test_misses_are_kept_for_error_analysis(labelled: Path) -> None:
    report = evaluate(read_rows(labelled), keep_misses=True)
    assert [(m.row_id, m.metric, m.gold, m.predicted) for m in report.misses] == \
        [("r3", "killed", 10, 9)]


def test_texts_that_name_no_place_in_their_country_bound_country_accuracy(
        tmp_path: Path) -> None:
    rows = [{"id": "p1", "published_at": "2026-03-05", "text": "Gunmen killed six herders "
             "near Gao on Sunday.", "gold": {"killed": 6, "country": "ML"}},
            {"id": "p2", "published_at": "2026-03-05", "text": "Two people were killed in "
             "ethnic fighting.", "gold": {"killed": 2, "country": "KE"}}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = evaluate(read_rows(path), keep_misses=True)
    assert report.unplaceable == 1 and report.country_ceiling == 0.5
    assert [m.note for m in report.misses] == ["the text names no place in KE"]


def test_prediction_sums_current_incidents_and_takes_the_worst_ones_place() -> None:
    small = Incident(incident_id="a", killed=2, wounded=0, location=Location("X", "SY"),
                     sub_event_type="Attack", event_type="Violence against civilians")
    big = Incident(incident_id="b", killed=5, wounded=4, location=Location("Y", "IQ"),
                   sub_event_type="Armed clash", event_type="Battles")
    old = Incident(incident_id="c", killed=100, wounded=0, location=Location("Z", "TR"),
                   historical=True)
    p = predict([small, big, old])
    assert (p.killed, p.wounded, p.country) == (7, 4, "IQ")
    assert p.sub_event_type == "Armed clash"
    assert predict([]).killed == 0 and predict([]).country is None


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(EvalFileError):
        list(read_rows(tmp_path / "missing.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t"}\n')
    with pytest.raises(EvalFileError, match=r"bad\.jsonl:1"):
        list(read_rows(bad))


def test_each_row_result_says_what_was_right(labelled: Path) -> None:
    results: list[dict[str, Any]] = []
    evaluate(read_rows(labelled), on_row=lambda r: results.append(r.to_dict("rows.jsonl")))
    assert [r["id"] for r in results] == ["r1", "r2", "r3"]
    first, second, third = results
    assert first["file"] == "rows.jsonl" and first["gold"] == ROWS[0]["gold"]
    assert first["right"] == {"killed": True, "wounded": True, "country": True,
                              "event_type": True, "sub_event_type": True}
    assert second["right"] == {"killed": True}  # only what is labelled
    assert third["right"] == {"killed": False, "country": True}
    assert third["predicted"] == {"killed": 9, "wounded": 0, "country": "ML",
                                  "event_type": "Violence against civilians",
                                  "sub_event_type": "Attack"}


def story(row_id: str, published: str, text: str, *events: dict[str, object]) -> dict[str, object]:
    killed = sum(int(e.get("killed") or 0) for e in events)  # type: ignore[call-overload]
    return {"id": row_id, "published_at": published, "text": text,
            "gold": {"killed": killed, "wounded": None, "country": None, "event_type": None,
                     "sub_event_type": None, "events": list(events)}}


def told(key: str, country: str, killed: int, **more: object) -> dict[str, object]:
    return {"event": key, "country": country, "killed": killed, "wounded": None, **more}


#: a made-up week of wire copy: one attack reported twice with a rising toll, a story
#: with two incidents, a memorial of an old massacre, a crash, and a raid nobody labelled
WEEK = [
    story("w2", "2026-05-04T16:00:00Z", "The toll from Monday's attack on a market in "
          "Maiduguri, Nigeria, rose to 14, officials said on Monday evening.",
          told("mdg", "NG", 14)),
    story("w1", "2026-05-04T09:00:00Z", "Gunmen attacked a market in Maiduguri, Nigeria, on "
          "Monday, killing nine traders.", told("mdg", "NG", 9)),
    story("w3", "2026-05-05T08:00:00Z", "A car bomb killed six police officers in Kirkuk, "
          "Iraq, on Tuesday. Separately, gunmen shot dead two farmers in Basra on Monday.",
          told("krk", "IQ", 6), told("bsr", "IQ", 2)),
    story("w4", "2026-05-06T08:00:00Z", "Hundreds gathered in Srebrenica on Wednesday to "
          "mourn the victims of the 1995 massacre."),
    story("w5", "2026-05-06T10:00:00Z", "A bus crash killed eleven passengers on a highway "
          "in Kenya on Wednesday."),
    story("w6", "2026-05-07T10:00:00Z", "Troops killed five militants in a raid in Borno "
          "state, Nigeria, on Thursday."),
]


def test_alert_level_replay_scores_each_incident(tmp_path: Path) -> None:
    from wirewatch.evaluation import evaluate_alerts

    path = tmp_path / "week.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in WEEK) + "\n")
    report = evaluate_alerts(read_rows(path))
    doc = report.to_dict()
    assert doc["gold_events"] == 3  # the memorial and the crash are no incidents
    assert report.events["mdg"]["gold_killed"] == [9, 14]
    assert report.events["mdg"]["final_killed"] == [14]  # one alert, its toll revised
    assert report.events["krk"]["final_killed"] == [6]
    assert report.events["bsr"]["final_killed"] == [2]  # the second incident: its own alert
    # the raid is in no article's gold events: its alert is a false one
    assert [s["killed"] for s in report.stray] == [5]
    assert doc == {"alerts": 4, "gold_events": 3, "precision": 0.75, "recall": 1.0,
                   "one_alert_per_event": 1.0, "final_toll": 1.0}


def test_an_alert_belongs_to_the_event_whose_toll_is_nearest() -> None:
    from schemas.records import Alert, Location, SourceRef, WatchedRole
    from wirewatch.evaluation import Row, score_alerts

    rows = [Row("a", "", "2026-05-04T09:00:00Z", {"events": [
        told("raid", "SO", 7), told("blast", "SO", 20), told("gunfire", "SO", 3,
                                                              part_of="blast")]})]

    def alert(alert_id: str, killed: int, country: str = "SO") -> Alert:
        inc = Incident(incident_id=alert_id, killed=killed, wounded=0,
                       location=Location("Town", country))
        return Alert(alert_id, 1, "new", "high", [WatchedRole(country, ["location"])], inc,
                     [SourceRef("a", "w", "2026-05-04T09:00:00Z")],
                     "2026-05-04T09:00:00Z", "2026-05-04T09:00:00Z")

    report = score_alerts([alert("x", 8), alert("y", 23), alert("z", 2, "KE")], rows)
    assert report.events["raid"]["alert_ids"] == ["x"]
    # 23 is the blast with its follow-up gunfire, a part_of group matched whole
    assert report.events["blast"]["alert_ids"] == ["y"] == report.events["gunfire"]["alert_ids"]
    assert [s["alert_id"] for s in report.stray] == ["z"]  # another country: false
    assert report.to_dict()["final_toll"] == round(2 / 3, 4)  # the raid's 8 is not 7


def test_rows_replay_in_publication_order_undated_last() -> None:
    from wirewatch.evaluation import Row, publication_order

    rows = [Row("b", "", "2026-05-04T16:00:00Z", {}), Row("x", "", None, {}),
            Row("a", "", "2026-05-04T09:00:00Z", {})]
    assert [r.id for r in publication_order(rows)] == ["a", "b", "x"]
