"""What the extractor builds: a sentence's counts (:class:`Count`), the *mention* a
candidate sentence gives, the article it reads and the groups mentions form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Flag, auto
from typing import Any

from spacy.tokens import Token

from schemas.records import Actor, Outcome, Qualifier
from wirewatch import geo
from wirewatch.rules import fired


class Mark(Flag):
    """What a figure in a sentence refers to, beyond its number; several may hold."""

    NONE = 0
    #: "including two policemen": part of a count already taken
    SUBSET = auto()
    #: "the 11 injured": refers back to a known count
    ANAPHORIC = auto()
    #: "five other soldiers": people besides those counted
    NEW_GROUP = auto()
    #: "the imam was killed": one person, unless a count says more
    WEAK = auto()
    #: "the death toll rose to 23": the whole toll, whatever else is said
    TOLL = auto()
    #: "the two guards", "one of the victims", "him": people counted elsewhere; the count
    #: only when nothing else counts them (always also ANAPHORIC)
    RECAP = auto()
    #: the object of an active verb ("killing 60 people")
    ACTIVE = auto()


def _mark(flag: Mark) -> Any:
    """A read/write boolean view of one :class:`Mark` of a :class:`Marked` record."""

    def get(self: Any) -> bool:
        return flag in self.marks

    def set_(self: Any, on: bool) -> None:
        self.marks = self.marks | flag if on else self.marks & ~flag

    return property(get, set_, doc=f"Whether the figure is marked {flag.name}.")


class Marked:
    """A figure with :class:`Mark` s, readable as booleans (``c.subset``, ``c.toll``)."""

    __slots__ = ()
    subset = _mark(Mark.SUBSET)
    anaphoric = _mark(Mark.ANAPHORIC)
    new_group = _mark(Mark.NEW_GROUP)
    weak = _mark(Mark.WEAK)
    toll = _mark(Mark.TOLL)
    recap = _mark(Mark.RECAP)
    active = _mark(Mark.ACTIVE)


@dataclass(slots=True)
class Count(Marked):
    """A number of people assigned to an outcome in one sentence."""

    value: int
    qualifier: Qualifier
    outcome: Outcome
    category: str | None
    country: str | None
    marks: Mark = Mark.NONE


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
    #: the names of the rules that decided while the sentence was read (wirewatch.rules)
    rules: list[str] = field(default_factory=list)

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


#: how a figure got its outcome (:attr:`Figure.via`) → the rule that says so
VIA_RULES = {
    "right": "role.count_then_casualty", "left": "role.casualty_then_count",
    "syntax": "role.by_syntax", "subset": "role.subset_of_toll", "elided": "role.elided_verb",
    "singular": "role.single_victim", "named": "role.named_victim",
    "pronoun": "role.pronoun_victim",
}


@dataclass(slots=True)
class Figure(Marked):
    """A figure found in a sentence while it is read: where it stands, the noun it counts,
    and (once a casualty word claims it) its outcome; it becomes a :class:`Count`."""

    start: int
    end: int  # exclusive token index within the sentence span
    value: int
    qualifier: Qualifier
    noun: Token | None
    category: str | None
    country: str | None
    marks: Mark = Mark.NONE
    outcome: Outcome | None = None
    via: str | None = None  # "right" (N ... killed) or "left" (killing N)

    def count(self) -> Count:
        """The count this figure gives (it must have an outcome by now); the rule that gave
        it its outcome fires."""
        assert self.outcome is not None, "a figure becomes a count once it has an outcome"
        if self.via in VIA_RULES:
            fired(VIA_RULES[self.via])
        if self.subset and self.via != "subset":
            fired("role.subset_of_toll")
        active = Mark.ACTIVE if self.via == "left" else Mark.NONE
        return Count(self.value, self.qualifier, self.outcome, self.category, self.country,
                     self.marks | active)


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
class Group:
    mentions: list[Mention] = field(default_factory=list)
    context: str | None = None  # the sentence just before that says what happened
    context_after: bool = False  # ... or just after, in a one-incident text
    #: title lines that summed this incident with others: they still say where it was
    titled: set[int] = field(default_factory=set)


