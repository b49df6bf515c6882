"""Rules: roles."""

from __future__ import annotations

from wirewatch.rules import Rule

RULES: tuple[Rule, ...] = ()
