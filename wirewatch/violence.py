"""The vocabulary of violence, in one place: what marks a sentence as political violence,
what names a non-violent cause of death, and which words name each ACLED sub-type.

Two kinds of list live here, on purpose: :data:`VIOLENCE` holds words that mark
violence on their own and decides *whether* deaths were violent (extraction);
:data:`SUB_EVENT_CUES` holds the words that say *which kind* of violence it was
(classification), many of them ambiguous alone ("a plane", "an explosion").
"""

from __future__ import annotations

import re

# What an event is (for the sentence before a toll): fighting, attacks, strikes, blasts.
EVENT_WORDING = re.compile(
    r"\b(clash\w*|fight\w*|fought|battl\w*|attack\w*|ambush\w*|raid\w*|assault\w*|"
    r"strike[sd]?|airstrikes?|shell\w*|bomb\w*|explo\w*|detonat\w*|grenades?|IEDs?|"
    r"opened fire|fired|shot|stabb\w*|storm\w*|overr[au]n|seized|captured|abduct\w*|"
    r"kidnap\w*|riot\w*|lynch\w*|mob)\b", re.I,
)
# Deaths from causes that are not political violence (ACLED codes none of these).
NON_VIOLENT_CAUSES = re.compile(
    r"\b(crash\w*|collid\w*|collision|road accident|traffic accident|car accident|drove off|"
    r"overturn\w*|derail\w*|plunged|capsiz\w*|sank|fire broke out|blaze|caught fire|"
    r"(a|the) (huge |massive |major |deadly |large )?fire (at|in|on)|"
    r"(in|by) (a|the) (huge |massive |major |deadly |large )?fire\b|"
    r"fire (swept|ripped|engulfed|gutted|tore)|electrical fault|short[- ]circuit|"
    r"flood\w*|earthquake|quake|landslides?|mudslides?|avalanche|storms?|cyclone|hurricane|"
    r"typhoon|tornado|heat ?wave|(extreme|excessive|scorching) heat|heat ?stroke|hypothermia|"
    r"lightning|stampede|collaps\w*|outbreak|disease|cholera|methane|firedamp|mine gas|"
    r"covid|coronavirus|overdose|electrocut\w*|gas (explosion|leak|cylinder)|boiler|"
    r"illness|natural causes|drown\w*)\b", re.I,
)
#: "four prisoners died of cholera": the sentence gives a cause of death that is not violence
DIED_OF_CAUSE = re.compile(
    r"\b(died|dead|deaths?|killed|succumbed)\b[^.]{0,40}?\b(due to|from|of|by)\s+"
    r"(the\s+)?\w*\s*" + NON_VIOLENT_CAUSES.pattern, re.I)
#: words that mark political violence on their own (an attack, gunmen, a shelling): they
#: tell a bombing from a gas explosion, a shooting from a crash. Who the dead were
#: (soldiers, troops) is no such word: soldiers also rescue, and die in road accidents.
VIOLENCE = re.compile(
    # not "a heart attack", "a panic attack", "lightning strikes"
    r"\b((?<!heart )(?<!panic )(?<!asthma )attack\w*|bomb\w*|gunm[ae]n|gunfire|shot|shooting|"
    r"shelling|shelled|(?<!lightning )strikes?|"
    r"airstrikes?|clash\w*|fighting|militants?|insurgents?|rebels?|terror\w*|ambush\w*|"
    r"grenades?|IEDs?|explosives?|murder\w*|stabb\w*|massacre\w*|executed|beaten|"
    r"behead\w*|assassinat\w*|raid\w*|lynch\w*|mob|riot\w*|"
    r"suicide bomb\w*|kidnap\w*|abduct\w*|martyr\w*|arson\w*|set fire|torched|set ablaze|"
    r"live (ammunition|rounds|fire)|tear ?gas|rubber bullets|opened fire|fired (on|at|into)|"
    # "killed by soldiers", not "killed by lightning" or "killed by a falling wall"
    r"killed by(?! (a |an |the )?([\w-]+ )?(lightning|floods?|fires?|blaze|heat|cold|disease|"
    r"landslides?|avalanches?|storms?|falling|collapsing|trees?|walls?|trains?|cars?|trucks?|"
    r"bus|buses|vehicles?|lorry|lorries|waves?|currents?)\b))\b",
    re.I,
)

TERRITORY = re.compile(
    r"\b(took|taken|take|takes|taking|seized|seize|captured|capture|regained|retook|"
    r"recaptured|overran|overrun) (full )?(control of|over|the (village|town|city|area|base|"
    r"locality|district|camp)|a [\w\s]{0,30}?(stronghold|base|town|village))", re.I)
STATE_FORCES = re.compile(
    r"\b(army|military|troops|soldiers|government|security forces|forces of|police|"
    r"FARDC|SNA|ANDSF|defence forces|defense forces|armed forces)\b", re.I)

#: (ACLED sub-type, its cue words) in priority order: the most specific weapon or method
#: first. Many cues are ambiguous alone ("planes", "explosion"): they name the kind of an
#: event already known to be violence, never decide that it is.
SUB_EVENT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
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
#: wording of an attack on unarmed people: a later gunfight with police does not make it
#: a battle ("killing 12 people ... the shooter was killed after a gunbattle with officers")
CIVILIAN_TARGETING = re.compile(
    r"\b(mass shooting|shooting spree|rampage|indiscriminate(ly)?|sprayed (gun)?fire|"
    r"opened fire (on|at|in) (a |an |the )?(\w+ )?(worshippers|shoppers|tourists|civilians|"
    r"passers-by|crowds?|people|students|visitors|customers|museum|market|mall|church|mosque|"
    r"school|hotel|restaurant|concert|nightclub)|"
    r"stormed (a |an |the )?([\w']+ ){0,3}(museum|hotel|school|mall|church|mosque|market|"
    r"restaurant|concert|nightclub|office|university|hospital|theatre|theater))\b", re.I)
