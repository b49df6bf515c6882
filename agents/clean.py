"""Clean stage: raw bytes → clean article → near-duplicate check → ``wire.articles.clean``.

Two agents: ``clean`` (partitioned like the raw topic) parses, repairs and strips each
message, dead-lettering what it cannot read; ``deduplicate`` reads the single-partition
``unchecked`` topic so that one index sees every story, and marks another wire's copy
``duplicate_of`` the first. Its memory is a Faust table: it survives a restart.
"""

from __future__ import annotations

from typing import Any, cast

import faust

from schemas.records import CleanArticle
from streams import codecs
from streams.app import (
    app,
    clean_topic,
    deadletter_topic,
    names,
    raw_topic,
    settings,
    unchecked_topic,
)
from streams.stage import (
    Emit,
    Received,
    StageResult,
    each_message,
    in_batches,
    one_at_a_time,
    run_batch,
)
from wirewatch.cleaning import clean_article, parse_raw
from wirewatch.dedup import Deduplicator

STAGE = "clean"

#: article id → {"at": seen (epoch s), "sig": MinHash signature, "dup": first copy's id}
recent_stories = app.Table("recent-stories", partitions=1, default=None,
                           help="stories in the near-duplicate window")
deduplicator = Deduplicator(recent_stories, settings.dedup_window_hours * 3600)


def handle(key: str | None, payload: bytes) -> StageResult:
    """Clean one raw message."""
    article = clean_article(parse_raw(payload, settings.max_body_bytes))
    return StageResult("cleaned", [Emit(unchecked_topic, article.id, article)])


def check_duplicate(key: str | None, payload: bytes, now: float) -> StageResult:
    """Mark a clean article that repeats a recent story, and pass it on."""
    article = deduplicator.check(CleanArticle.from_dict(codecs.decode(payload)), now)
    outcome = "duplicate" if article.duplicate_of else "clean"
    return StageResult(outcome, [Emit(clean_topic, article.id, article)])


async def rebuild_index_after_assignment(sender: Any, *args: Any, **kwargs: Any) -> None:
    """The near-duplicate index is rebuilt from the table (recovered from its changelog)
    when this worker is given the unchecked partition, which may have been another's."""
    assigned = args[0] if args else ()
    if any(tp.topic == names.unchecked for tp in assigned):
        deduplicator.forget_index()


app.on_partitions_assigned.connect(cast(Any, rebuild_index_after_assignment))


@app.agent(raw_topic)
async def clean(stream: faust.StreamT) -> None:
    async for events in in_batches(stream, settings):
        await run_batch(STAGE, events, each_message(handle), deadletter_topic)


def _check_at_event_time(item: Received) -> StageResult:
    # the message's own time, not the clock: a replay decides the same way
    return check_duplicate(item.key, item.value, now=item.timestamp)


@app.agent(unchecked_topic)
async def deduplicate(stream: faust.StreamT) -> None:
    async for events in in_batches(stream, settings):
        await run_batch("dedup", events, one_at_a_time(_check_at_event_time), deadletter_topic)
