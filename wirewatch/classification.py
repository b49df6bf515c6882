"""ACLED event types and sub-types from an incident's evidence.

Rules are ordered from the most specific weapon or method to the generic fallback
chosen by who the victims were (soldiers fighting: an armed clash; civilians: an attack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.records import Incident
from wirewatch.violence import CIVILIAN_TARGETING, STATE_FORCES, SUB_EVENT_CUES, TERRITORY

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
RIOTS = "Riots"
PROTESTS = "Protests"
STRATEGIC = "Strategic developments"

EVENT_TYPE_OF = {
    "Armed clash": BATTLES,
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Chemical weapon": EXPLOSIONS,
    "Air/drone strike": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Sexual violence": VIOLENCE_AGAINST_CIVILIANS,
    "Attack": VIOLENCE_AGAINST_CIVILIANS,
    "Abduction/forced disappearance": VIOLENCE_AGAINST_CIVILIANS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Excessive force against protesters": PROTESTS,
}

ARMED_CATEGORIES = {"soldiers", "militants", "police"}


@dataclass(frozen=True, slots=True)
class Classification:
    """An ACLED event type and sub-type."""

    event_type: str
    sub_event_type: str


def match_text(text: str, victim_categories: set[str] | None = None) -> Classification | None:
    """The first rule the text matches, or None."""
    territory = TERRITORY.search(text)
    if territory:
        before = text[max(0, territory.start() - 80):territory.start()]
        sub = "Government regains territory" if STATE_FORCES.search(before) else \
            "Non-state actor overtakes territory"
        return Classification(EVENT_TYPE_OF[sub], sub)
    for sub, pattern in SUB_EVENT_CUES:
        if pattern.search(text):
            if sub == "Attack" and victim_categories and victim_categories <= ARMED_CATEGORIES:
                sub = "Armed clash"  # only armed men among the victims: a battle, as ACLED codes
            if sub == "Armed clash" and victim_categories == {"civilians"} and \
                    re.search(r"\bambush", text, re.I) and not re.search(r"\bclash", text, re.I):
                sub = "Attack"  # an ambush on civilians is violence against them
            if sub == "Armed clash" and not (victim_categories or set()) & {"soldiers", "police"} \
                    and CIVILIAN_TARGETING.search(text):
                sub = "Attack"  # gunmen on a crowd; the police's response is not the event
            return Classification(EVENT_TYPE_OF[sub], sub)
    return None


def fallback(victim_categories: set[str] | None) -> Classification:
    """No wording to go on: soldiers or fighters killed is a clash, anyone else an attack."""
    if victim_categories and victim_categories <= ARMED_CATEGORIES:
        return Classification(BATTLES, "Armed clash")
    return Classification(VIOLENCE_AGAINST_CIVILIANS, "Attack")


def classify_text(text: str, victim_categories: set[str] | None = None) -> Classification:
    """Classify a description of a violent event."""
    return match_text(text, victim_categories) or fallback(victim_categories)


def classify(incident: Incident) -> Classification:
    """Classify an incident from all its evidence (what happened, then the toll)."""
    categories = {v.category for v in incident.victims if v.category and v.category != "people"}
    return match_text(" ".join(incident.evidence), categories) or fallback(categories)
