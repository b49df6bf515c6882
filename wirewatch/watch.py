"""Watch rules (docs/contract.md): ``CC`` or ``CC:role+role``, optionally ``>=N`` killed.

Examples: ``TR``, ``TR,RU:perpetrator``, ``SY:location+victim>=5``.
"""

from __future__ import annotations

import re
from typing import get_args

import pycountry

from schemas.records import Incident, Role, WatchedRole, WatchRule

ROLES: tuple[Role, ...] = get_args(Role)
DEFAULT_ROLES: tuple[Role, ...] = ("victim", "location")
_RULE = re.compile(r"^(?P<cc>[A-Za-z]{2})(?::(?P<roles>[a-z+]+))?(?:>=(?P<min>\d+))?$")


class WatchRuleError(ValueError):
    """A watch rule that cannot be read."""


def parse_rule(text: str) -> WatchRule:
    """One rule, e.g. ``"RU:perpetrator"``."""
    m = _RULE.match(text.strip())
    if not m:
        raise WatchRuleError(f"bad watch rule {text!r}: expected CC or CC:role+role")
    code = m.group("cc").upper()
    if pycountry.countries.get(alpha_2=code) is None and code != "XK":
        raise WatchRuleError(f"bad watch rule {text!r}: {code} is not an ISO 3166-1 alpha-2 code")
    roles = m.group("roles").split("+") if m.group("roles") else list(DEFAULT_ROLES)
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise WatchRuleError(f"bad watch rule {text!r}: unknown role {unknown[0]!r} "
                             f"(roles: {', '.join(ROLES)})")
    ordered = [r for r in ROLES if r in roles]
    return WatchRule(code, ordered, int(m.group("min") or 0))


def parse_rules(text: str | None) -> list[WatchRule]:
    """A comma-separated list of rules; empty text gives no rules."""
    if not text or not text.strip():
        return []
    return [parse_rule(part) for part in text.split(",") if part.strip()]


def format_rule(rule: WatchRule) -> str:
    """The rule in the command-line syntax."""
    text = rule.country
    if list(rule.roles) != list(DEFAULT_ROLES):
        text += ":" + "+".join(rule.roles)
    if rule.min_killed:
        text += f">={rule.min_killed}"
    return text


def roles_in(incident: Incident, country: str) -> list[str]:
    """The roles ``country`` plays in ``incident``."""
    roles = []
    if any(v.country == country for v in incident.victims):
        roles.append("victim")
    if incident.location.country == country:
        roles.append("location")
    if incident.perpetrator is not None and incident.perpetrator.country == country:
        roles.append("perpetrator")
    return roles


def matches(incident: Incident, rules: list[WatchRule]) -> list[WatchedRole]:
    """Which rules the incident matches, with the roles that matched."""
    out = []
    for rule in rules:
        if incident.killed < rule.min_killed:
            continue
        hit = [r for r in roles_in(incident, rule.country) if r in rule.roles]
        if hit:
            out.append(WatchedRole(rule.country, hit))
    return out
