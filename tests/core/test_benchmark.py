"""wirewatch.benchmark: what it measures and counts (speed itself is for `wirewatch bench`)."""


from pathlib import Path

import pytest

from wirewatch import BENCH_ARTICLES
from wirewatch.benchmark import BenchReport, bench_baseline, bench_pipeline, load_articles

pytestmark = pytest.mark.slow  # starts processes or loads the model



def test_bundled_corpus_is_wire_length_and_mostly_quiet() -> None:
    articles = load_articles([str(BENCH_ARTICLES)])
    assert len(articles) >= 100
    words = [len(a.body.split()) for a in articles]
    assert min(words) >= 300 and max(words) <= 1000
    report = BenchReport(articles=len(articles))
    bench_pipeline(articles, report)
    with_incidents = report.incidents
    assert 0.05 * len(articles) <= with_incidents <= 0.2 * len(articles)
    # the model only sees the candidate sentences, a small share of the text
    assert report.candidate_sentences < 0.05 * report.sentences


def test_report_fields() -> None:
    articles = load_articles([str(BENCH_ARTICLES)])[:3]
    report = BenchReport(articles=3, words=sum(len(a.body.split()) for a in articles))
    bench_pipeline(articles, report)
    bench_baseline(articles, report)
    doc = report.to_dict()
    assert doc["articles"] == 3
    assert doc["pipeline_articles_per_s"] > 0 and doc["baseline_articles_per_s"] > 0
    assert doc["naive_articles_per_s"] > 0 and doc["pipeline_words_per_s"] > 0
    assert doc["ratio"] == round(report.pipeline_articles_per_s /
                                 report.baseline_articles_per_s, 2)
    assert doc["pipeline_vs_naive"] == round(report.pipeline_articles_per_s /
                                             report.naive_articles_per_s, 2)


def test_evaluation_rows_are_articles(tmp_path: Path) -> None:
    """A labelled file times as it is: each row's text one article, named after its file."""
    rows = tmp_path / "desk.jsonl"
    rows.write_text('{"id": "r1", "text": "A bomb killed four people in a market in Mosul.", '
                    '"published_at": "2024-03-02", "gold": {}}\n'
                    '{"id": "r2", "text": "   ", "gold": {}}\n'
                    '{"id": "r3", "text": "The council approved the new budget on Monday.", '
                    '"gold": {}}\n')
    articles = load_articles([str(rows)])
    assert [(a.id, a.source, a.published_at) for a in articles] == [
        ("desk-r1", "desk", "2024-03-02T12:00:00Z"), ("desk-r3", "desk", "2020-01-01T12:00:00Z")]
    assert articles[0].body.startswith("A bomb killed four")


def test_the_latency_stories_are_200_distinct_events() -> None:
    from wirewatch.benchmark import latency_stories
    from wirewatch.replay import Replay, every_country

    stories = latency_stories()
    assert len(stories) >= 200  # docs/operations.md: p50/p99 over at least 200 paced stories
    alerts = Replay(every_country()).feed_all(stories)
    assert len({a.alert_id for a in alerts}) == len(stories)
    assert all(a.version == 1 for a in alerts)
