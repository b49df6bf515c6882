"""Classify stage: incident → incident with its ACLED event type and sub-type.

Classification runs next to extraction, in the extract stage's batch
(:func:`classified`): it needs nothing but the incident, and a topic hop of its own cost
more than the classification. The ``classify`` agent still reads the internal
``wire.incidents.extracted`` topic, where a version of wirewatch before that change left
unclassified incidents, so an upgrade in the middle of a stream loses none of them.
"""

from __future__ import annotations

import faust

from schemas.records import Incident
from streams import codecs
from streams.app import app, deadletter_topic, extracted_topic, incidents_topic, settings
from streams.cloudevents import incident_headers
from streams.stage import Emit, StageResult, run_stage
from wirewatch.pipeline import classify_incident

STAGE = "classify"


def classified(incident: Incident) -> Emit:
    """The message of one incident, classified, on ``wire.incidents`` (with its
    CloudEvents headers)."""
    incident = classify_incident(incident)
    return Emit(incidents_topic, incident.incident_id, incident,
                incident_headers(incident, settings.app_id))


def handle(key: str | None, payload: bytes) -> StageResult:
    """Classify one incident an earlier version left unclassified."""
    return StageResult("classified", [classified(Incident.from_dict(codecs.decode(payload)))])


@app.agent(extracted_topic)
async def classify(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await run_stage(STAGE, event, handle, deadletter_topic)
