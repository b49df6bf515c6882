"""wirewatch.dedup: another wire's copy of a story, found over a time window."""

from schemas.records import CleanArticle
from wirewatch.dedup import Deduplicator, NearDuplicateIndex, signature

STORY = (
    "A bomb hidden in a parked car exploded near a busy market in the city on Tuesday, "
    "killing at least seven people and wounding more than twenty, police said. The blast "
    "shattered shop windows along the main road and set several stalls on fire. Ambulances "
    "took the wounded to two hospitals, where doctors appealed for blood donors. No group "
    "immediately said it was behind the attack, the third in the city this year."
)
OTHER = (
    "The national football team named a new coach on Monday after a poor run of results. "
    "The federation said the former midfielder had signed a two-year contract and would "
    "take charge of the qualifiers next month. Supporters gathered outside the stadium."
)


def article(article_id: str, text: str) -> CleanArticle:
    return CleanArticle(id=article_id, source="s", published_at="2026-03-05T10:00:00Z",
                        text=text, language="en", content_hash="0" * 16)


def second_wire(text: str) -> str:
    return "By a staff correspondent. " + text.replace("police said", "officers said") + \
        " Further details were not available."


def test_another_wires_copy_is_a_duplicate_of_the_first() -> None:
    dedup = Deduplicator({}, window_seconds=3600)
    assert dedup.check(article("a", STORY), now=100).duplicate_of is None
    assert dedup.check(article("b", second_wire(STORY)), now=110).duplicate_of == "a"
    assert dedup.check(article("c", OTHER), now=120).duplicate_of is None


def test_a_redelivered_article_keeps_its_first_decision() -> None:
    dedup = Deduplicator({}, window_seconds=3600)
    dedup.check(article("a", STORY), now=100)
    dedup.check(article("b", second_wire(STORY)), now=110)
    assert dedup.check(article("a", STORY), now=200).duplicate_of is None
    assert dedup.check(article("b", second_wire(STORY)), now=200).duplicate_of == "a"


def test_the_window_expires_old_stories() -> None:
    store: dict[str, object] = {}
    dedup = Deduplicator(store, window_seconds=60)
    dedup.check(article("a", STORY), now=0)
    assert dedup.check(article("b", second_wire(STORY)), now=1000).duplicate_of is None
    assert "a" not in store  # forgotten, in the table too


def test_a_restarted_worker_rebuilds_the_index_from_its_table() -> None:
    store: dict[str, object] = {}
    Deduplicator(store, window_seconds=3600).check(article("a", STORY), now=100)
    restarted = Deduplicator(store, window_seconds=3600)
    assert restarted.check(article("b", second_wire(STORY)), now=110).duplicate_of == "a"


def test_index_prefers_the_earliest_copy() -> None:
    index = NearDuplicateIndex(window_seconds=3600)
    from wirewatch.dedup import Entry

    index.add(Entry("late", 50, tuple(signature(STORY))))
    index.add(Entry("early", 10, tuple(signature(second_wire(STORY)))))
    assert index.find(signature(STORY), exclude="late") == "early"
    assert index.find(signature(OTHER)) is None
