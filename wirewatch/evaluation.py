"""Accuracy on a labelled file (docs/evaluation.md), computed with the pure pipeline.

A row is ``{"id", "text", "published_at", "gold": {"killed", "wounded", "country",
"event_type", "sub_event_type"}}``; ``null`` gold values are not labelled and are
skipped by that metric. A text's prediction is read off its incidents:

- killed (wounded): the sum over its non-historical incidents, 0 when there are none;
- country, event type, sub-type: those of the incident with the most casualties.

:func:`evaluate_alerts` scores at alert level: the rows replayed in publication order
through the whole pure pipeline and the alert tracker (:mod:`wirewatch.replay`),
watching every country, per incident against the rows' ``gold.events``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from schemas.records import Alert, Incident, RawArticle
from wirewatch.geo import countries_named
from wirewatch.pipeline import ARTICLE_BATCH, Analysis, analyse_many, batched
from wirewatch.rules import tracing
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
        """The ``--predictions`` line (docs/evaluation.md)."""
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
    #: how often each named rule (wirewatch.rules) fired on the file
    rules: Counter[str] = field(default_factory=Counter)
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
        """The document of docs/evaluation.md (accuracies rounded to 4 places, null when
        unlabelled), and ``rules``: how often each named rule fired on the file."""
        out: dict[str, Any] = {"n": self.n}
        for metric in METRICS:
            value = self.accuracy(metric)
            out[REPORT_KEYS[metric]] = None if value is None else round(value, 4)
        out["articles_per_s"] = round(self.articles_per_s, 2)
        out["rules"] = dict(sorted(self.rules.items()))
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
    """The text-level prediction docs/evaluation.md reads off a text's incidents."""
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
    return predict_rows([row])[0]


def predict_rows(rows: Sequence[Row]) -> list[Prediction]:
    """Run the pure pipeline on the rows' texts, batched as a worker batches articles."""
    raws = [RawArticle(id=row.id, source="eval", published_at=row.published_at or "",
                       body=row.text) for row in rows]
    # an article with nothing left after cleaning has no incident
    return [predict(result.incidents) if isinstance(result, Analysis)
            else Prediction(0, 0, None, None, None) for result in analyse_many(raws)]


def evaluate(rows: Iterable[Row], keep_misses: bool = False,
             on_row: Callable[[RowResult], None] | None = None) -> Report:
    """Score the pipeline on ``rows``; with ``keep_misses``, also list the wrong answers
    and count the texts that name no place in their gold country. ``on_row`` sees each
    row's result (``--predictions``)."""
    report = Report(unplaceable=0 if keep_misses else None)
    started = time.perf_counter()
    for row, predicted in _predicted(rows, report):
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


def _predicted(rows: Iterable[Row], report: Report) -> Iterator[tuple[Row, Prediction]]:
    """Each row with its prediction, taken in batches of :data:`ARTICLE_BATCH`; the rules
    that fired are counted into ``report``."""
    for batch in batched(rows, ARTICLE_BATCH):
        with tracing() as fired_here:
            predictions = predict_rows(batch)
        report.rules.update(fired_here)
        yield from zip(batch, predictions, strict=True)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One incident as one labelled article tells it (an entry of ``gold.events``)."""

    key: str
    article_id: str
    country: str | None
    killed: int
    published_at: str
    part_of: str | None = None


@dataclass(slots=True)
class AlertReport:
    """Alert-level figures of one replay, per incident (docs/evaluation.md, ``eval --alerts``)."""

    alerts: int = 0
    gold_events: int = 0
    alerts_on_gold: int = 0
    alerted_events: int = 0
    single_alert_events: int = 0
    right_final_toll: int = 0
    #: per gold event: alert ids, their last killed figures, the figures articles gave
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: alert ids that belong to no gold event (false alerts), with their last toll
    stray: list[dict[str, Any]] = field(default_factory=list)

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


def gold_events(row: Row) -> list[GoldEvent]:
    """The incidents a row's ``gold.events`` lists (none for ordinary news)."""
    listed = row.gold.get("events") or []
    return [GoldEvent(str(e["event"]), row.id, e.get("country"), int(e.get("killed") or 0),
                      row.published_at or "", e.get("part_of"))
            for e in listed if isinstance(e, dict) and e.get("event")]


def publication_order(rows: Iterable[Row]) -> list[Row]:
    """Rows by publication time; rows without one keep their place after the others."""
    listed = list(rows)
    return sorted(listed, key=lambda r: (r.published_at is None, r.published_at or ""))


def _candidates(alert: Alert, told: dict[str, list[GoldEvent]]) -> list[tuple[int, set[str]]]:
    """What an alert may belong to: each (killed figure, event keys) an article it cites
    gives in the alert's country: every event alone, and each ``part_of`` group whole."""
    country = alert.incident.location.country
    out: list[tuple[int, set[str]]] = []
    for source in alert.sources:
        events = [e for e in told.get(source.article_id, []) if e.country == country]
        out.extend((e.killed, {e.key}) for e in events)
        for head in {e.part_of for e in events if e.part_of}:
            group = [e for e in events if head in (e.key, e.part_of)]
            out.append((sum(e.killed for e in group), {e.key for e in group}))
    return out


def score_alerts(alerts: Iterable[Alert], rows: Sequence[Row]) -> AlertReport:
    """Judge each alert id on its last version (docs/evaluation.md): it belongs to the event, among
    the events of the articles it cites and in its country, whose killed figure is nearest
    its own (a ``part_of`` group may match as a whole); else it is a false alert."""
    told = {row.id: gold_events(row) for row in rows}
    every = [e for events in told.values() for e in events]
    keys = sorted({e.key for e in every})
    last: dict[str, Alert] = {}
    for alert in alerts:
        if alert.alert_id not in last or last[alert.alert_id].version < alert.version:
            last[alert.alert_id] = alert
    report = AlertReport(alerts=len(last), gold_events=len(keys))
    by_event: dict[str, list[str]] = {}
    for alert_id, alert in last.items():
        options = _candidates(alert, told)
        if not options:
            report.stray.append({"alert_id": alert_id, "killed": alert.incident.killed,
                                 "country": alert.incident.location.country,
                                 "articles": [s.article_id for s in alert.sources]})
            continue
        report.alerts_on_gold += 1
        _, belongs = min(options, key=lambda o: abs(o[0] - alert.incident.killed))
        for key in belongs:
            by_event.setdefault(key, []).append(alert_id)
    for key in keys:
        ids = by_event.get(key, [])
        told_of = sorted((e for e in every if e.key == key), key=lambda e: e.published_at)
        right = _right_tolls(key, every)
        finals = [last[i].incident.killed for i in ids]
        report.events[key] = {"alert_ids": ids, "final_killed": finals,
                              "gold_killed": [e.killed for e in told_of]}
        if not ids:
            continue
        report.alerted_events += 1
        report.single_alert_events += len(ids) == 1
        report.right_final_toll += any(k in right for k in finals)
    return report


def _right_tolls(key: str, every: list[GoldEvent]) -> set[int]:
    """The final figures right for an event: the largest an article gave, or the latest
    article's; for an event in a ``part_of`` group, also those of the group summed per
    article (an alert may carry the whole attack sequence)."""
    right: set[int] = set()
    head = next((e.part_of for e in every if e.key == key and e.part_of), key)
    for keys in ({key}, {head} | {e.key for e in every if e.part_of == head}):
        per_article: dict[str, int] = {}
        when: dict[str, str] = {}
        for e in every:
            if e.key in keys:
                per_article[e.article_id] = per_article.get(e.article_id, 0) + e.killed
                when[e.article_id] = e.published_at
        if per_article:
            latest = max(per_article, key=lambda a: when[a])
            right |= {max(per_article.values()), per_article[latest]}
    return right


def evaluate_alerts(rows: Iterable[Row]) -> AlertReport:
    """Replay ``rows`` in publication order through the pipeline and the alert tracker,
    watching every country, and score the alerts per incident (:func:`score_alerts`)."""
    from wirewatch.replay import Replay, every_country

    ordered = publication_order(rows)
    replay = Replay(every_country())
    for row in ordered:
        replay.feed(RawArticle(id=row.id, source="eval", published_at=row.published_at or "",
                               body=row.text))
    return score_alerts(replay.published, ordered)
