"""Alert stage: classified incident + live watchlist → alert (new, then updated) on ``wire.alerts``.

- Every worker mirrors the whole compacted watchlist topic into memory
  (:class:`streams.mirror.TopicMirror`, no consumer group), whatever partitions it
  holds, so ``wirewatch watch add`` takes effect on the next incident on every worker.
  The ``watch`` agent reads the same topic in the group, once per message, to
  dead-letter rules that do not parse.
- ``alert`` keeps the incidents that touch a watched country and are current, and
  forwards them keyed by country to ``wire.alerts.pending``; an incident no rule
  matches is counted (outcome ``not_watched``) and logged at debug level. It waits
  until the watchlist mirror has caught up before it decides anything.
- ``track`` turns each report into a new alert, an updated version, or nothing. What
  was published is read back from ``wire.alerts`` itself (mirrored on every worker, see
  :data:`published`): the topic is the state, so a worker killed between publishing an
  alert and recording it, or between recording it and publishing it, neither loses nor
  repeats an alert after the restart. Each alert is published with its delivery awaited
  before the report's offset can be committed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, cast

import faust
from aiokafka import ConsumerRecord

from schemas.records import Alert, Incident, RecordError, WatchRule
from streams import codecs, metrics
from streams.app import (
    alerts_topic,
    app,
    deadletter_topic,
    incidents_topic,
    names,
    pending_topic,
    settings,
    watchlist_topic,
)
from streams.cloudevents import alert_headers
from streams.mirror import TopicMirror
from streams.stage import (
    INPUT_ERRORS,
    Emit,
    StageResult,
    each_message,
    in_batches,
    ingested_at,
    run_batch,
    run_stage,
)
from wirewatch import dates
from wirewatch.alerting import bucket, is_current, remembered, retired_ids, track
from wirewatch.watch import WatchRuleError, matches, parse_rule

STAGE = "alert"

log = logging.getLogger(__name__)

#: country code → watch rule (as a dict): this worker's copy of the whole watchlist
watchlist: dict[str, Any] = {}
#: bucket (a country) → alert id → the latest version published on ``wire.alerts``, read
#: back from the topic by every worker and updated at once when this worker publishes;
#: an alert is kept after its window closes (a late report updates it: an id never
#: starts over) until any report of its incident would be historical
#: (:func:`wirewatch.alerting.remembered`)
published: dict[str, dict[str, Alert]] = {}


@dataclass(slots=True)
class _Pruning:
    """When a bucket's alerts were last pruned: the latest update seen, the size left."""

    latest: str = ""
    size: int = 0


#: bucket → its pruning state
pruning: dict[str, _Pruning] = {}
#: ids of the alerts pruned from :data:`published` and of their reports' incidents (ids
#: only): a redelivered report is not alerted on twice, and no id starts over at version 1
retired: set[str] = set()


def apply_watch_change(table: Any, key: str | None, payload: bytes | None) -> StageResult:
    """Apply one watchlist message (a rule, or null to unwatch) to ``table``."""
    if not key:
        raise WatchRuleError("watchlist message has no key (the country code)")
    code = parse_rule(key).country
    if payload is None or payload in (b"", b"null"):
        table.pop(code, None)
        return StageResult("unwatched")
    try:
        rule = WatchRule.from_dict(codecs.decode(payload))
    except RecordError as exc:
        raise WatchRuleError(f"bad watch rule for {key!r}: {exc}") from None
    if rule.country != code:
        raise WatchRuleError(f"watchlist key {key!r} does not match rule country {rule.country!r}")
    table[code] = rule.to_dict()
    return StageResult("watched")


def mirror_watch_change(record: ConsumerRecord) -> None:
    """Apply one watchlist record to this worker's copy; the ``watch`` agent dead-letters
    the ones that do not parse, so here they are only skipped."""
    try:
        apply_watch_change(watchlist, codecs.decode_key(record.key), record.value)
    except INPUT_ERRORS as exc:
        log.debug("watchlist record %s@%s skipped: %s", record.partition, record.offset, exc)
    metrics.WATCH_RULES.set(len(watchlist))


watchlist_mirror = TopicMirror(settings, names.watchlist, mirror_watch_change)


def reported_at(alert: Alert) -> str:
    """When the latest article behind ``alert`` was published (RFC 3339; never later
    than the alert itself, so a future-dated article moves no clock), else when the alert
    was: the clock of the reports themselves, which is the wall clock on a live wire and
    the past when old news is replayed."""
    times = [t for t in (dates.instant(s.published_at or "") for s in alert.sources) if t]
    published = dates.instant(alert.updated_at)
    if published is not None:
        times = [min(t, published) for t in times]
    return dates.rfc3339(max(times)) if times else alert.updated_at


def remember_published(alert: Alert) -> None:
    """Keep the highest version of each alert (records may be read again), and forget
    the alerts of its bucket no report can update any more — judged on the reports' own
    clock (:func:`reported_at`), as the tracker's replay does: on the wall clock, every
    alert about old news replayed today was forgotten at once, and a later report of the
    same incident issued its version 1 again. A forgotten id is kept in :data:`retired`."""
    slot_key = bucket(alert.incident)
    slot = published.setdefault(slot_key, {})
    known = slot.get(alert.alert_id)
    if known is None or known.version < alert.version:
        slot[alert.alert_id] = alert
    # prune when a new day of reports arrives or the bucket doubled since its last pruning
    # (partitions are read one after another, not in time order): amortised, a long
    # history's read-back stays linear and what is kept stays bounded
    state = pruning.setdefault(slot_key, _Pruning())
    now = max(state.latest, reported_at(alert))
    if state.latest[:10] < now[:10] or len(slot) > 2 * state.size + 256:
        for alert_id in [i for i, a in slot.items() if not remembered(a, now)]:
            retired.update(retired_ids(slot.pop(alert_id)))
        state.size = len(slot)
    state.latest = now


def mirror_alert(record: ConsumerRecord) -> None:
    try:
        remember_published(Alert.from_json(record.value))
    except RecordError:
        log.debug("alerts record %s@%s is not an alert", record.partition, record.offset)


alerts_mirror = TopicMirror(settings, names.alerts, mirror_alert)


def alerts_of(slot: str) -> list[Alert]:
    """The published alerts of a bucket (a country) the tracker still knows, oldest first."""
    return sorted(published.get(slot, {}).values(), key=lambda a: a.created_at)


def recent_alerts(limit: int = 50) -> list[dict[str, Any]]:
    """The latest version of the most recently updated alerts (the operations page)."""
    latest = sorted((a for slot in published.values() for a in slot.values()),
                    key=lambda a: a.updated_at, reverse=True)
    return [a.to_dict() for a in latest[:limit]]


def current_rules() -> list[WatchRule]:
    """The live watchlist."""
    return [WatchRule.from_dict(value) for value in watchlist.values() if value]


def handle(key: str | None, payload: bytes) -> StageResult:
    """Forward an incident that touches a watched country to its alert bucket."""
    incident = Incident.from_dict(codecs.decode(payload))
    if not is_current(incident):
        return StageResult("not_current")
    if not matches(incident, current_rules()):
        log.debug("incident %s (%s) matches no watch rule", incident.incident_id,
                  incident.location.country)
        return StageResult("not_watched")
    return StageResult("pending", [Emit(pending_topic, bucket(incident), incident)])


def handle_pending(key: str | None, payload: bytes, now: str | None = None) -> StageResult:
    """Turn one report into a new alert, an updated one, or nothing."""
    report = Incident.from_dict(codecs.decode(payload))
    slot = key or bucket(report)
    stamp = now or dates.rfc3339()
    alert, _state = track(alerts_of(slot), report, current_rules(), stamp,
                          settings.alert_window_hours, retired)
    if alert is None:
        return StageResult("unchanged")
    # recorded once the broker has it (the next report of this country sees it then): a
    # send that fails leaves no version skipped in memory
    return StageResult(alert.status, [Emit(alerts_topic, alert.alert_id, alert,
                                           alert_headers(alert, settings.app_id),
                                           on_sent=lambda: remember_published(alert))])


@app.page("/watchlist/")
async def watchlist_view(web: Any, request: Any) -> Any:
    """The watchlist this worker applies right now (operators; WIREWATCH_WEB_PORT > 0)."""
    return web.json({code: rule for code, rule in watchlist.items() if rule})


def validate_watch_change(key: str | None, payload: bytes) -> StageResult:
    """Check one watchlist message (the mirror applies it); bad ones are dead-lettered."""
    return apply_watch_change({}, key, payload)


@app.task
async def mirror_watchlist() -> None:
    await watchlist_mirror.run()


@app.task
async def mirror_alerts() -> None:
    await alerts_mirror.run()


@app.agent(watchlist_topic)
async def watch(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage("watchlist", event, validate_watch_change, deadletter_topic)


@app.agent(incidents_topic)
async def alert(stream: faust.StreamT) -> None:
    await watchlist_mirror.caught_up.wait()
    async for events in in_batches(stream, settings):
        await run_batch(STAGE, events, each_message(handle), deadletter_topic)


async def catch_up_after_assignment(sender: Any, *args: Any, **kwargs: Any) -> None:
    """A country partition newly assigned may carry reports another worker judged: read
    that worker's last alerts before judging the next report."""
    assigned = args[0] if args else ()
    if any(tp.topic == names.pending for tp in assigned):
        alerts_mirror.resync()


app.on_partitions_assigned.connect(cast(Any, catch_up_after_assignment))


@app.agent(pending_topic)
async def track_alerts(stream: faust.StreamT) -> None:
    await alerts_mirror.caught_up.wait()
    async for event in stream.events():
        if not alerts_mirror.caught_up.is_set():  # partitions moved: read their past first
            await alerts_mirror.caught_up.wait()
        result = await run_stage("track", event, handle_pending, deadletter_topic)
        if result.emits:
            latency = max(0.0, time.time() - ingested_at(event.message))
            for emit in result.emits:
                alert = emit.value
                metrics.ALERTS.labels(status=alert.status, severity=alert.severity).inc()
                metrics.INGEST_TO_ALERT_SECONDS.observe(latency)
