"""schemas/: every record serialises to a document its JSON Schema accepts."""

import orjson
import pytest

from schemas import load_schema, validation_errors
from schemas.records import Alert, CleanArticle, Incident, RawArticle, RecordError, WatchRule
from tests.conftest import sample_articles
from wirewatch.alerting import decide
from wirewatch.cleaning import clean_article, parse_raw
from wirewatch.pipeline import analyse
from wirewatch.watch import parse_rules


@pytest.mark.parametrize("name", ["article.raw.json", "article.clean.json", "incident.json",
                                  "alert.json", "watch_rule.json", "deadletter.headers.json"])
def test_schemas_are_draft_2020_12(name: str) -> None:
    assert load_schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_stage_output_on_the_samples_validates() -> None:
    seen_alerts = 0
    rules = parse_rules("TR,SY,NG,PK,AF,SO,UA,ML")
    for value in sample_articles():
        assert validation_errors("article.raw.json", value) == []
        raw = parse_raw(orjson.dumps(value))
        clean = clean_article(raw)
        assert validation_errors("article.clean.json", clean.to_dict()) == []
        assert CleanArticle.from_dict(clean.to_dict()) == clean
        for incident in analyse(raw).incidents:
            doc = orjson.loads(orjson.dumps(incident.to_dict()))
            assert validation_errors("incident.json", doc) == [], doc
            assert Incident.from_dict(doc) == incident
            alert = decide(incident, rules)
            if alert is not None:
                seen_alerts += 1
                adoc = orjson.loads(orjson.dumps(alert.to_dict()))
                assert validation_errors("alert.json", adoc) == []
                assert Alert.from_dict(adoc) == alert
    assert seen_alerts >= 8


def test_watch_rule_schema() -> None:
    for rule in parse_rules("TR,RU:perpetrator,NG:location>=5"):
        assert validation_errors("watch_rule.json", rule.to_dict()) == []
    assert validation_errors("watch_rule.json", {"country": "tr", "roles": ["x"]})


def test_schema_rejects_what_records_reject() -> None:
    bad = {"id": "x", "source": "s", "body": 3}
    assert validation_errors("article.raw.json", bad)
    with pytest.raises(RecordError):
        RawArticle.from_dict(bad)
    assert WatchRule.from_dict({"country": "TR", "roles": ["victim"]}).min_killed == 0
