"""Alert stage: classified incident + live watchlist → alert (new, then updated) on ``wire.alerts``.

Three agents:

- ``watch`` applies the compacted watchlist topic to a GlobalTable (every worker holds
  all of it), so ``wirewatch watch add`` takes effect on the next incident.
- ``alert`` keeps the incidents that touch a watched country and are current, and
  forwards them keyed by country|date to ``wire.alerts.pending``.
- ``track`` holds, per country|date, the open alerts in a Faust table (it survives a
  restart) and turns each report into a new alert, an updated version, or nothing.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import faust

from schemas.records import Alert, Incident, WatchRule
from streams import codecs
from streams.app import (
    alerts_topic,
    app,
    deadletter_topic,
    incidents_topic,
    pending_topic,
    settings,
    watchlist_topic,
)
from streams.stage import Emit, StageResult, run_stage
from wirewatch.alerting import bucket, is_current, now_iso, track
from wirewatch.watch import matches, parse_rule

STAGE = "alert"

#: country code → watch rule (as a dict), replicated to every worker.
watchlist = app.GlobalTable("watchlist", partitions=1, default=None,
                            help="country code → watch rule")
#: country|date → the open alerts of that bucket (as dicts).
open_alerts = app.Table("open-alerts", default=None, help="country|date → open alerts")


def apply_watch_change(table: Any, key: str | None, payload: bytes | None) -> StageResult:
    """Apply one watchlist message (a rule, or null to unwatch) to ``table``."""
    if not key:
        raise ValueError("watchlist message has no key (the country code)")
    code = parse_rule(key).country
    if payload is None or payload in (b"", b"null"):
        table.pop(code, None)
        return StageResult("unwatched")
    rule = WatchRule.from_dict(codecs.decode(payload))
    if rule.country != code:
        raise ValueError(f"watchlist key {key!r} does not match rule country {rule.country!r}")
    parse_rule(f"{rule.country}:{'+'.join(rule.roles)}")  # validates the roles
    table[code] = rule.to_dict()
    return StageResult("watched")


def current_rules() -> list[WatchRule]:
    """The live watchlist."""
    return [WatchRule.from_dict(value) for value in watchlist.values() if value]


def handle(key: str | None, payload: bytes) -> StageResult:
    """Forward an incident that touches a watched country to its alert bucket."""
    incident = Incident.from_dict(codecs.decode(payload))
    if not is_current(incident):
        return StageResult("not_current")
    if not matches(incident, current_rules()):
        return StageResult("not_watched")
    return StageResult("pending", [Emit(pending_topic, bucket(incident), incident)])


def handle_pending(key: str | None, payload: bytes, now: str | None = None) -> StageResult:
    """Turn one report into a new alert, an updated one, or nothing."""
    report = Incident.from_dict(codecs.decode(payload))
    slot = key or bucket(report)
    known = [Alert.from_dict(a) for a in open_alerts.get(slot) or []]
    alert, state = track(known, report, current_rules(), now or now_iso(),
                         settings.alert_window_hours)
    open_alerts[slot] = [a.to_dict() for a in state]
    if alert is None:
        return StageResult("unchanged")
    return StageResult(alert.status, [Emit(alerts_topic, alert.alert_id, alert)])


@app.page("/watchlist/")
async def watchlist_view(web: Any, request: Any) -> Any:
    """The watchlist this worker applies right now (operators; WIREWATCH_WEB_PORT > 0)."""
    return web.json({code: rule for code, rule in watchlist.items() if rule})


@app.agent(watchlist_topic)
async def watch(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage("watchlist", event, partial(apply_watch_change, watchlist),
                        deadletter_topic)


@app.agent(incidents_topic)
async def alert(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage(STAGE, event, handle, deadletter_topic)


@app.agent(pending_topic)
async def track_alerts(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage("track", event, handle_pending, deadletter_topic)
