"""CloudEvents 1.0 headers (Kafka protocol binding, binary mode) for incidents and alerts.

In binary mode the event's attributes travel as ``ce_*`` headers and the message
value is the event data unchanged, so a consumer can route on type and country
without parsing the JSON body (docs/operations.md).
"""

from __future__ import annotations

from datetime import datetime

from schemas.records import Alert, Incident
from wirewatch import dates

Headers = list[tuple[str, bytes]]

SPEC_VERSION = "1.0"
INCIDENT_TYPE = "org.wirewatch.incident"
ALERT_TYPES = {"new": "org.wirewatch.alert.new", "updated": "org.wirewatch.alert.updated"}


def _headers(event_id: str, event_type: str, app_id: str, subject: str | None,
             when: datetime | None) -> Headers:
    headers: Headers = [
        ("ce_specversion", SPEC_VERSION.encode()),
        ("ce_id", event_id.encode()),
        ("ce_source", f"wirewatch/{app_id}".encode()),
        ("ce_type", event_type.encode()),
        ("ce_time", dates.rfc3339(when, timespec="milliseconds").encode()),
    ]
    if subject:
        headers.append(("ce_subject", subject.encode()))
    headers.append(("content-type", b"application/json"))
    return headers


def _country(incident: Incident) -> str | None:
    return incident.location.country


def incident_headers(incident: Incident, app_id: str, when: datetime | None = None) -> Headers:
    """Headers for one classified incident on ``wire.incidents``."""
    return _headers(incident.incident_id, INCIDENT_TYPE, app_id, _country(incident), when)


def alert_headers(alert: Alert, app_id: str, when: datetime | None = None) -> Headers:
    """Headers for one alert version on ``wire.alerts``; ``ce_id`` is the alert id + ``.v`` +
    the version, so each version is its own event."""
    return _headers(f"{alert.alert_id}.v{alert.version}", ALERT_TYPES[alert.status], app_id,
                    _country(alert.incident), when)
