"""The topic catalogue of docs/contract.md: names, partitioning and retention of every topic."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """One topic wirewatch reads or writes."""

    role: str
    base_name: str
    doc: str
    compacted: bool = False
    single_partition: bool = False


RAW = TopicSpec("raw", "wire.articles.raw", "raw articles in (key: article id)")
UNCHECKED = TopicSpec(
    "unchecked", "wire.articles.unchecked",
    "internal: cleaned articles before the near-duplicate check (one partition: one index)",
    single_partition=True,
)
CLEAN = TopicSpec("clean", "wire.articles.clean", "cleaned articles, duplicates marked")
EXTRACTED = TopicSpec(
    "extracted", "wire.incidents.extracted",
    "internal, legacy: unclassified incidents an older version left (extract now classifies)",
)
INCIDENTS = TopicSpec("incidents", "wire.incidents", "classified incidents (key: incident id)")
PENDING = TopicSpec(
    "pending", "wire.alerts.pending",
    "internal: incidents on their way to an alert, keyed by country (the alert state key)",
)
ALERTS = TopicSpec(
    "alerts", "wire.alerts",
    "alerts and their updates (key: alert id); compacted: the latest version of each alert "
    "stays, which is all a worker's tracker reads back at start",
    compacted=True,
)
WATCHLIST = TopicSpec(
    "watchlist", "wire.watchlist", "live watch rules (key: country code; null unwatches)",
    compacted=True, single_partition=True,
)
DEADLETTER = TopicSpec(
    "deadletter", "wire.deadletter", "messages a stage could not process, bytes untouched"
)

CATALOGUE: tuple[TopicSpec, ...] = (
    RAW, UNCHECKED, CLEAN, EXTRACTED, INCIDENTS, PENDING, ALERTS, WATCHLIST, DEADLETTER,
)


@dataclass(frozen=True, slots=True)
class TopicNames:
    """Full topic names under a prefix."""

    prefix: str = ""

    def name(self, spec: TopicSpec) -> str:
        return f"{self.prefix}{spec.base_name}"

    @property
    def raw(self) -> str:
        return self.name(RAW)

    @property
    def pending(self) -> str:
        return self.name(PENDING)

    @property
    def unchecked(self) -> str:
        return self.name(UNCHECKED)

    @property
    def clean(self) -> str:
        return self.name(CLEAN)

    @property
    def extracted(self) -> str:
        return self.name(EXTRACTED)

    @property
    def incidents(self) -> str:
        return self.name(INCIDENTS)

    @property
    def alerts(self) -> str:
        return self.name(ALERTS)

    @property
    def watchlist(self) -> str:
        return self.name(WATCHLIST)

    @property
    def deadletter(self) -> str:
        return self.name(DEADLETTER)

    def all(self) -> list[str]:
        """Every topic of the catalogue, in pipeline order."""
        return [self.name(spec) for spec in CATALOGUE]

    def consumed(self) -> list[str]:
        """The topics the worker's consumer group reads (everything but its outputs
        ``wire.alerts`` and ``wire.deadletter``): where lag is measured."""
        return [self.name(spec) for spec in CATALOGUE if spec not in (ALERTS, DEADLETTER)]
