"""The whole pipeline in one process, no broker: articles in, alert versions out.

It runs what the workers run, in the order the workers run it — clean, near-duplicate
check, extract, classify, the alert decision, the alert tracker with its buckets — so
that a labelled set can be replayed in publication order and scored at alert level
(``wirewatch eval --alerts``, docs/evaluation.md). Time is the articles' own publication time, so
the dedup and alert windows behave as they would have live.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from schemas.records import Alert, RawArticle, WatchRule
from wirewatch import dates
from wirewatch.alerting import bucket, is_current, remembered, retired_ids, track
from wirewatch.cleaning import InvalidArticle, clean_article
from wirewatch.dedup import Deduplicator
from wirewatch.pipeline import classify_incident, extract_incidents
from wirewatch.watch import DEFAULT_ROLES, matches

DEDUP_WINDOW_HOURS = 48.0
ALERT_WINDOW_HOURS = 72.0


def every_country() -> list[WatchRule]:
    """A watchlist of every ISO 3166-1 country with the default roles."""
    import pycountry

    return [WatchRule(c.alpha_2, list(DEFAULT_ROLES)) for c in pycountry.countries]


@dataclass(slots=True)
class Replay:
    """Articles through the pure pipeline and the alert tracker, one at a time."""

    rules: list[WatchRule]
    dedup_window_hours: float = DEDUP_WINDOW_HOURS
    alert_window_hours: float = ALERT_WINDOW_HOURS
    published: list[Alert] = field(default_factory=list)
    #: per bucket, the latest version of every alert the tracker still knows
    _known: dict[str, list[Alert]] = field(default_factory=dict)
    #: what it keeps of the alerts it no longer knows (:func:`retired_ids`)
    _retired: set[str] = field(default_factory=set)
    _dedup: Deduplicator = field(init=False)

    def __post_init__(self) -> None:
        self._dedup = Deduplicator({}, self.dedup_window_hours * 3600)

    def feed(self, raw: RawArticle) -> list[Alert]:
        """Process one article; return the alert versions it caused."""
        try:
            article = clean_article(raw)
        except InvalidArticle:
            return []
        now = dates.instant(raw.published_at) or datetime(1970, 1, 1, tzinfo=UTC)
        article = self._dedup.check(article, now.timestamp())
        out: list[Alert] = []
        for incident in extract_incidents(article):
            incident = classify_incident(incident)
            if not is_current(incident) or not matches(incident, self.rules):
                continue
            slot = bucket(incident)
            stamp = dates.rfc3339(now)
            alert, state = track(self._known.get(slot, []), incident, self.rules, stamp,
                                 self.alert_window_hours, self._retired)
            self._known[slot] = [a for a in state if remembered(a, stamp)]
            for forgotten in (a for a in state if not remembered(a, stamp)):
                self._retired.update(retired_ids(forgotten))
            if alert is not None:
                out.append(alert)
        self.published.extend(out)
        return out

    def feed_all(self, articles: Iterable[RawArticle]) -> list[Alert]:
        for raw in articles:
            self.feed(raw)
        return self.published
