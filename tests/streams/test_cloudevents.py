"""CloudEvents 1.0 binary-mode headers on incidents and alerts."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas.records import Alert, Incident, Location, SourceRef, WatchedRole
from streams.cloudevents import alert_headers, incident_headers

WHEN = datetime(2026, 11, 12, 10, 30, tzinfo=UTC)


def incident() -> Incident:
    return Incident("inc-1", killed=4, wounded=2, location=Location("Garissa", "KE"))


def test_incident_headers() -> None:
    headers = dict(incident_headers(incident(), "wirewatch", WHEN))
    assert headers == {
        "ce_specversion": b"1.0", "ce_id": b"inc-1", "ce_source": b"wirewatch/wirewatch",
        "ce_type": b"org.wirewatch.incident", "ce_time": b"2026-11-12T10:30:00.000Z",
        "ce_subject": b"KE", "content-type": b"application/json"}


def test_each_alert_version_is_its_own_event() -> None:
    alert = Alert("al-1", 3, "updated", "medium", [WatchedRole("KE", ["victim"])], incident(),
                  [SourceRef("a-1")], "t", "t")
    headers = dict(alert_headers(alert, "staging", WHEN))
    assert headers["ce_id"] == b"al-1.v3"
    assert headers["ce_type"] == b"org.wirewatch.alert.updated"
    assert headers["ce_source"] == b"wirewatch/staging"


def test_no_subject_when_the_country_is_unknown() -> None:
    unplaced = Incident("inc-2", killed=1, wounded=0)
    assert "ce_subject" not in dict(incident_headers(unplaced, "wirewatch", WHEN))
