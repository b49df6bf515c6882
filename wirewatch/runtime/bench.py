"""The broker half of ``wirewatch bench`` (docs/operations.md): the embedded broker with one worker,
fed the bench articles; sustained rate, ingest-to-alert latency, start-up and memory.
The pure half (pipeline and baseline) is :mod:`wirewatch.benchmark`."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from schemas.records import RawArticle
from streams import codecs
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker, free_port
from streams.client import producer, read_topic
from streams.settings import Settings
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


def bench_e2e(articles: Sequence[RawArticle], watch: str, timeout: float,
              workers: int = 1) -> dict[str, float]:
    """Run the articles through the embedded broker and ``workers`` worker processes;
    rate and latency."""
    return asyncio.run(_e2e(articles, watch, timeout, workers))


#: the paced run's rate, as a share of the capacity the burst measured
PACED_SHARE = 0.8


async def _e2e(articles: Sequence[RawArticle], watch: str, timeout: float,
               workers: int) -> dict[str, float]:
    """Capacity from a burst of every other article (all published at once, timed from
    the first publish to the last output); then the other half, with the latency
    stories mixed in evenly, published one by one at :data:`PACED_SHARE` of that
    capacity, and ingest-to-alert latency read off every alert the paced half caused."""
    burst, paced_half = list(articles[0::2]), list(articles[1::2])
    workdir = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = demo_settings(broker.url, str(workdir)).replace(web_port=free_port())
        names = TopicNames(settings.topic_prefix)
        await ensure_topics(settings)
        await watch_set(settings, parse_rules(watch))
        started = time.perf_counter()
        with contextlib.ExitStack() as stack:
            procs = [stack.enter_context(WorkerProcess(settings, index=index))
                     for index in range(workers)]
            # start-up: process start to /ready (model, gazetteer, partitions, watchlist)
            await wait_ready(procs, lambda: False, timeout)
            startup_s = time.perf_counter() - started
            # one article first, so the timed run does not include the group join
            warm = [Message(f"warm-{articles[0].id}", codecs.encode(
                {**articles[0].to_dict(), "id": f"warm-{articles[0].id}"}))]
            await publish(settings, names.raw, warm)
            await wait_accounted(settings, 1, timeout, procs, quiet=0.5)
            # capacity: half the corpus at once; /health asked all along
            probing = asyncio.create_task(_probe_health(procs[0].web_url))
            # the producer stamps each record with this clock (CreateTime): the burst's
            # first raw record is stamped at or just after this instant
            first_ms = time.time() * 1000
            await publish(settings, names.raw, [Message(a.id, codecs.encode(a)) for a in burst])
            total = len(burst) + 1
            await wait_accounted(settings, total, timeout, procs, quiet=1.0)
            probing.cancel()
            health_ms = await probing
            burst_end = max([r.timestamp for topic in (names.clean, names.incidents,
                                                       names.alerts, names.deadletter)
                             async for r in read_topic(settings, topic)])
            span_s = (burst_end - first_ms) / 1000
            capacity = len(burst) / span_s if span_s > 0 else 0.0
            # latency: the other half and the stories, paced below capacity
            paced = _mixed(paced_half, latency_stories())
            rate = PACED_SHARE * capacity if capacity else 1 / LATENCY_GAP_S
            await publish_paced(settings, names.raw, paced, rate)
            outcomes = await wait_accounted(settings, total + len(paced), timeout, procs,
                                            quiet=1.0)
            rss_mb = max(resident_mb(proc.pid) for proc in procs)
        latencies = await _alert_latencies(settings, {a.id for a in paced})
    out = {"e2e_workers": float(workers), "e2e_articles_per_s": capacity,
           "e2e_burst_articles": float(len(burst)),
           "paced_articles_per_s": rate, "paced_articles": float(len(paced)),
           "alerts_timed": float(len(latencies)), "startup_s": startup_s,
           "worker_rss_mb": rss_mb}
    # where every message ended up (the warm-up article included): equal for any number
    # of workers
    out.update({f"outcome_{name}": float(getattr(outcomes, name))
                for name in ("raw", "clean", "duplicate", "deadletter", "incidents", "alerts")})
    out.update(_quantiles("", latencies))
    out.update(_quantiles("health_", health_ms))
    return out


def _quantiles(prefix: str, values: list[float]) -> dict[str, float]:
    """``{prefix}p50_ms`` and ``{prefix}p99_ms`` of ``values`` (none when empty)."""
    if not values:
        return {}
    ordered = sorted(values)
    return {f"{prefix}p50_ms": float(statistics.median(ordered)),
            f"{prefix}p99_ms": float(ordered[min(len(ordered) - 1,
                                                 round(0.99 * (len(ordered) - 1)))])}


async def _probe_health(url: str | None, every_s: float = 0.05) -> list[float]:
    """Milliseconds each ``/health`` answer took, asked every ``every_s`` until cancelled:
    how free the worker's event loop stays under load."""
    import aiohttp

    times: list[float] = []
    if url is None:
        return times
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        while True:
            started = loop.time()
            try:
                async with session.get(f"{url}/health") as response:
                    await response.read()
                times.append((loop.time() - started) * 1000)
                await asyncio.sleep(every_s)
            except asyncio.CancelledError:
                return times
            except aiohttp.ClientError:
                await asyncio.sleep(every_s)


def _mixed(articles: Sequence[RawArticle], stories: Sequence[RawArticle]) -> list[RawArticle]:
    """The stories spread evenly among the articles."""
    if not articles:
        return list(stories)
    step = len(articles) / max(1, len(stories))
    out: list[RawArticle] = []
    taken = 0
    for n, story in enumerate(stories):
        upto = round((n + 1) * step)
        out.extend(articles[taken:upto])
        out.append(story)
        taken = upto
    out.extend(articles[taken:])
    return out


async def publish_paced(settings: Settings, topic: str, articles: Sequence[RawArticle],
                        rate: float) -> None:
    """Publish one article every ``1 / rate`` seconds, on a fixed schedule (a late send
    does not push the later ones back)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with producer(settings) as prod:
        pending = []
        for n, article in enumerate(articles):
            await asyncio.sleep(max(0.0, start + n / rate - loop.time()))
            pending.append(await prod.send(topic, key=codecs.encode_key(article.id),
                                           value=codecs.encode(article)))
        await asyncio.gather(*pending)


async def _alert_latencies(settings: Settings, ids: set[str]) -> list[float]:
    """Milliseconds from the raw record of each article in ``ids`` to the first version
    of each alert it opened (Kafka record timestamps)."""
    names = TopicNames(settings.topic_prefix)
    raw_times = {codecs.decode_key(r.key): r.timestamp
                 async for r in read_topic(settings, names.raw)}
    latencies = []
    async for record in read_topic(settings, names.alerts):
        alert = codecs.decode(record.value)
        opened_by = str((alert.get("sources") or [{}])[0].get("article_id"))
        if alert.get("version") == 1 and opened_by in ids and opened_by in raw_times:
            latencies.append(float(record.timestamp - raw_times[opened_by]))
    return latencies


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
              timeout: float = 600.0, workers: int = 1) -> BenchReport:
    """The whole benchmark on the articles under ``paths``."""
    articles = load_articles(paths)
    if not articles:
        raise ValueError("no valid articles to benchmark")
    report = BenchReport(articles=len(articles),
                         words=sum(len(a.body.split()) for a in articles))
    bench_pipeline(articles, report)
    bench_baseline(articles, report)
    if broker:
        report.e2e = bench_e2e(articles, watch, timeout, workers)
    return report
