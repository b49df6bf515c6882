"""The alert decision: does an incident touch a watched country, and what to tell people.

Severity scale (by the toll, killed first):

| severity | when |
|---|---|
| critical | 50 or more killed, or 100 or more casualties |
| high | 10 or more killed, or 30 or more casualties |
| medium | at least one killed |
| low | wounded only |
"""

from __future__ import annotations

from datetime import UTC, datetime

from schemas.records import Alert, Incident, WatchRule
from wirewatch.gazetteer import fold
from wirewatch.text import stable_id
from wirewatch.watch import matches


def severity(incident: Incident) -> str:
    """The severity of an incident, from its toll (see the module's scale)."""
    casualties = incident.killed + incident.wounded
    if incident.killed >= 50 or casualties >= 100:
        return "critical"
    if incident.killed >= 10 or casualties >= 30:
        return "high"
    if incident.killed >= 1:
        return "medium"
    return "low"


def alert_id(incident: Incident) -> str:
    """The stable identity of the real-world event: place, country, date and event type."""
    place = fold(incident.location.name or "")
    return "al-" + stable_id(incident.location.country, place, incident.date,
                             incident.event_type, length=24)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def decide(incident: Incident, rules: list[WatchRule], now: str | None = None) -> Alert | None:
    """A new alert for ``incident`` if it is current and touches a watched country."""
    if incident.historical or (incident.killed == 0 and incident.wounded == 0):
        return None
    watched = matches(incident, rules)
    if not watched:
        return None
    stamp = now or now_iso()
    return Alert(
        alert_id=alert_id(incident), version=1, status="new", severity=severity(incident),
        watched=watched, incident=incident, sources=list(incident.sources),
        created_at=stamp, updated_at=stamp,
    )
