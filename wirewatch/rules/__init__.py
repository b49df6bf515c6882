"""Named rules: every rule that decides a figure's role, an article's currency, an
incident's violence or an alert's toll, in one table the engine reads.

A rule is data (:class:`Rule`): a name, a one-line purpose, what it decides, its pattern
when it is one, and example sentences it must fire on and counter-examples it must not,
written in our own words. The engine asks the table for a rule by name (:func:`rule`)
and says when one decided something: :meth:`Rule.search` and :meth:`Rule.match` fire on
a match, :meth:`Rule.find` leaves it to the caller, who calls :func:`fired` once the
rule has decided. While a :func:`tracing` block is open every firing is counted: that
is how ``extract --json`` says which rules decided each sentence and ``eval --json``
how often each rule fired on a file. ``tests/core/test_rules.py`` runs every example and
counter-example through the extractor.

The rules live by what they decide: :mod:`wirewatch.rules.roles` and
:mod:`wirewatch.rules.counting` (what a figure counts, by pattern and by parse),
:mod:`wirewatch.rules.currency` (is it news of the last days),
:mod:`wirewatch.rules.violence` (was it violence) and :mod:`wirewatch.rules.tolls` (how
reports of one incident revise its alert's toll).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

Decides = Literal["role", "currency", "violence", "toll"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule of the extractor or the alert tracker."""

    name: str
    decides: Decides
    purpose: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = field(default=None, compare=False)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The rule's pattern in ``text``; a match counts as the rule firing."""
        assert self.pattern is not None, f"rule {self.name} has no pattern"
        found = self.pattern.search(text, pos)
        if found is not None:
            fired(self.name)
        return found

    def match(self, text: str) -> re.Match[str] | None:
        """The rule's pattern at the start of ``text``; a match counts as a firing."""
        found = self.find(text, at_start=True)
        if found is not None:
            fired(self.name)
        return found

    def find(self, text: str, at_start: bool = False) -> re.Match[str] | None:
        """The rule's pattern in ``text`` (or at its start), not yet a firing: for a rule
        that decides only when more holds (the caller then says :func:`fired`)."""
        assert self.pattern is not None, f"rule {self.name} has no pattern"
        return self.pattern.match(text) if at_start else self.pattern.search(text)


_traces: ContextVar[tuple[Counter[str], ...]] = ContextVar("wirewatch_rule_traces", default=())


def fired(name: str) -> None:
    """Say that rule ``name`` decided something (counted in every open trace)."""
    assert name in TABLE, f"unknown rule {name!r}: add it to the rule table"
    for counter in _traces.get():
        counter[name] += 1


@contextmanager
def tracing() -> Iterator[Counter[str]]:
    """Count the rules that fire inside the block (traces nest: an outer one counts too)."""
    counter: Counter[str] = Counter()
    token = _traces.set((*_traces.get(), counter))
    try:
        yield counter
    finally:
        _traces.reset(token)


def rule(name: str) -> Rule:
    """The rule of that name (a typo is a bug, and fails at import time)."""
    return TABLE[name]


def _table() -> dict[str, Rule]:
    from wirewatch.rules import counting, currency, roles, tolls, violence

    table: dict[str, Rule] = {}
    for module in (roles, counting, currency, violence, tolls):
        for r in module.RULES:
            assert r.name not in table, f"rule {r.name} defined twice"
            table[r.name] = r
    return table


#: every rule by name
TABLE: dict[str, Rule] = {}
TABLE.update(_table())
