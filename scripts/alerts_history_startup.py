"""How long a worker takes to read back a long alerts history, and what it keeps.

    .venv/bin/python scripts/alerts_history_startup.py 10000 100000

For each N: an embedded broker, N alert versions on ``wire.alerts`` (four versions per
alert id, incidents spread over a year), then what the alert stage does at start: a
:class:`streams.mirror.TopicMirror` reads the topic to its end and remembers each
alert (``agents.alert.remember_published``). Prints the seconds to catch up, the
alerts kept (the tracker forgets those no report could update) and the growth of the
process's resident memory. The embedded broker does not compact, so this is the worst
case: on Apache Kafka ``wire.alerts`` is compacted and a restart reads one version per
alert id.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiokafka import AIOKafkaProducer

from schemas.records import Alert, Incident, Location, SourceRef, WatchedRole
from streams import codecs
from streams.admin import ensure_topics
from streams.broker import EmbeddedBroker
from streams.mirror import TopicMirror
from streams.settings import Settings
from streams.topics import TopicNames

VERSIONS_PER_ALERT = 4


def history(n: int) -> list[Alert]:
    """``n`` alert versions: ids over a year of incidents, each updated a few times."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        alert_no, version = divmod(i, VERSIONS_PER_ALERT)
        day = start + timedelta(minutes=alert_no * 525_600 // max(1, n // VERSIONS_PER_ALERT))
        stamp = (day + timedelta(hours=version)).isoformat().replace("+00:00", "Z")
        incident = Incident(
            incident_id=f"i{alert_no}-{version}", killed=3 + version, wounded=0,
            location=Location("Town", "NG", 9.0, 7.0), date=day.date().isoformat(),
            evidence=["Gunmen killed three people in the town."], article_ids=[f"a{i}"],
            event_type="Violence against civilians", sub_event_type="Attack")
        out.append(Alert(
            alert_id=f"al-{alert_no:08d}", version=version + 1,
            status="new" if version == 0 else "updated", severity="medium",
            watched=[WatchedRole("NG", ["location"])], incident=incident,
            sources=[SourceRef(f"a{i}", "wire", stamp)], created_at=stamp, updated_at=stamp))
    return out


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


async def measure(n: int) -> None:
    import agents.alert as stage

    with tempfile.TemporaryDirectory() as tmp, EmbeddedBroker(Path(tmp) / "broker.log") as b:
        settings = Settings.from_env({}, broker=b.url, partitions=4, topic_prefix=f"h{n}.")
        await ensure_topics(settings)
        topic = TopicNames(settings.topic_prefix).alerts
        producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers,
                                    linger_ms=20, max_batch_size=1_000_000)
        await producer.start()
        for alert in history(n):
            await producer.send(topic, key=alert.alert_id.encode(), value=codecs.encode(alert))
        await producer.flush()
        await producer.stop()
        stage.published.clear()
        stage.pruning.clear()
        stage.retired.clear()
        rss_before = rss_mb()
        mirror = TopicMirror(settings, topic, stage.mirror_alert)
        started = time.monotonic()
        task = asyncio.create_task(mirror.run())
        await mirror.caught_up.wait()
        seconds = time.monotonic() - started
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        kept = sum(len(slot) for slot in stage.published.values())
        rss_after = rss_mb()
        print(f"{n:>7} versions ({n // VERSIONS_PER_ALERT} alert ids): caught up in "
              f"{seconds:.1f} s ({n / seconds:,.0f} records/s); {kept} alerts kept, "
              f"{len(stage.retired)} ids retired; "
              f"resident memory {rss_before:.0f} -> {rss_after:.0f} MB")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["10000"]:
        asyncio.run(measure(int(arg)))
