"""The pure pipeline — clean, extract, classify — callable without Kafka."""

from __future__ import annotations

from dataclasses import dataclass, replace

from schemas.records import CleanArticle, Incident, RawArticle, SourceRef
from wirewatch.classification import classify
from wirewatch.cleaning import clean_article
from wirewatch.extraction import Article, ExtractionStats, extract

EXTRACTABLE_LANGUAGES = {"en", "und"}


def extract_incidents(
    article: CleanArticle, stats: ExtractionStats | None = None
) -> list[Incident]:
    """The unclassified incidents of a clean article (none for non-English text)."""
    if article.language not in EXTRACTABLE_LANGUAGES or article.duplicate_of:
        return []
    text = article.text
    if article.title and article.title.strip() not in text[:500]:
        text = f"{article.title.strip()}.\n{text}"
    incidents = extract(Article(article.id, text, article.published_at, article.title), stats)
    source = SourceRef(article.id, article.source, article.published_at)
    for incident in incidents:
        incident.sources = [source]
    return incidents


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
    article = clean_article(raw)
    return Analysis(article, [classify_incident(i) for i in extract_incidents(article, stats)])
