"""Property tests: whatever bytes arrive, the clean stage never raises and each message
ends in exactly one outcome (a clean article or a dead letter with a typed reason)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import faust
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import validation_errors
from streams.stage import run_stage
from wirewatch.cleaning import InvalidArticle, clean_article, parse_raw

LIMIT = 20_000

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False)
    | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
bodies = st.one_of(
    st.text(max_size=3000),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=500),
    st.just(""), st.just("   \n\t "), st.just("x" * (LIMIT + 10)),
    st.just("<html><body><p>" + "A bomb killed two people in the city. " * 5 + "</p></body>"),
    st.sampled_from(["Ã©tÃ© killed", "\u0000\u0001 nul", "Â© 2026 All rights reserved"]),
)
articles = st.fixed_dictionaries(
    {"id": st.text(max_size=20), "source": st.text(max_size=10), "body": bodies},
    optional={"published_at": st.text(max_size=25), "title": st.one_of(st.none(), st.text()),
              "content_type": st.sampled_from(["text/plain", "text/html", "image/png"]),
              "language": st.one_of(st.none(), st.sampled_from(["en", "fr", ""]))},
)
payloads = st.one_of(
    st.binary(max_size=2000),
    json_values.map(orjson.dumps),
    articles.map(orjson.dumps),
    articles.map(lambda a: orjson.dumps(a)[:-3]),  # truncated
    st.dictionaries(st.text(max_size=8), json_values, max_size=5).map(orjson.dumps),
)


def outcome(payload: bytes) -> str:
    try:
        article = clean_article(parse_raw(payload, LIMIT))
    except InvalidArticle as exc:
        return f"dead:{type(exc).__name__}"
    assert validation_errors("article.clean.json", article.to_dict()) == []
    return "clean"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payloads)
def test_pure_clean_never_raises_anything_untyped(payload: bytes) -> None:
    assert outcome(payload) in {"clean", "dead:InvalidArticle", "dead:NotJSON",
                                "dead:NotAnObject", "dead:InvalidField", "dead:EmptyArticle",
                                "dead:InvalidEncoding", "dead:MessageTooLarge"}


@dataclass
class FakeMessage:
    key: bytes | None
    value: bytes
    topic: str = "wire.articles.raw"
    partition: int = 0
    offset: int = 7
    timestamp: float = 1_763_000_000.0
    headers: tuple[tuple[str, bytes], ...] = ()


@dataclass
class FakeEvent:
    message: FakeMessage


class FakeTopic:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, **kwargs: Any) -> Any:
        self.sent.append(kwargs)
        return stored()


async def stored() -> None:
    """A delivery the broker confirmed."""


@settings(max_examples=150, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(payload=payloads)
def test_stage_gives_each_message_exactly_one_outcome(
        payload: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import agents.clean

    forwarded: list[Any] = []

    async def capture(self: faust.Topic, **kwargs: Any) -> Any:
        forwarded.append(kwargs)
        return stored()

    monkeypatch.setattr(faust.Topic, "send", capture)
    deadletter = FakeTopic()
    result = asyncio.run(run_stage("clean", FakeEvent(FakeMessage(b"k", payload)),  # type: ignore[arg-type]
                                   agents.clean.handle, deadletter))  # type: ignore[arg-type]
    assert len(forwarded) + len(deadletter.sent) == 1
    if deadletter.sent:
        letter = deadletter.sent[0]
        assert result.outcome == "deadletter"
        assert letter["value"] == payload  # untouched
        headers = dict(letter["headers"])
        assert headers["error.class"] and headers["error.message"]
        assert headers["original.offset"] == b"7"
    else:
        assert result.outcome == "cleaned"
