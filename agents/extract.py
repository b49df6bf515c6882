"""Extract stage: clean articles → one classified incident each on ``wire.incidents``.

The stage takes the clean articles it has in hand as one batch (``WIREWATCH_BATCH_MAX``,
``WIREWATCH_BATCH_WAIT_MS``) and reads them in one batched pass of the model. The work
runs on the extraction thread, off the event loop: while the model reads, the worker
goes on fetching, sending, committing, heart-beating and answering ``/health``. Each
incident is classified where it is found (:func:`agents.classify.classified`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import Executor, ThreadPoolExecutor

import faust

from agents.classify import STAGE as CLASSIFY_STAGE
from agents.classify import classified
from schemas.records import CleanArticle, Incident
from streams import codecs, metrics
from streams.app import app, clean_topic, deadletter_topic, settings
from streams.stage import (
    BatchHandler,
    Outcome,
    Received,
    StageResult,
    in_batches,
    run_batch,
)
from wirewatch.pipeline import extract_incidents, extract_incidents_many

STAGE = "extract"


def handle_many(items: Sequence[Received]) -> list[Outcome]:
    """The classified incidents of each clean article in ``items``; duplicates are not
    read twice. A message that does not decode, or that extraction or classification
    fails on, is its own outcome: the others of the batch go on."""
    outcomes: list[Outcome | None] = [None] * len(items)
    articles: list[tuple[int, CleanArticle]] = []
    for index, item in enumerate(items):
        try:
            article = CleanArticle.from_dict(codecs.decode(item.value))
        except Exception as exc:
            outcomes[index] = exc
            continue
        if article.duplicate_of:
            outcomes[index] = StageResult("duplicate")
        else:
            articles.append((index, article))
    for (index, _article), found in zip(articles, _extract_each(articles), strict=True):
        try:
            if isinstance(found, Exception):
                raise found
            emits = [classified(incident) for incident in found]
        except Exception as exc:
            outcomes[index] = exc
            continue
        outcomes[index] = StageResult("incidents" if emits else "no_incident", emits)
    return [outcome for outcome in outcomes if outcome is not None]


def _extract_each(articles: list[tuple[int, CleanArticle]]) -> list[list[Incident] | Exception]:
    """The incidents of every article in one pass; when the pass fails, each article
    alone, so that only the one that fails is kept as a bug."""
    try:
        return list(extract_incidents_many([article for _, article in articles]))
    except Exception:
        found: list[list[Incident] | Exception] = []
        for _, article in articles:
            try:
                found.append(extract_incidents(article))
            except Exception as exc:
                found.append(exc)
        return found


def on_thread(thread: Executor | None) -> BatchHandler:
    """:func:`handle_many` run on ``thread`` (None: the loop's default executor), off the
    event loop."""
    async def handle(items: Sequence[Received]) -> list[Outcome]:
        return await asyncio.get_running_loop().run_in_executor(thread, handle_many, items)
    return handle


@app.agent(clean_topic)
async def extract(stream: faust.StreamT) -> None:
    # the worker's extraction thread, started with the agent: one thread reads every
    # batch, so the model is used by one thread at a time
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirewatch-extract") as thread:
        handle = on_thread(thread)
        async for events in in_batches(stream, settings):
            results = await run_batch(STAGE, events, handle, deadletter_topic)
            # the classify stage's count, as when it had its own agent: one per incident
            metrics.count(CLASSIFY_STAGE, "classified",
                          sum(len(result.emits) for result in results))
