"""Incident extraction: who was killed or wounded, how many, where, when, by whom.

Design: a cheap regular expression picks the sentences that can report casualties;
only those go through spaCy (tagger, parser, NER). Each candidate sentence gives a
*mention* (counts, victims, place, date, perpetrator, cues); mentions are then
grouped into incidents: a restatement of a known toll joins its incident, an
"other"/"also" report or a new date or place starts a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from schemas.records import Incident
from wirewatch import dates
from wirewatch.extraction.grouping import build_incidents
from wirewatch.extraction.lexicon import CANDIDATE
from wirewatch.extraction.mention import Article, ExtractionStats, Mention
from wirewatch.extraction.reading import (
    dateline_date,
    looks_like_headline_list,
    read_mention,
    resolve_all_of,
    without_acronyms,
)
from wirewatch.nlp import parse
from wirewatch.text import sentences

__all__ = ["Article", "ExtractionStats", "Mention", "candidate_sentences", "extract",
           "extract_many", "is_candidate", "read_mention"]


# --------------------------------------------------------------------------- public API


def candidate_sentences(text: str) -> list[tuple[int, str]]:
    """(index, sentence) of every sentence that could report a casualty (no model)."""
    return [(i, s) for i, s in enumerate(sentences(text)) if is_candidate(s)]


def is_candidate(sentence: str) -> bool:
    """Cheap test: could this sentence report deaths or injuries?"""
    if len(sentence) > 1500 or not CANDIDATE.search(sentence):
        return False
    return not looks_like_headline_list(sentence)


def extract(article: Article, stats: ExtractionStats | None = None) -> list[Incident]:
    """Every casualty incident the article reports (unclassified)."""
    return extract_many([article], stats)[0]


def extract_many(articles: Sequence[Article],
                 stats: ExtractionStats | None = None) -> list[list[Incident]]:
    """The incidents of each article, in order: the candidate sentences of all of them go
    through the model together (one batched pass instead of one per article)."""
    readings = [_Reading.of(article, stats) for article in articles]
    docs = iter(parse([text for reading in readings for text in reading.parsed]))
    return [reading.incidents([next(docs) for _ in reading.parsed]) for reading in readings]


@dataclass(slots=True)
class _Reading:
    """One article's sentences, its candidates and the texts the model is to read."""

    article: Article
    published: date | None
    sentences: list[str]
    candidates: list[tuple[int, str]]
    parsed: list[str]

    @classmethod
    def of(cls, article: Article, stats: ExtractionStats | None) -> _Reading:
        published = dates.parse_published(article.published_at) or dateline_date(article.text)
        all_sentences = sentences(article.text)
        candidates = [(i, s) for i, s in enumerate(all_sentences) if is_candidate(s)]
        if stats is not None:
            stats.sentences += len(all_sentences)
            stats.candidates += len(candidates)
        # "All of the soldiers were found dead" reads as "All 14 soldiers ..." when an
        # earlier sentence counted them; the evidence keeps the article's own words
        parsed = [without_acronyms(resolve_all_of(s, all_sentences[:i])) for i, s in candidates]
        return cls(article, published, all_sentences, candidates, parsed)

    def incidents(self, docs: Sequence[Doc]) -> list[Incident]:
        """The incidents read off the model's analysis of the candidates."""
        mentions = []
        for (index, text), doc in zip(self.candidates, docs, strict=True):
            mention = read_mention(index, doc.text, doc[:], self.published)
            if mention is not None:
                mention.text = text
                mentions.append(mention)
        if not mentions:
            return []
        return build_incidents(self.article, mentions, self.sentences, self.published)
