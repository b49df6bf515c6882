"""Throughput and latency (docs/operations.md), measured in one run on one machine.

- ``pipeline``: the pure clean + extract + classify path, one process. It parses only
  the sentences a cheap filter picks as possible casualty reports.
- ``baseline``: the naive design — spaCy's full English pipeline over every article's
  whole text, nothing else.
- ``e2e`` (optional): the embedded broker with one worker, fed the same articles; the
  sustained rate from first publish to last output, and ingest-to-alert latency from
  Kafka record timestamps (raw message create time → alert create time).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from schemas.records import RawArticle
from wirewatch.cleaning import InvalidArticle, clean_article, parse_raw
from wirewatch.dates import rfc3339
from wirewatch.extraction import ExtractionStats
from wirewatch.inputs import messages
from wirewatch.nlp import MODEL, model
from wirewatch.pipeline import analyse

#: paced stories for the latency figures (docs/operations.md: at least 200), seconds apart
LATENCY_STORIES = 200
LATENCY_GAP_S = 0.1
_LATENCY_PLACES = ("Maiduguri", "Kharkiv", "Mogadishu", "Idlib", "Kandahar", "Peshawar",
                   "Mopti", "Hakkari", "Kano", "Odesa", "Kismayo", "Aleppo", "Herat", "Quetta",
                   "Gao", "Diyarbakir")


def latency_stories() -> list[RawArticle]:
    """Short, distinct casualty reports in watched countries: each makes a new alert (its
    date is three days from any other story's, so no two are one event)."""
    stories = []
    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    for n in range(LATENCY_STORIES):
        place = _LATENCY_PLACES[n % len(_LATENCY_PLACES)]
        day = start + timedelta(days=3 * n)
        stories.append(RawArticle(
            id=f"lat-{n:03d}", source="bench", published_at=rfc3339(day),
            body=f"A bomb exploded at a market in {place} on the morning of "
                 f"{day:%B} {day.day}, killing {n % 40 + 3} people and wounding "
                 f"{n % 60 + 5}, police in {place} said. Officials said report number {n} "
                 f"would follow."))
    return stories


@dataclass(slots=True)
class BenchReport:
    """The figures of one ``wirewatch bench`` run."""

    articles: int = 0
    words: int = 0
    pipeline_seconds: float = 0.0
    clean_seconds: float = 0.0
    baseline_seconds: float = 0.0
    sentences: int = 0
    candidate_sentences: int = 0
    incidents: int = 0
    e2e: dict[str, float] = field(default_factory=dict)

    @property
    def pipeline_articles_per_s(self) -> float:
        return self.articles / self.pipeline_seconds if self.pipeline_seconds else 0.0

    @property
    def baseline_articles_per_s(self) -> float:
        return self.articles / self.baseline_seconds if self.baseline_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        ratio = (self.pipeline_articles_per_s / self.baseline_articles_per_s
                 if self.baseline_articles_per_s else None)
        out: dict[str, Any] = {
            "articles": self.articles, "words": self.words,
            "pipeline_articles_per_s": round(self.pipeline_articles_per_s, 2),
            "baseline_articles_per_s": round(self.baseline_articles_per_s, 2),
            "clean_articles_per_s": round(self.articles / self.clean_seconds, 2)
            if self.clean_seconds else None,
            "ratio": round(ratio, 2) if ratio is not None else None,
            "sentences": self.sentences, "candidate_sentences": self.candidate_sentences,
            "incidents": self.incidents,
        }
        out.update({k: round(v, 2) for k, v in self.e2e.items()})
        return out


def load_articles(paths: Sequence[str], published_at: str | None = None) -> list[RawArticle]:
    """The valid raw articles under ``paths`` (broken lines are skipped: nothing to time)."""
    out = []
    for message in messages(list(paths), published_at):
        try:
            out.append(parse_raw(message.value))
        except InvalidArticle:
            continue
    return out


def _timed(work: Callable[[], None]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bench_pipeline(articles: Sequence[RawArticle], report: BenchReport) -> None:
    """Time the pure pipeline over every article (model and gazetteer loaded beforehand)."""
    from wirewatch import gazetteer

    model()
    gazetteer.warm()
    analyse(articles[0])  # first-call costs (regex compilation, lazy imports) are not throughput
    stats = ExtractionStats()

    def run() -> None:
        for article in articles:
            try:
                report.incidents += len(analyse(article, stats).incidents)
            except InvalidArticle:
                continue

    report.pipeline_seconds = _timed(run)
    report.sentences, report.candidate_sentences = stats.sentences, stats.candidates

    def clean_only() -> None:
        for article in articles:
            with contextlib.suppress(InvalidArticle):
                clean_article(article)

    report.clean_seconds = _timed(clean_only)


def bench_baseline(articles: Sequence[RawArticle], report: BenchReport) -> None:
    """Time spaCy's full pipeline over every article's whole text."""
    import spacy

    nlp = spacy.load(MODEL)
    nlp(articles[0].body)

    def run() -> None:
        for article in articles:
            nlp(article.body)

    report.baseline_seconds = _timed(run)
