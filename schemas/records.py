"""Typed records for every topic message; each mirrors a JSON Schema in this folder.

Records are plain dataclasses: orjson serialises them natively, the pure logic
builds them without knowing about Kafka, and ``from_dict`` rebuilds them from a
decoded message. Field names are the contract of SPEC §3.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Outcome = Literal["killed", "wounded"]
Qualifier = Literal["exact", "at_least", "approximate"]
CONTENT_TYPES = ("text/plain", "text/html")


class RecordError(ValueError):
    """A decoded message does not have the shape its record needs."""


def _str(data: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise RecordError(f"missing field {key!r}")
        return None
    if not isinstance(value, str):
        raise RecordError(f"field {key!r} must be a string, got {type(value).__name__}")
    return value


def _int(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"field {key!r} must be an integer")
    return value


@dataclass(slots=True)
class RawArticle:
    """A wire article as it arrives on ``wire.articles.raw``."""

    id: str
    source: str
    published_at: str
    body: str
    content_type: str = "text/plain"
    url: str | None = None
    title: str | None = None
    language: str | None = None

    @classmethod
    def from_dict(cls, data: Any) -> RawArticle:
        if not isinstance(data, dict):
            raise RecordError(f"message must be a JSON object, got {type(data).__name__}")
        content_type = _str(data, "content_type", required=False) or "text/plain"
        if content_type not in CONTENT_TYPES:
            raise RecordError(f"unsupported content_type {content_type!r}")
        return cls(
            id=_str(data, "id") or "",
            source=_str(data, "source") or "",
            published_at=_str(data, "published_at") or "",
            body=_str(data, "body") or "",
            content_type=content_type,
            url=_str(data, "url", required=False),
            title=_str(data, "title", required=False),
            language=_str(data, "language", required=False),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class CleanArticle:
    """A cleaned article on ``wire.articles.clean``."""

    id: str
    source: str
    published_at: str
    text: str
    language: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    duplicate_of: str | None = None
    removed: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Any) -> CleanArticle:
        if not isinstance(data, dict):
            raise RecordError("clean article must be a JSON object")
        removed = data.get("removed") or []
        return cls(
            id=_str(data, "id") or "",
            source=_str(data, "source") or "",
            published_at=_str(data, "published_at") or "",
            text=_str(data, "text") or "",
            language=_str(data, "language") or "",
            content_hash=_str(data, "content_hash") or "",
            title=_str(data, "title", required=False),
            url=_str(data, "url", required=False),
            duplicate_of=_str(data, "duplicate_of", required=False),
            removed=[str(r) for r in removed],
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Victim:
    """One group of casualties: how many, what happened to them, who they were."""

    count: int
    outcome: Outcome
    category: str | None = None
    country: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Victim:
        outcome = data.get("outcome")
        if outcome not in ("killed", "wounded"):
            raise RecordError(f"victim outcome must be killed or wounded, got {outcome!r}")
        return cls(
            count=_int(data, "count") or 0,
            outcome=outcome,
            category=_str(data, "category", required=False),
            country=_str(data, "country", required=False),
        )


@dataclass(slots=True)
class Actor:
    """A perpetrator: a name as stated, and its country where known."""

    name: str
    country: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(name=_str(data, "name") or "", country=_str(data, "country", required=False))


@dataclass(slots=True)
class Location:
    """Where an incident happened; coordinates when the gazetteer knows the place."""

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(
            name=_str(data, "name", required=False),
            country=_str(data, "country", required=False),
            lat=data.get("lat"),
            lon=data.get("lon"),
        )


@dataclass(slots=True)
class SourceRef:
    """An article an alert rests on."""

    article_id: str
    source: str | None = None
    published_at: str | None = None


MentionRole = Literal["toll", "update", "restatement", "part", "additional", "context",
                      "past", "competing"]


@dataclass(slots=True)
class EvidenceRole:
    """What one evidence sentence did for the incident's toll, and why."""

    sentence: str
    role: MentionRole
    killed: int = 0
    wounded: int = 0
    why: str = ""

    @classmethod
    def from_dict(cls, data: Any) -> EvidenceRole:
        if not isinstance(data, dict):
            raise RecordError("an evidence role must be a JSON object")
        return cls(sentence=_str(data, "sentence") or "", role=data.get("role", "toll"),
                   killed=_int(data, "killed") or 0, wounded=_int(data, "wounded") or 0,
                   why=_str(data, "why", required=False) or "")


@dataclass(slots=True)
class Incident:
    """One casualty incident (SPEC §3); ``event_type`` is set by the classify stage."""

    incident_id: str
    killed: int
    wounded: int
    killed_qualifier: Qualifier = "exact"
    wounded_qualifier: Qualifier = "exact"
    event_type: str | None = None
    sub_event_type: str | None = None
    victims: list[Victim] = field(default_factory=list)
    perpetrator: Actor | None = None
    location: Location = field(default_factory=Location)
    date: str | None = None
    accidental: bool = False
    historical: bool = False
    evidence: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    #: the role each casualty sentence played in the toll (whole-article toll resolution)
    roles: list[EvidenceRole] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Any) -> Incident:
        if not isinstance(data, dict):
            raise RecordError("incident must be a JSON object")
        perpetrator = data.get("perpetrator")
        return cls(
            incident_id=_str(data, "incident_id") or "",
            killed=_int(data, "killed") or 0,
            wounded=_int(data, "wounded") or 0,
            killed_qualifier=data.get("killed_qualifier") or "exact",
            wounded_qualifier=data.get("wounded_qualifier") or "exact",
            event_type=_str(data, "event_type", required=False),
            sub_event_type=_str(data, "sub_event_type", required=False),
            victims=[Victim.from_dict(v) for v in data.get("victims") or []],
            perpetrator=Actor.from_dict(perpetrator) if perpetrator else None,
            location=Location.from_dict(data.get("location") or {}),
            date=_str(data, "date", required=False),
            accidental=bool(data.get("accidental", False)),
            historical=bool(data.get("historical", False)),
            evidence=[str(e) for e in data.get("evidence") or []],
            article_ids=[str(a) for a in data.get("article_ids") or []],
            sources=[SourceRef(**s) for s in data.get("sources") or []],
            roles=[EvidenceRole.from_dict(r) for r in data.get("roles") or []],
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class WatchedRole:
    """A watched country and the roles in which it appears in an incident."""

    country: str
    roles: list[str]


@dataclass(slots=True)
class Alert:
    """An alert on ``wire.alerts``: the incident, why it matters, and its sources."""

    alert_id: str
    version: int
    status: Literal["new", "updated"]
    severity: str
    watched: list[WatchedRole]
    incident: Incident
    sources: list[SourceRef]
    created_at: str
    updated_at: str

    @classmethod
    def from_dict(cls, data: Any) -> Alert:
        if not isinstance(data, dict):
            raise RecordError("alert must be a JSON object")
        return cls(
            alert_id=_str(data, "alert_id") or "",
            version=_int(data, "version") or 1,
            status=data.get("status", "new"),
            severity=_str(data, "severity") or "",
            watched=[WatchedRole(w["country"], list(w["roles"])) for w in data["watched"]],
            incident=Incident.from_dict(data["incident"]),
            sources=[SourceRef(**s) for s in data.get("sources") or []],
            created_at=_str(data, "created_at") or "",
            updated_at=_str(data, "updated_at") or "",
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class WatchRule:
    """A watch rule on ``wire.watchlist`` (key: the country code)."""

    country: str
    roles: list[str]
    min_killed: int = 0

    @classmethod
    def from_dict(cls, data: Any) -> WatchRule:
        if not isinstance(data, dict):
            raise RecordError("watch rule must be a JSON object")
        return cls(
            country=_str(data, "country") or "",
            roles=[str(r) for r in data.get("roles") or []],
            min_killed=_int(data, "min_killed") or 0,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
