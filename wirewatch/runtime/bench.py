"""The broker half of ``wirewatch bench`` (docs/operations.md): the embedded broker with one worker,
fed the bench articles; sustained rate, ingest-to-alert latency, start-up and memory.
The pure half (pipeline and baseline) is :mod:`wirewatch.benchmark`."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from schemas.records import RawArticle
from streams import codecs
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker, free_port
from streams.client import read_topic
from streams.topics import TopicNames
from wirewatch.benchmark import (
    LATENCY_GAP_S,
    BenchReport,
    bench_baseline,
    bench_pipeline,
    latency_stories,
    load_articles,
)
from wirewatch.inputs import Message
from wirewatch.runtime.operations import (
    demo_settings,
    publish,
    wait_accounted,
    wait_ready,
    watch_set,
)
from wirewatch.runtime.worker import WorkerProcess
from wirewatch.watch import parse_rules


def bench_e2e(articles: Sequence[RawArticle], watch: str, timeout: float) -> dict[str, float]:
    """Run the articles through the embedded broker and one worker; rate and latency."""
    return asyncio.run(_e2e(articles, watch, timeout))


async def _e2e(articles: Sequence[RawArticle], watch: str, timeout: float) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = demo_settings(broker.url, str(workdir)).replace(web_port=free_port())
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
