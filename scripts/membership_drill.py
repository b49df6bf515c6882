"""A worker joins mid-stream and then leaves (killed with SIGKILL, or stopped): are the
alerts still one worker's?

    .venv/bin/python scripts/membership_drill.py ARTICLES.jsonl... [--leave kill|stop|none]

ARTICLES are raw-article or evaluation files (as ``wirewatch bench --articles`` reads
them). Two runs, each on its own embedded broker, watching every country: first one
worker over every article (the reference); then one worker, the first half published,
a second worker joining, the second half published, and the second worker leaving once
it has handled messages of its own while the first carries on.
Prints what the second run published against the reference: incidents the reference
alerted on that no alert of the drill rests on, incidents in more than one alert,
(id, version) pairs published twice, ids whose versions do not run 1..n, and the
outcome counts of both runs; exits 1 when any is off. Alert ids themselves are not
compared: an alert's id comes from the report that opened it, and the order in which
reports of one incident reach the tracker differs from run to run even with one worker.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from schemas.records import Alert
from streams import codecs
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker, free_port
from streams.client import read_topic
from streams.settings import Settings
from streams.topics import TopicNames
from wirewatch.alerting import reports_of
from wirewatch.benchmark import load_articles
from wirewatch.inputs import Message
from wirewatch.replay import every_country
from wirewatch.runtime.operations import (
    Summary,
    demo_settings,
    publish,
    wait_accounted,
    wait_ready,
    watch_set,
)
from wirewatch.runtime.worker import WorkerProcess


@dataclass(slots=True)
class Published:
    """What a run put on ``wire.alerts``."""

    #: (alert id, version) of every record, in topic order per partition
    versions: list[tuple[str, int]]
    #: incident id → the alert ids whose last version rests on a report of it
    incidents: dict[str, set[str]]


async def published(settings: Settings) -> Published:
    versions: list[tuple[str, int]] = []
    last: dict[str, Alert] = {}
    async for record in read_topic(settings, TopicNames().alerts):
        alert = Alert.from_json(record.value)
        versions.append((alert.alert_id, alert.version))
        if alert.alert_id not in last or last[alert.alert_id].version < alert.version:
            last[alert.alert_id] = alert
    incidents: dict[str, set[str]] = {}
    for alert in last.values():
        for report in reports_of(alert):
            incidents.setdefault(report.incident_id, set()).add(alert.alert_id)
    return Published(versions, incidents)


def run(items: list[Message], drill: str | None, timeout: float) -> tuple[Summary, Published]:
    """One run on its own broker: one worker, or (``drill``) a second joining and leaving."""
    workdir = Path(tempfile.mkdtemp(prefix="wirewatch-drill-"))
    with EmbeddedBroker(workdir / "broker.log") as broker:
        settings = demo_settings(broker.url, str(workdir))
        asyncio.run(ensure_topics(settings))
        asyncio.run(watch_set(settings, every_country()))
        half = len(items) // 2 if drill else len(items)
        with WorkerProcess(settings, index=0) as first:
            asyncio.run(wait_ready([first], lambda: False, timeout))
            asyncio.run(publish(settings, TopicNames().raw, items[:half]))
            if drill:
                joining = WorkerProcess(settings.replace(web_port=free_port()),
                                        log_path=workdir / "joining.log").start()
                try:
                    asyncio.run(wait_ready([joining], lambda: False, timeout))
                    asyncio.run(publish(settings, TopicNames().raw, items[half:]))
                    deadline = time.monotonic() + timeout
                    while joining.messages_handled() < 20 and time.monotonic() < deadline:
                        joining.check()
                        time.sleep(0.2)
                    print(f"second worker leaves ({drill}) after handling "
                          f"{joining.messages_handled():.0f} messages", flush=True)
                    if drill == "kill" and joining.proc is not None:
                        joining.proc.send_signal(signal.SIGKILL)
                        joining.proc.wait(30)
                finally:
                    joining.stop()
            summary = asyncio.run(wait_accounted(settings, len(items), timeout, first,
                                                 quiet=5.0))
            return summary, asyncio.run(published(settings))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+")
    parser.add_argument("--leave", choices=["kill", "stop", "none"], default="kill",
                        help="how the second worker leaves; none: no second worker (two "
                             "one-worker runs, to see how much runs differ by themselves)")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    items = [Message(a.id, codecs.encode(a)) for a in load_articles(args.articles)]
    started = time.monotonic()
    reference, ref = run(items, None, args.timeout)
    print(f"reference (one worker): {reference.to_dict()} in "
          f"{time.monotonic() - started:.0f}s", flush=True)
    started = time.monotonic()
    drilled, got = run(items, None if args.leave == "none" else args.leave, args.timeout)
    print(f"drill ({args.leave}):     {drilled.to_dict()} in "
          f"{time.monotonic() - started:.0f}s")
    twice = [pair for pair, n in Counter(got.versions).items() if n > 1]
    by_id: dict[str, set[int]] = {}
    for alert_id, version in got.versions:
        by_id.setdefault(alert_id, set()).add(version)
    gaps = [i for i, vs in by_id.items() if vs != set(range(1, max(vs) + 1))]
    missing = sorted(set(ref.incidents) - set(got.incidents))
    split = sorted(i for i, ids in got.incidents.items() if len(ids) > 1)
    ref_split = sorted(i for i, ids in ref.incidents.items() if len(ids) > 1)
    counts_equal = (reference.to_dict() | {"alerts": 0}) == (drilled.to_dict() | {"alerts": 0})
    print(f"incidents alerted: reference {len(ref.incidents)}, drill {len(got.incidents)}; "
          f"alerted by the reference, not by the drill: {missing}")
    print(f"incidents in more than one alert: reference {ref_split}, drill {split}")
    print(f"alert ids: reference {len({i for i, _ in ref.versions})}, drill {len(by_id)}; "
          f"(id, version) published twice: {twice}; ids whose versions skip: {gaps}")
    print(f"outcome counts equal (alert versions aside): {counts_equal}; balanced: "
          f"{drilled.balanced}")
    ok = not missing and len(split) <= len(ref_split) and not twice and not gaps \
        and counts_equal and drilled.balanced
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
