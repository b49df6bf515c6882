"""wirewatch.alerting: when an incident becomes an alert, and its identity."""

from schemas.records import Actor, Incident, Location, SourceRef, Victim
from wirewatch.alerting import alert_id, decide, severity
from wirewatch.watch import parse_rules


def incident(**changes: object) -> Incident:
    base = Incident(
        incident_id="i1", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", killed=3, wounded=11,
        victims=[Victim(3, "killed", "soldiers", "TR"), Victim(11, "wounded", "soldiers", "TR")],
        perpetrator=Actor("Russian air force", "RU"),
        location=Location("Al Bab", "SY", 36.37, 37.52), date="2017-02-09",
        evidence=["..."], article_ids=["a1"],
        sources=[SourceRef("a1", "Test Wire", "2017-02-09T10:00:00Z")],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_watched_victim_country_alerts() -> None:
    alert = decide(incident(), parse_rules("TR"), now="2017-02-09T10:01:00Z")
    assert alert is not None
    assert (alert.version, alert.status, alert.severity) == (1, "new", "medium")
    assert alert.watched[0].country == "TR" and alert.watched[0].roles == ["victim"]
    assert alert.sources[0].article_id == "a1"
    assert alert.created_at == alert.updated_at == "2017-02-09T10:01:00Z"


def test_unwatched_and_historical_and_empty_incidents_do_not_alert() -> None:
    assert decide(incident(), parse_rules("FR")) is None
    assert decide(incident(historical=True), parse_rules("TR")) is None
    assert decide(incident(killed=0, wounded=0), parse_rules("TR")) is None


def test_alert_id_is_the_event_not_the_article() -> None:
    one = incident()
    other_report = incident(incident_id="i2", killed=4, article_ids=["a2"])
    assert alert_id(one) == alert_id(other_report)
    assert alert_id(one) != alert_id(incident(date="2017-02-08"))
    assert alert_id(one) != alert_id(incident(location=Location("Ankara", "TR")))
    assert alert_id(one).startswith("al-")


def test_severity_scale() -> None:
    assert severity(incident(killed=0, wounded=2)) == "low"
    assert severity(incident(killed=1, wounded=0)) == "medium"
    assert severity(incident(killed=10, wounded=0)) == "high"
    assert severity(incident(killed=2, wounded=40)) == "high"
    assert severity(incident(killed=50, wounded=0)) == "critical"
    assert severity(incident(killed=20, wounded=90)) == "critical"
