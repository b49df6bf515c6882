"""wirewatch.evaluation: the SPEC §6 metrics, on a labelled file we write ourselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas.records import Incident, Location
from wirewatch.evaluation import EvalFileError, evaluate, predict, read_rows

ROWS = [
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
                        "event_type_accuracy", "sub_event_type_accuracy", "articles_per_s"}


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
