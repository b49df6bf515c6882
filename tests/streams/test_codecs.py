"""streams.codecs: every message record survives the wire; keys are UTF-8 strings; what
does not decode raises the error the stage runner dead-letters."""

from __future__ import annotations

import pytest

from schemas.records import (
    Actor,
    Alert,
    CleanArticle,
    EvidenceRole,
    Incident,
    Location,
    RawArticle,
    SourceRef,
    Victim,
    WatchedRole,
    WatchRule,
)
from streams import codecs
from streams.stage import INPUT_ERRORS

INCIDENT = Incident(
    incident_id="i-1", killed=4, wounded=9, killed_qualifier="at_least",
    event_type="Battles", sub_event_type="Armed clash",
    victims=[Victim(4, "killed", "soldiers", "NE")], perpetrator=Actor("a rebel group"),
    location=Location("Tillabéri", "NE", 14.2, 1.45), date="2026-11-20",
    evidence=["Rebels attacked an army post, killing at least four soldiers."],
    article_ids=["a-1"], sources=[SourceRef("a-1", "wire", "2026-11-20T09:00:00Z")],
    roles=[EvidenceRole("Rebels attacked ...", "toll", 4, 9, "first figure")])
RECORDS = [
    RawArticle("a-1", "wire", "2026-11-20T09:00:00Z", "<p>text</p>", "text/html"),
    CleanArticle("a-1", "wire", "2026-11-20T09:00:00Z", "text", "en", "ab" * 8,
                 removed=["Share this"]),
    INCIDENT,
    Alert("al-1", 2, "updated", "high", [WatchedRole("NE", ["victim", "location"])],
          INCIDENT, [SourceRef("a-1")], "2026-11-20T09:01:00Z", "2026-11-20T10:00:00Z"),
    WatchRule("NE", ["victim"], 3),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_record_round_trips(record: object) -> None:
    data = codecs.encode(record)
    assert isinstance(data, bytes)
    assert type(record).from_dict(codecs.decode(data)) == record  # type: ignore[attr-defined]


def test_non_ascii_text_is_utf8_and_unescaped() -> None:
    assert "Tillabéri".encode() in codecs.encode(INCIDENT)


def test_keys_are_utf8_strings() -> None:
    assert codecs.encode_key("Diyarbakır") == "Diyarbakır".encode()
    assert codecs.decode_key("Diyarbakır".encode()) == "Diyarbakır"
    assert codecs.encode_key(None) is None and codecs.decode_key(None) is None
    assert codecs.decode_key(b"\xff-key") == "\ufffd-key"  # a foreign producer's bad key


@pytest.mark.parametrize("payload", [b"", b"{", b"not json", b'{"a": 1,}', b"\x00\x01"])
def test_what_does_not_decode_is_an_input_error(payload: bytes) -> None:
    with pytest.raises(codecs.DecodeError) as raised:
        codecs.decode(payload)
    assert isinstance(raised.value, INPUT_ERRORS) and isinstance(raised.value, ValueError)
