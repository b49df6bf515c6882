"""Classify stage: incident → incident with its ACLED event type and sub-type."""

from __future__ import annotations

import faust

from schemas.records import Incident
from streams import codecs
from streams.app import app, deadletter_topic, extracted_topic, incidents_topic, settings
from streams.cloudevents import incident_headers
from streams.stage import Emit, StageResult, run_stage
from wirewatch.pipeline import classify_incident

STAGE = "classify"


def handle(key: str | None, payload: bytes) -> StageResult:
    """Classify one incident."""
    incident = classify_incident(Incident.from_dict(codecs.decode(payload)))
    return StageResult("classified", [Emit(incidents_topic, incident.incident_id, incident,
                                           incident_headers(incident, settings.app_id))])


@app.agent(extracted_topic)
async def classify(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage(STAGE, event, handle, deadletter_topic)
