"""Throughput and latency (SPEC §7), measured in one run on one machine.

- ``pipeline``: the pure clean + extract + classify path, one process. It parses only
  the sentences a cheap filter picks as possible casualty reports.
- ``baseline``: the naive design — spaCy's full English pipeline over every article's
  whole text, nothing else.
- ``e2e`` (optional): the embedded broker with one worker, fed the same articles; the
  sustained rate from first publish to last output, and ingest-to-alert latency from
  Kafka record timestamps (raw message create time → alert create time).
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from schemas.records import RawArticle
from streams import codecs
from wirewatch.cleaning import InvalidArticle, clean_article, parse_raw
from wirewatch.dates import rfc3339
from wirewatch.extraction import ExtractionStats
from wirewatch.inputs import Message, messages
from wirewatch.nlp import MODEL, model
from wirewatch.pipeline import analyse

#: paced stories for the latency figures (SPEC §7: at least 200), seconds apart
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


def bench_e2e(articles: Sequence[RawArticle], watch: str, timeout: float) -> dict[str, float]:
    """Run the articles through the embedded broker and one worker; rate and latency."""
    return asyncio.run(_e2e(articles, watch, timeout))


async def _e2e(articles: Sequence[RawArticle], watch: str, timeout: float) -> dict[str, float]:
    from streams.admin import ensure_topics
    from streams.broker import EmbeddedBroker, free_port
    from streams.client import read_topic
    from streams.topics import TopicNames
    from wirewatch.operations import (
        demo_settings,
        publish,
        wait_accounted,
        wait_ready,
        watch_set,
    )
    from wirewatch.watch import parse_rules
    from wirewatch.worker import WorkerProcess

    workdir = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = replace(demo_settings(broker.url, str(workdir)), web_port=free_port())
        names = TopicNames(settings.topic_prefix)
        await ensure_topics(settings)
        await watch_set(settings, parse_rules(watch))
        started = time.perf_counter()
        with WorkerProcess(settings) as worker:
            # start-up: process start to /ready (model, gazetteer, partitions, watchlist)
            await wait_ready([worker], lambda: False, timeout)
            startup_s = time.perf_counter() - started
            # one article first, so the timed run does not include the group join
            warm = [Message(f"warm-{articles[0].id}", codecs.encode(
                {**articles[0].to_dict(), "id": f"warm-{articles[0].id}"}))]
            await publish(settings, names.raw, warm)
            await wait_accounted(settings, 1, timeout, worker, quiet=0.5)
            # throughput: the whole corpus at once
            items = [Message(a.id, codecs.encode(a)) for a in articles]
            await publish(settings, names.raw, items)
            total = len(items) + 1
            await wait_accounted(settings, total, timeout, worker, quiet=1.0)
            burst_end = max([r.timestamp for topic in (names.clean, names.extracted,
                                                       names.incidents, names.alerts,
                                                       names.deadletter)
                             async for r in read_topic(settings, topic)])
            # latency: distinct casualty stories, one every LATENCY_GAP_S
            copies = [Message(a.id, codecs.encode(a)) for a in latency_stories()]
            for copy in copies:
                await publish(settings, names.raw, [copy])
                await asyncio.sleep(LATENCY_GAP_S)
            await wait_accounted(settings, total + len(copies), timeout, worker, quiet=1.0)
            rss_mb = resident_mb(worker.proc.pid) if worker.proc else 0.0
        raw_times = {codecs.decode_key(r.key): r.timestamp
                     async for r in read_topic(settings, names.raw)}
        latencies = []
        async for record in read_topic(settings, names.alerts):
            alert = codecs.decode(record.value)
            first = str((alert.get("sources") or [{}])[0].get("article_id"))
            if alert.get("version") == 1 and first.startswith("lat-") and first in raw_times:
                latencies.append(record.timestamp - raw_times[first])
    first = min(raw_times[a.id] for a in articles if a.id in raw_times)
    span_ms = burst_end - first
    out = {"e2e_articles_per_s": len(articles) / (span_ms / 1000) if span_ms > 0 else 0.0,
           "alerts_timed": float(len(latencies)), "startup_s": startup_s,
           "worker_rss_mb": rss_mb}
    if latencies:
        latencies.sort()
        out["p50_ms"] = float(statistics.median(latencies))
        out["p99_ms"] = float(latencies[min(len(latencies) - 1,
                                            round(0.99 * (len(latencies) - 1)))])
    return out


def resident_mb(pid: int) -> float:
    """Resident memory of a process in MiB (Linux ``/proc``; 0 where unavailable)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_bench(paths: Sequence[str], *, broker: bool = False, watch: str = "",
              timeout: float = 600.0) -> BenchReport:
    """The whole benchmark on the articles under ``paths``."""
    articles = load_articles(paths)
    if not articles:
        raise ValueError("no valid articles to benchmark")
    report = BenchReport(articles=len(articles),
                         words=sum(len(a.body.split()) for a in articles))
    bench_pipeline(articles, report)
    bench_baseline(articles, report)
    if broker:
        report.e2e = bench_e2e(articles, watch, timeout)
    return report
