"""The pure pipeline — clean, extract, classify — callable without Kafka."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import TypeVar

from schemas.records import CleanArticle, Incident, RawArticle, SourceRef
from wirewatch.classification import classify
from wirewatch.cleaning import InvalidArticle, clean_article
from wirewatch.extraction import Article, ExtractionStats, extract_many

EXTRACTABLE_LANGUAGES = {"en", "und"}
#: articles the pipeline takes at once (the extract stage's largest batch by default; the
#: evaluation and the benchmark batch the same way)
ARTICLE_BATCH = 32

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter); itertools.batched from 3.12."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_incidents(
    article: CleanArticle, stats: ExtractionStats | None = None
) -> list[Incident]:
    """The unclassified incidents of a clean article (none for non-English text)."""
    return extract_incidents_many([article], stats)[0]


def extract_incidents_many(
    articles: Sequence[CleanArticle], stats: ExtractionStats | None = None
) -> list[list[Incident]]:
    """The unclassified incidents of each clean article, in order; the model reads the
    candidate sentences of all of them in one batched pass."""
    readable = [i for i, a in enumerate(articles)
                if a.language in EXTRACTABLE_LANGUAGES and not a.duplicate_of]
    found = extract_many([_extraction_input(articles[i]) for i in readable], stats)
    out: list[list[Incident]] = [[] for _ in articles]
    for index, incidents in zip(readable, found, strict=True):
        article = articles[index]
        source = SourceRef(article.id, article.source, article.published_at)
        for incident in incidents:
            incident.sources = [source]
        out[index] = incidents
    return out


def _extraction_input(article: CleanArticle) -> Article:
    """What extraction reads: the text, with the title first when the text lacks it."""
    text = article.text
    if article.title and article.title.strip() not in text[:500]:
        text = f"{article.title.strip()}.\n{text}"
    return Article(article.id, text, article.published_at, article.title)


def classify_incident(incident: Incident) -> Incident:
    """The incident with its ACLED event type and sub-type set."""
    result = classify(incident)
    return replace(incident, event_type=result.event_type, sub_event_type=result.sub_event_type)


@dataclass(slots=True)
class Analysis:
    """The result of the whole pure pipeline on one article."""

    article: CleanArticle
    incidents: list[Incident]


def analyse(raw: RawArticle, stats: ExtractionStats | None = None) -> Analysis:
    """Clean, extract and classify one article."""
    result = analyse_many([raw], stats)[0]
    if isinstance(result, InvalidArticle):
        raise result
    return result


def analyse_many(
    raws: Sequence[RawArticle], stats: ExtractionStats | None = None
) -> list[Analysis | InvalidArticle]:
    """Clean, extract and classify each article (one batched pass of the model): its
    analysis, or why it could not be cleaned."""
    cleaned: list[CleanArticle | InvalidArticle] = []
    for raw in raws:
        try:
            cleaned.append(clean_article(raw))
        except InvalidArticle as exc:
            cleaned.append(exc)
    articles = [c for c in cleaned if isinstance(c, CleanArticle)]
    found = iter(extract_incidents_many(articles, stats))
    return [c if isinstance(c, InvalidArticle)
            else Analysis(c, [classify_incident(i) for i in next(found)]) for c in cleaned]
