"""Clean stage: raw article bytes → clean article (or duplicate mark, or dead letter)."""

from __future__ import annotations

import faust

from streams.app import app, clean_topic, deadletter_topic, raw_topic, settings
from streams.stage import Emit, StageResult, run_stage
from wirewatch.cleaning import clean_article, mark_duplicate, parse_raw

STAGE = "clean"

#: content hash → id of the first article that carried that text.
seen_texts = app.Table("seen-texts", default=None, help="content hash → first article id")


def handle(key: str | None, payload: bytes) -> StageResult:
    """Clean one raw message."""
    raw = parse_raw(payload, settings.max_body_bytes)
    article = mark_duplicate(clean_article(raw), seen_texts)
    outcome = "duplicate" if article.duplicate_of else "clean"
    return StageResult(outcome, [Emit(clean_topic, article.id, article)])


@app.agent(raw_topic)
async def clean(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage(STAGE, event, handle, deadletter_topic)
