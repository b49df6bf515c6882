"""The rule table: every rule's examples make it fire, its counter-examples do not.

Examples of extraction rules are read by the whole pure pipeline (as ``extract`` reads
an article) with the rules traced; examples of a toll rule, which the alert tracker
applies to a report's sentences, are matched by its pattern.
"""

from __future__ import annotations

import pytest

from schemas.records import RawArticle
from wirewatch.rules import TABLE, Rule, fired, rule, tracing

CASES = [(r.name, text, True) for r in TABLE.values() for text in r.examples] + \
        [(r.name, text, False) for r in TABLE.values() for text in r.counter_examples]


def fires(r: Rule, text: str) -> bool:
    if r.decides == "toll":
        with tracing() as counts:
            r.search(text)
        return counts[r.name] > 0
    from wirewatch.pipeline import analyse

    with tracing() as counts:
        analyse(RawArticle(id="rule-example", source="test",
                           published_at="2026-03-04T12:00:00Z", body=text))
    return counts[r.name] > 0


@pytest.mark.parametrize("name, text, expected", CASES,
                         ids=[f"{n}:{'ex' if e else 'counter'}:{i}"
                              for i, (n, _, e) in enumerate(CASES)])
def test_rule_examples(name: str, text: str, expected: bool) -> None:
    assert fires(rule(name), text) is expected


def test_every_rule_has_a_purpose_and_examples() -> None:
    for r in TABLE.values():
        assert r.name.split(".")[0] in ("role", "currency", "violence", "toll"), r.name
        assert r.purpose and len(r.examples) >= 2, r.name


def test_an_unknown_rule_name_is_a_bug() -> None:
    with pytest.raises(AssertionError):
        fired("no.such.rule")
    with pytest.raises(KeyError):
        rule("no.such.rule")


def test_traces_nest() -> None:
    with tracing() as outer:
        fired("toll.corrected_down")
        with tracing() as inner:
            fired("toll.corrected_down")
    assert (outer["toll.corrected_down"], inner["toll.corrected_down"]) == (2, 1)


def test_the_docs_page_is_the_table() -> None:
    from pathlib import Path

    from wirewatch.rules.__main__ import markdown

    page = Path(__file__).parents[2] / "docs" / "rules.md"
    assert page.read_text() == markdown(), "run: python -m wirewatch.rules > docs/rules.md"
