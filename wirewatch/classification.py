"""ACLED event types and sub-types from an incident's evidence.

Rules are ordered from the most specific weapon or method to the generic fallback
chosen by who the victims were (soldiers fighting: an armed clash; civilians: an attack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.records import Incident

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

TERRITORY = re.compile(
    r"\b(took|taken|take|takes|taking|seized|seize|captured|capture|regained|retook|"
    r"recaptured|overran|overrun) (full )?(control of|over|the (village|town|city|area|base|"
    r"locality|district|camp)|a [\w\s]{0,30}?(stronghold|base|town|village))", re.I)
STATE_FORCES = re.compile(
    r"\b(army|military|troops|soldiers|government|security forces|forces of|police|"
    r"FARDC|SNA|ANDSF|defence forces|defense forces|armed forces)\b", re.I)

# (sub-type, pattern) in priority order.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (sub, re.compile(pattern, re.I)) for sub, pattern in (
        ("Chemical weapon", r"\b(chemical (weapon|attack)|sarin|chlorine gas|nerve agent|"
                            r"mustard gas)\b"),
        ("Suicide bomb", r"\b(suicide[- ](bomb|bomber|bombers|bombing|attack|attacker|car|vest|"
                         r"blast|truck)|blew (himself|herself|themselves) up|"
                         r"self-detonat|detonated (his|her) (vest|explosive))"),
        ("Air/drone strike", r"\b(air ?strikes?|air[- ]raids?|airstrikes?|drones?|warplanes?|"
                             r"fighter jets?|jets?|aircraft|helicopter gunships?|"
                             r"aerial (bombardment|attack|bombing)|bombed from the air|"
                             r"air force|barrel bombs?|planes?)\b"),
        ("Shelling/artillery/missile attack", r"\b(shell(ing|ed|s)?|artillery|mortars?|"
                                              r"rockets?|missiles?|howitzers?|"
                                              r"bombardment|projectiles?|katyusha)\b"),
        ("Grenade", r"\bgrenades?\b"),
        ("Remote explosive/landmine/IED", r"\b(IEDs?|improvised explosive|roadside bombs?|"
                                          r"land ?mines?|mines?|car bombs?|bomb(s|ing|ings)?|"
                                          r"explosive devices?|explosives?|blasts?|"
                                          r"explosions?|exploded|detonat\w*|booby[- ]trap\w*|"
                                          r"VBIED|magnetic bomb)\b"),
        ("Sexual violence", r"\b(rap(e|ed|es|ing)|sexual(ly)? (assault|violence|abuse))\b"),
        ("Mob violence", r"\b(mob|lynch(ed|ing)?|vigilantes?|rioters?|angry crowd)\b"),
        ("Violent demonstration", r"\b(protesters?|demonstrators?) (clashed|threw|attacked|"
                                  r"torched|burned)\b"),
        ("Armed clash", r"\b(attack(ed|s|ing)? (on )?(a |an |the )?(police|army|military|"
                        r"security|border)( \w+)? (checkpoint|station|post|base|camp|convoy|"
                        r"patrol|outpost|barracks|headquarters)|"
                        r"clash(es|ed)?|fighting|fought|battles?|gun ?battles?|firefights?|"
                        r"exchange of (fire|gunfire)|exchanged fire|ambush(ed|es)?|"
                        r"skirmish(es)?|offensive|counter-?attack|repelled|repulsed|"
                        r"(stormed|overran|assault(ed)? on) (a |an |the )?(military|army|"
                        r"police|security|checkpoint|base|post|outpost|barracks|convoy))\b"),
        ("Abduction/forced disappearance", r"\b(abduct\w*|kidnap\w*|hostages?|"
                                           r"forced disappearance)\b"),
        ("Attack", r"\b(shot (dead|and killed)|gunmen|gunman|stabb(ed|ing)|hacked|machetes?|"
                   r"massacre\w*|behead\w*|execut(ed|ion)|murder\w*|assassinat\w*|"
                   r"opened fire|attack(ed|s)?|raided|torched|burned alive|killed civilians|"
                   r"shot|gunned down)\b"),
    )
)
ARMED_CATEGORIES = {"soldiers", "militants", "police"}
#: wording of an attack on unarmed people: a later gunfight with police does not make it
#: a battle ("killing 12 people ... the shooter was killed after a gunbattle with officers")
CIVILIAN_TARGETING = re.compile(
    r"\b(mass shooting|shooting spree|rampage|indiscriminate(ly)?|sprayed (gun)?fire|"
    r"opened fire (on|at|in) (a |an |the )?(\w+ )?(worshippers|shoppers|tourists|civilians|"
    r"passers-by|crowds?|people|students|visitors|customers|museum|market|mall|church|mosque|"
    r"school|hotel|restaurant|concert|nightclub)|"
    r"stormed (a |an |the )?([\w']+ ){0,3}(museum|hotel|school|mall|church|mosque|market|"
    r"restaurant|concert|nightclub|office|university|hospital|theatre|theater))\b", re.I)


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
    for sub, pattern in RULES:
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
