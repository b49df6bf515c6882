"""schemas/: one contract per message. The committed JSON Schemas are what the models
generate; every record serialises to a document its schema accepts; model and schema
reject the same bad messages."""

from pathlib import Path

import orjson
import pytest

import schemas
from schemas import SCHEMA_FILES, generate, load_schema, render, validation_errors
from schemas.records import (
    MESSAGE_RECORDS,
    Alert,
    CleanArticle,
    Incident,
    RawArticle,
    Record,
    RecordError,
    WatchRule,
)
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


@pytest.mark.parametrize("record", MESSAGE_RECORDS, ids=lambda r: str(r.schema_file))
def test_the_committed_schema_is_what_the_model_generates(record: type[Record]) -> None:
    committed = (Path(schemas.__file__).parent / str(record.schema_file)).read_text()
    assert committed == render(generate(record)), "run `python -m schemas` and commit"


def test_every_message_record_has_its_schema() -> None:
    assert sorted(SCHEMA_FILES) == sorted(str(r.schema_file) for r in MESSAGE_RECORDS)
    assert len(set(SCHEMA_FILES)) == len(SCHEMA_FILES)


RAW = {"id": "a-1", "source": "wire", "published_at": "2026-03-05T10:00:00Z", "body": "text"}
INCIDENT = {"incident_id": "i-1", "killed": 2, "wounded": 0, "evidence": ["Two died."],
            "article_ids": ["a-1"], "location": {"name": "Gao", "country": "ML"}}
BAD_MESSAGES = [
    ("article.raw.json", RawArticle, {**RAW, "body": 3}),
    ("article.raw.json", RawArticle, {**RAW, "id": ""}),
    ("article.raw.json", RawArticle, {k: v for k, v in RAW.items() if k != "source"}),
    ("article.raw.json", RawArticle, {**RAW, "content_type": "application/pdf"}),
    ("incident.json", Incident, {**INCIDENT, "killed": -1}),
    ("incident.json", Incident, {**INCIDENT, "killed": "2"}),
    ("incident.json", Incident, {**INCIDENT, "killed_qualifier": "roughly"}),
    ("incident.json", Incident, {**INCIDENT, "location": {"country": "mali"}}),
    ("incident.json", Incident, {**INCIDENT, "evidence": []}),
    ("incident.json", Incident, {**INCIDENT, "comment": "unknown field"}),
    ("incident.json", Incident, {**INCIDENT, "historical": "no"}),
    ("watch_rule.json", WatchRule, {"country": "tr", "roles": ["victim"]}),
    ("watch_rule.json", WatchRule, {"country": "TR", "roles": ["bystander"]}),
    ("watch_rule.json", WatchRule, {"country": "TR", "roles": []}),
    ("watch_rule.json", WatchRule, {"country": "TR", "roles": ["victim", "victim"]}),
]


@pytest.mark.parametrize(("schema", "record", "message"), BAD_MESSAGES)
def test_model_and_schema_reject_the_same_messages(
    schema: str, record: type[Record], message: dict[str, object]
) -> None:
    assert validation_errors(schema, message)
    with pytest.raises(RecordError):
        record.from_dict(message)


def test_model_and_schema_accept_the_same_messages() -> None:
    # what the pipeline reads from other services: the optional fields may be left out
    assert validation_errors("article.raw.json", {**RAW, "extra": 1}) == []
    assert RawArticle.from_dict({**RAW, "extra": 1}).content_type == "text/plain"
    assert validation_errors("watch_rule.json", {"country": "TR", "roles": ["victim"]}) == []
    incident = Incident.from_dict(INCIDENT)
    assert incident.location.country == "ML" and incident.killed_qualifier == "exact"
    assert validation_errors("incident.json", incident.to_dict()) == []


@pytest.mark.parametrize("body", [None, b"", b"not json", b"[1, 2]", b'{"country": "TR"}'])
def test_from_json_says_record_error_for_anything_that_is_not_the_record(
    body: bytes | None,
) -> None:
    with pytest.raises(RecordError):
        WatchRule.from_json(body)


def test_from_json_reads_what_the_codec_writes() -> None:
    rule = WatchRule("TR", ["victim", "location"], 3)
    assert WatchRule.from_json(orjson.dumps(rule)) == rule
