"""What the extractor builds: a sentence's counts (:class:`Count`), the *mention* a
candidate sentence gives, the article it reads and the groups mentions form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from schemas.records import (
    Actor,
    Qualifier,
)
from wirewatch import geo


@dataclass(slots=True)
class Count:
    """A number of people assigned to an outcome in one sentence."""

    value: int
    qualifier: Qualifier
    outcome: str  # "killed" | "wounded"
    category: str | None
    country: str | None
    subset: bool = False  # "including two policemen": part of a count already taken
    anaphoric: bool = False  # "the 11 injured": refers back to a known count
    new_group: bool = False  # "five other soldiers"
    weak: bool = False  # "the imam was killed": one person, unless a count says more
    toll: bool = False  # "the death toll rose to 23": the whole toll, whatever else is said
    recap: bool = False  # "the two guards", "one of the victims", "him": refers to people
    #                      counted elsewhere; the count only when nothing else counts them
    active: bool = False  # the object of an active verb ("killing 60 people")


@dataclass(slots=True)
class Mention:
    """What one candidate sentence says about casualties."""

    index: int
    text: str
    counts: list[Count]
    place: geo.Located | None = None  # where this sentence says it happened, if it says
    date: date | None = None
    has_date: bool = False
    perpetrator: Actor | None = None
    new_event: bool = False
    recalled: bool = False
    accidental: bool = False
    revision: bool = False
    same_place: bool = False
    earlier: bool = False  # "had been shot dead": an event before the one reported
    additive: bool = False  # "two attackers were also killed": adds to the incident's toll

    def total(self, outcome: str) -> tuple[int, Qualifier]:
        tolls = [c for c in self.counts if c.outcome == outcome and c.toll and not c.anaphoric]
        if tolls:
            best = max(tolls, key=lambda c: c.value)
            return best.value, best.qualifier
        relevant = [c for c in self.counts
                    if c.outcome == outcome and not c.subset and not c.anaphoric]
        # "60 people were killed when ... attacked, killing 60 people": said twice, one count
        said: dict[tuple[int, str | None, str | None], set[bool]] = {}
        for c in relevant:
            said.setdefault((c.value, c.category, c.country), set()).add(c.active)
        relevant = [c for c in relevant
                    if not (said[(c.value, c.category, c.country)] == {True, False} and c.active)]
        value = sum(c.value for c in relevant)
        qualifiers = {c.qualifier for c in relevant}
        qualifier: Qualifier = "exact"
        if "approximate" in qualifiers:
            qualifier = "approximate"
        elif "at_least" in qualifiers:
            qualifier = "at_least"
        return value, qualifier

    def weak_total(self, outcome: str) -> int:
        """What "the imam was killed" or "the two guards were injured" says, for an incident
        no count covers."""
        recaps = [c.value for c in self.counts if c.recap and c.outcome == outcome]
        return max([self.single_total(outcome), *recaps])

    def single_total(self, outcome: str) -> int:
        """One for "the imam was killed", not counting recaps of people counted elsewhere."""
        return int(any(c.weak and not c.recap and c.outcome == outcome for c in self.counts))

    @property
    def recap_only(self) -> bool:
        """Only people counted elsewhere: the mention restates, it reports nothing new."""
        return all(c.recap for c in self.counts)


@dataclass(slots=True)
class _Quant:
    start: int
    end: int  # exclusive token index within the sentence span
    value: int
    qualifier: Qualifier
    noun: Token | None
    category: str | None
    country: str | None
    anaphoric: bool
    new_group: bool
    subset: bool = False
    outcome: str | None = None
    via: str | None = None  # "right" (N ... killed) or "left" (killing N)
    weak: bool = False
    toll: bool = False
    recap: bool = False


@dataclass(slots=True)
class Article:
    """What the extractor needs to know about an article."""

    id: str
    text: str
    published_at: str | None = None
    title: str | None = None


@dataclass(slots=True)
class ExtractionStats:
    """How much of the article went through the model."""

    sentences: int = 0
    candidates: int = 0


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    context: str | None = None  # the sentence just before that says what happened
    context_after: bool = False  # ... or just after, in a one-incident text


