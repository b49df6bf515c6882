"""Role rules: what a figure in a sentence counts — the toll, a claim, a guess, a part
of another count, or people besides those counted."""

from __future__ import annotations

import re

from wirewatch.quantities import NUMBER_WORDS
from wirewatch.rules import Rule

#: another source's figure for the same event: "but other sources reported 37 killed"
_OTHER_ACCOUNT = re.compile(
    r"\b(other|some|unconfirmed|conflicting|different|alternative|local)\s+(sources|reports|"
    r"accounts|media)\b", re.I)
OTHER_ACCOUNT = Rule(
    name='role.other_account',
    decides='role',
    purpose=(
        "another source's figure for the same event competes with the toll; it is not "
        'added'
    ),
    pattern=_OTHER_ACCOUNT,
    examples=(
        'Eight people were killed, but local sources put the toll at 15.',
        'Officials said 10 died, while other reports said 14 were killed.',
    ),
    counter_examples=(
        'Eight people were killed, officials said.',
    ),
)

#: a side's claim about the toll, or a figure said to be unconfirmed ("rebels claim 60
#: soldiers killed", "the claim could not be verified"); claiming responsibility, or an
#: attack that "claimed the lives of" N, is no such thing
_CLAIMED = re.compile(
    r"\bclaim(s|ed)?\b(?! (the )?(responsibility|credit|of responsibility|by)\b)"
    r"(?! (the )?(\S+ ){0,2}lives\b)"  # "claimed 67 lives": a toll
    r"(?! (\S+ )?(attacks?|bombings?|blasts?|explosions?|assaults?|raids?|strikes?|"
    r"ambush(es)?)\b)",  # "a Taliban-claimed suicide attack": who did it
    re.I)
CLAIMED = Rule(
    name='role.claimed',
    decides='role',
    purpose=(
        "a side's claim about a toll is not a confirmed figure; the figure before it "
        'stands'
    ),
    pattern=_CLAIMED,
    examples=(
        'The rebels claimed they had killed 60 soldiers in the fighting.',
        'Insurgents claim 40 troops died in the raid.',
    ),
    counter_examples=(
        'The group claimed responsibility for the bombing that killed 12 people.',
        'The blast claimed 30 lives.',
    ),
)

#: "a Taliban spokesman said its fighters killed 20 soldiers": an armed group's own count
#: of what it did is its claim, not a toll (a state force's spokesman is a source like any)
_MILITANT_SPOKESMAN = re.compile(
    r"\b(taliban|(al[- ])?shabaab?|boko haram|islamic state|isis|isil|houthis?|rebels?|"
    r"militants?|insurgents?|insurgency|jihadists?|guerrillas?)(['’]s?)?\s+(\w+\s+){0,2}?"
    r"spokes(man|woman|person)\b|"
    # "X claimed responsibility for the attack, saying its fighters had killed 30"
    r"\bclaim(ed|s|ing)? (the )?responsibility\b[^.;]{0,100}?\b(saying|said|adding|"
    r"and said|boasting)\b", re.I)
MILITANT_SPOKESMAN = Rule(
    name='role.militant_spokesman',
    decides='role',
    purpose=(
        "an armed group's own count of what it did is its claim, not a toll"
    ),
    pattern=_MILITANT_SPOKESMAN,
    examples=(
        'A Taliban spokesman said its fighters killed 25 soldiers.',
        'The group claimed responsibility, saying its fighters had killed 30 police.',
    ),
    counter_examples=(
        'An army spokesman said 25 militants were killed.',
    ),
)

_UNCONFIRMED = re.compile(
    r"\b((could|can) ?not (immediately )?(be )?(confirmed|verified)|unconfirmed|unverified)\b",
    re.I)
UNCONFIRMED = Rule(
    name='role.unconfirmed',
    decides='role',
    purpose=(
        'a figure said to be unconfirmed counts only when nothing else does'
    ),
    pattern=_UNCONFIRMED,
    examples=(
        'Residents said 40 people died, a figure that could not be verified.',
        'Unconfirmed reports said 12 people were wounded.',
    ),
    counter_examples=(
        'Police confirmed that 12 people were wounded.',
    ),
)

#: "another 19 are feared dead", "may have been killed": a figure nobody has confirmed
_SPECULATIVE = re.compile(
    r"\b(feared (dead|killed|drowned)|presumed dead|"
    r"(is|are|was|were|be)( also| now)? (feared|believed|thought|presumed|suspected) to "
    r"(have been killed|have been dead|have died|be dead)|"
    r"(may|might|could) (also )?have (been killed|died|perished))\b", re.I)
SPECULATIVE = Rule(
    name='role.speculative',
    decides='role',
    purpose=(
        "people 'feared dead' or who 'may have been killed' add no one to a toll"
    ),
    pattern=_SPECULATIVE,
    examples=(
        'Nine people were killed and another 20 are feared dead under the rubble.',
        'Twelve villagers were killed and up to 30 others are believed to have died.',
    ),
    counter_examples=(
        'Twelve villagers were killed and 30 were wounded.',
    ),
)

#: "police initially reported five dead": the first figure of a toll told with its growth
#: ("... but rescuers found nine more bodies")
_INITIAL_REPORT = re.compile(
    r"\b((initially|originally|at first|first|earlier|previously)\s+(\w+\s+)?"
    r"(said|reported|put|gave|announced|counted|confirmed|listed)|"
    r"(said|reported|put|gave|announced|counted|confirmed)\s+(initially|at first|originally))\b",
    re.I)
INITIAL_REPORT = Rule(
    name='role.initial_report',
    decides='role',
    purpose=(
        "a first figure told with its growth ('initially five, then nine more found') is "
        'one revised toll'
    ),
    pattern=_INITIAL_REPORT,
    examples=(
        'Police initially reported five dead, but nine more bodies were found.',
        'Officials first said three people were killed in the blast.',
    ),
    counter_examples=(
        'Police reported five dead after the blast.',
    ),
)

#: "X was the only one who died", "the sole fatality": a toll of one
_SOLE_VICTIM = re.compile(
    r"\b(was|is) the (only|sole|lone) (one|person|victim|fatality|casualty|death)"
    r"(?=( (who|to|that) (died|was killed|lost (his|her) life|perished))|\b(?! (who|to|that)))",
    re.I)
SOLE_VICTIM = Rule(
    name='role.sole_victim',
    decides='role',
    purpose=(
        "'the only person who died' is a toll of one"
    ),
    pattern=_SOLE_VICTIM,
    examples=(
        'The guard was the only person who died in the attack.',
        'She was the sole fatality of the shooting at the mall.',
    ),
    counter_examples=(
        'The guard was one of three people who died in the attack.',
    ),
)

#: an attacker's own death: "shot himself", "blew herself up" (with no toll given)
_SELF_INFLICTED = re.compile(
    r"\b((killed|shot|stabbed|hanged) (himself|herself)|took (his|her) own life|"
    r"(burnt|burned) (himself|herself) to death|"
    # the attacker's own death after the killing: "... before he was shot dead by police"
    r"before (he|she) was (himself |herself |also )?(shot dead|killed|gunned down|"
    r"shot and killed)|before being (shot dead|killed|gunned down|shot and killed)|"
    r"committed suicide|(?P<blast>blew (himself|herself) up|blown (himself|herself) up))\b",
    re.I)
SELF_INFLICTED = Rule(
    name='role.self_inflicted',
    decides='role',
    purpose=(
        'an attacker who killed himself, or was shot dead after the killing, is one more '
        'dead unless already counted'
    ),
    pattern=_SELF_INFLICTED,
    examples=(
        'The gunman killed four students and then shot himself.',
        'The attacker stabbed two women before he was shot dead by police.',
    ),
    counter_examples=(
        'The gunman killed four students before police arrested him.',
    ),
)

#: "five people, including the gunman, were killed": the attacker is in the toll already
_ATTACKER_COUNTED = re.compile(
    r"\b(including|among them|among whom|among the dead( was| were)?)\s+(the|two|three|both|all)?"
    r"\s*(\w+\s+)?(attackers?|gunm[ae]n|shooters?|bombers?|assailants?|perpetrators?|"
    r"hijackers?|killers?|knifem[ae]n)\b|\bincluding (himself|herself|themselves)\b", re.I)
ATTACKER_COUNTED = Rule(
    name='role.attacker_counted',
    decides='role',
    purpose=(
        "'including the gunman' says the toll already counts the attacker"
    ),
    pattern=_ATTACKER_COUNTED,
    examples=(
        'Five people, including the gunman, were killed.',
        'Seven people died in the raid, among them the two attackers.',
    ),
    counter_examples=(
        'Five people were killed before police shot the gunman.',
    ),
)

#: "In addition, a roadside bomb killed four soldiers": a sentence opening on more to tell
#: (not "in addition to the bomber, ...", which counts the attackers besides)
_IN_ADDITION = re.compile(r"\s*(in addition|besides|on top of that)\s*,", re.I)
IN_ADDITION = Rule(
    name='role.in_addition',
    decides='role',
    purpose=(
        "a sentence opening 'In addition,' tells more victims or another incident"
    ),
    pattern=_IN_ADDITION,
    examples=(
        'Gunmen killed two farmers on Monday. In addition, a roadside bomb killed four '
        'soldiers near Gao.',
        'Three guards died at the gate. Besides, two police officers were wounded by a '
        'grenade in the square.',
    ),
    counter_examples=(
        'In addition to the bomber, four officers died.',
    ),
)

#: "..., taking the total killed in the province this year to 112": a clause adding the
#: sentence's own toll to a running total of a period or a campaign; its figure is no
#: incident's toll ("bringing the death toll from the bombing to 25" is the event's own)
_RUNNING_TOTAL = re.compile(
    r"\b(bringing|taking|raising|pushing|putting|brought|took|raised|pushed)\s+(the|its)\s+"
    r"([\w-]+\s+){0,2}(total|number|toll|tally|count)\b[^.;]{0,100}?"
    r"\b(since|during|this (year|month|week)|so far|to date|in (the )?(past|last)|"
    r"operations?|offensives?|campaigns?|conflict|war|insurgency|crackdown)\b[^.;]{0,80}?\bto\b",
    re.I)
RUNNING_TOTAL = Rule(
    name='role.running_total',
    decides='role',
    purpose=(
        "a clause adding the toll to a period's running total: its figure is no "
        "incident's"
    ),
    pattern=_RUNNING_TOTAL,
    examples=(
        'Two soldiers were killed, taking the total killed in the province this year to '
        '112.',
        'The ambush killed six police, bringing the number of police killed since the '
        'offensive began to 40.',
    ),
    counter_examples=(
        'Rescuers found four more bodies, bringing the death toll from the bombing to 25.',
    ),
)

_REVISION_CUES = re.compile(r"\b(toll|tally|rose|risen|climbed|increased|jumped|reached)\b", re.I)
REVISION = Rule(
    name='role.revision',
    decides='role',
    purpose=(
        "a toll that 'rose' or 'reached' a figure revises the earlier one"
    ),
    pattern=_REVISION_CUES,
    examples=(
        'The death toll from the bombing rose to 31 on Wednesday.',
        'Hospital officials said the death toll had climbed to 19 by Thursday.',
    ),
    counter_examples=(
        'Gunmen killed 19 people on Wednesday.',
    ),
)

_SAME_PLACE_CUES = re.compile(r"\b(same (area|place|town|city|village|region|district|spot))\b",
                             re.I)
SAME_PLACE = Rule(
    name='role.same_place',
    decides='role',
    purpose=(
        "'in the same area' ties a sentence to the place of the incident before it"
    ),
    pattern=_SAME_PLACE_CUES,
    examples=(
        'Five soldiers were killed in the same area a day earlier.',
        'Three more bodies were found at the same spot on Friday.',
    ),
    counter_examples=(
        'Five soldiers were killed in another district.',
    ),
)

_NO_CASUALTY = re.compile(
    r"\b(no (one|body|people|persons|casualties|deaths|injuries|fatalities)|nobody|"
    r"no (reported )?(casualties|injuries|deaths))\b.{0,40}\b(killed|injured|wounded|hurt|"
    r"reported|died)?", re.I,
)
NOBODY_HURT = Rule(
    name='role.nobody_hurt',
    decides='role',
    purpose=(
        "'no one was hurt' reports no casualties"
    ),
    pattern=_NO_CASUALTY,
    examples=(
        'Zero people were killed and nobody was hurt when the shell hit the field.',
        'There were zero deaths, and no injuries were reported.',
    ),
    counter_examples=(
        'Two people were hurt when the shell hit the field.',
    ),
)


ATTACKERS_BESIDES = Rule(
    name="role.attackers_besides",
    decides="role",
    purpose="'in addition to the bomber' or 'besides the gunmen' says the attackers died on "
            "top of the figure the sentence gives",
    pattern=re.compile(
        r"\b(in addition(?: to)?|besides|apart from|not counting|excluding|as well as) "
        r"(?:the |a |an )?(?:(?P<n>\d+|" + NUMBER_WORDS + r") )?(?:suicide )?(?:\w+ )?"
        r"(?:bombers?|assailants?|attackers?|perpetrators?|gunm[ae]n|shooters?)\b[^.]*"
        r"\b(killed|died|dead)\b|"
        # the dead first: "nine were killed, not counting the gunman"
        r"\b(killed|died|dead)\b[^.]*\b(besides|apart from|not counting|excluding) "
        r"(?:the |a |an )?(?:(?P<n2>\d+|" + NUMBER_WORDS + r") )?(?:suicide )?(?:\w+ )?"
        r"(?:bombers?|assailants?|attackers?|perpetrators?|gunm[ae]n|shooters?)\b", re.I),
    examples=(
        "Four people, besides the bomber, were killed at the checkpoint.",
        "In addition to the two attackers, six guards died in the raid on the bank.",
        "Nine worshippers were killed, not counting the gunman, police said.",
    ),
    counter_examples=(
        "Four people, including the bomber, were killed at the checkpoint.",
    ),
)
BODY_FOUND = Rule(
    name="role.body_found",
    decides="role",
    purpose="a body found (with wounds, bound, dumped) is one dead when nothing else counts",
    pattern=re.compile(
        r"\b(a|the|one) (?!(governing|advisory|legislative|regulatory|student|professional|"
        r"ruling|sovereign|world|water|main|whole) )([\w-]+ ){0,3}?(body|corpse) "
        r"(of (a|an|the) [\w-]+ ([\w-]+ )?)?(was|has been|had been) "
        r"(found|discovered|recovered|dumped|left)\b(?! to\b)", re.I),
    examples=(
        "The body of a trader was found with gunshot wounds near the market.",
        "A mutilated body was discovered in a ditch outside the town on Friday.",
    ),
    counter_examples=(
        "The governing body was found to have ignored the warnings about the bridge.",
        "Three bodies were found in a ditch outside the town on Friday.",
    ),
)

BREAKDOWN_OF_TOLL = Rule(
    name="role.breakdown_of_toll",
    decides="role",
    purpose="a sentence saying who some of the dead or hurt were ('among the dead were eight "
            "officers') details the toll already given: it adds no one and starts no incident",
    pattern=re.compile(
        r"\b(among|including) (the |those )?(dead|killed|victims|casualties|injured|wounded|"
        r"fatalities)\b|\b(among|including) (those|people) (who (died|were killed|were "
        r"(wounded|injured|hurt)))\b", re.I),
    examples=(
        "A bomb killed 30 people at the station in Quetta on Monday. Police said one "
        "Chinese engineer had died, and a Japanese aid worker was also among the dead.",
        "Gunmen killed 12 people at a hotel in Mogadishu. Two lawmakers were killed and a "
        "judge was also among the victims, a minister said.",
    ),
    counter_examples=(
        "A bomb killed 30 people at the station in Quetta on Monday. Separately, two "
        "engineers were shot dead in Gwadar on Sunday.",
    ),
)

RULES: tuple[Rule, ...] = (
    OTHER_ACCOUNT,
    CLAIMED,
    MILITANT_SPOKESMAN,
    UNCONFIRMED,
    SPECULATIVE,
    INITIAL_REPORT,
    SOLE_VICTIM,
    SELF_INFLICTED,
    ATTACKER_COUNTED,
    IN_ADDITION,
    RUNNING_TOTAL,
    REVISION,
    SAME_PLACE,
    NOBODY_HURT,
    ATTACKERS_BESIDES,
    BODY_FOUND,
    BREAKDOWN_OF_TOLL,
)

