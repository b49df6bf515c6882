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

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from schemas.records import Alert, Incident, Report, Role, Severity, WatchedRole, WatchRule
from wirewatch import dates, geo
from wirewatch.gazetteer import fold
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
#: an article's incidents at most this many days apart are parts of one story (a weekend
#: raid and Wednesday's in the same state, told as one wave of attacks)
SAME_STORY_DAYS = 7
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


def alert_id(incident: Incident) -> str:
    """The stable identity of the real-world event: place, country, date and event type."""
    place = fold(incident.location.name or "")
    return "al-" + stable_id(incident.location.country, place, incident.date,
                             incident.event_type, length=24)


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


def story_toll(reports: Sequence[Report]) -> tuple[int, int]:
    """An event's toll from its reports: an article's reports are parts of its story and
    add up; articles are separate accounts, and the largest figure stands (per outcome)."""
    killed: dict[str, int] = {}
    wounded: dict[str, int] = {}
    for r in reports:
        killed[r.article_id] = killed.get(r.article_id, 0) + r.killed
        wounded[r.article_id] = wounded.get(r.article_id, 0) + r.wounded
    return max(killed.values(), default=0), max(wounded.values(), default=0)


def part_of_story(alert: Alert, report: Incident) -> bool:
    """Is ``report`` another part of a story the alert already rests on? The same article,
    the same country, and dates at most ``SAME_STORY_DAYS`` apart: a coordinated attack on
    several sites, a clash and an ambush told as one operation, or a wave of raids over a
    week is one alert whatever place each part names (what the article only recalls is
    historical and never alerted)."""
    articles = {r.article_id for r in reports_of(alert)}
    if not articles & set(report.article_ids):
        return False
    apart = _days_apart(alert.incident.date, report.date)
    return alert.incident.location.country == report.location.country and \
        (apart is None or apart <= SAME_STORY_DAYS)


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
    """The next version of ``alert`` after another report, or None if it changes nothing.

    The toll is :func:`story_toll` over the alert's reports, revised up only, as ACLED does
    (a lower later figure is usually a partial count); the victims and qualifiers follow
    the report with the higher toll (a part of the same story adds its victims); every
    source and evidence sentence is kept. A report the alert already has (a redelivered
    message) changes nothing.
    """
    known = alert.incident
    reports = reports_of(alert)
    if any(r.incident_id == report.incident_id for r in reports):
        return None
    part = part_of_story(alert, report)
    reports = [*reports, report_of(report)]
    new_sources = [s for s in report.sources
                   if s.article_id not in {x.article_id for x in alert.sources}]
    story = story_toll(reports)
    killed, wounded = max(known.killed, story[0]), max(known.wounded, story[1])
    by_killed = report if report.killed > known.killed else known
    by_wounded = report if report.wounded > known.wounded else known
    if part:
        victims = [*known.victims, *report.victims]
    else:
        victims = [*(v for v in by_killed.victims if v.outcome == "killed"),
                   *(v for v in by_wounded.victims if v.outcome == "wounded")]
    stated = known.date_inferred and not report.date_inferred and report.date
    incident = replace(
        known, killed=killed, wounded=wounded,
        date=report.date if stated else known.date,
        date_inferred=known.date_inferred and not stated,
        killed_qualifier=by_killed.killed_qualifier,
        wounded_qualifier=by_wounded.wounded_qualifier,
        victims=victims, perpetrator=known.perpetrator or report.perpetrator,
        evidence=_union(known.evidence, report.evidence, MAX_EVIDENCE),
        article_ids=_union(known.article_ids, report.article_ids),
        sources=[*alert.sources, *new_sources],
    )
    return replace(alert, version=alert.version + 1, status="updated",
                   severity=severity(incident), watched=_watched_union(alert.watched, watched),
                   incident=incident, sources=incident.sources, updated_at=now,
                   reports=reports)


def track(known: list[Alert], report: Incident, rules: list[WatchRule], now: str,
          window_hours: float) -> tuple[Alert | None, list[Alert]]:
    """One report against the alerts of its bucket: (alert to publish or None, new state).

    A first report of a watched, current event creates an alert (version 1, ``new``); a
    later report of the same event (:func:`same_event`), or another part of a story the
    alert rests on (:func:`part_of_story`), updates it (``updated``, version + 1); a
    report the alert already has publishes nothing. Alerts not updated within
    ``window_hours`` are forgotten.
    """
    current = [a for a in known if hours_between(a.updated_at, now) <= window_hours]
    if not is_current(report):
        return None, current
    # a part of a story first: its article already chose the event it is about
    index = next((i for i, a in enumerate(current) if part_of_story(a, report)), None)
    if index is None:
        index = next((i for i, a in enumerate(current) if same_event(a.incident, report)), None)
    if index is not None:
        revised = revise(current[index], report, matches(report, rules), now)
        if revised is None:
            return None, current
        current[index] = revised
        return revised, current
    created = decide(report, rules, now)
    if created is None:
        return None, current
    return created, [*current, created]


def hours_between(earlier: str, later: str) -> float:
    """Hours from one RFC 3339 time to another (0 when either is unreadable)."""
    a, b = dates.instant(earlier), dates.instant(later)
    if a is None or b is None:
        return 0.0
    return (b - a).total_seconds() / 3600
