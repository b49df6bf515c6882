"""Throughput and latency (docs/operations.md), measured in one run on one machine.

- ``pipeline``: the pure clean + extract + classify path, one process, in batches of
  :data:`wirewatch.pipeline.ARTICLE_BATCH` as a worker takes them. It parses only the
  sentences a cheap filter picks as possible casualty reports.
- ``naive``: the naive design — spaCy's full English pipeline over every article's whole
  text, one call per article.
- ``baseline``: the same model run as well as it can be (``nlp.pipe``, batched).
- ``e2e`` (optional): the embedded broker with one worker (:mod:`wirewatch.runtime.bench`).

Articles come from raw-article files or from evaluation files (each row's text one
article), so a real mix — casualty reports and the ordinary news a wire carries most
of — can be timed beside the bundled synthetic corpus.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from schemas.records import RawArticle
from wirewatch.cleaning import InvalidArticle, clean_article, parse_raw
from wirewatch.dates import rfc3339
from wirewatch.extraction import ExtractionStats
from wirewatch.inputs import Message, messages
from wirewatch.nlp import MODEL, model
from wirewatch.pipeline import ARTICLE_BATCH, Analysis, analyse, analyse_many, batched

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
    naive_seconds: float = 0.0
    baseline_seconds: float = 0.0
    sentences: int = 0
    candidate_sentences: int = 0
    incidents: int = 0
    e2e: dict[str, float] = field(default_factory=dict)

    def _rate(self, seconds: float) -> float:
        return self.articles / seconds if seconds else 0.0

    @property
    def pipeline_articles_per_s(self) -> float:
        return self._rate(self.pipeline_seconds)

    @property
    def naive_articles_per_s(self) -> float:
        return self._rate(self.naive_seconds)

    @property
    def baseline_articles_per_s(self) -> float:
        return self._rate(self.baseline_seconds)

    def to_dict(self) -> dict[str, Any]:
        def ratio(rate: float | None, to: float) -> float | None:
            return round(rate / to, 2) if rate is not None and to else None

        words_per_article = self.words / self.articles if self.articles else 0.0
        e2e_rate = self.e2e.get("e2e_articles_per_s")
        out: dict[str, Any] = {
            "articles": self.articles, "words": self.words,
            "pipeline_articles_per_s": round(self.pipeline_articles_per_s, 2),
            "pipeline_words_per_s": round(self.pipeline_articles_per_s * words_per_article),
            "baseline_articles_per_s": round(self.baseline_articles_per_s, 2),
            "naive_articles_per_s": round(self.naive_articles_per_s, 2),
            "clean_articles_per_s": round(self._rate(self.clean_seconds), 2)
            if self.clean_seconds else None,
            "ratio": ratio(self.pipeline_articles_per_s, self.baseline_articles_per_s),
            "pipeline_vs_naive": ratio(self.pipeline_articles_per_s, self.naive_articles_per_s),
            "sentences": self.sentences, "candidate_sentences": self.candidate_sentences,
            "incidents": self.incidents,
        }
        out.update({k: round(v, 2) for k, v in self.e2e.items()})
        if e2e_rate is not None:
            out["e2e_words_per_s"] = round(e2e_rate * words_per_article)
            out["e2e_vs_baseline"] = ratio(e2e_rate, self.baseline_articles_per_s)
            out["e2e_vs_naive"] = ratio(e2e_rate, self.naive_articles_per_s)
        return out


def load_articles(paths: Sequence[str], published_at: str | None = None) -> list[RawArticle]:
    """The articles under ``paths``: raw articles, or evaluation rows (each row's text one
    article, named after its file and row). Lines that are neither are skipped: nothing
    to time."""
    out = []
    for message in messages(list(paths), published_at):
        try:
            out.append(parse_raw(message.value))
        except InvalidArticle:
            row = _evaluation_row(message)
            if row is not None:
                out.append(row)
    return out


#: the publication time of an evaluation row that gives none
UNDATED = "2020-01-01T12:00:00Z"


def _evaluation_row(message: Message) -> RawArticle | None:
    """An evaluation row (``{"id", "text", "published_at"?}``) as a raw article."""
    try:
        row = orjson.loads(message.value)
        text = row["text"] if isinstance(row, dict) else None
    except (orjson.JSONDecodeError, KeyError):
        return None
    if not isinstance(text, str) or not text.strip():
        return None
    source = message.where.rpartition(":")[0].rsplit("/", 1)[-1].removesuffix(".jsonl")
    published = str(row.get("published_at") or UNDATED)
    if len(published) == 10:  # a bare date
        published += "T12:00:00Z"
    return RawArticle(id=f"{source or 'eval'}-{row.get('id', message.key)}",
                      source=source or "eval", published_at=published, body=text)


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
        for batch in batched(articles, ARTICLE_BATCH):
            report.incidents += sum(len(result.incidents) for result in analyse_many(batch, stats)
                                    if isinstance(result, Analysis))

    report.pipeline_seconds = _timed(run)
    report.sentences, report.candidate_sentences = stats.sentences, stats.candidates

    def clean_only() -> None:
        for article in articles:
            with contextlib.suppress(InvalidArticle):
                clean_article(article)

    report.clean_seconds = _timed(clean_only)


def bench_baseline(articles: Sequence[RawArticle], report: BenchReport) -> None:
    """Time spaCy's full pipeline over every article's whole text: one call per article
    (naive), then batched with ``nlp.pipe`` (the baseline)."""
    import spacy

    nlp = spacy.load(MODEL)
    nlp(articles[0].body)
    texts = [article.body for article in articles]

    def naive() -> None:
        for text in texts:
            nlp(text)

    def batched_pipe() -> None:
        for _doc in nlp.pipe(texts, batch_size=64):
            pass

    report.naive_seconds = _timed(naive)
    report.baseline_seconds = _timed(batched_pipe)
