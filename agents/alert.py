"""Alert stage: classified incident + live watchlist → alert on ``wire.alerts``.

The watchlist is a Faust GlobalTable (every worker holds all of it), fed by the
``watchlist`` agent from the compacted watchlist topic.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import faust

from schemas.records import Incident, WatchRule
from streams import codecs
from streams.app import alerts_topic, app, deadletter_topic, incidents_topic, watchlist_topic
from streams.stage import Emit, StageResult, run_stage
from wirewatch.alerting import decide
from wirewatch.watch import parse_rule

STAGE = "alert"

#: country code → watch rule (as a dict), replicated to every worker.
watchlist = app.GlobalTable("watchlist", partitions=1, default=None,
                            help="country code → watch rule")


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
    """Alert on one incident if it touches a watched country."""
    incident = Incident.from_dict(codecs.decode(payload))
    alert = decide(incident, current_rules())
    if alert is None:
        return StageResult("not_watched")
    return StageResult("alerted", [Emit(alerts_topic, alert.alert_id, alert)])


@app.agent(watchlist_topic)
async def watch(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage("watchlist", event, partial(apply_watch_change, watchlist),
                        deadletter_topic)


@app.agent(incidents_topic)
async def alert(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage(STAGE, event, handle, deadletter_topic)
