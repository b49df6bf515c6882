"""Extract stage: clean article → one message per incident it reports."""

from __future__ import annotations

import faust

from schemas.records import CleanArticle
from streams import codecs
from streams.app import app, clean_topic, deadletter_topic, extracted_topic
from streams.stage import Emit, StageResult, run_stage
from wirewatch.pipeline import extract_incidents

STAGE = "extract"


def handle(key: str | None, payload: bytes) -> StageResult:
    """Extract the incidents of one clean article; duplicates are not read twice."""
    article = CleanArticle.from_dict(codecs.decode(payload))
    if article.duplicate_of:
        return StageResult("duplicate")
    incidents = extract_incidents(article)
    emits = [Emit(extracted_topic, i.incident_id, i) for i in incidents]
    return StageResult("incidents" if emits else "no_incident", emits)


@app.agent(clean_topic)
async def extract(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage(STAGE, event, handle, deadletter_topic)
