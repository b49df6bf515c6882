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

from collections.abc import Container, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from schemas.records import Alert, Incident, Report, Role, Severity, WatchedRole, WatchRule
from wirewatch import dates, geo
from wirewatch.gazetteer import fold
from wirewatch.rules import rule
from wirewatch.text import stable_id
from wirewatch.watch import matches

T = TypeVar("T")

#: two reports are one event when their places are this close (or one names no town)
SAME_EVENT_KM = geo.SAME_PLACE_KM
#: ... and the dates they give are at most this many days apart
SAME_EVENT_DAYS = 1
#: a report whose text gives no date carries its publication day: the event may have been
#: up to this many days before it ("the toll from the bombing rose to 40")
UNDATED_REPORT_DAYS = 3
#: evidence sentences an alert keeps
MAX_EVIDENCE = 8


def severity(incident: Incident) -> Severity:
    """The severity of an incident, from its toll (see the module's scale)."""
    casualties = incident.killed + incident.wounded
    if incident.killed >= 50 or casualties >= 100:
        return "critical"
    if incident.killed >= 10 or casualties >= 30:
        return "high"
    if incident.killed >= 1:
        return "medium"
    return "low"


def alert_id(incident: Incident, distinct: str | None = None) -> str:
    """The stable identity of the real-world event: place, country, date and event type
    (and ``distinct``, for a second incident one article tells apart from another with the
    same place, day and kind)."""
    place = fold(incident.location.name or "")
    parts = [incident.location.country, place, incident.date, incident.event_type]
    return "al-" + stable_id(*parts, *([distinct] if distinct else []), length=24)


def is_current(incident: Incident) -> bool:
    """Worth an alert at all: casualties, and not an event the article only recalls."""
    return not incident.historical and (incident.killed > 0 or incident.wounded > 0)


def decide(incident: Incident, rules: list[WatchRule], now: str | None = None) -> Alert | None:
    """A new alert for ``incident`` if it is current and touches a watched country."""
    if not is_current(incident):
        return None
    watched = matches(incident, rules)
    if not watched:
        return None
    stamp = now or dates.rfc3339()
    return Alert(
        alert_id=alert_id(incident), version=1, status="new", severity=severity(incident),
        watched=watched, incident=incident, sources=list(incident.sources),
        created_at=stamp, updated_at=stamp,
    )


# --------------------------------------------------------------------------- identity


def bucket(incident: Incident) -> str:
    """Where to look for earlier reports of the same event: its country.

    The alert stage's state is partitioned by this key, so every report of one event
    meets the others in one place, even when two reports resolve its date a day apart
    (a report filed after midnight, "on Monday" read against different publication
    times). The open alerts of a country are few: they close after the alert window.
    """
    return incident.location.country or "--"


def _located(incident: Incident) -> geo.Located:
    loc = incident.location
    return geo.Located(loc.name, loc.country, loc.lat, loc.lon)


def _days_apart(first: str | None, second: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(first or "") - date.fromisoformat(second or "")).days)
    except ValueError:
        return None


def same_event(known: Incident, report: Incident) -> bool:
    """Do two reports describe one real-world event?

    - the same country, and dates at most ``SAME_EVENT_DAYS`` apart (each report resolves
      "on Monday" against its own publication time; a report whose text gives no date
      carries its publication day and may come ``UNDATED_REPORT_DAYS`` after the event);
    - two named towns within ``SAME_EVENT_KM`` of each other (the same town included):
      one event, even when the reports classify it differently (a first report's "attack"
      is a later one's "clash");
    - otherwise (one report names only the country or a region, which may contain the
      other's town) the ACLED event type must agree, or one report lacks it.
    """
    if known.location.country != report.location.country:
        return False
    if not _dates_agree(known, report):
        return False
    a, b = fold(known.location.name or ""), fold(report.location.name or "")
    towns = known.location.lat is not None and report.location.lat is not None
    if a and b and towns:
        return a == b or geo.distance_km(_located(known), _located(report)) <= SAME_EVENT_KM
    return not (known.event_type and report.event_type
                and known.event_type != report.event_type)


def report_of(incident: Incident) -> Report:
    """The report an incident gives an alert: its id, its article and its toll."""
    article = incident.article_ids[0] if incident.article_ids else ""
    return Report(incident.incident_id, article, incident.killed, incident.wounded)


def reports_of(alert: Alert) -> list[Report]:
    """The reports an alert rests on (an alert written before alerts listed them rests on
    its own incident)."""
    return alert.reports or [report_of(alert.incident)]


def corrects_down(report: Incident) -> bool:
    """Does the report say its lower figure corrects an earlier one ("the toll was
    revised down to 12")? Only then may an alert's toll go down."""
    return any(rule("toll.corrected_down").search(sentence) for sentence in report.evidence)


def revised_toll(current: int, reported: int, correction: bool) -> int:
    """An incident's toll after one more report of it: the report's figure when it is
    higher, or when the report corrects the toll down; otherwise the current one. Never a
    sum: every report tells the whole toll of the one incident as its source knew it, and
    a lower figure from another wire is usually an older or partial count."""
    if reported > current or (correction and reported < current):
        return reported
    return current


def told_apart(alert: Alert, report: Incident) -> bool:
    """Has an article the alert rests on already told this report's incident apart from
    the alert's? One article's incidents are separate incidents (the extractor split them
    by place, day, hand or kind), so none of them updates another's alert."""
    ids = {r.incident_id for r in reports_of(alert)}
    articles = {r.article_id for r in reports_of(alert)}
    return report.incident_id not in ids and bool(articles & set(report.article_ids))


def closeness(alert: Alert, report: Incident) -> tuple[int, ...]:
    """How well a report fits an open alert of the same event (higher is closer): the
    same day, the same kind of event, the same place, then the nearest toll."""
    known = alert.incident
    apart = _days_apart(known.date, report.date)
    same_place = fold(known.location.name or "") == fold(report.location.name or "")
    return (apart == 0, known.sub_event_type == report.sub_event_type,
            known.event_type == report.event_type, same_place,
            -abs(known.killed - report.killed))


def _dates_agree(known: Incident, report: Incident) -> bool:
    """At most ``SAME_EVENT_DAYS`` apart; a report that gives no date of its own (so
    carries its publication day) may come up to ``UNDATED_REPORT_DAYS`` after the event."""
    apart = _days_apart(known.date, report.date)
    if apart is None or apart <= SAME_EVENT_DAYS:
        return True
    later = report if (report.date or "") > (known.date or "") else known
    return later.date_inferred and apart <= UNDATED_REPORT_DAYS


def _union(first: Sequence[T], second: Sequence[T], limit: int | None = None) -> list[T]:
    out = list(dict.fromkeys([*first, *second]))
    return out[:limit] if limit else out


def _watched_union(first: list[WatchedRole], second: list[WatchedRole]) -> list[WatchedRole]:
    roles: dict[str, list[Role]] = {}
    for w in [*first, *second]:
        roles[w.country] = _union(roles.get(w.country, []), w.roles)
    return [WatchedRole(country, r) for country, r in roles.items()]


def revise(alert: Alert, report: Incident, watched: list[WatchedRole], now: str) -> Alert | None:
    """The next version of ``alert`` after another report of its incident, or None if it
    changes nothing (a report the alert already has: a redelivered message).

    Each outcome's toll is :func:`revised_toll` (the higher figure, or a lower one the
    report says corrects it; never a sum); the victims and qualifiers follow the report
    whose figure stands; every source and evidence sentence is kept.
    """
    known = alert.incident
    reports = reports_of(alert)
    if any(r.incident_id == report.incident_id for r in reports):
        return None
    correction = corrects_down(report)
    killed = revised_toll(known.killed, report.killed, correction)
    wounded = revised_toll(known.wounded, report.wounded, correction)
    by_killed = report if killed == report.killed and killed != known.killed else known
    by_wounded = report if wounded == report.wounded and wounded != known.wounded else known
    new_sources = [s for s in report.sources
                   if s.article_id not in {x.article_id for x in alert.sources}]
    stated = known.date_inferred and not report.date_inferred and report.date
    incident = replace(
        known, killed=killed, wounded=wounded,
        date=report.date if stated else known.date,
        date_inferred=known.date_inferred and not stated,
        killed_qualifier=by_killed.killed_qualifier,
        wounded_qualifier=by_wounded.wounded_qualifier,
        victims=[*(v for v in by_killed.victims if v.outcome == "killed"),
                 *(v for v in by_wounded.victims if v.outcome == "wounded")],
        perpetrator=known.perpetrator or report.perpetrator,
        evidence=_union(known.evidence, report.evidence, MAX_EVIDENCE),
        article_ids=_union(known.article_ids, report.article_ids),
        sources=[*alert.sources, *new_sources],
    )
    return replace(alert, version=alert.version + 1, status="updated",
                   severity=severity(incident), watched=_watched_union(alert.watched, watched),
                   incident=incident, sources=incident.sources, updated_at=now,
                   reports=[*reports, report_of(report)])


def is_open(alert: Alert, now: str, window_hours: float) -> bool:
    """May reports still join ``alert`` by likeness (updated within the alert window)?"""
    return hours_between(alert.updated_at, now) <= window_hours


def track(known: list[Alert], report: Incident, rules: list[WatchRule], now: str,
          window_hours: float, retired: Container[str] = frozenset(),
          ) -> tuple[Alert | None, list[Alert]]:
    """One report against the alerts of its bucket: (alert to publish or None, new state).

    ``known`` holds the latest version of the bucket's alerts, open or closed. A report
    of an incident an open alert is about (:func:`same_event`, not :func:`told_apart`,
    the closest by :func:`closeness`) updates it (``updated``, version + 1); a report the
    alert already has publishes nothing. Otherwise a watched, current report is a new
    incident: a new alert (version 1, ``new``) whose id is the incident's identity, made
    unique against the open alerts; if that id belongs to an alert whose window has
    closed, the report updates that alert instead (an id never starts over at version 1).
    ``retired`` holds what the tracker keeps of the alerts it no longer keeps
    (:func:`remembered`, :func:`retired_ids`): their ids and their reports' incident ids.
    A report already among them was alerted on (a redelivery); a new incident that would
    take a retired id gets an id of its own instead, for the same reason as above.
    """
    if not is_current(report) or report.incident_id in retired:
        return None, known
    if any(r.incident_id == report.incident_id for a in known for r in reports_of(a)):
        return None, known
    current = [a for a in known if is_open(a, now, window_hours)]
    same = [a for a in current if same_event(a.incident, report) and not told_apart(a, report)]
    target = max(same, key=lambda a: closeness(a, report), default=None)
    created = None
    if target is None:
        created = decide(report, rules, now)
        if created is None:
            return None, known
        taken = {a.alert_id: a for a in known}
        earlier = taken.get(created.alert_id)
        if (earlier is not None and is_open(earlier, now, window_hours)) or (
                earlier is None and created.alert_id in retired):
            # another incident with the same place, day and kind, told apart by its article
            created = replace(created, alert_id=alert_id(report, report.incident_id))
            if created.alert_id in retired:
                return None, known
            earlier = taken.get(created.alert_id)
        target = earlier
    if target is None:
        assert created is not None
        return created, [*known, created]
    revised = revise(target, report, matches(report, rules), now)
    if revised is None:
        return None, known
    return revised, [revised if a.alert_id == target.alert_id else a for a in known]


def retired_ids(alert: Alert) -> set[str]:
    """What the tracker keeps of an alert it forgets: its id and its reports' incident
    ids (ids only), so that no id starts over and no report is alerted on twice."""
    return {alert.alert_id, *(r.incident_id for r in reports_of(alert))}


def remembered(alert: Alert, now: str) -> bool:
    """Must the tracker still know ``alert`` at ``now``? Until every report of its incident
    would be historical (more than ``dates.HISTORICAL_AFTER_DAYS`` after its date, and so
    never alerted): till then a late report may still update it, so its id must not
    start over. Bounds what a worker keeps whatever the history's length."""
    event = dates.instant(alert.incident.date or "") or dates.instant(alert.updated_at)
    moment = dates.instant(now)
    if event is None or moment is None:
        return True
    return (moment - event).days <= dates.HISTORICAL_AFTER_DAYS + 1


def hours_between(earlier: str, later: str) -> float:
    """Hours from one RFC 3339 time to another (0 when either is unreadable)."""
    a, b = dates.instant(earlier), dates.instant(later)
    if a is None or b is None:
        return 0.0
    return (b - a).total_seconds() / 3600
