"""Accuracy on a labelled file (SPEC §6), computed with the pure pipeline.

A row is ``{"id", "text", "published_at", "gold": {"killed", "wounded", "country",
"event_type", "sub_event_type"}}``; ``null`` gold values are not labelled and are
skipped by that metric. A text's prediction is read off its incidents:

- killed (wounded): the sum over its non-historical incidents, 0 when there are none;
- country, event type, sub-type: those of the incident with the most casualties.

:func:`evaluate_alerts` scores at alert level: the rows replayed in publication order
through the whole pure pipeline and the alert tracker (:mod:`wirewatch.replay`),
watching every country, against the rows' ``gold.event_group``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from schemas.records import Incident, RawArticle
from wirewatch.cleaning import InvalidArticle
from wirewatch.geo import countries_named
from wirewatch.pipeline import analyse
from wirewatch.text import sentences

METRICS = ("killed", "wounded", "country", "event_type", "sub_event_type")
REPORT_KEYS = {"killed": "killed_exact", "wounded": "wounded_exact",
               "country": "country_accuracy", "event_type": "event_type_accuracy",
               "sub_event_type": "sub_event_type_accuracy"}


class EvalFileError(ValueError):
    """The labelled file cannot be read."""


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled text."""

    id: str
    text: str
    published_at: str | None
    gold: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the pipeline says about one text, in the terms of the gold labels."""

    killed: int
    wounded: int
    country: str | None
    event_type: str | None
    sub_event_type: str | None

    def get(self, metric: str) -> Any:
        return getattr(self, metric)


@dataclass(frozen=True, slots=True)
class RowResult:
    """One row's prediction and, per labelled metric, whether it was right."""

    row: Row
    predicted: Prediction
    right: dict[str, bool]

    def to_dict(self, file: str) -> dict[str, Any]:
        """The ``--predictions`` line (SPEC §6)."""
        return {"id": self.row.id, "file": file, "gold": self.row.gold,
                "predicted": asdict(self.predicted), "right": self.right}


@dataclass(slots=True)
class Miss:
    """One wrong answer, for error analysis."""

    row_id: str
    metric: str
    gold: Any
    predicted: Any
    note: str = ""


@dataclass(slots=True)
class Report:
    """Accuracy per metric over the rows labelled for it."""

    n: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    labelled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)
    #: country-labelled texts that name no place the gazetteer puts in their gold country:
    #: no geoparser reading the text with it can place them (``None`` until counted)
    unplaceable: int | None = None

    @property
    def country_ceiling(self) -> float | None:
        """The best country accuracy a geoparser with this gazetteer could reach here."""
        labelled = self.labelled["country"]
        if self.unplaceable is None or not labelled:
            return None
        return (labelled - self.unplaceable) / labelled

    def accuracy(self, metric: str) -> float | None:
        """Share of labelled rows predicted right; ``None`` when no row is labelled."""
        labelled = self.labelled[metric]
        return self.correct[metric] / labelled if labelled else None

    @property
    def articles_per_s(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The SPEC §6 document (accuracies rounded to 4 places, null when unlabelled)."""
        out: dict[str, Any] = {"n": self.n}
        for metric in METRICS:
            value = self.accuracy(metric)
            out[REPORT_KEYS[metric]] = None if value is None else round(value, 4)
        out["articles_per_s"] = round(self.articles_per_s, 2)
        return out


def read_rows(path: str | Path) -> Iterator[Row]:
    """The rows of a labelled .jsonl file; raises :class:`EvalFileError` with the line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise EvalFileError(f"{path}: {exc.strerror or exc}") from exc
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
            gold = value["gold"]
            text = value["text"]
            if not isinstance(gold, dict) or not isinstance(text, str):
                raise TypeError("'gold' must be an object and 'text' a string")
        except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
            raise EvalFileError(f"{path}:{number}: not an evaluation row ({exc})") from exc
        yield Row(str(value.get("id", number)), text, value.get("published_at"), gold)


def predict(incidents: list[Incident]) -> Prediction:
    """The text-level prediction SPEC §6 reads off a text's incidents."""
    current = [i for i in incidents if not i.historical]
    killed = sum(i.killed for i in current)
    wounded = sum(i.wounded for i in current)
    if not current:
        return Prediction(killed, wounded, None, None, None)
    main = max(current, key=lambda i: (i.killed + i.wounded, i.killed))
    return Prediction(killed, wounded, main.location.country, main.event_type or None,
                      main.sub_event_type or None)


def predict_row(row: Row) -> Prediction:
    """Run the pure pipeline on one row's text."""
    raw = RawArticle(id=row.id, source="eval", published_at=row.published_at or "",
                     body=row.text)
    try:
        return predict(analyse(raw).incidents)
    except InvalidArticle:  # nothing left after cleaning: no incident
        return Prediction(0, 0, None, None, None)


def evaluate(rows: Iterable[Row], keep_misses: bool = False,
             on_row: Callable[[RowResult], None] | None = None) -> Report:
    """Score the pipeline on ``rows``; with ``keep_misses``, also list the wrong answers
    and count the texts that name no place in their gold country. ``on_row`` sees each
    row's result (``--predictions``)."""
    report = Report(unplaceable=0 if keep_misses else None)
    started = time.perf_counter()
    for row in rows:
        predicted = predict_row(row)
        report.n += 1
        right: dict[str, bool] = {}
        for metric in METRICS:
            gold = row.gold.get(metric)
            if gold is None:
                continue
            report.labelled[metric] += 1
            right[metric] = predicted.get(metric) == gold
            if right[metric]:
                report.correct[metric] += 1
            elif keep_misses:
                note = ""
                if metric == "country" and gold not in countries_named(sentences(row.text)):
                    note = f"the text names no place in {gold}"
                    report.unplaceable = (report.unplaceable or 0) + 1
                report.misses.append(Miss(row.id, metric, gold, predicted.get(metric), note))
        if on_row is not None:
            on_row(RowResult(row, predicted, right))
    report.seconds = time.perf_counter() - started
    return report


@dataclass(slots=True)
class AlertReport:
    """Alert-level figures of one replay (SPEC §6, ``eval --alerts``)."""

    alerts: int = 0
    gold_events: int = 0
    alerts_on_gold: int = 0
    alerted_events: int = 0
    single_alert_events: int = 0
    right_final_toll: int = 0
    #: per gold event: alert ids, final killed figure, the largest gold killed figure
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: alert ids whose sources include no article of a gold event
    stray: list[str] = field(default_factory=list)

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    def to_dict(self) -> dict[str, Any]:
        return {"alerts": self.alerts, "gold_events": self.gold_events,
                "precision": self._share(self.alerts_on_gold, self.alerts),
                "recall": self._share(self.alerted_events, self.gold_events),
                "one_alert_per_event": self._share(self.single_alert_events,
                                                   self.alerted_events),
                "final_toll": self._share(self.right_final_toll, self.alerted_events)}


def is_gold_event_row(row: Row) -> bool:
    """A row that reports a current violent incident with casualties."""
    gold = row.gold
    if gold.get("historical_only") or gold.get("is_violent_incident") is False:
        return False
    return (gold.get("killed") or 0) + (gold.get("wounded") or 0) > 0


def publication_order(rows: Iterable[Row]) -> list[Row]:
    """Rows by publication time; rows without one keep their place after the others."""
    listed = list(rows)
    return sorted(listed, key=lambda r: (r.published_at is None, r.published_at or ""))


def evaluate_alerts(rows: Iterable[Row]) -> AlertReport:
    """Replay ``rows`` in publication order through the pipeline and the alert tracker,
    watching every country, and score the alerts against ``gold.event_group``."""
    from wirewatch.replay import Replay, every_country

    ordered = publication_order(rows)
    replay = Replay(every_country())
    for row in ordered:
        replay.feed(RawArticle(id=row.id, source="eval", published_at=row.published_at or "",
                               body=row.text))
    group_of: dict[str, str] = {r.id: str(r.gold["event_group"]) for r in ordered
                                if r.gold.get("event_group")}
    gold_groups = {group_of[r.id] for r in ordered if r.id in group_of and is_gold_event_row(r)}
    largest: dict[str, int] = {}
    for row in ordered:
        group = group_of.get(row.id)
        if group is not None and group in gold_groups and row.gold.get("killed") is not None:
            largest[group] = max(largest.get(group, 0), int(row.gold["killed"]))
    report = AlertReport(gold_events=len(gold_groups))
    sources: dict[str, set[str]] = {}
    latest: dict[str, Any] = {}
    for alert in replay.published:
        sources.setdefault(alert.alert_id, set()).update(s.article_id for s in alert.sources)
        latest[alert.alert_id] = alert
    report.alerts = len(sources)
    by_event: dict[str, list[str]] = {}
    for alert_id, articles in sources.items():
        events = {group_of[a] for a in articles if group_of.get(a) in gold_groups}
        if events:
            report.alerts_on_gold += 1
        else:
            report.stray.append(alert_id)
        for event in events:
            by_event.setdefault(event, []).append(alert_id)
    for event in sorted(gold_groups):
        ids = by_event.get(event, [])
        final = max((latest[i] for i in ids), key=lambda a: a.version, default=None)
        final_killed = final.incident.killed if final else None
        report.events[event] = {"alert_ids": ids, "final_killed": final_killed,
                                "gold_killed": largest.get(event)}
        if not ids:
            continue
        report.alerted_events += 1
        report.single_alert_events += len(ids) == 1
        report.right_final_toll += final_killed == largest.get(event)
    return report
