"""The typed models of every topic message: the one contract.

Each record is a pydantic (v2) dataclass: the pure logic builds and changes records
like any dataclass, orjson serialises them natively (:mod:`schemas.codec`), and
:meth:`Record.from_dict` validates a decoded message against the same model. The JSON
Schema documents in this folder are generated from these models (``python -m schemas``)
and a test fails when a committed document differs from what the models generate.

Why pydantic rather than msgspec: pydantic v2 is already installed with spaCy (no new
dependency), it generates draft 2020-12 JSON Schema with field descriptions, and
``pydantic-settings`` gives the settings the same machinery. Decoding speed, msgspec's
strength, is not where the time goes: one spaCy parse costs more than thousands of
validations.

Scalar fields are strict (``"3"`` is not a count, ``3`` is not a name), as the schemas
say; nested records are accepted as JSON objects.
"""

from __future__ import annotations

from dataclasses import asdict, field
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
    field_validator,
)
from pydantic.dataclasses import dataclass

from schemas import codec

Outcome = Literal["killed", "wounded"]
Qualifier = Literal["exact", "at_least", "approximate"]
Role = Literal["victim", "location", "perpetrator"]
Severity = Literal["low", "medium", "high", "critical"]
ContentType = Literal["text/plain", "text/html"]
MentionRole = Literal["toll", "update", "restatement", "part", "additional", "context",
                      "past", "competing"]
CONTENT_TYPES: tuple[str, ...] = ("text/plain", "text/html")

CountryCode = Annotated[StrictStr, Field(pattern=r"^[A-Z]{2}$")]
Count = Annotated[StrictInt, Field(ge=0)]
NonEmpty = Annotated[StrictStr, Field(min_length=1)]
DateTime = Annotated[StrictStr, Field(json_schema_extra={"format": "date-time"})]
Date = Annotated[StrictStr, Field(json_schema_extra={"format": "date"})]


class RecordError(ValueError):
    """A decoded message does not have the shape its record needs."""


def _config(title: str, *, extra: Literal["forbid", "ignore", "allow"] = "forbid") -> ConfigDict:
    return ConfigDict(title=title, extra=extra, use_attribute_docstrings=True,
                      json_schema_serialization_defaults_required=True)


@cache
def _adapter(cls: Any) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def describe(error: ValidationError) -> str:
    """One line saying what is wrong with a message: the first problem and where."""
    problems = error.errors(include_url=False)
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"]) or "<root>"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"field {where!r}: {first['msg']}{more}"


class Record:
    """What every message record can do: be rebuilt from, and turned into, a JSON object."""

    __slots__ = ()
    #: the schema document generated from this record, when it is a topic message
    schema_file: ClassVar[str | None] = None

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        """Validate a decoded message; raises :class:`RecordError` with the reason."""
        if not isinstance(data, dict):
            raise RecordError(f"{cls.__name__} must be a JSON object, got {type(data).__name__}")
        try:
            record: Self = _adapter(cls).validate_python(data)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise RecordError(describe(exc)) from None
        return record

    @classmethod
    def from_json(cls, data: bytes | str | None) -> Self:
        """Decode and validate a message body; anything that is not such a record (not
        JSON, no value, the wrong shape) raises :class:`RecordError`."""
        try:
            decoded = codec.decode(data or b"")
        except codec.DecodeError as exc:
            raise RecordError(f"not JSON: {exc}") from None
        return cls.from_dict(decoded)

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (what orjson writes for it)."""
        return asdict(self)  # type: ignore[call-overload]


# --------------------------------------------------------------------------- articles


@dataclass(slots=True, config=_config("Raw wire article (wire.articles.raw; key: article id)",
                                      extra="ignore"))
class RawArticle(Record):
    """A wire article as it arrives on ``wire.articles.raw``; fields we do not know are
    ignored."""

    schema_file: ClassVar[str | None] = "article.raw.json"

    id: NonEmpty
    """Stable article id, used as the message key."""
    source: NonEmpty
    """Wire or publisher name."""
    published_at: DateTime
    """RFC 3339 publication time."""
    body: StrictStr
    """Article body as received (plain text or HTML)."""
    content_type: ContentType = "text/plain"
    url: StrictStr | None = None
    title: StrictStr | None = None
    language: StrictStr | None = None
    """ISO 639-1 code if the sender knows it."""


@dataclass(slots=True, config=_config("Cleaned article (wire.articles.clean; key: article id)"))
class CleanArticle(Record):
    """A cleaned article on ``wire.articles.clean``."""

    schema_file: ClassVar[str | None] = "article.clean.json"

    id: NonEmpty
    source: StrictStr
    published_at: StrictStr
    text: NonEmpty
    """The story with boilerplate removed."""
    language: StrictStr
    """ISO 639-1 code, or 'und' when undetermined."""
    content_hash: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{16,64}$")]
    """Hash of the normalised text."""
    title: StrictStr | None = None
    url: StrictStr | None = None
    duplicate_of: StrictStr | None = None
    """Id of the first article carrying the same story."""
    removed: list[StrictStr] = field(default_factory=list)
    """Lines dropped as boilerplate."""


# --------------------------------------------------------------------------- incidents


@dataclass(slots=True, config=_config("Victim"))
class Victim(Record):
    """One group of casualties: how many, what happened to them, who they were."""

    count: Count
    outcome: Outcome
    category: StrictStr | None = None
    country: CountryCode | None = None


@dataclass(slots=True, config=_config("Actor"))
class Actor(Record):
    """A perpetrator: a name as stated, and its country where known."""

    name: StrictStr
    country: CountryCode | None = None


@dataclass(slots=True, config=_config("Location"))
class Location(Record):
    """Where an incident happened; coordinates when the gazetteer knows the place."""

    name: StrictStr | None = None
    country: CountryCode | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True, config=_config("SourceRef"))
class SourceRef(Record):
    """An article an incident or alert rests on."""

    article_id: StrictStr
    source: StrictStr | None = None
    published_at: StrictStr | None = None


@dataclass(slots=True, config=_config("EvidenceRole"))
class EvidenceRole(Record):
    """What one evidence sentence did for the incident's toll, and why: 'toll' (set the
    figure), 'update' (a revised toll that supersedes earlier ones), 'restatement' (the
    same toll told again: headline, lead, quote), 'part' (a breakdown of the stated
    total), 'additional' (more victims of the same incident), 'context' (what happened,
    no figure), 'past' (an earlier event the article recalls), 'competing' (another
    source's figure, not counted)."""

    sentence: StrictStr
    role: MentionRole
    killed: Count = 0
    wounded: Count = 0
    why: StrictStr = ""
    rules: list[StrictStr] = field(default_factory=list)
    """The named rules (``wirewatch.rules``) that decided while the sentence was read."""


@dataclass(slots=True, config=_config("Classified incident (wire.incidents; key: incident id)"))
class Incident(Record):
    """One casualty incident (docs/alerts.md); ``event_type`` is set by the classify stage."""

    schema_file: ClassVar[str | None] = "incident.json"

    incident_id: NonEmpty
    killed: Count
    wounded: Count
    killed_qualifier: Qualifier = "exact"
    """'exact', 'at_least' ("at least 40") or 'approximate' ("dozens")."""
    wounded_qualifier: Qualifier = "exact"
    event_type: StrictStr | None = None
    """ACLED event type."""
    sub_event_type: StrictStr | None = None
    """ACLED sub-event type."""
    victims: list[Victim] = field(default_factory=list)
    perpetrator: Actor | None = None
    location: Location = field(default_factory=Location)
    date: Date | None = None
    """The event's date, resolved against the article's publication time."""
    date_inferred: StrictBool = False
    """The text gives no date: ``date`` is the publication day (the event was on or before
    it)."""
    accidental: StrictBool = False
    """Friendly fire or another accident of the perpetrator."""
    historical: StrictBool = False
    """A past event the article only recalls."""
    evidence: Annotated[list[StrictStr], Field(min_length=1)] = field(default_factory=list)
    """The sentences the incident was read from."""
    article_ids: Annotated[list[StrictStr], Field(min_length=1)] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    """The articles the incident was read from."""
    roles: list[EvidenceRole] = field(default_factory=list)
    """The role each casualty sentence played in the toll (whole-article toll resolution)."""


# --------------------------------------------------------------------------- alerts


@dataclass(slots=True, config=_config("Report"))
class Report(Record):
    """One report an alert rests on (an article's account of the alert's one incident) and
    the toll it gave. Reports are never added up: the alert's toll is the highest figure
    a report gave, or a lower one a report said corrects it."""

    incident_id: NonEmpty
    article_id: StrictStr
    killed: Count = 0
    wounded: Count = 0


@dataclass(slots=True, config=_config("WatchedRole"))
class WatchedRole(Record):
    """A watched country and the roles in which it appears in an incident."""

    country: CountryCode
    roles: Annotated[list[Role], Field(min_length=1)]


@dataclass(slots=True, config=_config("Alert (wire.alerts; key: alert id, the stable dedup key)"))
class Alert(Record):
    """An alert on ``wire.alerts``: the incident, why it matters, and its sources."""

    schema_file: ClassVar[str | None] = "alert.json"

    alert_id: NonEmpty
    version: Annotated[StrictInt, Field(ge=1)]
    status: Literal["new", "updated"]
    severity: Severity
    watched: Annotated[list[WatchedRole], Field(min_length=1)]
    incident: Incident
    sources: Annotated[list[SourceRef], Field(min_length=1)]
    created_at: DateTime
    updated_at: DateTime
    reports: list[Report] = field(default_factory=list)
    """The incident reports the alert rests on, each with the toll it gave."""


@dataclass(slots=True, config=_config(
    "Watch rule (wire.watchlist, compacted; key: ISO 3166-1 alpha-2 code; null value "
    "unwatches)"))
class WatchRule(Record):
    """A watch rule on ``wire.watchlist`` (key: the country code)."""

    schema_file: ClassVar[str | None] = "watch_rule.json"

    country: CountryCode
    roles: Annotated[list[Role], Field(min_length=1, json_schema_extra={"uniqueItems": True})]
    min_killed: Count = 0
    """Alert only from this many killed."""

    @field_validator("roles")
    @classmethod
    def _roles_once(cls, roles: list[str]) -> list[str]:
        if len(set(roles)) != len(roles):
            raise ValueError("each role at most once")
        return roles


# --------------------------------------------------------------------------- dead letters

Stage = Literal["alert", "classify", "clean", "dedup", "extract", "notify", "track",
                "watchlist"]


@dataclass(slots=True, config=ConfigDict(
    title="Dead letter (wire.deadletter; key: original key; value: the original bytes "
          "untouched). This schema describes its headers, decoded as UTF-8.",
    extra="allow", use_attribute_docstrings=True, populate_by_name=True,
    json_schema_serialization_defaults_required=True))
class DeadLetterHeaders(Record):
    """The headers of a dead letter: why it is there and where it came from."""

    schema_file: ClassVar[str | None] = "deadletter.headers.json"

    deadletter_id: Annotated[StrictStr, Field(alias="deadletter.id",
                                              pattern=r"^.+:-?[0-9]+:-?[0-9]+$")]
    """Stable id: the original message's topic:partition:offset. A message redelivered
    after a crash and dead-lettered again carries the same id, so replay and accounting
    count it once."""
    stage: Stage
    error_class: Annotated[StrictStr, Field(alias="error.class")]
    error_message: Annotated[StrictStr, Field(alias="error.message")]
    original_topic: Annotated[StrictStr, Field(alias="original.topic")]
    original_partition: Annotated[StrictStr, Field(alias="original.partition",
                                                   pattern=r"^[0-9]+$")]
    original_offset: Annotated[StrictStr, Field(alias="original.offset", pattern=r"^[0-9]+$")]
    time: DateTime
    error_kind: Annotated[Literal["input", "bug"], Field(alias="error.kind")] = "input"
    """``input``: the message is bad (fix the sender). ``bug``: wirewatch failed on it (fix
    wirewatch, then ``deadletter replay``); a bug is also logged with its traceback and
    counted, and too many stop the worker."""
    error_traceback: Annotated[StrictStr, Field(alias="error.traceback")] = ""
    """For a bug: the last frames of the traceback, where it failed."""

    def to_dict(self) -> dict[str, Any]:
        """The headers by their names on the wire (``deadletter.id``, ``error.class``…)."""
        dumped: dict[str, Any] = _adapter(DeadLetterHeaders).dump_python(self, by_alias=True)
        return dumped


#: every topic message record, by the schema document generated from it
MESSAGE_RECORDS: tuple[type[Record], ...] = (
    RawArticle, CleanArticle, Incident, Alert, WatchRule, DeadLetterHeaders)
